/**
 * Property tests: random and hostile lines never break the IMAP server. No line reaches the internal-error net,
 * every reply line is an IMAP response (literals followed across lines), every tagged command gets exactly one
 * tagged reply, and the world gains or loses messages only through the commands that add or remove them.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { openSession, type Session } from '../../src/machines/session.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';
import { splitCommandLine } from '../../src/protocols/imap/tokenize.ts';
import { grammarError, responses } from '../protocols/imap/core/imap-lines.ts';

const binary = (maxLength: number) => fc.array(fc.integer({ min: 0, max: 255 }), { maxLength }).map((codes) => String.fromCharCode(...codes));

const COMMANDS = [
  'LOGIN alice wonderland', 'LOGIN alice nope', 'LOGIN "bob" "builder"', 'STARTTLS', 'CAPABILITY', 'NOOP', 'ID NIL', 'ID ("name" "x")', 'ID (1 2)',
  'AUTHENTICATE PLAIN', 'AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'AUTHENTICATE PLAIN =', 'AUTHENTICATE LOGIN', 'ENABLE CONDSTORE',
  'SELECT INBOX', 'EXAMINE INBOX', 'SELECT Archive', 'SELECT Nowhere', 'CREATE Box', 'CREATE Box.Sub', 'DELETE Box', 'DELETE INBOX', 'DELETE Trash',
  'RENAME Box Other', 'RENAME INBOX Old', 'RENAME Nowhere X', 'SUBSCRIBE Sent', 'UNSUBSCRIBE Sent', 'LIST "" *', 'LIST "" %', 'LIST "" ""', 'LSUB "" *',
  'NAMESPACE', 'STATUS INBOX (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)', 'STATUS INBOX (BOGUS)', 'CHECK', 'CLOSE', 'UNSELECT', 'EXPUNGE',
  'FETCH 1:* (UID FLAGS RFC822.SIZE)', 'FETCH 1 BODY[]', 'FETCH 2 BODY.PEEK[TEXT]<0.10>', 'FETCH 1 (FLAGS', 'FETCH 99 FLAGS', 'FETCH * ALL',
  'UID FETCH 1:* FLAGS', 'UID FETCH 999 BODY[HEADER]', 'STORE 1:* +FLAGS (\\Deleted)', 'STORE 2 -FLAGS (\\Seen)', 'STORE 1 FLAGS.SILENT ($Junk)',
  'STORE 1 +FLAGS (\\Recent)', 'UID STORE 1:* -FLAGS.SILENT (\\Deleted)', 'SEARCH UNSEEN', 'SEARCH CHARSET KOI8-R ALL', 'SEARCH (OR', 'UID SEARCH ALL',
  'UID EXPUNGE 1:2', 'COPY 1:2 Archive', 'COPY 1 Nowhere', 'MOVE 1 Trash', 'UID MOVE 2:* Archive', 'UID COPY 1:* INBOX', 'IDLE', 'LOGOUT',
  'FROB', 'UID FROB', 'APPEND INBOX {5}', 'APPEND INBOX (\\Seen) "21-Nov-2026 09:00:00 +0000" {12+}', 'APPEND Nowhere {5+}', 'APPEND INBOX {0}',
  'APPEND INBOX {99999999}', 'APPEND INBOX {99999999+}', 'LOGIN {5}', 'LOGIN {5+}', 'SELECT {5}', 'STORE 1 +FLAGS {3}',
];
const DATA = ['DONE', 'done', 'hello', '', '*', 'AGFsaWNlAHdvbmRlcmxhbmQ=', 'AGJvYgBidWlsZGVy', 'Subject: x', '.', 'alice', 'wonderland', ' {3+}', 'x) {2}'];
const TAGS = ['a1', 'b.2', 'LOGIN', 'From:', 'T]', 'x'];

/** One client line: a tagged command, a data line, or garbage (NUL, CR, LF, 8-bit octets, base64, long lines). */
const line = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...COMMANDS)).map(([t, c]) => `${t} ${c}`) },
  { weight: 4, arbitrary: fc.constantFrom(...DATA) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...TAGS), binary(30)).map(([t, b]) => `${t} ${b}`) },
  { weight: 1, arbitrary: binary(60) },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...COMMANDS), fc.constantFrom('\r', '\n', '\0', '\r\n')).map(([c, x]) => `z ${c}${x}y`) },
  { weight: 1, arbitrary: fc.integer({ min: 65000, max: 66000 }).map((n) => `a9 FETCH ${'1,'.repeat(n / 2)}1 FLAGS`) },
);

const PREAMBLES: string[][] = [[], ['p0 STARTTLS'], ['p0 LOGIN alice wonderland'], ['p0 LOGIN alice wonderland', 'p1 SELECT INBOX'], ['p0 LOGIN alice wonderland', 'p1 EXAMINE INBOX']];

