/**
 * What POP3 does to the mail world: DELE marks, only QUIT commits (RFC 1939 §6); the maildrop is fixed and
 * locked for the session (RFC 1939 §4–§5); byte-stuffing (RFC 1939 §3); limits, timeouts and odd input.
 */
import { describe, expect, test } from 'vitest';
import { ALICE, BOB, connect, login, send, sizeOf, stuffed } from '../protocols/pop3/fixtures.ts';
import { fromLines } from '../../src/protocols/shared/message.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

describe('POP3 deletion', () => {
  test('forgets DELE marks when the connection drops, and releases the lock', () => {
    const world = new MailWorld();
    const before = world.inventory();
    const one = connect(995, world).session;
    send(one, 'USER alice', 'PASS wonderland', 'DELE 1', 'DELE 3');
    one.drop();
    expect(world.inventory()).toEqual(before);
    const two = connect(995, world).session;
    login(two, 'alice', 'wonderland');
    expect(send(two, 'LIST')).toEqual(['+OK 3 messages:', ...ALICE.map((m, i) => `${i + 1} ${sizeOf(m)}`), '.']);
  });

  test('forgets DELE marks on the idle timeout, after saying goodbye', () => {
    const world = new MailWorld();
    const before = world.inventory();
    const { session } = connect(995, world);
    send(session, 'USER alice', 'PASS wonderland', 'DELE 2');
    expect(session.timeout()).toMatchObject({ replies: ['-ERR Disconnected for inactivity.'], closed: true });
    expect(session.view()).toMatchObject({ state: 'closed', closed: true, allowedCommands: [] });
    expect(world.inventory()).toEqual(before);
    expect(world.lockMaildrop('alice', 'someone-else')).toBe(true);
  });

  test('says "during authentication" when the timer runs out inside AUTH', () => {
    const { session } = connect(995);
    send(session, 'AUTH LOGIN');
    expect(session.timeout().replies).toEqual(['-ERR Disconnected for inactivity during authentication.']);
  });

  test('removes exactly the marked messages at QUIT, and the next session renumbers', () => {
    const world = new MailWorld();
    const { session } = connect(995, world);
    send(session, 'USER alice', 'PASS wonderland', 'DELE 2');
    expect(send(session, 'QUIT')).toEqual(['+OK Logging out, messages deleted.']);
    expect(world.inventory().filter((m) => m.startsWith('alice/INBOX/'))).toEqual(['alice/INBOX/1', 'alice/INBOX/3']);
    const next = connect(995, world).session;
    send(next, 'USER alice', 'PASS wonderland');
    expect(send(next, 'LIST')).toEqual(['+OK 2 messages:', `1 ${sizeOf(ALICE[0]!)}`, `2 ${sizeOf(ALICE[2]!)}`, '.']);
  });

  test('deletes nothing at QUIT after RSET', () => {
    const world = new MailWorld();
    const before = world.inventory();
    const { session } = connect(995, world);
    expect(send(session, 'USER alice', 'PASS wonderland', 'DELE 1', 'DELE 2', 'RSET', 'QUIT')).toEqual(['+OK Logging out.']);
    expect(world.inventory()).toEqual(before);
  });

  test('leaves other users and other mailboxes alone', () => {
    const world = new MailWorld();
    const { session } = connect(995, world);
    send(session, 'USER bob', 'PASS builder', 'DELE 1', 'QUIT');
    expect(world.inventory().filter((m) => !m.startsWith('bob/'))).toEqual(['alice/INBOX/1', 'alice/INBOX/2', 'alice/INBOX/3']);
  });
});

describe('POP3 maildrop', () => {
  test('stays as it was at login while new mail arrives; the next session sees it', () => {
    const world = new MailWorld();
    const { session } = connect(995, world);
    send(session, 'USER bob', 'PASS builder');
    const arrived = ['Subject: later', '', 'hello'];
    world.append('bob', 'INBOX', fromLines(arrived));
    expect(send(session, 'STAT')).toEqual([`+OK 1 ${sizeOf(BOB[0]!)}`]);
    expect(send(session, 'RETR 2')).toEqual(["-ERR There's no message 2."]);
    send(session, 'QUIT');
    const next = connect(995, world).session;
    send(next, 'USER bob', 'PASS builder');
    expect(send(next, 'LIST 2')).toEqual([`+OK 2 ${sizeOf(arrived)}`]);
  });

  test('reports a message another client expunged since login, and still commits the rest', () => {
    const world = new MailWorld();
    const { session } = connect(995, world);
    send(session, 'USER alice', 'PASS wonderland');
    world.expunge('alice', 'INBOX', [1]);
    expect(send(session, 'RETR 1')).toEqual(['-ERR Message 1 expunged.']);
    expect(send(session, 'TOP 1 0')).toEqual(['-ERR Message 1 expunged.']);
    expect(send(session, 'DELE 1', 'DELE 2', 'QUIT')).toEqual(['+OK Logging out, messages deleted.']);
    expect(world.inventory().filter((m) => m.startsWith('alice/INBOX/'))).toEqual(['alice/INBOX/3']);
  });

  test('locks per user: bob and alice can be logged in at once', () => {
    const world = new MailWorld();
    const a = connect(995, world).session;
    const b = connect(995, world).session;
    expect(send(a, 'USER alice', 'PASS wonderland')).toEqual(['+OK Logged in.']);
    expect(send(b, 'USER bob', 'PASS builder')).toEqual(['+OK Logged in.']);
  });

  test('takes no lock on a failed login and refuses every login path while locked', () => {
    const world = new MailWorld();
    const failed = connect(995, world).session;
    send(failed, 'USER bob', 'PASS nope');
    const holder = connect(995, world).session;
    expect(send(holder, 'USER bob', 'PASS builder')).toEqual(['+OK Logged in.']);
    const inUse = '-ERR [IN-USE] Mailbox is locked by another POP3 session.';
    expect(send(connect(995, world).session, 'AUTH PLAIN AGJvYgBidWlsZGVy')).toEqual([inUse]);
    expect(send(connect(995, world).session, 'AUTH PLAIN', 'AGJvYgBidWlsZGVy')).toEqual([inUse]);
    expect(send(connect(995, world).session, 'AUTH LOGIN', 'Ym9i', 'YnVpbGRlcg==')).toEqual([inUse]);
    holder.drop();
    expect(send(connect(995, world).session, 'USER bob', 'PASS builder')).toEqual(['+OK Logged in.']);
  });
});

