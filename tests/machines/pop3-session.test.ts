/**
 * Pure transitions of the POP3 machine (`initialTransition`, `transition`): no actor runs, so the world
 * changes (lock, expunge) stay in the decision as effects to perform instead of happening. Also the driver's answers.
 */
import { describe, expect, test } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { pop3SessionMachine } from '../../src/machines/pop3-session.machine.ts';
import { pop3Driver } from '../../src/machines/pop3-session.driver.ts';
import type { SessionInput } from '../../src/machines/session.ts';
import { droppedEvent, lineEvent } from '../helpers/decided.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

type Snapshot = SnapshotFrom<typeof pop3SessionMachine>;

function input(world: MailWorld, port: 110 | 995): SessionInput {
  return { world, port, sessionId: 's1', implicitTls: port === 995, tlsRequired: port === 110, role: 'access', clientAddress: '192.0.2.10' };
}

/** A client event as the session would hand it over: made by the driver, decided by the pure step. */
function ev(line: string, snapshot: Snapshot) {
  return lineEvent(pop3Driver, line, snapshot) as Parameters<Snapshot['can']>[0];
}

/**
 * Applies lines one by one, purely; returns the last snapshot and the world changes the last step asks for: the
 * decision's effects, and any action of the machine's own (there are none: the session performs the effects).
 */
function run(snapshot: Snapshot, ...lines: string[]): [Snapshot, Array<{ type: string }>] {
  let actions: Array<{ type: string }> = [];
  for (const line of lines) {
    const event = ev(line, snapshot);
    let own: Array<{ type: string }>;
    [snapshot, own] = transition(pop3SessionMachine, snapshot, event);
    actions = [...own, ...event.decision.effects.map((e) => ({ type: EFFECT_NAMES[e.kind] }))];
  }
  return [snapshot, actions];
}

/** The names the machine's actions had when it performed the world changes itself. */
const EFFECT_NAMES = { lock: 'lockMaildrop', expunge: 'commitDeletions', unlock: 'releaseMaildrop' } as const;

