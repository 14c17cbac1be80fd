/**
 * The IMAP machine on its own: pure transitions (initialTransition / transition) and a model-based walk with
 * xstate/graph that must reach every state of the RFC 3501 §3 diagram and every sub-state.
 */
import { describe, expect, test } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import { imapSessionMachine } from '../../src/machines/imap-session.machine.ts';
import { imapDriver } from '../../src/machines/imap-session.driver.ts';
import { withDecision } from '../helpers/decided.ts';
import type { MachineEvent, SessionInput } from '../../src/machines/session.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';
import { splitCommandLine } from '../../src/protocols/imap/tokenize.ts';
import { IMAP_VERBS } from '../../src/protocols/imap/commands/dispatch.ts';

type Snapshot = SnapshotFrom<typeof imapSessionMachine>;

function input(port: 143 | 993, world = new MailWorld()): SessionInput {
  return { world, port, sessionId: 's1', implicitTls: port === 993, tlsRequired: port === 143, role: 'access', clientAddress: '192.0.2.10' };
}

/** An event before its decision: what the driver makes of a line, a lost connection, a change in the world. */
type ImapEvent = MachineEvent;

/** `e` with the pure step's decision in `s`, as the session hands it to the machine. */
const decided = (s: Snapshot, e: ImapEvent) => withDecision(imapDriver, e, s) as Parameters<Snapshot['can']>[0];

/** The event the driver makes of a command line. */
function cmd(line: string): ImapEvent {
  const { tag, verb, args } = splitCommandLine(line);
  const known = tag !== undefined && IMAP_VERBS.includes(verb);
  return { type: known ? `client.${verb.toLowerCase()}` : 'client.unknown', verb, args, line, ...(tag === undefined ? {} : { tag }) };
}

function data(line: string): ImapEvent {
  return { type: 'client.data', verb: '', args: '', line };
}

function run(snapshot: Snapshot, ...events: ImapEvent[]): Snapshot {
  return events.reduce((s, e) => transition(imapSessionMachine, s, decided(s, e))[0], snapshot);
}

function start(port: 143 | 993, world?: MailWorld): Snapshot {
  return initialTransition(imapSessionMachine, input(port, world))[0];
}

