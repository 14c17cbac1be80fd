/**
 * The Exchange scenarios replay on the engine to every status they expect, with the values they carry from one
 * response to a later request; and the HTTP scenario schema refuses what the runner could not play.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../src/machines/http-servers.ts';
import '../../src/machines/servers.ts';
import { openHttpSession } from '../../src/machines/http-session.ts';
import { openSession } from '../../src/machines/session.ts';
import { stepRequest, type HttpPlayedStep, type HttpScenario } from '../../src/scenarios/http-scenario.ts';
import { playHttpScenario } from '../../src/scenarios/http-play.ts';
import { parseHttpScenario } from '../../src/scenarios/http-schema.ts';
import { shownBody, xmlToWbxml } from '../../src/scenarios/http-body.ts';
import { playScenario } from '../../src/scenarios/runner.ts';
import { parseScenario } from '../../src/scenarios/schema.ts';
import { headerValue } from '../../src/protocols/shared/http-types.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

const DIR = new URL('../../src/content/scenarios/', import.meta.url);
const read = (id: string): unknown => JSON.parse(readFileSync(new URL(`${id}.json`, DIR), 'utf8'));
const load = (id: string): HttpScenario => parseHttpScenario(read(id), `${id}.json`);
const files = readdirSync(DIR).filter((f) => f.startsWith('exchange-') && f.endsWith('.json')).sort();

const response = (p: HttpPlayedStep) => {
  const e = p.entries.find((x) => x.kind === 'response');
  if (e?.kind !== 'response') throw new Error(`step ${p.index + 1} has no response`);
  return e.response;
};
const request = (p: HttpPlayedStep) => {
  const e = p.entries.find((x) => x.kind === 'request');
  if (e?.kind !== 'request') throw new Error(`step ${p.index + 1} has no request`);
  return e.request;
};

describe('Exchange scenarios replay', () => {
  it('are all there: Autodiscover, ActiveSync, Graph throttled, and the EWS and Graph columns of the side-by-side task', () => {
    expect(files).toEqual(['exchange-activesync-phone.json', 'exchange-autodiscover.json', 'exchange-graph-throttled.json', 'exchange-three-ways-ews.json', 'exchange-three-ways-graph.json']);
  });

  for (const file of files) {
    it(`${file}: every step gets its expected status and every capture`, () => {
      const scenario = parseHttpScenario(JSON.parse(readFileSync(new URL(file, DIR), 'utf8')), file);
      const played = playHttpScenario(scenario, openHttpSession).played;
      expect(played.map((p) => [p.index + 1, p.observed, p.missing ?? []])).toEqual(scenario.steps.map((s, i) => [i + 1, s.expect, []]));
    });
  }

  it('exchange-autodiscover walks the order: the domain does not answer, autodiscover.<domain> challenges, port 80 redirects without credentials, the redirect target answers with EWS and mapiHttp', () => {
    const played = playHttpScenario(load('exchange-autodiscover'), openHttpSession).played;
    expect(played[0]).toMatchObject({ observed: '-', entries: [], connection: { host: 'example.test', port: 443, unreachable: true } });
    expect(played[1]!.connection).toMatchObject({ host: 'autodiscover.example.test', port: 443 });
    expect(headerValue(response(played[1]!).headers, 'WWW-Authenticate')).toMatch(/^Basic /);
    expect(played[2]!.connection).toMatchObject({ host: 'autodiscover.example.test', port: 80, greeting: [] });
    expect(headerValue(request(played[2]!).headers, 'Authorization')).toBeUndefined();
    expect(played[2]!.entries.every((e) => e.kind === 'event' || !e.encrypted)).toBe(true);
    expect(played[2]!.captured).toEqual({ location: 'https://autodiscover.example.test/autodiscover/autodiscover.xml' });
    // The captured absolute URL is sent in origin form to its host, on the connection to that host it reuses.
    expect(request(played[3]!)).toMatchObject({ target: '/autodiscover/autodiscover.xml' });
    expect(headerValue(request(played[3]!).headers, 'Host')).toBe('autodiscover.example.test');
    expect(played[3]!.connection).toBeUndefined();
    const pox = shownBody(response(played[3]!)).text;
    expect(pox).toContain('<Protocol Type="mapiHttp" Version="1">');
    expect(pox).toContain('<EwsUrl>https://mail.example.test/EWS/Exchange.asmx</EwsUrl>');
    expect(JSON.parse(shownBody(response(played[6]!)).text)).toMatchObject({ ErrorCode: 'InvalidProtocol' });
  });

  it('exchange-activesync-phone sends WBXML, carries the policy key and SyncKeys forward, and its Ping returns when mail arrives', () => {
    const scenario = load('exchange-activesync-phone');
    const playback = playHttpScenario(scenario, openHttpSession);
    const played = playback.played;
    const provision = request(played[1]!);
    // WBXML 1.3, public id 1, UTF-8, no string table ([MS-ASWBXML] §2.1.2.1), then the Provision code page.
    expect([...provision.body.slice(0, 4)].map((c) => c.charCodeAt(0))).toEqual([0x03, 0x01, 0x6a, 0x00]);
    expect(headerValue(provision.headers, 'Content-Type')).toBe('application/vnd.ms-sync.wbxml');
    expect(shownBody(provision)).toMatchObject({ kind: 'wbxml' });
    const { tempKey } = played[1]!.captured!;
    const { policyKey } = played[2]!.captured!;
    expect(tempKey).toMatch(/^\d+$/);
    expect(policyKey).not.toBe(tempKey);
    expect(headerValue(request(played[2]!).headers, 'X-MS-PolicyKey')).toBe(tempKey);
    expect(headerValue(request(played[3]!).headers, 'X-MS-PolicyKey')).toBe(policyKey);
    expect(shownBody(request(played[5]!)).text).toContain(`<SyncKey>${played[4]!.captured!.syncKey}</SyncKey>`);
    const ping = played[6]!;
    expect(ping.during).toEqual(['New mail arrives for alice@example.test from carol@elsewhere.test: “Train times”']);
    expect(shownBody(response(ping)).text).toMatch(/<Status>2<\/Status>[\s\S]*<Folder>1<\/Folder>/);
    expect(shownBody(response(played[7]!)).text).toContain('<email:Subject>Train times</email:Subject>');
    const inbox = playback.world.users.get('alice')!.mailboxes;
    expect(inbox.get('INBOX')!.messages.some((m) => m.raw.includes('Train times'))).toBe(false);
    const trash = [...inbox.values()].find((b) => b.specialUse === '\\Trash')!;
    expect(trash.messages.find((m) => m.raw.includes('Train times'))?.flags.has('\\Seen')).toBe(true);
  });

  it('a Ping with nothing to report waits out its heartbeat on the world clock and answers Status 1', () => {
    const scenario = load('exchange-activesync-phone');
    const steps = scenario.steps.slice(0, 7).map((s, i) => (i === 6 ? { ...s, during: [{ kind: 'clock' as const, seconds: 5 }] } : s));
    const playback = playHttpScenario({ ...scenario, steps }, openHttpSession);
    const start = new MailWorld().clock.peek().getTime();
    expect(shownBody(response(playback.played[6]!)).text).toContain('<Status>1</Status>');
    expect(playback.world.clock.peek().getTime() - start).toBeGreaterThanOrEqual(480_000);
  });

  it('an ActiveSync request the server answers at once is handled once, even with events during it', () => {
    const scenario = load('exchange-activesync-phone');
    const steps = scenario.steps.slice(0, 6).map((s, i) => (i === 5 ? { ...s, during: [{ kind: 'clock' as const, seconds: 5 }] } : s));
    const played = playHttpScenario({ ...scenario, steps }, openHttpSession).played;
    expect(played[5]!.during).toEqual(['5 seconds pass']);
    expect(played[5]!.captured).toEqual({ syncKey: '2' });
    expect(played[5]!.entries.map((e) => e.kind)).toEqual(['request', 'response']);
  });

  it('exchange-graph-throttled: 10,000 requests pass, the next gets 429 with Retry-After, and after that wait the request succeeds', () => {
    const played = playHttpScenario(load('exchange-graph-throttled'), openHttpSession).played;
    expect(played[1]).toMatchObject({ sent: 10_000, observed: '200' });
    expect(played[2]!.captured).toEqual({ retryAfter: '600' });
    expect(JSON.parse(shownBody(response(played[2]!)).text)).toMatchObject({ error: { code: 'TooManyRequests' } });
    expect(played[3]!.before).toEqual(['600 seconds pass']);
    expect(played[3]!.observed).toBe('200');
  });

  it('the side-by-side task plays IMAP, EWS and Graph on one world: Graph sees the message IMAP read', () => {
    const world = new MailWorld();
    const imap = playScenario(parseScenario(read('imap-exchange-online-read'), 'imap-exchange-online-read.json'), openSession, undefined, world);
    expect(imap.played.every((p) => p.ok)).toBe(true);
    const ews = playHttpScenario(load('exchange-three-ways-ews'), openHttpSession, undefined, world).played;
    expect(ews.map((p) => p.observed)).toEqual(['302', '200', '200', '200']);
    expect(shownBody(request(ews[3]!)).text).toContain(`<t:ItemId Id="${ews[2]!.captured!.itemId}"/>`);
    const graph = playHttpScenario(load('exchange-three-ways-graph'), openHttpSession, undefined, world).played;
    expect(request(graph[3]!).target).toContain(encodeURI(graph[2]!.captured!.messageId!));
    const message = JSON.parse(shownBody(response(graph[3]!)).text) as { subject: string; isRead: boolean };
    expect(message).toMatchObject({ subject: 'Dots', isRead: true });
    const alone = playHttpScenario(load('exchange-three-ways-graph'), openHttpSession).played;
    expect(JSON.parse(shownBody(response(alone[3]!)).text)).toMatchObject({ isRead: false });
  });
});

describe('HTTP scenario files', () => {
  const base = read('exchange-graph-throttled') as Record<string, unknown> & { steps: Array<Record<string, unknown>> };
  const file = 'exchange-graph-throttled.json';
  const withStep = (i: number, change: Record<string, unknown>) => ({ ...base, steps: base.steps.map((s, j) => (j === i ? { ...s, ...change } : s)) });
  const req = (i: number, change: Record<string, unknown>) => withStep(i, { request: { ...(base.steps[i]!.request as object), ...change } });

  it('refuse a bad capture: an unknown source, a pattern that is not a regular expression, a bad name', () => {
    expect(() => parseHttpScenario(withStep(0, { capture: { token: { from: 'cookie', name: 'x' } } }), file)).toThrow(/steps\.0\.capture\.token/);
    expect(() => parseHttpScenario(withStep(0, { capture: { token: { from: 'body', pattern: '(unclosed' } } }), file)).toThrow(/valid regular expression/);
    expect(() => parseHttpScenario(withStep(0, { capture: { '1token': { from: 'header', name: 'X' } } }), file)).toThrow(/capture\.1token/);
  });

  it('refuse a placeholder that names no capture, or one captured only later', () => {
    expect(() => parseHttpScenario(req(1, { headers: [['Authorization', 'Bearer {{tokn}}']] }), file)).toThrow(/steps\.1\.request: placeholder \{\{tokn\}\} names no capture/);
    expect(() => parseHttpScenario(req(0, { target: '/x/{{retryAfter}}' }), file)).toThrow(/placeholder \{\{retryAfter\}\}/);
    expect(() => parseHttpScenario(withStep(1, { before: [{ kind: 'clock', seconds: '{{later}}' }] }), file)).toThrow(/\{\{later\}\}/);
  });

  it('refuse a step on a host no server of the world answers for, as a field or in an absolute URL, and a port not served', () => {
    expect(() => parseHttpScenario(req(1, { host: 'graph.microsoft.com' }), file)).toThrow(/no server of exchange answers for "graph.microsoft.com"/);
    expect(() => parseHttpScenario(req(1, { target: 'https://evil.test/v1.0/me' }), file)).toThrow(/"evil.test"/);
    expect(() => parseHttpScenario({ ...base, host: 'example.com' }, file)).toThrow(/host: no server/);
    expect(() => parseHttpScenario(req(1, { port: 8443 }), file)).toThrow(/not served on 8443/);
  });

  it('refuse "-" where a server answers, ActiveSync XML the code pages cannot encode, and both body and xml', () => {
    expect(() => parseHttpScenario(withStep(1, { expect: '-' }), file)).toThrow(/"-" is for a step to a place the network leaves unreachable/);
    expect(() => parseHttpScenario(req(1, { xml: '<Sync xmlns="AirSync"><Bogus/></Sync>' }), file)).toThrow(/steps\.1\.request\.xml: no WBXML token for AirSync:Bogus/);
    expect(() => parseHttpScenario(req(1, { xml: '<Sync xmlns="AirSync">' }), file)).toThrow(/not well-formed XML/);
    expect(() => parseHttpScenario(req(1, { xml: '<Sync xmlns="AirSync"/>', body: 'x' }), file)).toThrow(/a body or ActiveSync xml, not both/);
  });

  it('fill placeholders in the target, headers and body, and encode ActiveSync XML to WBXML', () => {
    const values = new Map([['key', '42'], ['id', 'AB=']]);
    const r = stepRequest({ request: { method: 'POST', target: '/m/{{id}}', headers: [['X-MS-PolicyKey', '{{key}}']], xml: '<Ping xmlns="Ping"><HeartbeatInterval>{{key}}</HeartbeatInterval></Ping>' } }, 443, values, 'mail.example.test');
    expect(r.target).toBe('/m/AB=');
    expect(r.headers).toEqual([['Host', 'mail.example.test'], ['X-MS-PolicyKey', '42'], ['Content-Type', 'application/vnd.ms-sync.wbxml']]);
    const wbxml = xmlToWbxml('<Ping xmlns="Ping"><HeartbeatInterval>42</HeartbeatInterval></Ping>');
    expect(wbxml.ok && r.body === wbxml.octets).toBe(true);
    expect(shownBody(r).text).toContain('<HeartbeatInterval>42</HeartbeatInterval>');
  });
});
