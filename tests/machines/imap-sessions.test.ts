/**
 * Several sessions on one world (reference §4.4, A.12): changes reach a session in IDLE at once (RFC 2177) and
 * a polling session with its next command (RFC 3501 §5.2), EXPUNGE never during FETCH, STORE or SEARCH
 * (§7.4.1), and \Recent for exactly one session (§2.3.2).
 */
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { openSession, type Session } from '../../src/machines/session.ts';
import { MailWorld, type Envelope } from '../../src/protocols/shared/world.ts';

const V = 1795252227;

interface Client {
  session: Session;
  /** Sends a line and returns the replies. */
  send(line: string): string[];
  /** Lines pushed unasked since the last call. */
  pushed(): string[];
}

function client(world: MailWorld, login = true, port = 993): Client {
  const session = openSession(world, 'imap', port);
  let pushes: string[] = [];
  session.onPush((entries) => pushes.push(...entries.map((e) => e.text)));
  const c: Client = {
    session,
    send: (line) => session.send(line).replies,
    pushed: () => {
      const out = pushes;
      pushes = [];
      return out;
    },
  };
  if (login) c.send('x0 LOGIN alice wonderland');
  return c;
}

const SMTP: Envelope = { from: 'erin@elsewhere.example', recipients: ['alice@example.test'], helo: 'mx.elsewhere.example', clientAddress: '192.0.2.25', withProtocol: 'ESMTP' };

describe('three sessions of alice (reference A.12)', () => {
  test('A in IDLE hears B at once, C hears it on its next command, and C gets the EXPUNGE only after its FETCH', () => {
    const world = new MailWorld();
    // An earlier session selects INBOX and logs out, so its messages are no longer recent, as in the capture.
    const p = client(world);
    p.send('p1 SELECT INBOX');
    p.send('p2 LOGOUT');

    const a = client(world);
    const selected = (tag: string, verb: string, permanent: string, done: string) => [
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
      `* OK [PERMANENTFLAGS ${permanent}] ${permanent === '()' ? 'Read-only mailbox.' : 'Flags permitted.'}`,
      '* 3 EXISTS',
      '* 0 RECENT',
      '* OK [UNSEEN 2] First unseen.',
      `* OK [UIDVALIDITY ${V}] UIDs valid`,
      '* OK [UIDNEXT 4] Predicted next UID',
      `${tag} OK [${verb}] ${done}`,
    ];
    const rw = '(\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)';
    expect(a.send('A2 SELECT INBOX')).toEqual(selected('A2', 'READ-WRITE', rw, 'Select completed.'));
    const c = client(world);
    expect(c.send('C2 EXAMINE INBOX')).toEqual(selected('C2', 'READ-ONLY', '()', 'Examine completed.'));
    expect(a.send('A3 IDLE')).toEqual(['+ idling']);
    const b = client(world);
    expect(b.send('B2 SELECT INBOX')).toEqual(selected('B2', 'READ-WRITE', rw, 'Select completed.'));

    // The seed's first message is already \Seen, so B flags it instead of marking it seen.
    expect(b.send('B3 STORE 1 +FLAGS (\\Flagged)')).toEqual(['* 1 FETCH (FLAGS (\\Flagged \\Seen))', 'B3 OK Store completed.']);
    expect(a.pushed()).toEqual(['* 1 FETCH (FLAGS (\\Flagged \\Seen))']);

    expect(b.send('B4 APPEND INBOX {93+}')).toEqual([]);
    for (const line of ['From: Erin <erin@elsewhere.example>', 'To: alice@example.test', 'Subject: New arrival', '', 'Hello!']) expect(b.send(line)).toEqual([]);
    expect(b.send('')).toEqual(['* 4 EXISTS', '* 1 RECENT', `B4 OK [APPENDUID ${V} 4] Append completed.`]);
    // B appended into its own selected mailbox, so B, not A, sees the new message as \Recent.
    expect(a.pushed()).toEqual(['* 4 EXISTS']);

    expect(b.send('B5 STORE 2 +FLAGS (\\Deleted)')).toEqual(['* 2 FETCH (FLAGS (\\Deleted))', 'B5 OK Store completed.']);
    expect(a.pushed()).toEqual(['* 2 FETCH (FLAGS (\\Deleted))']);
    expect(b.send('B6 EXPUNGE')).toEqual(['* 2 EXPUNGE', 'B6 OK Expunge completed.']);
    expect(a.pushed()).toEqual(['* 2 EXPUNGE']);
    expect(a.send('DONE')).toEqual(['A3 OK Idle completed.']);

    // C still numbers the expunged message 2; the EXPUNGE waits for a command that may carry it.
    expect(c.send('C3 FETCH 1:* (UID FLAGS)')).toEqual([
      '* 1 FETCH (UID 1 FLAGS (\\Flagged \\Seen))',
      '* 2 FETCH (UID 2 FLAGS (\\Deleted))',
      '* 3 FETCH (UID 3 FLAGS ())',
      '* 1 FETCH (FLAGS (\\Flagged \\Seen))',
      '* 2 FETCH (FLAGS (\\Deleted))',
      '* 4 EXISTS',
      'C3 OK Fetch completed.',
    ]);
    expect(c.send('C4 NOOP')).toEqual(['* 2 EXPUNGE', 'C4 OK NOOP completed.']);
    expect(c.send('C5 FETCH 1:* (UID FLAGS)')).toEqual([
      '* 1 FETCH (UID 1 FLAGS (\\Flagged \\Seen))',
      '* 2 FETCH (UID 3 FLAGS ())',
      '* 3 FETCH (UID 4 FLAGS ())',
      'C5 OK Fetch completed.',
    ]);
    for (const [x, tag] of [[a, 'A4'], [b, 'B7'], [c, 'C6']] as const) expect(x.send(`${tag} LOGOUT`)).toEqual(['* BYE Logging out', `${tag} OK Logout completed.`]);
    expect(b.pushed()).toEqual([]);
    expect(c.pushed()).toEqual([]);
    for (const x of [a, b, c, p]) expect(x.session.internalErrors).toBe(0);
  });
});

