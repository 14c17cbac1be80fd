/**
 * The scenario format's server personality and token placeholders: a file names `server: "exchange-online"` and
 * writes `{{xoauth2 <user> <permission>}}` where a token goes; the runner fills it with a token the engine issues
 * in the scenario's world, so the file never holds one and replays are identical. `start` sets the world's day.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { openSession } from '../../src/machines/session.ts';
import { playScenario, scenarioWorld } from '../../src/scenarios/runner.ts';
import { fillTokens, placeholdersWellFormed, tokenRequests } from '../../src/scenarios/placeholders.ts';
import { parseScenario } from '../../src/scenarios/schema.ts';
import { decodeBase64 } from '../../src/protocols/shared/sasl.ts';
import { parseXoauth2 } from '../../src/protocols/shared/xoauth2.ts';

const load = (id: string) => parseScenario(JSON.parse(readFileSync(new URL(`../../src/content/scenarios/${id}.json`, import.meta.url), 'utf8')), `${id}.json`);
const base = { id: 'imap-x', title: 'A test scenario', summary: 'A scenario made up for this test only.', protocol: 'imap', port: 993, greetingNote: 'The greeting of the server.' };
const step = (client: string) => ({ client, expect: 'OK', note: 'A step of the made-up scenario.' });

describe('token placeholders', () => {
  test('are read, checked and filled', () => {
    expect(tokenRequests('a AUTHENTICATE XOAUTH2 {{xoauth2 alice@example.test IMAP.AccessAsUser.All}}')).toEqual([{ user: 'alice@example.test', permission: 'IMAP.AccessAsUser.All' }]);
    expect(placeholdersWellFormed('{{xoauth2 alice}}')).toBe(false);
    expect(placeholdersWellFormed('{{token alice IMAP}}')).toBe(false);
    expect(placeholdersWellFormed('a NOOP')).toBe(true);
    expect(fillTokens('x {{xoauth2 a P}} y', (u, p) => `${u}:${p}`)).toBe('x a:P y');
  });

  test('need a server that issues tokens, and must be well formed', () => {
    expect(() => parseScenario({ ...base, steps: [step('a AUTHENTICATE XOAUTH2 {{xoauth2 alice IMAP.AccessAsUser.All}}')] }, 'imap-x.json')).toThrow(/need a "server"/);
    expect(() => parseScenario({ ...base, server: 'exchange-online', steps: [step('a AUTHENTICATE XOAUTH2 {{xoauth alice}}')] }, 'imap-x.json')).toThrow(/placeholder is written/);
    expect(() => parseScenario({ ...base, server: 'groupwise', steps: [step('a NOOP')] }, 'imap-x.json')).toThrow(/server/);
    expect(() => parseScenario({ ...base, start: '2027-13-01', steps: [step('a NOOP')] }, 'imap-x.json')).toThrow(/start/);
  });
});

describe('the Exchange Online scenarios', () => {
  test('hold no token: only placeholders', () => {
    for (const id of ['imap-exchange-online-oauth', 'smtp-exchange-online-oauth']) {
      const text = readFileSync(new URL(`../../src/content/scenarios/${id}.json`, import.meta.url), 'utf8');
      expect(text).not.toMatch(/Bearer [\w.~+/-]{20,}|eyJ/);
      expect(text).toMatch(/\{\{xoauth2 alice@example\.test /);
    }
  });

  test('the IMAP scenario sends a token the world issued, for alice and IMAP, and replays identically', () => {
    const s = load('imap-exchange-online-oauth');
    const first = playScenario(s, openSession);
    const line = first.played[3]!.entries.find((e) => e.kind === 'client')!.text;
    const creds = parseXoauth2(line.split(' ')[3]!);
    expect(creds).toMatchObject({ user: 'alice@example.test' });
    const part = (creds as { token: string }).token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(decodeBase64(part.padEnd(Math.ceil(part.length / 4) * 4, '='))!);
    expect(claims).toMatchObject({ aud: 'https://outlook.office365.test', scp: 'IMAP.AccessAsUser.All', upn: 'alice@example.test' });
    expect(first.played.map((p) => p.observed)).toEqual(['OK', 'NO', 'NO', 'OK', 'OK', 'OK']);
    expect(first.greeting.at(-1)?.text).toMatch(/^\* OK The Microsoft Exchange IMAP4 service is ready\./);
    const again = playScenario(s, openSession);
    expect(again.played.flatMap((p) => p.entries)).toEqual(first.played.flatMap((p) => p.entries));
  });

  test('the SMTP scenario runs in January 2027: 5.7.139 for the password, 235 for the token, and Bob gets the mail', () => {
    const s = load('smtp-exchange-online-oauth');
    expect(scenarioWorld(s).clock.peek().toISOString()).toBe('2027-01-04T09:00:00.000Z');
    const { played, world } = playScenario(s, openSession);
    expect(played[5]!.entries.find((e) => e.kind === 'server')!.text).toMatch(/^535 5\.7\.139 /);
    expect(played[6]!.observed).toBe('235');
    expect(world.mailbox('bob', 'INBOX')!.messages.some((m) => m.raw.includes('Subject: Sent with a token'))).toBe(true);
  });
});
