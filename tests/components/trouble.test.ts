import { describe, expect, test } from 'vitest';
import Trouble from '../../src/components/lesson/Trouble.astro';
import { replyParts } from '../../src/components/lesson/trouble-reply.ts';
import { facts } from '../../src/data/index.ts';
import { renderToDom, text } from './render.ts';

/** The definition list's entries by term. */
function entries(doc: Document): Record<string, string> {
  return Object.fromEntries([...doc.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
}

describe('Trouble', () => {
  test('shows 530 5.7.0 in code style, what it tells you from the cause and the SMTP catalogue, what to do, and its scenario', async () => {
    const doc = await renderToDom(Trouble, { id: 'smtp-530' });
    const section = doc.querySelector('section[data-trouble="smtp-530"]')!;
    expect(section).not.toBeNull();
    expect(text(section.querySelector('.mw-trouble-reply code'))).toBe('530 5.7.0');
    const e = entries(doc);
    expect(Object.keys(e)).toEqual(['What it tells you', 'What to do', 'Sources', 'See it happen']);
    expect(e['What it tells you']).toMatch(/^The server wants an encrypted connection before it lets you log in\./);
    // The engine's catalogue: the basic code and the enhanced code, each explained.
    expect(e['What it tells you']).toContain('530 Authentication or TLS required: The server requires STARTTLS or AUTH before this command.');
    expect(e['What it tells you']).toContain('5.7.0 Other or undefined security status');
    expect(e['What to do']).toMatch(/Turn on STARTTLS/);
    const link = section.querySelector('a[data-scenario-link]')!;
    expect(link.getAttribute('href')).toBe('/scenarios/smtp-submission-587/');
  });

  test('explains a POP3 status and response code, and links the sources', async () => {
    const doc = await renderToDom(Trouble, { id: 'pop3-auth' });
    expect(text(doc.querySelector('.mw-trouble-reply code'))).toBe('-ERR [AUTH]');
    expect(text(doc.querySelector('.mw-trouble-when'))).toBe('to USER on port 110, before STLS');
    expect([...doc.querySelectorAll('.mw-trouble-parts code')].map(text)).toEqual(['-ERR', '[AUTH]']);
    expect([...doc.querySelectorAll('dd a[rel="external"]')].map(text)).toEqual(expect.arrayContaining(['RFC 3206 §5', 'RFC 2595 §4']));
    expect(doc.querySelector('a[data-scenario-link]')!.getAttribute('href')).toBe('/scenarios/pop3-stls-vs-995/');
  });

  test('shows the relay refusal with its note on 550 and 554', async () => {
    const doc = await renderToDom(Trouble, { id: 'smtp-relay-denied' });
    expect(entries(doc)['What it tells you']).toMatch(/RFC 5321 §3\.6\.2 recommends 550.*Postfix answers 554 by default/);
  });

  test('says “No reply at all” for the certificate warning and points to the TLS check', async () => {
    const doc = await renderToDom(Trouble, { id: 'certificate-warning' });
    expect(doc.querySelector('.mw-trouble-reply code')).toBeNull();
    expect(text(doc.querySelector('.mw-trouble-silent'))).toBe('No reply at all');
    expect(entries(doc)['See it happen']).toMatch(/certificate check: a real TLS handshake/);
    expect(doc.querySelector('script')).toBeNull();
  });

  test('fails the build for an unknown trouble', async () => {
    await expect(renderToDom(Trouble, { id: 'smtp-999' })).rejects.toThrow(/<Trouble id="smtp-999">: no such trouble in src\/data; troubles are smtp-530, /);
  });

  test('every part of every trouble’s reply is explained by the engine’s catalogue', () => {
    for (const t of facts.troubles) {
      const parts = replyParts(t);
      expect(parts.map((p) => p.token).join(' '), t.id).toBe(t.reply ?? '');
      for (const p of parts) expect(p.explanation.text.length, `${t.id} ${p.token}`).toBeGreaterThan(10);
    }
    expect(replyParts(facts.troubles.find((t) => t.id === 'imap-privacy-required')!).map((p) => p.explanation.title)).toEqual([
      'Operational failure',
      'Encryption required',
    ]);
  });
});
