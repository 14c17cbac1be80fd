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

  // Issue 9, correction 2 (changed on purpose): four modes, one STARTTLS; refusing logins before TLS is configuration.
  test('defines the four security modes: STARTTLS starts in plaintext, implicit TLS before the first byte', async () => {
    const doc = await renderToDom(TermList, { of: 'security' });
    const terms = Object.fromEntries([...doc.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(Object.keys(terms)).toEqual(['Plaintext', 'STARTTLS', 'Implicit TLS', 'HTTPS']);
    expect(terms['STARTTLS']).toMatch(/starts in plaintext.*TLS handshake runs on the same connection/);
    expect(terms['STARTTLS']).toMatch(/RFC 3207 §4.*RFC 2595 §4/);
    expect(terms['Implicit TLS']).toMatch(/before the first byte/);
    expect(terms['Implicit TLS']).toContain('RFC 8314 §3');
  });

  test('defines who decides about TLS before a login: opportunistic relay, or the server’s configuration', async () => {
    const doc = await renderToDom(TermList, { of: 'tls-before-login' });
    const terms = Object.fromEntries([...doc.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(Object.keys(terms)).toEqual(['Opportunistic: a public MX must not require TLS', 'Login before TLS: refused by a well-configured server']);
    expect(terms['Opportunistic: a public MX must not require TLS']).toMatch(/goes on in plaintext otherwise.*RFC 3207 §4/);
    expect(terms['Login before TLS: refused by a well-configured server']).toMatch(/is its configuration.*RFC 2595 §2\.3.*RFC 3501 §6\.2\.3.*RFC 8314 §4\.1/);
  });

  test('refuses an unknown list with a clear build error', async () => {
    await expect(renderToDom(TermList, { of: 'ports' })).rejects.toThrow(/"of" must be "roles", "security" or "tls-before-login"/);
  });
});
