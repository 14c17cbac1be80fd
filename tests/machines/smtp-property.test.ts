/**
 * Property tests: random and hostile client lines never make the SMTP server throw, every reply is a valid
 * RFC 5321 reply (one per command, none inside DATA), every code it sends has an explanation, and the world
 * never loses a message nor gets one that was not answered with "250 … queued as".
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Session } from '../../src/protocols/shared/session-types.ts';
import { explainSmtp, TOO_MANY_ERRORS } from '../../src/protocols/smtp/replies.ts';
import { parseReplyLine } from '../../src/protocols/smtp/format.ts';
import { replyProblems, smtp } from '../protocols/smtp/helpers.ts';

const binary = (max: number) => fc.string({ unit: fc.nat(255).map((n) => String.fromCharCode(n)), maxLength: max });
const b64 = (s: string) => btoa(s);

/** Lines a client might send, well-formed or not, in any order. */
const clientLine = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('EHLO a.example', 'HELO a.example', 'EHLO', 'STARTTLS', 'STARTTLS x', 'RSET', 'NOOP', 'HELP', 'HELP mail', 'VRFY bob', 'VRFY', 'EXPN staff', 'BDAT 1', 'DATA', 'DATA x', '.', '..', '..x', '', ' ', '*', '=') },
  { weight: 6, arbitrary: fc.constantFrom('MAIL FROM:<alice@example.test>', 'MAIL FROM:<>', 'MAIL FROM:<c@s.example> SIZE=100', 'MAIL FROM:<c@s.example> SIZE=99999999999', 'MAIL FROM:<c', 'MAIL FROM:<c@s.example> BODY=8BITMIME X=1', 'MAIL to') },
  { weight: 6, arbitrary: fc.constantFrom('RCPT TO:<bob@example.test>', 'RCPT TO:<alice@example.test>', 'RCPT TO:<postmaster>', 'RCPT TO:<x@elsewhere.example>', 'RCPT TO:<nobody@example.test>', 'RCPT TO:<>', 'RCPT TO:bob@example.test') },
  { weight: 4, arbitrary: fc.constantFrom('AUTH PLAIN', 'AUTH LOGIN', `AUTH PLAIN ${b64('\0alice\0wonderland')}`, `AUTH PLAIN ${b64('\0bob\0nope')}`, 'AUTH LOGIN YWxpY2U=', 'AUTH CRAM-MD5', 'AUTH', `AUTH PLAIN = x`) },
  { weight: 4, arbitrary: fc.constantFrom(b64('\0alice\0wonderland'), b64('alice'), b64('wonderland'), b64('\0\0'), 'AAAA', '!!!!', 'YWxp') },
  { weight: 1, arbitrary: fc.constant('QUIT') },
  { weight: 4, arbitrary: binary(80) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('MAIL FROM:', 'RCPT TO:', 'EHLO ', 'AUTH PLAIN ', 'VRFY ', ''), binary(40)).map(([a, b]) => a + b) },
  { weight: 2, arbitrary: fc.constantFrom('NOOP\r\nQUIT', 'RCPT TO:<bob@example.test>\0', '.\r\n.', 'MAIL FROM:<a@b.example>\nRCPT TO:<x@y.example>', '\r', '\n', '\0') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('NOOP ', 'x', '.', 'AUTH PLAIN ', 'MAIL FROM:<'), fc.constantFrom(505, 506, 507, 997, 998, 999, 12286, 12287, 20000)).map(([p, n]) => p + 'x'.repeat(n)) },
);

/** A whole transaction with random message lines (some hostile), so the deep states are common. */
const transaction = fc
  .tuple(fc.constantFrom('MAIL FROM:<alice@example.test>', 'MAIL FROM:<>'), fc.constantFrom('RCPT TO:<bob@example.test>', 'RCPT TO:<postmaster>', 'RCPT TO:<x@elsewhere.example>'), fc.array(clientLine, { maxLength: 6 }))
  .map(([mail, rcpt, body]) => [mail, rcpt, 'DATA', ...body, '.']);

/** An AUTH exchange with random responses. */
const exchange = fc.tuple(fc.constantFrom('AUTH PLAIN', 'AUTH LOGIN'), fc.array(clientLine, { maxLength: 3 })).map(([a, rest]) => [a, ...rest]);

/** Blocks of lines: mostly single random lines, sometimes a transaction or an AUTH exchange. */
const session = fc
  .array(fc.oneof({ weight: 8, arbitrary: clientLine.map((l) => [l]) }, { weight: 1, arbitrary: transaction }, { weight: 1, arbitrary: exchange }), { maxLength: 30 })
  .map((blocks) => blocks.flat());