describe('when updates reach a session', () => {
  function pair() {
    const world = new MailWorld();
    const watcher = client(world);
    watcher.send('w1 SELECT INBOX');
    const actor = client(world);
    actor.send('y1 SELECT INBOX');
    actor.send('y2 STORE 2 +FLAGS.SILENT (\\Deleted)');
    actor.send('y3 EXPUNGE');
    return { world, watcher, actor };
  }

  test.each([
    ['w2 FETCH 1 FLAGS', ['* 1 FETCH (FLAGS (\\Seen \\Recent))', '* 2 FETCH (FLAGS (\\Deleted \\Recent))', 'w2 OK Fetch completed.']],
    ['w2 STORE 1 +FLAGS.SILENT (\\Answered)', ['* 2 FETCH (FLAGS (\\Deleted \\Recent))', 'w2 OK Store completed.']],
    ['w2 SEARCH ALL', ['* SEARCH 1 2 3', '* 2 FETCH (FLAGS (\\Deleted \\Recent))', 'w2 OK Search completed.']],
  ])('withholds EXPUNGE during %s (RFC 3501 §7.4.1)', (line, replies) => {
    const { watcher } = pair();
    expect(watcher.send(line)).toEqual(replies);
    expect(watcher.send('w3 NOOP')).toEqual(['* 2 EXPUNGE', '* 2 RECENT', 'w3 OK NOOP completed.']);
  });

  test.each([
    ['w2 UID FETCH 1 FLAGS', ['* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent))', '* 2 EXPUNGE', '* 2 RECENT', 'w2 OK Fetch completed.']],
    ['w2 UID SEARCH ALL', ['* SEARCH 1 2 3', '* 2 EXPUNGE', '* 2 RECENT', 'w2 OK Search completed.']],
    ['w2 CHECK', ['* 2 EXPUNGE', '* 2 RECENT', 'w2 OK Check completed.']],
    ['w2 STATUS Sent (MESSAGES)', ['* STATUS Sent (MESSAGES 0)', '* 2 EXPUNGE', '* 2 RECENT', 'w2 OK Status completed.']],
  ])('sends EXPUNGE with %s', (line, replies) => {
    const { watcher } = pair();
    expect(watcher.send(line)).toEqual(replies);
  });

  test('sends nothing pending before the answer to a BAD command', () => {
    const { watcher } = pair();
    expect(watcher.send('w2 FETCH 9 FLAGS')).toEqual(['w2 BAD Error in IMAP command FETCH: Invalid messageset']);
  });

  test('drops pending updates of a mailbox the session leaves', () => {
    const { watcher } = pair();
    expect(watcher.send('w2 CLOSE')).toEqual(['w2 OK Close completed.']);
    expect(watcher.send('w3 NOOP')).toEqual(['w3 OK NOOP completed.']);
  });

  test('pushes everything that waited as soon as IDLE starts', () => {
    const { watcher } = pair();
    // The flag change of the expunged message is not worth reporting any more.
    expect(watcher.send('w2 IDLE')).toEqual(['+ idling', '* 2 EXPUNGE', '* 2 RECENT']);
  });

  test('shows mail delivered by SMTP to a session in IDLE as EXISTS and RECENT at once', () => {
    const world = new MailWorld();
    const a = client(world);
    a.send('a1 SELECT INBOX');
    a.send('a2 IDLE');
    world.deliver(SMTP, 'Subject: Hello\r\n\r\nHi Alice\r\n');
    expect(a.pushed()).toEqual(['* 4 EXISTS', '* 4 RECENT']);
    expect(a.send('a3 UID FETCH 4 (FLAGS)')).toEqual(['a2 BAD Expected DONE.']);
    expect(a.session.view().expects).toBe('command');
    expect(a.send('a4 UID FETCH 4 (FLAGS)')).toEqual(['* 4 FETCH (UID 4 FLAGS (\\Recent))', 'a4 OK Fetch completed.']);
  });

  test('ends IDLE with DONE in any case, and IDLE works without a selected mailbox', () => {
    const world = new MailWorld();
    const a = client(world);
    expect(a.send('a1 IDLE')).toEqual(['+ idling']);
    expect(a.session.view()).toMatchObject({ state: 'authenticated', expects: 'idle' });
    world.deliver(SMTP, 'Subject: Hello\r\n\r\nHi\r\n');
    expect(a.pushed()).toEqual([]);
    expect(a.send('done')).toEqual(['a1 OK Idle completed.']);
  });

  test('ignores changes to other users and other mailboxes', () => {
    const world = new MailWorld();
    const a = client(world);
    a.send('a1 SELECT INBOX');
    a.send('a2 IDLE');
    world.deliver({ ...SMTP, recipients: ['bob@example.test'] }, 'Subject: Hi Bob\r\n\r\nx\r\n');
    world.append('alice', 'Sent', 'Subject: sent\r\n\r\nx\r\n');
    expect(a.pushed()).toEqual([]);
  });

  test('pushes nothing to the session that made the change', () => {
    const world = new MailWorld();
    const a = client(world);
    a.send('a1 SELECT INBOX');
    a.send('a2 FETCH 1:* FLAGS');
    a.send('a3 STORE 1:3 +FLAGS (\\Flagged)');
    a.send('a4 COPY 1 INBOX');
    a.send('a5 EXPUNGE');
    expect(a.pushed()).toEqual([]);
  });
});

