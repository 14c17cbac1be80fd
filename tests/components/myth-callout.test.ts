import { describe, expect, test } from 'vitest';
import MythCallout from '../../src/components/lesson/MythCallout.astro';
import { facts, portFact } from '../../src/data/index.ts';
import { renderToDom, text } from './render.ts';

describe('MythCallout', () => {
  test('shows a general myth as a quoted claim under “Myth”, then the correction under “In fact”, from the data file', async () => {
    const doc = await renderToDom(MythCallout, { id: 'pop3-deletes' });
    const aside = doc.querySelector('aside[data-myth="pop3-deletes"]')!;
    expect(aside).not.toBeNull();
    const [claim, fact] = [...aside.querySelectorAll(':scope > div')];
    expect(text(claim!.querySelector('.mw-myth-label'))).toBe('✗ Myth');
    // The myth is a quotation, never a plain statement.
    expect(text(claim!.querySelector('q'))).toBe(facts.myths.find((m) => m.id === 'pop3-deletes')!.myth);
    expect(text(fact!.querySelector('.mw-myth-label'))).toBe('✓ In fact');
    expect(claim!.querySelector('.mw-myth-label [aria-hidden="true"]')).not.toBeNull();
    expect(text(fact)).toContain('a server may also delete mail by its own policy and announce it with EXPIRE');
    expect(aside.getAttribute('aria-labelledby')).toBe('myth-pop3-deletes');
  });

  test('links every source of the correction', async () => {
    const doc = await renderToDom(MythCallout, { id: 'pop3-deletes' });
    const links = [...doc.querySelectorAll('.mw-myth-sources a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(links).toEqual([
      ['RFC 1939 §6', 'https://www.rfc-editor.org/rfc/rfc1939#section-6'],
      ['RFC 1939 §8', 'https://www.rfc-editor.org/rfc/rfc1939#section-8'],
      ['RFC 2449 §6.7', 'https://www.rfc-editor.org/rfc/rfc2449#section-6.7'],
      ['RFC 1939 §5', 'https://www.rfc-editor.org/rfc/rfc1939#section-5'],
    ]);
  });

  test('shows a port’s misconception with its sources', async () => {
    const doc = await renderToDom(MythCallout, { port: 465 });
    const aside = doc.querySelector('aside[data-myth="465"]')!;
    expect(text(aside.querySelector('q'))).toBe(portFact(465)!.misconception.myth);
    expect(text(aside)).toContain(portFact(465)!.misconception.correction);
    expect([...aside.querySelectorAll('.mw-myth-sources a')].map(text)).toEqual(['RFC 8314 §7.3', 'RFC 5321 §5.1']);
  });

  test('renders every myth and every port without JavaScript', async () => {
    for (const m of facts.myths) {
      const doc = await renderToDom(MythCallout, { id: m.id });
      expect(doc.querySelector(`[data-myth="${m.id}"] q`), m.id).not.toBeNull();
      expect(doc.querySelector('script'), m.id).toBeNull();
    }
    for (const p of facts.ports) expect((await renderToDom(MythCallout, { port: p.port })).querySelector(`[data-myth="${p.port}"]`)).not.toBeNull();
  });

  test('fails the build for an unknown id or port, or for both or neither', async () => {
    await expect(renderToDom(MythCallout, { id: 'smtp-is-fast' })).rejects.toThrow(/<MythCallout id="smtp-is-fast">: no such myth in src\/data; myths are pop3-deletes, /);
    await expect(renderToDom(MythCallout, { port: 26 })).rejects.toThrow(/<MythCallout port=\{26\}>: the data file has no port 26; ports are 25, /);
    await expect(renderToDom(MythCallout, {})).rejects.toThrow(/needs exactly one of id/);
    await expect(renderToDom(MythCallout, { id: 'pop3-deletes', port: 465 })).rejects.toThrow(/needs exactly one of id/);
  });
});