describe('pop3SessionMachine (pure transitions)', () => {
  // Issue 10: APOP is off, as in Dovecot's default, so the greeting carries no "<…>" timestamp (RFC 1939 §7).
  test('starts in AUTHORIZATION with a greeting that offers no APOP timestamp, and no TLS on 110', () => {
    const [snapshot, actions] = initialTransition(pop3SessionMachine, input(new MailWorld(), 110));
    expect(snapshot.value).toEqual({ authorization: 'ready' });
    expect(snapshot.context.reply).toEqual(['+OK Mailwire POP3 ready.']);
    expect(snapshot.context).toMatchObject({ tls: false, startTls: false, closed: false, user: undefined });
    expect(actions).toEqual([]);
  });

  test('starts with TLS on 995', () => {
    const [snapshot] = initialTransition(pop3SessionMachine, input(new MailWorld(), 995));
    expect(snapshot.context.tls).toBe(true);
  });

  test('answers APOP with Dovecot\'s "-ERR APOP not enabled." and stays in AUTHORIZATION, on 110 and on 995', () => {
    for (const port of [110, 995] as const) {
      const [start] = initialTransition(pop3SessionMachine, input(new MailWorld(), port));
      const [after] = run(start, 'APOP bob c4c9334bac560ecc979e58001b3e22fb');
      expect(after.context.reply).toEqual(['-ERR APOP not enabled.']);
      expect(after.value).toEqual({ authorization: 'ready' });
      expect(after.context.user).toBeUndefined();
    }
  });

  test('turns TLS on with STLS and sets startTls for that step only', () => {
    const [start] = initialTransition(pop3SessionMachine, input(new MailWorld(), 110));
    const [afterStls] = run(start, 'STLS');
    expect(afterStls.context).toMatchObject({ tls: true, startTls: true, reply: ['+OK Begin TLS negotiation now.'] });
    const [afterCapa] = run(afterStls, 'CAPA');
    expect(afterCapa.context.startTls).toBe(false);
  });

  test('moves to userGiven after USER and back to ready after a wrong PASS', () => {
    const [start] = initialTransition(pop3SessionMachine, input(new MailWorld(), 995));
    const [afterUser] = run(start, 'USER bob');
    expect(afterUser.value).toEqual({ authorization: 'userGiven' });
    expect(afterUser.context.pendingUser).toBe('bob');
    const [afterPass] = run(afterUser, 'PASS nope');
    expect(afterPass.value).toEqual({ authorization: 'ready' });
    expect(afterPass.context.reply).toEqual(['-ERR [AUTH] Authentication failed.']);
  });

  test('enters TRANSACTION on a right PASS and asks the actor to take the lock', () => {
    const world = new MailWorld();
    const [start] = initialTransition(pop3SessionMachine, input(world, 995));
    const [snapshot, actions] = run(start, 'USER bob', 'PASS builder');
    expect(snapshot.value).toBe('transaction');
    expect(snapshot.context).toMatchObject({ user: 'bob', deleted: [], reply: ['+OK Logged in.'] });
    expect(snapshot.context.maildrop).toHaveLength(1);
    expect(actions.map((a) => a.type)).toEqual(['lockMaildrop']);
    // Pure: the lock has not been taken.
    expect(world.lockMaildrop('bob', 'other')).toBe(true);
  });

  test('ends in closed with [IN-USE] when another session holds the lock', () => {
    const world = new MailWorld();
    world.lockMaildrop('bob', 'other');
    const [start] = initialTransition(pop3SessionMachine, input(world, 995));
    const [snapshot] = run(start, 'USER bob', 'PASS builder');
    expect(snapshot.value).toBe('closed');
    expect(snapshot.status).toBe('done');
    expect(snapshot.context).toMatchObject({ closed: true, user: undefined, reply: ['-ERR [IN-USE] Mailbox is locked by another POP3 session.'] });
  });

  test('goes through sasl for AUTH PLAIN without an initial response', () => {
    const [start] = initialTransition(pop3SessionMachine, input(new MailWorld(), 995));
    const [inSasl] = run(start, 'AUTH PLAIN');
    expect(inSasl.value).toEqual({ authorization: 'sasl' });
    expect(inSasl.context.sasl).toEqual({ step: 'plain', username: '' });
    const [loggedIn] = run(inSasl, 'AGJvYgBidWlsZGVy');
    expect(loggedIn.value).toBe('transaction');
    expect(loggedIn.context.sasl).toBeUndefined();
  });

  test('stays in sasl between the LOGIN challenges', () => {
    const [start] = initialTransition(pop3SessionMachine, input(new MailWorld(), 995));
    const [afterName] = run(start, 'AUTH LOGIN', 'Ym9i');
    expect(afterName.value).toEqual({ authorization: 'sasl' });
    expect(afterName.context.sasl).toEqual({ step: 'loginPassword', username: 'bob' });
  });

  test('marks with DELE and enters UPDATE on QUIT, with the commit and unlock left to the actor', () => {
    const world = new MailWorld();
    const before = world.inventory();
    const [start] = initialTransition(pop3SessionMachine, input(world, 995));
    const [marked] = run(start, 'USER alice', 'PASS wonderland', 'DELE 3', 'DELE 1');
    expect(marked.context.deleted).toEqual([1, 3]);
    const [quit, actions] = run(marked, 'QUIT');
    expect(quit.value).toBe('update');
    expect(quit.status).toBe('done');
    expect(quit.context).toMatchObject({ closed: true, reply: ['+OK Logging out, messages deleted.'] });
    expect(actions.map((a) => a.type)).toEqual(['commitDeletions', 'releaseMaildrop']);
    expect(world.inventory()).toEqual(before);
  });

  test('closes on client.dropped from any state without deleting', () => {
    const [start] = initialTransition(pop3SessionMachine, input(new MailWorld(), 995));
    const [marked] = run(start, 'USER alice', 'PASS wonderland', 'DELE 1');
    const event = droppedEvent(pop3Driver, marked) as Parameters<Snapshot['can']>[0];
    const [dropped, actions] = transition(pop3SessionMachine, marked, event);
    expect(dropped.value).toBe('closed');
    expect(dropped.context).toMatchObject({ closed: true, reply: [], deleted: [] });
    expect([...actions, ...event.decision.effects.map((e) => ({ type: EFFECT_NAMES[e.kind] }))].map((a) => a.type)).toEqual(['releaseMaildrop']);
  });

  test('accepts only the commands of the current state', () => {
    const [start] = initialTransition(pop3SessionMachine, input(new MailWorld(), 995));
    const can = (s: Snapshot, line: string) => s.can(ev(line, s));
    expect(can(start, 'STAT')).toBe(false);
    expect(can(start, 'PASS x')).toBe(false);
    expect(can(start, 'STLS')).toBe(false);
    expect(can(start, 'USER bob')).toBe(true);
    expect(can(start, 'FOO')).toBe(true);
    const [tx] = run(start, 'USER bob', 'PASS builder');
    expect(can(tx, 'USER bob')).toBe(false);
    expect(can(tx, 'RETR 1')).toBe(true);
  });
});