describe('\\Recent across sessions', () => {
  test('gives each message to exactly one session: the first to select it, never to EXAMINE', () => {
    const world = new MailWorld();
    const examiner = client(world);
    expect(examiner.send('e1 EXAMINE INBOX')).toContain('* 3 RECENT');
    const first = client(world);
    expect(first.send('f1 SELECT INBOX')).toContain('* 3 RECENT');
    const second = client(world);
    expect(second.send('s1 SELECT INBOX')).toContain('* 0 RECENT');
    expect(world.mailbox('alice', 'INBOX')!.messages.map((m) => m.recentOwner)).toEqual([first.session.id, first.session.id, first.session.id]);
    first.send('f2 LOGOUT');
    // Claims are not released at LOGOUT: the next session still sees nothing recent.
    expect(client(world).send('t1 SELECT INBOX')).toContain('* 0 RECENT');
  });

  test('gives delivered mail to the first read-write session that learns of it', () => {
    const world = new MailWorld();
    const one = client(world);
    one.send('o1 SELECT INBOX');
    const two = client(world);
    two.send('t1 SELECT INBOX');
    world.deliver(SMTP, 'Subject: x\r\n\r\ny\r\n');
    expect(one.send('o2 NOOP')).toEqual(['* 4 EXISTS', '* 4 RECENT', 'o2 OK NOOP completed.']);
    expect(two.send('t2 NOOP')).toEqual(['* 4 EXISTS', 't2 OK NOOP completed.']);
  });
});

describe('mailboxes changing under a session', () => {
  test('disconnects a session that deletes its own selected mailbox, as Dovecot does', () => {
    const world = new MailWorld();
    const a = client(world);
    a.send('a1 SELECT Archive');
    const step = a.session.send('a2 DELETE Archive');
    expect(step.replies).toEqual(['a2 OK Delete completed.', '* BYE Selected mailbox was deleted, have to disconnect.']);
    expect(step.closed).toBe(true);
  });

  test('keeps answering when another session deletes the selected mailbox', () => {
    const world = new MailWorld();
    world.append('alice', 'Archive', 'Subject: old\r\n\r\nx\r\n');
    const a = client(world);
    a.send('a1 SELECT Archive');
    client(world).send('b1 DELETE Archive');
    expect(a.send('a2 FETCH 1 FLAGS')).toEqual(['* 1 FETCH (FLAGS (\\Recent))', 'a2 OK Fetch completed.']);
    expect(a.send('a3 STORE 1 +FLAGS (\\Deleted)')).toEqual(['a3 OK Store completed.']);
    expect(a.send('a4 CLOSE')).toEqual(['a4 OK Close completed.']);
    expect(a.session.internalErrors).toBe(0);
  });

  test('reports the EXPUNGEs when it renames its selected INBOX (RFC 3501 §6.3.5)', () => {
    const world = new MailWorld();
    const a = client(world);
    a.send('a1 SELECT INBOX');
    expect(a.send('a2 RENAME INBOX Old')).toEqual(['* 1 EXPUNGE', '* 1 EXPUNGE', '* 1 EXPUNGE', '* 0 RECENT', 'a2 OK Rename completed.']);
    expect(a.send('a3 STATUS Old (MESSAGES)')).toEqual(['* STATUS Old (MESSAGES 3)', 'a3 OK Status completed.']);
  });

  test('copies into its own selected mailbox as new, recent messages', () => {
    const world = new MailWorld();
    const a = client(world);
    a.send('a1 SELECT INBOX');
    expect(a.send('a2 COPY 1:2 INBOX')).toEqual(['* 5 EXISTS', '* 5 RECENT', `a2 OK [COPYUID ${V} 1:2 4:5] Copy completed.`]);
  });
});
