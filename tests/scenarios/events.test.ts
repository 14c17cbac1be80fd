/** The runner's connection events: the idle timeout, a reconnect to another port, and a port the network blocks. */
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { dial, playScenario } from '../../src/scenarios/runner.ts';
import type { Scenario } from '../../src/scenarios/scenario.ts';
import { portFact } from '../../src/data/lookup.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';
import { blockedScenario } from '../machines/scenario-player.fixture.ts';
import { openSession } from '../../src/machines/session.ts';

const base = { title: 'A test scenario', summary: 'Used only by this test.', greetingNote: 'The server greets.' };

/** A scenario of one protocol and port whose only step is the idle timeout. */
const silent = (protocol: Scenario['protocol'], port: number, before: string[], expect: string): Scenario => ({
  ...base,
  id: `${protocol}-silent`,
  protocol,
  port,
  steps: [...before.map((client) => ({ client, expect: '-', note: 'set-up' })), { event: { kind: 'timeout' as const }, expect, note: 'Silence.' }],
});

describe('a timeout event', () => {
  test.each([
    ['smtp', 587, [], '421', '421 4.4.2 mail.example.test Error: timeout exceeded', false],
    ['pop3', 995, [], '-ERR', '-ERR Disconnected for inactivity.', true],
    ['imap', 993, [], '* BYE', '* BYE Disconnected for inactivity.', true],
  ] as const)('%s on %i gives the server’s idle farewell, then the connection closes', (protocol, port, before, code, line, encrypted) => {
    const { played } = playScenario(silent(protocol, port, [...before], code), openSession);
    const last = played.at(-1)!;
    expect(last.entries).toEqual([
      { kind: 'server', text: line, encrypted },
      { kind: 'event', event: 'closed', text: 'Connection closed' },
    ]);
    expect([last.observed, last.ok, last.view.closed]).toEqual([code, true, true]);
  });

  test('after the connection closed, shows nothing and observes "-"', () => {
    const s: Scenario = { ...silent('smtp', 25, [], '421'), steps: [{ client: 'QUIT', expect: '221', note: 'Bye.' }, { event: { kind: 'timeout' }, expect: '-', note: 'Nothing left.' }] };
    expect(playScenario(s, openSession).played[1]).toMatchObject({ entries: [], observed: '-', ok: true });
  });
});

describe('a reconnect event', () => {
  test('goes to the port it names, on the same world, and later reconnects stay on that port', () => {
    const s: Scenario = {
      ...base, id: 'pop3-ports', protocol: 'pop3', port: 110,
      steps: [
        { event: { kind: 'reconnect', port: 995 }, expect: '+OK', note: 'To 995.' },
        { client: 'QUIT', expect: '+OK', note: 'Bye.' },
        { event: { kind: 'reconnect' }, expect: '+OK', note: 'Again.' },
      ],
    };
    const { played, session } = playScenario(s, openSession);
    expect(played.map((p) => p.view.port)).toEqual([995, 995, 995]);
    expect(played[0]!.entries[0]).toMatchObject({ kind: 'event', event: 'tls' });
    expect(played[0]!.entries[1]).toMatchObject({ kind: 'server', encrypted: true });
    expect(session.port).toBe(995);
  });

  test('leaves the earlier connection open: a second login to a locked POP3 maildrop gets [IN-USE]', () => {
    const s: Scenario = {
      ...base, id: 'pop3-twice', protocol: 'pop3', port: 995,
      steps: [
        { client: 'USER bob', expect: '+OK', note: 'Name.' },
        { client: 'PASS builder', expect: '+OK', note: 'In.' },
        { event: { kind: 'reconnect' }, expect: '+OK', note: 'A second connection.' },
        { client: 'USER bob', expect: '+OK', note: 'Name.' },
        { client: 'PASS builder', expect: '-ERR', note: 'Locked.' },
      ],
    };
    const { played } = playScenario(s, openSession);
    expect(played.every((p) => p.ok)).toBe(true);
    expect(played[4]!.entries[1]).toMatchObject({ kind: 'server', text: expect.stringMatching(/^-ERR \[IN-USE\] /) });
  });
});

describe('a blocked port', () => {
  test('the first connection gets no answer: one event, no server line, a closed session', () => {
    const { greeting, played } = playScenario(blockedScenario, openSession, 0);
    expect(played).toEqual([]);
    expect(greeting).toHaveLength(1);
    expect(greeting[0]).toMatchObject({ kind: 'event', event: 'closed' });
    expect(greeting[0]!.text).toMatch(/^No answer on port 25: .*no server said anything\. .*“Connection timed out”$/);
  });

  test('plays the whole scenario: 587 answers, the idle timer ends it, 25 stays silent, 465 answers', () => {
    const { played } = playScenario(blockedScenario, openSession);
    expect(played.map((p) => [p.observed, p.ok, p.view.port, p.view.closed])).toEqual([
      ['220', true, 587, false],
      ['250', true, 587, false],
      ['421', true, 587, true],
      ['-', true, 25, true],
      ['220', true, 465, false],
      ['221', true, 465, true],
    ]);
    expect(played[3]!.entries.map((e) => e.kind)).toEqual(['event']);
    expect(played[3]!.view).toMatchObject({ state: 'closed', tls: false, allowedCommands: [], user: undefined, security: portFact(25)!.security });
  });

  test('an attempt never reaches the world: the next session is the same as without it', () => {
    const world = new MailWorld({ seed: 3 });
    const silentAttempt = dial(world, blockedScenario, 25, openSession);
    expect(silentAttempt.send('EHLO x')).toEqual({ replies: [], entries: [], startTls: false, closed: true });
    expect(silentAttempt.timeout().entries).toEqual([]);
    const after = dial(world, blockedScenario, 587, openSession);
    const fresh = dial(new MailWorld({ seed: 3 }), blockedScenario, 587, openSession);
    expect(after.greeting).toEqual(fresh.greeting);
    expect(after.id).toBe(fresh.id);
  });

  test('an attempt on an implicit-TLS port shows no TLS either: nothing was there to shake hands with', () => {
    const s: Scenario = { ...base, id: 'imap-blocked', protocol: 'imap', port: 993, network: { blocked: [993] }, steps: [{ event: { kind: 'reconnect', port: 143 }, expect: 'OK', note: 'Plain port.' }] };
    const { greeting, played } = playScenario(s, openSession);
    expect(greeting.map((e) => e.kind)).toEqual(['event']);
    expect(greeting.some((e) => e.kind === 'event' && e.event === 'tls')).toBe(false);
    expect(played[0]).toMatchObject({ observed: 'OK', ok: true });
  });
});