/** Sends a line and checks the replies; `outstanding` holds the tags of commands not answered yet. */
function sendChecked(session: Session, sent: Set<string>, outstanding: string[], text: string): string[] {
  const before = session.view().expects;
  const tag = splitCommandLine(text).tag;
  if (tag !== undefined) sent.add(tag);
  if (before === 'command' && tag !== undefined) outstanding.push(tag);
  const step = session.send(text);
  expect(session.internalErrors, text).toBe(0);
  for (const r of responses(step.replies)) {
    expect(grammarError(r, sent), JSON.stringify(step.replies)).toBeUndefined();
    const first = r.first.slice(0, r.first.indexOf(' '));
    if (first !== '*' && first !== '+') {
      const at = outstanding.indexOf(first);
      expect(at, `tagged reply without an open command: ${r.first}`).toBeGreaterThanOrEqual(0);
      outstanding.splice(at, 1);
    }
  }
  if (!step.closed) expect(outstanding.length, `${text} → ${JSON.stringify(step.replies)}`).toBeLessThanOrEqual(session.view().expects === 'command' ? 0 : 1);
  return step.replies;
}

describe('IMAP server under random input', () => {
  test('never throws, keeps to the response grammar and answers each tagged command exactly once', () => {
    fc.assert(
      fc.property(fc.constantFrom(143, 993), fc.constantFrom(...PREAMBLES), fc.array(line, { maxLength: 25 }), (port, preamble, lines) => {
        const session = openSession(new MailWorld(), 'imap', port);
        const sent = new Set<string>();
        const outstanding: string[] = [];
        for (const l of [...preamble, ...lines]) {
          if (session.view().closed) break;
          sendChecked(session, sent, outstanding, l);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('survives a 10 MB line in every state and a 10 MB literal', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    for (const preamble of PREAMBLES) {
      const session = openSession(new MailWorld(), 'imap', 993);
      for (const l of preamble) session.send(l);
      expect(session.send(`q1 ${huge}`).replies).toEqual(['q1 BAD Error in IMAP command: Too long argument.']);
      expect(session.send(`q2 FETCH ${huge}`).replies).toEqual(['q2 BAD Error in IMAP command FETCH: Too long argument.']);
      expect(session.send(huge).replies).toEqual(['* BAD Error in IMAP command: Too long argument.']);
      expect(session.internalErrors).toBe(0);
    }
    const session = openSession(new MailWorld(), 'imap', 993);
    session.send('a LOGIN alice wonderland');
    // The world's message size limit (10,240,000 octets, the SIZE SMTP advertises) bounds APPEND too.
    expect(session.send('b APPEND INBOX {10240001}').replies).toEqual(['b NO [TOOBIG] Mail size is larger than the maximum size allowed by server configuration']);
    expect(session.send('c APPEND INBOX {10240000+}').replies).toEqual([]);
    expect(session.send(huge.slice(0, 10239998)).replies).toEqual([]);
    const done = session.send('');
    expect(done.replies.at(-1)).toMatch(/^c OK \[APPENDUID \d+ 4\] Append completed\.$/);
    expect(session.internalErrors).toBe(0);
  });

  test('drops the octets of a refused LITERAL+ instead of running them as commands', () => {
    const session = openSession(new MailWorld(), 'imap', 993);
    session.send('a LOGIN alice wonderland');
    expect(session.send('b APPEND Nowhere {10+}').replies).toEqual(["b NO [TRYCREATE] Mailbox doesn't exist: Nowhere"]);
    expect(session.send('c LOGOUT').replies).toEqual([]);
    expect(session.send('').replies).toEqual([]);
    expect(session.send('d NOOP').replies).toEqual(['d OK NOOP completed.']);
  });
});

const REMOVES = new Set(['EXPUNGE', 'CLOSE', 'MOVE', 'DELETE', 'RENAME', 'UID']);
const ADDS = new Set(['APPEND', 'COPY', 'MOVE', 'RENAME', 'UID']);
const SESSION_COMMANDS = COMMANDS.filter((c) => !c.startsWith('LOGOUT') && !c.startsWith('STARTTLS'));

describe('IMAP server and the mail world', () => {
  test('adds and removes messages only with APPEND, COPY, MOVE, EXPUNGE, CLOSE, DELETE and RENAME', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SESSION_COMMANDS).map((c) => `t ${c}`) }, { weight: 2, arbitrary: fc.constantFrom(...DATA) }), { maxLength: 30 }), (lines) => {
        const world = new MailWorld();
        const session = openSession(world, 'imap', 993);
        session.send('t LOGIN alice wonderland');
        session.send('t SELECT INBOX');
        let verb = '';
        for (const l of lines) {
          if (session.view().closed) break;
          if (session.view().expects === 'command') verb = splitCommandLine(l).verb;
          const before = world.inventory();
          session.send(l);
          const after = world.inventory();
          expect(new Set(after).size).toBe(after.length);
          const removed = before.filter((m) => !after.includes(m));
          const added = after.filter((m) => !before.includes(m));
          if (removed.length > 0) expect(REMOVES.has(verb), `${l} removed ${removed.join(' ')}`).toBe(true);
          if (added.length > 0) expect(ADDS.has(verb), `${l} added ${added.join(' ')}`).toBe(true);
        }
        expect(session.internalErrors).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  test('keeps the number of messages when moving them and when renaming INBOX', () => {
    const world = new MailWorld();
    const session = openSession(world, 'imap', 993);
    session.send('a LOGIN alice wonderland');
    session.send('b SELECT INBOX');
    const count = world.inventory().length;
    session.send('c MOVE 1:2 Archive');
    session.send('d RENAME INBOX Old');
    expect(world.inventory().length).toBe(count);
    expect(world.inventory().filter((m) => m.startsWith('alice/'))).toEqual(['alice/Archive/1', 'alice/Archive/2', 'alice/Old/1']);
  });
});

/** What a client knows of its selected mailbox, kept from the server's lines alone (RFC 3501 §7.3.1, §7.4.1). */
class ClientModel {
  count = 0;
  readonly problems: string[] = [];

  read(lines: readonly string[]): void {
    for (const r of responses(lines)) {
      const m = /^\* (\d+) (EXISTS|EXPUNGE|FETCH)/.exec(r.first);
      if (!m) continue;
      const n = Number(m[1]);
      if (m[2] === 'EXISTS') {
        if (n < this.count) this.problems.push(`EXISTS went down: ${r.first} after ${this.count}`);
        this.count = n;
      } else if (n < 1 || n > this.count) {
        this.problems.push(`${r.first} with ${this.count} messages`);
      } else if (m[2] === 'EXPUNGE') {
        this.count -= 1;
      }
    }
  }
}

const MUTATIONS = [
  'STORE 1 +FLAGS (\\Deleted)', 'STORE 2:* +FLAGS (\\Deleted)', 'STORE 1:* -FLAGS (\\Deleted)', 'STORE * +FLAGS ($Later)', 'UID STORE 1:* +FLAGS (\\Seen)',
  'EXPUNGE', 'UID EXPUNGE 1:3', 'COPY 1:2 INBOX', 'MOVE 1 Archive', 'UID MOVE 4:* Archive', 'FETCH 1:* FLAGS', 'UID FETCH 1:* FLAGS', 'SEARCH DELETED',
  'NOOP', 'CHECK', 'APPEND INBOX {4+}',
];

describe('IMAP sessions sharing a mailbox', () => {
  test('keep every session\'s sequence numbers consistent with what it was told', () => {
    type Step = { who: 0 | 1; line: string } | { deliver: true } | { idle: 0 | 1 };
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.constantFrom(0 as const, 1 as const), fc.constantFrom(...MUTATIONS)).map(([who, line]) => ({ who, line })) },
      { weight: 1, arbitrary: fc.constant({ deliver: true as const }) },
      { weight: 2, arbitrary: fc.constantFrom(0 as const, 1 as const).map((idle) => ({ idle })) },
    );
    fc.assert(
      fc.property(fc.constantFrom('SELECT', 'EXAMINE'), fc.array(step, { maxLength: 25 }), (second, steps) => {
        const world = new MailWorld();
        const sessions = [openSession(world, 'imap', 993), openSession(world, 'imap', 993)];
        const models = [new ClientModel(), new ClientModel()];
        sessions.forEach((s, i) => {
          s.onPush((entries) => models[i]!.read(entries.map((e) => e.text)));
          s.send('a LOGIN alice wonderland');
          models[i]!.read(s.send(`b ${i === 0 ? 'SELECT' : second} INBOX`).replies);
        });
        const send = (i: 0 | 1, line: string) => {
          const s = sessions[i]!;
          if (s.view().expects === 'idle') models[i]!.read(s.send('DONE').replies);
          models[i]!.read(s.send(`c ${line}`).replies);
          if (s.view().expects === 'literal') models[i]!.read(s.send('Hi').replies.concat(s.send('').replies));
        };
        for (const st of steps) {
          if ('deliver' in st) world.deliver({ from: 'x@elsewhere.example', recipients: ['alice@example.test'], helo: 'h', clientAddress: '192.0.2.1', withProtocol: 'ESMTP' }, 'Subject: s\r\n\r\nb\r\n');
          else if ('idle' in st) {
            if (sessions[st.idle]!.view().expects === 'command') models[st.idle]!.read(sessions[st.idle]!.send('d IDLE').replies);
          } else send(st.who, st.line);
        }
        sessions.forEach((s, i) => {
          send(i as 0 | 1, 'NOOP');
          expect(models[i]!.problems).toEqual([]);
          expect(models[i]!.count).toBe(world.mailbox('alice', 'INBOX')!.messages.length);
          expect(s.internalErrors).toBe(0);
        });
        const recentOwners = world.mailbox('alice', 'INBOX')!.messages.map((m) => m.recentOwner);
        expect(recentOwners.every((o) => o === undefined || o === sessions[0]!.id || o === sessions[1]!.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
