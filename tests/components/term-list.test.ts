import { describe, expect, test } from 'vitest';
import TermList from '../../src/components/lesson/TermList.astro';
import { renderToDom, text } from './render.ts';

describe('TermList', () => {
  test('defines the four port roles, in the port table’s order, each with linked sources', async () => {
    const doc = await renderToDom(TermList, { of: 'roles' });
    expect([...doc.querySelectorAll('dt')].map(text)).toEqual(['Relay (server to server)', 'Submission (program to server)', 'Mailbox access', 'Web (HTTP)']);
    const relay = text(doc.querySelector('dd'));
    expect(relay).toContain('MX record');
    expect(relay).toContain('RFC 5321 §5.1');
    for (const dd of doc.querySelectorAll('dd')) expect(dd.querySelector('a[href^="https://"]'), text(dd)).not.toBeNull();
  });

  test('defines the five security modes: STARTTLS starts in plaintext, implicit TLS before the first byte', async () => {
    const doc = await renderToDom(TermList, { of: 'security' });
    const terms = Object.fromEntries([...doc.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(Object.keys(terms)).toEqual(['Plaintext', 'STARTTLS, opportunistic', 'STARTTLS, required', 'Implicit TLS', 'HTTPS']);
    expect(terms['STARTTLS, required']).toMatch(/starts in plaintext.*refuses to log anyone in/);
    expect(terms['STARTTLS, opportunistic']).toMatch(/server offers STARTTLS and the client supports it.*otherwise they go on in plaintext/);
    expect(terms['Implicit TLS']).toMatch(/before the first byte/);
    expect(terms['Implicit TLS']).toContain('RFC 8314 §3');
  });

  test('refuses an unknown list with a clear build error', async () => {
    await expect(renderToDom(TermList, { of: 'ports' })).rejects.toThrow(/"of" must be "roles" or "security"/);
  });
});
