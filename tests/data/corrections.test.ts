/**
 * The corrections of issue 9 ("Corrections first"), each pinned against the data file or the engine's catalogue.
 * Expected values are written from ../shared/reference/email-protocols.md (§1, §3.3, §5.7, §7), not read from the data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { facts, portFact, securityLabels, tlsBeforeLoginLabels } from '../../src/data/index.ts';
import type { Source } from '../../src/data/index.ts';
import { explainPop3 } from '../../src/protocols/pop3/replies.ts';
import { factTexts } from './fact-texts.ts';

const texts = factTexts();
const rfcs = (sources: readonly Source[]): number[] => sources.flatMap((s) => (s.kind === 'rfc' ? [s.rfc] : []));
const cites = (sources: readonly Source[], rfc: number, section: string): boolean =>
  sources.some((s) => s.kind === 'rfc' && s.rfc === rfc && s.section === section);

describe('correction 1: POP3 deletes what DELE marks, and a server may delete by its own policy', () => {
  test('no text claims POP3 deletes “only” something without naming the server’s policy', () => {
    const pop3Texts = [...texts.map((t) => ({ path: t.path, text: t.text })), ...['EXPIRE', 'UIDL'].map((k) => ({ path: `pop3 catalogue ${k}`, text: explainPop3(k)!.text }))];
    const claims = pop3Texts.filter(({ text }) => /\bonly\b/i.test(text) && /\bdelet/i.test(text) && /\bDELE\b|POP3|maildrop/.test(text));
    expect(claims.length).toBeGreaterThan(0);
    for (const { path, text } of claims) expect(text, path).toMatch(/policy/);
    for (const { path, text } of pop3Texts) expect(text, path).not.toMatch(/deletes only what the client marks\./);
  });

  test('the myth’s correction, the POP3 summary and the “stays on server” cell name the server’s policy and cite RFC 1939 §8', () => {
    const myth = facts.myths.find((m) => m.id === 'pop3-deletes')!;
    expect(myth.correction).toMatch(/^The POP3 protocol deletes only the messages a client marks with DELE, when the session ends with QUIT, but a server may also delete mail by its own policy and announce it with EXPIRE\./);
    expect(cites(myth.sources, 1939, '8') && cites(myth.sources, 2449, '6.7')).toBe(true);
    const pop3 = facts.protocols.find((p) => p.id === 'pop3')!;
    expect(pop3.summary).toMatch(/server may also delete by its own policy/);
    expect(cites(pop3.sources, 1939, '8')).toBe(true);
    const cell = facts.features.find((f) => f.id === 'staysOnServer')!.cells.pop3!;
    expect(cell.text).toMatch(/server’s own policy/);
    expect(cites(cell.sources, 2449, '6.7')).toBe(true);
  });

  test('the EXPIRE catalogue entry says it announces the server’s retention policy, with 0 and NEVER', () => {
    const e = explainPop3('EXPIRE')!;
    expect(e.text).toMatch(/retention policy/);
    expect(e.text).toMatch(/0 \(they may be deleted once the session ends\)/);
    expect(e.rfc).toBe('RFC 2449 §6.7');
  });
});

describe('correction 2: STARTTLS is the mode; refusing logins before TLS is configuration', () => {
  test('the security modes are plaintext, STARTTLS, implicit TLS and HTTPS; no label says “required”', () => {
    expect(Object.keys(facts.security)).toEqual(['plaintext', 'starttls', 'implicit-tls', 'https']);
    expect(Object.values(securityLabels)).toEqual(['Plaintext', 'STARTTLS', 'Implicit TLS', 'HTTPS']);
    for (const label of [...Object.values(securityLabels), ...Object.values(tlsBeforeLoginLabels)]) expect(label).not.toMatch(/required/i);
  });

  test('110, 143 and 587 leave it to configuration; 25 is opportunistic and a public MX must not require TLS', () => {
    for (const port of [110, 143, 587]) expect(portFact(port)!.tlsBeforeLogin, String(port)).toBe('configuration');
    expect(portFact(25)!.tlsBeforeLogin).toBe('opportunistic');
    expect(facts.tlsBeforeLogin.opportunistic.definition).toMatch(/publicly referenced MX must not require TLS/);
    expect(cites(facts.tlsBeforeLogin.opportunistic.sources, 3207, '4')).toBe(true);
  });

  test('the configuration policy cites RFC 2595 §2.3, RFC 3501 §6.2.3, RFC 3207 §4 and RFC 8314, and says servers must be able to refuse', () => {
    const t = facts.tlsBeforeLogin.configuration;
    expect(t.definition).toMatch(/must be able to refuse plaintext logins and RFC 8314 recommends doing so/);
    for (const [rfc, section] of [[2595, '2.3'], [3501, '6.2.3'], [9051, '6.2.3'], [3207, '4'], [8314, '4.1']] as const) {
      expect(cites(t.sources, rfc, section), `RFC ${rfc} §${section}`).toBe(true);
    }
  });

  test('no port description says the port itself requires TLS', () => {
    for (const p of facts.ports) expect(p.description, String(p.port)).not.toMatch(/\brequire[sd]?\b/);
  });
});

describe('correction 4: port 80 and the web role', () => {
  test('the web role names calendar publishing and redirects, no mail protocol and no credentials', () => {
    const def = facts.roles.http.definition;
    expect(def).toMatch(/calendar publishing and redirects only: no mail protocol and, by design, no credentials/);
    expect(def).not.toMatch(/only redirects/);
  });
});

describe('correction 6: classic Outlook for Windows speaks MAPI; the new Outlook does not', () => {
  test('every “Outlook for Windows” in the data says classic or new', () => {
    const mentions = texts.filter((t) => /Outlook for Windows/.test(t.text));
    expect(mentions.length).toBeGreaterThan(0);
    for (const t of mentions) {
      for (const m of t.text.matchAll(/(\w+) Outlook for Windows/gi)) expect(m[1]!.toLowerCase(), t.path).toMatch(/^(classic|new)$/);
    }
  });

  test('every text that ties MAPI to Outlook says classic Outlook', () => {
    for (const t of texts.filter((x) => /MAPI/.test(x.text) && /Outlook/.test(x.text))) expect(t.text, t.path).toMatch(/[Cc]lassic Outlook/);
  });

  test('port 443’s correction says classic Outlook uses MAPI over HTTP and the new one no MAPI', () => {
    expect(portFact(443)!.misconception.correction).toBe(
      'Classic Outlook for Windows uses MAPI over HTTP on 443, and RPC over TCP is not supported since Exchange 2013; the new Outlook for Windows does not use MAPI at all.',
    );
  });
});

describe('correction 7: EWS and Graph are qualified wherever they appear', () => {
  const deprecation = 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-ews-exchange-online';

  test('every mention of EWS gives its Exchange Online status and cites Microsoft’s deprecation page', () => {
    const mentions = texts.filter((t) => /\bEWS\b/.test(t.text));
    expect(mentions.map((t) => t.path)).toEqual(expect.arrayContaining(['protocols.exchange', 'ports[443].description', 'features.serverSearch.exchange']));
    for (const t of mentions) {
      expect(t.text, t.path).toMatch(/blocked unless allow-listed|blocks unless allow-listed/);
      expect(t.sources.some((s) => s.kind === 'doc' && s.url === deprecation), t.path).toBe(true);
    }
  });

  test('the Exchange summary gives both dates and says on-premises EWS continues', () => {
    const summary = facts.protocols.find((p) => p.id === 'exchange')!.summary;
    expect(summary).toMatch(/1 October 2026/);
    expect(summary).toMatch(/1 April 2027/);
    expect(summary).toMatch(/on-premises EWS continues/);
    expect(summary).toMatch(/Microsoft Graph is for Exchange Online only/);
  });

  test('every mention of Microsoft Graph says it is for Exchange Online', () => {
    const mentions = texts.filter((t) => /\bGraph\b/.test(t.text));
    expect(mentions.length).toBeGreaterThan(3);
    for (const t of mentions) expect(t.text, t.path).toMatch(/Exchange Online/);
  });
});

describe('correction 8: the smaller ones', () => {
  test('the relay mistakes scenario says this server offers no login on port 25', () => {
    const scenario = readFileSync(new URL('../../src/content/scenarios/smtp-mistakes-relay.json', import.meta.url), 'utf8');
    expect(scenario).toMatch(/this server offers no login on port 25/);
    expect(scenario).not.toMatch(/nothing to log in to/);
  });

  test('every fact that cites RFC 3501 cites RFC 9051 beside it', () => {
    const all = [...texts, ...facts.ports.map((p) => ({ path: `ports[${p.port}]`, text: '', sources: Object.values(p.sources).flat() }))];
    for (const t of all.filter((x) => rfcs(x.sources).includes(3501))) expect(rfcs(t.sources), t.path).toContain(9051);
  });

  test('the two POP3 catalogue entries that describe Dovecot’s defaults say so', () => {
    for (const token of ['USER', 'SASL']) expect(explainPop3(token)!.text, token).toMatch(/This server, like Dovecot by default,/);
  });

  test('2525 has no governing RFC and says it is a vendor convention', () => {
    const p = portFact(2525)!;
    expect(p.governingRfcs).toEqual([]);
    expect(p.description).toMatch(/vendor convention, governed by no RFC/);
  });
});