describe('imapSessionMachine transitions', () => {
  test('starts not authenticated with the greeting for the port', () => {
    const plain = start(143);
    expect(plain.value).toEqual({ notAuthenticated: 'ready' });
    expect(plain.context.reply).toEqual(['* OK [CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED] Mailwire ready.']);
    expect(start(993).context).toMatchObject({ tls: true, reply: ['* OK [CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE LITERAL+ AUTH=PLAIN] Mailwire ready.'] });
  });

  test('turns TLS on with STARTTLS and stays not authenticated', () => {
    const s = run(start(143), cmd('a STARTTLS'));
    expect(s.value).toEqual({ notAuthenticated: 'ready' });
    expect(s.context).toMatchObject({ tls: true, startTls: true, reply: ['a OK Begin TLS negotiation now.'] });
    expect(run(s, cmd('b NOOP')).context.startTls).toBe(false);
  });

  test('refuses LOGIN before TLS and accepts it after', () => {
    expect(run(start(143), cmd('a LOGIN alice wonderland')).value).toEqual({ notAuthenticated: 'ready' });
    const s = run(start(143), cmd('a STARTTLS'), cmd('b LOGIN alice wonderland'));
    expect(s.value).toEqual({ authenticated: 'ready' });
    expect(s.context.user).toBe('alice');
  });

  test('waits for the SASL response after AUTHENTICATE PLAIN and goes back on "*"', () => {
    const waiting = run(start(993), cmd('a AUTHENTICATE PLAIN'));
    expect(waiting.value).toEqual({ notAuthenticated: 'authenticating' });
    expect(waiting.context.reply).toEqual(['+ ']);
    const cancelled = run(waiting, data('*'));
    expect(cancelled.value).toEqual({ notAuthenticated: 'ready' });
    expect(cancelled.context.reply).toEqual(['a BAD Authentication aborted by client.']);
    expect(run(waiting, data('AGFsaWNlAHdvbmRlcmxhbmQ=')).value).toEqual({ authenticated: 'ready' });
  });

  test('reads a literal in any state and then runs the command', () => {
    const s = run(start(993), cmd('a LOGIN {5}'));
    expect(s.value).toEqual({ notAuthenticated: 'literal' });
    expect(s.context.reply).toEqual(['+ OK']);
    const t = run(s, data('alice {10+}'));
    expect(t.value).toEqual({ notAuthenticated: 'literal' });
    expect(t.context.reply).toEqual([]);
    expect(run(t, data('wonderland')).value).toEqual({ authenticated: 'ready' });
  });

  test('selects, idles, appends and closes', () => {
    const logged = run(start(993), cmd('a LOGIN alice wonderland'));
    const selected = run(logged, cmd('b SELECT INBOX'));
    expect(selected.value).toEqual({ selected: 'ready' });
    expect(run(selected, cmd('c IDLE')).value).toEqual({ selected: 'idling' });
    expect(run(selected, cmd('c IDLE'), data('DONE')).value).toEqual({ selected: 'ready' });
    // "Hi" and its CRLF are the 4 octets; the empty line after them ends the command line.
    const appending = run(selected, cmd('d APPEND INBOX {4}'));
    expect(appending.value).toEqual({ selected: 'literal' });
    expect(run(appending, data('Hi')).value).toEqual({ selected: 'literal' });
    const appended = run(appending, data('Hi'), data(''));
    expect(appended.value).toEqual({ selected: 'ready' });
    expect(appended.context.reply.at(-1)).toMatch(/^d OK \[APPENDUID \d+ 4\] Append completed\.$/);
    expect(run(selected, cmd('e CLOSE')).value).toEqual({ authenticated: 'ready' });
    expect(run(logged, cmd('f IDLE')).value).toEqual({ authenticated: 'idling' });
  });

  test('leaves the selected state when a SELECT fails (RFC 3501 §6.3.1)', () => {
    const s = run(start(993), cmd('a LOGIN alice wonderland'), cmd('b SELECT INBOX'), cmd('c SELECT Nowhere'));
    expect(s.value).toEqual({ authenticated: 'ready' });
    expect(s.context.reply).toEqual(['* OK [CLOSED] Previous mailbox closed.', "c NO [NONEXISTENT] Mailbox doesn't exist: Nowhere"]);
  });

  test('ends in logout on LOGOUT and on a dropped connection', () => {
    const out = run(start(993), cmd('a LOGOUT'));
    expect(out.value).toBe('logout');
    expect(out.status).toBe('done');
    expect(out.context.closed).toBe(true);
    const dropped = run(start(993), cmd('a LOGIN alice wonderland'), cmd('b SELECT INBOX'), { type: 'client.dropped' });
    expect(dropped.value).toBe('logout');
    expect(dropped.context).toMatchObject({ closed: true, reply: [] });
  });

  test('closes after three invalid commands before login, as Dovecot\'s login process does', () => {
    const s = run(start(993), cmd('a FROB'), cmd('b FROB'));
    expect(s.value).toEqual({ notAuthenticated: 'ready' });
    const t = run(s, cmd('c FROB'));
    expect(t.value).toBe('logout');
    expect(t.context.reply).toEqual(['* BYE Too many invalid IMAP commands.']);
  });

  test('closes after twenty invalid commands in a row after login, and a good command resets the count', () => {
    let s = run(start(993), cmd('a LOGIN alice wonderland'));
    for (let i = 0; i < 19; i++) s = run(s, cmd(`x${i} FROB`));
    s = run(s, cmd('ok NOOP'));
    for (let i = 0; i < 19; i++) s = run(s, cmd(`y${i} FROB`));
    expect(s.value).toEqual({ authenticated: 'ready' });
    s = run(s, cmd('last FROB'));
    expect(s.value).toBe('logout');
    expect(s.context.reply).toEqual(['last BAD Error in IMAP command FROB: Unknown command.', '* BYE Too many invalid IMAP commands.']);
  });

  test('ignores world changes this session made and queues those of others', () => {
    const world = new MailWorld();
    const s = run(start(993, world), cmd('a LOGIN alice wonderland'), cmd('b SELECT INBOX'));
    const own = run(s, { type: 'world.changed', change: { kind: 'flags', user: 'alice', mailbox: 'INBOX', uid: 1, origin: 's1' } });
    expect(own.context.reply).toEqual(s.context.reply);
    world.setFlags('alice', 'INBOX', 1, ['\\Flagged'], 's9');
    const other = run(s, { type: 'world.changed', change: { kind: 'flags', user: 'alice', mailbox: 'INBOX', uid: 1, origin: 's9' } });
    expect(other.context.reply).toEqual([]);
    expect(run(other, cmd('c NOOP')).context.reply).toEqual(['* 1 FETCH (FLAGS (\\Flagged \\Recent))', 'c OK NOOP completed.']);
  });

  test('allows each command only in the states RFC 3501 lists it for', () => {
    const fresh = start(993);
    const can = (s: Snapshot, line: string) => s.can(decided(s, cmd(line)));
    expect(can(fresh, 'a LOGIN x y')).toBe(true);
    expect(can(fresh, 'a SELECT INBOX')).toBe(false);
    const logged = run(fresh, cmd('a LOGIN alice wonderland'));
    expect(can(logged, 'a LOGIN x y')).toBe(false);
    expect(can(logged, 'a FETCH 1 FLAGS')).toBe(false);
    expect(can(logged, 'a APPEND INBOX {1}')).toBe(true);
    const selected = run(logged, cmd('b SELECT INBOX'));
    expect(can(selected, 'a UID FETCH 1 FLAGS')).toBe(true);
    expect(can(selected, 'a STARTTLS')).toBe(false);
    expect(can(run(selected, cmd('c IDLE')), 'a NOOP')).toBe(false);
  });
});

