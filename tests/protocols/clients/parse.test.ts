/** Reading server replies as the two-devices widget's clients do: POP3 STAT/UIDL/RETR and IMAP responses. */
import { describe, expect, test } from 'vitest';
import { displayName, multiline, parseStat, parseUidl } from '../../../src/protocols/pop3/client/client.ts';
import { parseUpdate, responses, tagged } from '../../../src/protocols/imap/client/parse.ts';

describe('pop3 reply parsing', () => {
  test.each([
    ['+OK 3 1703', 3],
    ['+OK 0 0', 0],
    ['-ERR [AUTH] Authentication failed.', undefined],
    [undefined, undefined],
  ])('reads the message count of STAT reply %s', (line, count) => {
    expect(parseStat(line)).toBe(count);
  });

  test('lists UIDL ids by message number', () => {
    expect(parseUidl(['+OK', '1 000000016b016003', '2 000000026b016003', '.'])).toEqual([
      { n: 1, uid: '000000016b016003' },
      { n: 2, uid: '000000026b016003' },
    ]);
  });

  test('removes dot-stuffing from a multi-line reply and stops at the lone dot', () => {
    expect(multiline(['+OK 318 octets', 'Subject: Dots', '', '..', '..hidden', '.'])).toEqual(['Subject: Dots', '', '.', '.hidden']);
  });

  test('gives nothing for a refused multi-line command', () => {
    expect(multiline(['-ERR There is no message 9.'])).toEqual([]);
  });

  test.each([
    ['Carol <carol@sender.example>', 'Carol'],
    ['"Bob Builder" <bob@example.test>', 'Bob Builder'],
    ['<dan@elsewhere.example>', 'dan@elsewhere.example'],
    ['alice@example.test', 'alice@example.test'],
    [undefined, '(unknown sender)'],
  ])('names the sender of From: %s', (from, name) => {
    expect(displayName(from)).toBe(name);
  });
});

describe('imap response parsing', () => {
  test('keeps a literal and the rest of its line in one response', () => {
    expect(responses(['* 2 FETCH (UID 2 BODY[TEXT] {4}', 'a', 'b)', 'a004 OK Fetch completed.'])).toEqual([
      '* 2 FETCH (UID 2 BODY[TEXT] {4}\r\na\r\nb)',
      'a004 OK Fetch completed.',
    ]);
  });

  test('reads UID, flags, subject and sender from FETCH with ENVELOPE', () => {
    const line =
      '* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent) ENVELOPE ("Fri, 20 Nov 2026 08:14:52 +0000" "Welcome to example.test" (("Bob" NIL "bob" "example.test")) (("Bob" NIL "bob" "example.test")) (("Bob" NIL "bob" "example.test")) (("Alice" NIL "alice" "example.test")) NIL NIL NIL "<welcome-1@example.test>"))';
    expect(parseUpdate(line)).toEqual({ kind: 'fetch', seq: 1, uid: 1, flags: ['\\Seen', '\\Recent'], subject: 'Welcome to example.test', from: 'Bob' });
  });

  test('uses the address when the sender has no name, and reads quoted escapes', () => {
    const line = '* 3 FETCH (ENVELOPE (NIL "A \\"quoted\\" subject" ((NIL NIL "dan" "elsewhere.example")) NIL NIL NIL NIL NIL NIL NIL) UID 3)';
    expect(parseUpdate(line)).toMatchObject({ uid: 3, subject: 'A "quoted" subject', from: 'dan@elsewhere.example' });
  });

  test('reads flags pushed without a UID', () => {
    expect(parseUpdate('* 3 FETCH (FLAGS (\\Flagged \\Seen))')).toEqual({ kind: 'fetch', seq: 3, uid: undefined, flags: ['\\Flagged', '\\Seen'], subject: undefined, from: undefined });
  });

  test('skips a BODY[TEXT] literal to reach the flags after it', () => {
    const [response] = responses(['* 2 FETCH (UID 2 BODY[TEXT] {4}', '()', ' FLAGS (\\Seen))']);
    expect(parseUpdate(response!)).toMatchObject({ uid: 2, flags: ['\\Seen'] });
  });

  test.each([
    ['* 4 EXISTS', { kind: 'exists', count: 4 }],
    ['* 2 EXPUNGE', { kind: 'expunge', seq: 2 }],
    ['* 1 RECENT', undefined],
    ['* OK [UIDNEXT 4] Predicted next UID', undefined],
  ])('reads %s', (line, update) => {
    expect(parseUpdate(line)).toEqual(update);
  });

  test('finds the tagged status of its own command only', () => {
    expect(tagged(['* 1 EXPUNGE', 'a006 OK Move completed.'], 'a006')).toEqual({ status: 'OK', text: 'Move completed.' });
    expect(tagged(['a007 NO [NONEXISTENT] Mailbox does not exist: Bin'], 'a007')).toEqual({ status: 'NO', text: '[NONEXISTENT] Mailbox does not exist: Bin' });
    expect(tagged(['a007 OK done'], 'a008')).toBeUndefined();
  });
});