/** Sends one line and checks the properties that hold for every reply; returns the replies. */
function sendChecked(session: Session, line: string, queued: Set<string>): string[] {
  const before = session.view();
  const { replies, closed } = session.send(line);
  // The bad command that reaches Postfix's hard error limit gets its reply, then the 421 as a reply of its own.
  const own = closed && replies.length > 1 && replies.at(-1) === TOO_MANY_ERRORS ? replies.slice(0, -1) : replies;
  expect(replyProblems(own)).toEqual([]);
  if (before.closed) expect(replies).toEqual([]);
  else if (before.expects === 'data' && line !== '.') expect(replies).toEqual([]);
  else expect(replies.length).toBeGreaterThan(0);
  for (const r of replies) {
    const parsed = parseReplyLine(r)!;
    expect(explainSmtp(String(parsed.code)), r).toBeDefined();
    if (parsed.enhanced) expect(explainSmtp(parsed.enhanced), r).toBeDefined();
    const id = /queued as ([0-9A-F]+)$/.exec(r);
    if (id) queued.add(id[1]!);
  }
  return replies;
}

describe('SMTP server under random and hostile input', () => {
  test('never throws, replies validly, and never loses, duplicates or invents a message', () => {
    const visited = new Set<string>();
    let deliveries = 0;
    fc.assert(
      fc.property(fc.constantFrom(25, 587, 465), fc.boolean(), session, (port, login, lines) => {
        const { world, session } = smtp(port);
        const before = world.inventory();
        const queued = new Set<string>();
        // Get past the greeting, TLS and AUTH often enough for the transaction states to be reached.
        const auth = login ? [`AUTH PLAIN ${b64('\0alice\0wonderland')}`] : [];
        const prelude = port === 25 ? ['EHLO a.example'] : [...(port === 587 ? ['STARTTLS'] : []), 'EHLO a.example', ...auth];
        for (const line of [...prelude, ...lines]) {
          sendChecked(session, line, queued);
          visited.add(session.view().state);
        }
        deliveries += queued.size;
        expect(session.internalErrors).toBe(0);
        const after = world.inventory();
        expect(new Set(after).size).toBe(after.length);
        expect(after).toEqual(expect.arrayContaining(before));
        const copies = new Map<string, number>();
        for (const entry of after.filter((e) => !before.includes(e))) {
          const [user, box, uid] = entry.split('/');
          const raw = world.mailbox(user!, box!)!.messages.find((m) => m.uid === Number(uid))!.raw;
          const id = /with E?SMTP\w* id ([0-9A-F]+)\r\n/.exec(raw)?.[1];
          expect(id !== undefined && queued.has(id), entry).toBe(true);
          copies.set(`${user}/${id}`, (copies.get(`${user}/${id}`) ?? 0) + 1);
        }
        expect([...copies.values()].every((n) => n === 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
    // The generator is only worth something if it reaches the deep states and gets mail delivered.
    expect([...visited].sort()).toEqual(expect.arrayContaining(['authenticating.login.password', 'authenticating.plain', 'closed', 'connected', 'data', 'mailTransaction.recipients', 'mailTransaction.sender', 'ready']));
    expect(deliveries).toBeGreaterThan(0);
  });

  test('survives a 10 MB line in every state', () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const setups: Record<string, [number, string[]]> = {
      connected: [25, []],
      ready: [25, ['EHLO a.example']],
      'mailTransaction.recipients': [25, ['EHLO a.example', 'MAIL FROM:<>', 'RCPT TO:<bob@example.test>']],
      data: [25, ['EHLO a.example', 'MAIL FROM:<>', 'RCPT TO:<bob@example.test>', 'DATA']],
      'authenticating.plain': [465, ['EHLO a.example', 'AUTH PLAIN']],
      'authenticating.login.password': [465, ['EHLO a.example', 'AUTH LOGIN', 'YWxpY2U=']],
    };
    const expected: Record<string, string[]> = {
      connected: ['500 5.5.2 Error: line too long'],
      ready: ['500 5.5.2 Error: line too long'],
      'mailTransaction.recipients': ['500 5.5.2 Error: line too long'],
      data: [],
      'authenticating.plain': ['500 5.5.6 Authentication Exchange line is too long'],
      'authenticating.login.password': ['500 5.5.6 Authentication Exchange line is too long'],
    };
    for (const [state, [port, lines]] of Object.entries(setups)) {
      const { world, session } = smtp(port);
      const before = world.inventory();
      for (const l of lines) session.send(l);
      expect(session.view().state).toBe(state);
      expect(session.send(huge).replies).toEqual(expected[state]);
      if (state === 'data') {
        expect(session.view().state).toBe('data');
        expect(session.send('.').replies).toEqual(['552 5.3.4 Error: message file too big']);
      }
      expect(session.view().state).not.toMatch(/^authenticating/);
      expect(session.send('NOOP').replies).toEqual(['250 2.0.0 Ok']);
      expect(world.inventory()).toEqual(before);
      expect(session.internalErrors).toBe(0);
    }
  });
});