describe('imapSessionMachine model', () => {
  test('reaches every state and sub-state from the greeting', () => {
    const events = [
      cmd('a STARTTLS'), cmd('a LOGIN alice wonderland'), cmd('a LOGIN {5}'), cmd('a AUTHENTICATE PLAIN'), data('AGFsaWNlAHdvbmRlcmxhbmQ='),
      data('alice wonderland'), cmd('a SELECT INBOX'), cmd('a IDLE'), data('DONE'), cmd('a APPEND INBOX {4}'), data('ab'),
      cmd('a CLOSE'), cmd('a LOGOUT'), { type: 'client.dropped' } as ImapEvent,
    ];
    const paths = getShortestPaths(imapSessionMachine, {
      input: input(143),
      events: (s) => events.map((e) => decided(s, e)),
      serializeState: (s) => JSON.stringify([s.value, s.context.tls, s.context.user !== undefined]),
    });
    const leaf = (value: unknown): string => (typeof value === 'string' ? value : Object.entries(value as object).map(([k, v]) => `${k}.${leaf(v)}`)[0]!);
    const reached = new Set(paths.map((p) => leaf(p.state.value)));
    const leaves = getStateNodes(imapSessionMachine)
      .filter((n) => n.type === 'atomic' || n.type === 'final')
      .map((n) => n.path.join('.'));
    expect(leaves.sort()).toEqual([
      'authenticated.idling', 'authenticated.literal', 'authenticated.ready', 'logout',
      'notAuthenticated.authenticating', 'notAuthenticated.literal', 'notAuthenticated.ready',
      'selected.idling', 'selected.literal', 'selected.ready',
    ]);
    for (const l of leaves) expect(reached.has(l), l).toBe(true);
  });
});