describe('POP3 byte-stuffing of alice\'s "Dots" message', () => {
  const dots = ALICE[2]!;
  const header = dots.slice(0, dots.indexOf('') + 1);

  test('RETR sends the lines "." and ".hidden" as ".." and "..hidden"', () => {
    const { session } = connect(995);
    send(session, 'USER alice', 'PASS wonderland');
    const reply = send(session, 'RETR 3');
    expect(reply).toEqual([`+OK ${sizeOf(dots)} octets`, ...stuffed(dots), '.']);
    expect(reply.slice(-4)).toEqual(['..', '..hidden', 'The two lines above begin with a dot.', '.']);
  });

  test.each([
    [1, ['Line one.']],
    [2, ['Line one.', '..']],
    [3, ['Line one.', '..', '..hidden']],
    [10, ['Line one.', '..', '..hidden', 'The two lines above begin with a dot.']],
  ])('TOP 3 %i stuffs the body lines it sends', (n, body) => {
    const { session } = connect(995);
    send(session, 'USER alice', 'PASS wonderland');
    expect(send(session, `TOP 3 ${n}`)).toEqual(['+OK', ...header, ...body, '.']);
  });
});

describe('POP3 line limits and odd input', () => {
  test('accepts 253 octets and refuses 254 (255 with CRLF, RFC 2449 §4)', () => {
    const { session } = connect(995);
    expect(send(session, `USER ${'x'.repeat(248)}`)).toEqual(['+OK']);
    expect(send(session, `USER ${'x'.repeat(249)}`)).toEqual(['-ERR Input line too long.']);
  });

  test.each([
    ['authorization', [] as string[], '-ERR Input line too long.'],
    ['transaction', ['USER bob', 'PASS builder'], '-ERR Input line too long.'],
    ['sasl', ['AUTH PLAIN'], '-ERR Input line too long.'],
  ])('survives a 10 MB line in %s', (_state, before, expected) => {
    const { world, session } = connect(995);
    const inventory = world.inventory();
    send(session, ...before);
    expect(send(session, 'A'.repeat(10 * 1024 * 1024))).toEqual([expected]);
    expect(session.internalErrors).toBe(0);
    expect(session.view().expects).toBe('command');
    expect(world.inventory()).toEqual(inventory);
  });

  test('takes every line inside AUTH as a SASL response, even one that looks like a command', () => {
    const { session } = connect(995);
    send(session, 'AUTH PLAIN');
    expect(session.view().expects).toBe('sasl');
    expect(send(session, 'QUIT')).toEqual(['-ERR [AUTH] Authentication failed.']);
    expect(session.view()).toMatchObject({ state: 'authorization', closed: false, expects: 'command' });
  });

  test('forgets a USER name once AUTH starts, so PASS after a failed exchange needs USER again', () => {
    const { session } = connect(995);
    expect(send(session, 'USER alice', 'AUTH LOGIN', 'LIST 0')).toEqual(['-ERR Invalid base64 data in continued response']);
    expect(send(session, 'PASS wonderland')).toEqual(['-ERR No username given.']);
    expect(session.view()).toMatchObject({ state: 'authorization', user: undefined });
  });

  test('lists the commands each state accepts', () => {
    const { session } = connect(110);
    expect(session.view().allowedCommands).toEqual(['CAPA', 'STLS', 'USER', 'APOP', 'AUTH', 'QUIT']);
    send(session, 'STLS', 'USER bob');
    expect(session.view().allowedCommands).toEqual(['CAPA', 'USER', 'PASS', 'APOP', 'AUTH', 'QUIT']);
    send(session, 'PASS builder');
    expect(session.view().allowedCommands).toEqual(['CAPA', 'QUIT', 'STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL']);
  });

  test('says nothing more once the connection is closed', () => {
    const { session } = connect(110);
    send(session, 'QUIT');
    expect(session.send('NOOP')).toMatchObject({ replies: [], closed: true });
  });

  test('echoes control characters as "?" so the reply stays one line', () => {
    const { session } = connect(995);
    send(session, 'USER bob', 'PASS builder');
    expect(send(session, 'LIST 1\rx')).toEqual(['-ERR Noise after message number: ?x']);
    expect(send(session, 'FO\0O')).toEqual(['-ERR Unknown command: FO?O']);
  });
});