describe('pop3Driver', () => {
  const [start] = initialTransition(pop3SessionMachine, input(new MailWorld(), 110));

  test.each([
    ['STAT', { type: 'client.stat', verb: 'STAT', args: '' }],
    ['uidl 2', { type: 'client.uidl', verb: 'UIDL', args: '2' }],
    ['XTND x', { type: 'client.unknown', verb: 'XTND', args: 'x' }],
    ['', { type: 'client.unknown', verb: '', args: '' }],
  ])('turns %j into an event', (line, expected) => {
    expect(pop3Driver.toEvent(line, start)).toEqual({ ...expected, line });
  });

  test('turns every line inside AUTH into client.data', () => {
    const [tls] = run(start, 'STLS', 'AUTH PLAIN');
    expect(pop3Driver.toEvent('STAT', tls)).toEqual({ type: 'client.data', verb: '', args: '', line: 'STAT' });
    expect(pop3Driver.expects(tls)).toBe('sasl');
    expect(pop3Driver.timeoutReply(tls)).toEqual(['-ERR Disconnected for inactivity during authentication.']);
  });

  test.each([
    ['STAT', ['-ERR Unknown command.']],
    ['PASS builder', ['-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.']],
  ])('refuses %j before login on 110', (line, expected) => {
    expect(pop3Driver.outOfState(pop3Driver.toEvent(line, start), start)).toEqual(expected);
  });

  test('refuses PASS without USER after TLS, and AUTHORIZATION commands after login', () => {
    const [tls] = run(start, 'STLS');
    expect(pop3Driver.outOfState(pop3Driver.toEvent('PASS x', tls), tls)).toEqual(['-ERR No username given.']);
    expect(pop3Driver.outOfState(pop3Driver.toEvent('STLS', tls), tls)).toEqual(['-ERR TLS is already active.']);
    const [tx] = run(tls, 'USER bob', 'PASS builder');
    expect(pop3Driver.outOfState(pop3Driver.toEvent('apop bob x', tx), tx)).toEqual(['-ERR Unknown command: APOP']);
  });

  test('names the RFC state and gives the fixed replies', () => {
    expect(pop3Driver.stateName(start)).toBe('authorization');
    const [tx] = run(start, 'STLS', 'USER bob', 'PASS builder');
    expect(pop3Driver.stateName(tx)).toBe('transaction');
    expect(pop3Driver.maxLineOctets(tx)).toBe(253);
    expect(pop3Driver.lineTooLong(pop3Driver.toEvent('x', tx), tx)).toEqual(['-ERR Input line too long.']);
    expect(pop3Driver.timeoutReply(tx)).toEqual(['-ERR Disconnected for inactivity.']);
    expect(pop3Driver.internalError(pop3Driver.toEvent('x', tx))).toEqual(['-ERR [SYS/TEMP] Internal error.']);
    expect(pop3Driver.expects(tx)).toBe('command');
  });
});
