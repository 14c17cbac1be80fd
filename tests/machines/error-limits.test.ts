/**
 * SMTP and POP3 end a session that sends too many bad commands, as Postfix (smtpd_hard_error_limit 20,
 * smtpd_junk_command_limit 100) and Dovecot (3 unknown commands before login, 20 failed ones in a row after) do.
 * IMAP's limits are tested with the IMAP commands.
 */
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { openSession, type Session } from '../../src/machines/session.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

const TOO_MANY = '421 4.7.0 mail.example.test Error: too many errors';

function smtp(): { world: MailWorld; s: Session } {
  const world = new MailWorld();
  const s = openSession(world, 'smtp', 25);
  s.send('EHLO a.example');
  return { world, s };
}

/** Sends `line` `n` times and returns the replies of the last. */
function repeat(s: Session, line: string, n: number): string[] {
  let replies: string[] = [];
  for (let i = 0; i < n; i++) replies = s.send(line).replies;
  return replies;
}

describe('SMTP error limit (Postfix smtpd_hard_error_limit = 20)', () => {
  test('answers 19 bad commands, then says 421 after the 20th and closes; nothing more is read', () => {
    const { s } = smtp();
    expect(repeat(s, 'XYZZY', 19)).toEqual(['500 5.5.2 Error: command not recognized']);
    expect(s.view().closed).toBe(false);
    const last = s.send('XYZZY');
    expect(last.replies).toEqual(['500 5.5.2 Error: command not recognized', TOO_MANY]);
    expect(last.closed).toBe(true);
    expect(last.entries.at(-1)).toMatchObject({ kind: 'event', event: 'closed' });
    expect(s.send('NOOP').replies).toEqual([]);
  });

  test('counts every 4xx and 5xx, whatever the command, and drops the open transaction', () => {
    const { world, s } = smtp();
    const before = world.inventory();
    s.send('MAIL FROM:<c@s.example>');
    s.send('RCPT TO:<bob@example.test>');
    const bad = ['RCPT TO:<nobody@example.test>', 'RCPT TO:<x@elsewhere.example>', 'MAIL FROM:<d@s.example>', 'EXPN x', 'VRFY', 'RCPT TO:bad'];
    for (let i = 0; i < 19; i++) expect(s.send(bad[i % bad.length]!).closed).toBe(false);
    expect(s.send('DATA x').replies.at(-1)).toBe(TOO_MANY);
    expect(world.inventory()).toEqual(before);
  });

  test('forgives the errors once a message is accepted', () => {
    const { s } = smtp();
    repeat(s, 'XYZZY', 19);
    for (const l of ['MAIL FROM:<c@s.example>', 'RCPT TO:<bob@example.test>', 'DATA', 'Subject: hi', '']) s.send(l);
    expect(s.send('.').replies[0]).toMatch(/^250 2\.0\.0 Ok: queued as /);
    expect(repeat(s, 'XYZZY', 19)).toEqual(['500 5.5.2 Error: command not recognized']);
    expect(s.view().closed).toBe(false);
  });

  test('counts HELO, EHLO, NOOP, RSET and VRFY beyond 100 as errors (smtpd_junk_command_limit)', () => {
    const { s } = smtp(); // EHLO was the first junk command
    expect(repeat(s, 'NOOP', 119)).toEqual(['250 2.0.0 Ok']);
    expect(s.view().closed).toBe(false);
    expect(s.send('RSET').replies).toEqual(['250 2.0.0 Ok', TOO_MANY]);
  });
});

function pop3(port: 110 | 995 = 995): { world: MailWorld; s: Session } {
  const world = new MailWorld();
  return { world, s: openSession(world, 'pop3', port) };
}

describe('POP3 error limits (Dovecot CLIENT_MAX_BAD_COMMANDS)', () => {
  test('before login, the third unknown command in a row ends the session', () => {
    const { s } = pop3();
    expect(repeat(s, 'XTND', 2)).toEqual(['-ERR Unknown command.']);
    const third = s.send('STAT'); // TRANSACTION commands are unknown to the login process
    expect(third.replies).toEqual(['-ERR Unknown command.', '-ERR Too many invalid bad commands.']);
    expect(third.closed).toBe(true);
  });

  test('before login, a known command starts the count again, even one that fails', () => {
    const { s } = pop3(110);
    for (const reset of ['CAPA', 'PASS x', 'USER bob', 'APOP bob x', 'STLS', 'STLS']) {
      repeat(s, 'XTND', 2);
      s.send(reset);
    }
    expect(s.view().closed).toBe(false);
  });

  test('before login, AUTH neither counts nor starts the count again (Dovecot handles it apart)', () => {
    const { s } = pop3();
    repeat(s, 'XTND', 2);
    expect(repeat(s, 'AUTH CRAM-MD5', 5)).toEqual(['-ERR Unsupported authentication mechanism.']);
    s.send('AUTH PLAIN');
    expect(s.send('AGJvYgB3cm9uZw==').replies).toEqual(['-ERR [AUTH] Authentication failed.']);
    expect(s.view().closed).toBe(false);
    expect(s.send('XTND').replies.at(-1)).toBe('-ERR Too many invalid bad commands.');
  });

  test('after login, 20 failed commands in a row are answered and the 21st ends the session without UPDATE', () => {
    const { world, s } = pop3();
    for (const l of ['USER alice', 'PASS wonderland']) s.send(l);
    const before = world.inventory();
    s.send('DELE 1');
    const bad = ['RETR 99', 'XTND', 'LIST x', 'DELE 1', 'USER bob'];
    for (let i = 0; i < 20; i++) expect(s.send(bad[i % bad.length]!).closed, String(i)).toBe(false);
    const last = s.send('TOP 1');
    expect(last.replies).toEqual(['-ERR Noise after message number: ', '-ERR Too many bad commands.']);
    expect(last.closed).toBe(true);
    // RFC 1939 §6: no QUIT, no UPDATE: the DELE is forgotten and the lock released.
    expect(world.inventory()).toEqual(before);
    const again = openSession(world, 'pop3', 995);
    again.send('USER alice');
    expect(again.send('PASS wonderland').replies).toEqual(['+OK Logged in.']);
  });

  test('after login, a command that works starts the count again, and logging in starts it afresh', () => {
    const { s } = pop3();
    repeat(s, 'XTND', 2);
    s.send('USER alice');
    s.send('PASS wonderland');
    for (let round = 0; round < 3; round++) {
      expect(repeat(s, 'RETR 99', 20)).toEqual(["-ERR There's no message 99."]);
      expect(s.send('NOOP').replies).toEqual(['+OK']);
    }
    expect(s.view().closed).toBe(false);
  });
});

describe('a failure inside the engine', () => {
  test('ends that one session with the protocol\'s own words and is never thrown again later', async () => {
    const world = new MailWorld();
    const s = openSession(world, 'imap', 993);
    s.send('a LOGIN alice wonderland');
    Object.defineProperty(world, 'mailbox', { value: () => { throw new Error('disk on fire'); } });
    const step = s.send('b SELECT INBOX');
    expect(step.replies).toEqual(['b NO [SERVERBUG] Internal error occurred.']);
    expect(step.closed).toBe(true);
    expect(s.internalErrors).toBe(1);
    // XState reports an unobserved actor error by throwing from a timer; the session observes it, so nothing is.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const other = openSession(new MailWorld(), 'imap', 993);
    expect(other.send('c NOOP').replies).toEqual(['c OK NOOP completed.']);
  });
});
