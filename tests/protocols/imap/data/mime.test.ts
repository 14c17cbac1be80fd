import { describe, expect, test } from 'vitest';
import type { StoredMessage } from '../../../../src/protocols/shared/world.ts';
import { parseFetchItems, renderFetch } from '../../../../src/protocols/imap/fetch.ts';
import { parseMime } from '../../../../src/protocols/imap/mime.ts';

const lf2crlf = (s: string) => s.replace(/\n/g, '\r\n');

function stored(raw: string): StoredMessage {
  return { uid: 1, flags: new Set(), internalDate: new Date(Date.UTC(2026, 10, 21, 9, 0, 0)), raw, size: raw.length, recentOwner: undefined };
}

function fetch(raw: string, items: string): string {
  const parsed = parseFetchItems(items);
  if ('error' in parsed) throw new Error(parsed.error);
  return renderFetch(stored(raw), parsed.items, { uid: false, recent: false, flags: [] });
}

// Dovecot's own test message and expected output (dovecot/core src/lib-imap/test-imap-bodystructure.c), with
// CRLF line ends; Dovecot counts sizes as if lines ended in CRLF, so the numbers carry over unchanged.
const DOVECOT_MESSAGE = lf2crlf(`From: user@domain.org
Date: Sat, 24 Mar 2007 23:00:00 +0200
Mime-Version: 1.0
Content-Type: multipart/mixed; boundary="foo
 bar"

Root MIME prologue

--foo bar
Content-Type: text/x-myown; charset=us-ascii; foo="quoted\\"string"
Content-ID: <foo@example.com>
Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==
Content-Disposition: inline; foo=bar
Content-Description: hellodescription
Content-Language: en, fi, se
Content-Location: http://example.com/test.txt

hello

--foo bar
Content-Type: message/rfc822

From: sub@domain.org
To: sub-to1@domain.org, sub-to2@domain.org
Date: Sun, 12 Aug 2012 12:34:56 +0300
Subject: submsg
Content-Type: multipart/alternative; boundary="sub1"

Sub MIME prologue
--sub1
Content-Type: text/html
Content-Transfer-Encoding: 8bit

<p>Hello world</p>

--sub1
Content-Type: text/plain
Content-Transfer-Encoding: ?invalid

Hello another world

--sub1--
Sub MIME epilogue

--foo bar--
Root MIME epilogue
`);

const DOVECOT_BODYSTRUCTURE = String.raw`("text" "x-myown" ("charset" "us-ascii" "foo" "quoted\"string") "<foo@example.com>" "hellodescription" "7bit" 7 1 "Q2hlY2sgSW50ZWdyaXR5IQ==" ("inline" ("foo" "bar")) ("en" "fi" "se") "http://example.com/test.txt")("message" "rfc822" NIL NIL NIL "7bit" 412 ("Sun, 12 Aug 2012 12:34:56 +0300" "submsg" ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub-to1" "domain.org")(NIL NIL "sub-to2" "domain.org")) NIL NIL NIL NIL) (("text" "html" ("charset" "us-ascii") NIL NIL "8bit" 20 1 NIL NIL NIL NIL)("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 21 1 NIL NIL NIL NIL) "alternative" ("boundary" "sub1") NIL NIL NIL) 21 NIL NIL NIL NIL) "mixed" ("boundary" "foo bar") NIL NIL NIL`;

const DOVECOT_BODY = String.raw`("text" "x-myown" ("charset" "us-ascii" "foo" "quoted\"string") "<foo@example.com>" "hellodescription" "7bit" 7 1)("message" "rfc822" NIL NIL NIL "7bit" 412 ("Sun, 12 Aug 2012 12:34:56 +0300" "submsg" ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub-to1" "domain.org")(NIL NIL "sub-to2" "domain.org")) NIL NIL NIL NIL) (("text" "html" ("charset" "us-ascii") NIL NIL "8bit" 20 1)("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 21 1) "alternative") 21) "mixed"`;

describe('BODYSTRUCTURE against Dovecot', () => {
  test("matches Dovecot's BODYSTRUCTURE for its nested test message", () => {
    expect(fetch(DOVECOT_MESSAGE, 'BODYSTRUCTURE')).toBe(`BODYSTRUCTURE (${DOVECOT_BODYSTRUCTURE})`);
  });

  test("matches Dovecot's BODY for the same message", () => {
    expect(fetch(DOVECOT_MESSAGE, 'BODY')).toBe(`BODY (${DOVECOT_BODY})`);
  });
});

describe('sections inside a message/rfc822 part', () => {
  test('2.HEADER and 2.TEXT are the encapsulated message header and body', () => {
    expect(fetch(DOVECOT_MESSAGE, 'BODY[2.HEADER.FIELDS (SUBJECT)]')).toBe('BODY[2.HEADER.FIELDS (SUBJECT)] {19}\r\nSubject: submsg\r\n\r\n');
    expect(fetch(DOVECOT_MESSAGE, 'BODY[2.TEXT]<0.17>')).toBe('BODY[2.TEXT]<0> "Sub MIME prologue"');
  });

  test('2.MIME is the part header, 2.1 and 2.2 the parts of the encapsulated multipart', () => {
    expect(fetch(DOVECOT_MESSAGE, 'BODY[2.MIME]')).toBe('BODY[2.MIME] {32}\r\nContent-Type: message/rfc822\r\n\r\n');
    expect(fetch(DOVECOT_MESSAGE, 'BODY[2.1]')).toBe('BODY[2.1] {20}\r\n<p>Hello world</p>\r\n');
    expect(fetch(DOVECOT_MESSAGE, 'BODY[2.2.MIME]')).toBe(
      'BODY[2.2.MIME] {65}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: ?invalid\r\n\r\n',
    );
    expect(fetch(DOVECOT_MESSAGE, 'BODY[1]')).toBe('BODY[1] {7}\r\nhello\r\n');
    expect(fetch(DOVECOT_MESSAGE, 'BODY[2.3]')).toBe('BODY[2.3] ""');
  });
});

// Dovecot's ENVELOPE tests (dovecot/core src/lib-imap/test-imap-envelope.c, "copied from imaptest").
describe('ENVELOPE against Dovecot', () => {
  test.each([
    [
      'every field present',
      'Message-ID: <msg@id>\nIn-Reply-To: <reply@to.id>\nDate: Thu, 15 Feb 2007 01:02:03 +0200\nSubject: subject header\nFrom: From Real <fromuser@fromdomain.org>\nTo: To Real <touser@todomain.org>\nCc: Cc Real <ccuser@ccdomain.org>\nBcc: Bcc Real <bccuser@bccdomain.org>\nSender: Sender Real <senderuser@senderdomain.org>\nReply-To: ReplyTo Real <replytouser@replytodomain.org>\n\nbody\n',
      '"Thu, 15 Feb 2007 01:02:03 +0200" "subject header" (("From Real" NIL "fromuser" "fromdomain.org")) (("Sender Real" NIL "senderuser" "senderdomain.org")) (("ReplyTo Real" NIL "replytouser" "replytodomain.org")) (("To Real" NIL "touser" "todomain.org")) (("Cc Real" NIL "ccuser" "ccdomain.org")) (("Bcc Real" NIL "bccuser" "bccdomain.org")) "<reply@to.id>" "<msg@id>"',
    ],
    [
      'only Date and From',
      'Date: Thu, 15 Feb 2007 01:02:03 +0200\nFrom: user@domain\n\nbody\n',
      '"Thu, 15 Feb 2007 01:02:03 +0200" NIL ((NIL NIL "user" "domain")) ((NIL NIL "user" "domain")) ((NIL NIL "user" "domain")) NIL NIL NIL NIL NIL',
    ],
    [
      'groups and a comment as name',
      'Date: Thu, 15 Feb 2007 01:02:03 +0200\nFrom: user@domain (Real Name)\nTo: group: g1@d1.org, g2@d2.org;, group2: g3@d3.org;\nCc: group:;, group2: (foo) ;\n\nbody\n',
      '"Thu, 15 Feb 2007 01:02:03 +0200" NIL (("Real Name" NIL "user" "domain")) (("Real Name" NIL "user" "domain")) (("Real Name" NIL "user" "domain")) ((NIL NIL "group" NIL)(NIL NIL "g1" "d1.org")(NIL NIL "g2" "d2.org")(NIL NIL NIL NIL)(NIL NIL "group2" NIL)(NIL NIL "g3" "d3.org")(NIL NIL NIL NIL)) ((NIL NIL "group" NIL)(NIL NIL NIL NIL)(NIL NIL "group2" NIL)(NIL NIL NIL NIL)) NIL NIL NIL',
    ],
    [
      'empty Sender and Reply-To',
      'Date: Thu, 15 Feb 2007 01:02:03 +0200\nFrom: user@domain (Real Name)\nSender: \nReply-To: \n\nbody\n',
      '"Thu, 15 Feb 2007 01:02:03 +0200" NIL (("Real Name" NIL "user" "domain")) (("Real Name" NIL "user" "domain")) (("Real Name" NIL "user" "domain")) NIL NIL NIL NIL NIL',
    ],
    [
      'a source route',
      'Date: Thu, 15 Feb 2007 01:02:03 +0200\nFrom: <@route:user@domain>\n\nbody\n',
      '"Thu, 15 Feb 2007 01:02:03 +0200" NIL ((NIL "@route" "user" "domain")) ((NIL "@route" "user" "domain")) ((NIL "@route" "user" "domain")) NIL NIL NIL NIL NIL',
    ],
  ])('writes %s', (_name, message, envelope) => {
    expect(fetch(lf2crlf(message), 'ENVELOPE')).toBe(`ENVELOPE (${envelope})`);
  });

  test.each([
    ['a quoted display name with a comma', 'From: "Doe, Jane" <jane@example.test>', '(("Doe, Jane" NIL "jane" "example.test"))'],
    ['an obsolete phrase with a dot', 'From: John Q. Public <john@example.test>', '(("John Q. Public" NIL "john" "example.test"))'],
    ['a local part without domain', 'From: alice', '((NIL NIL "alice" "MISSING_DOMAIN"))'],
    ['an unclosed angle bracket', 'From: Bob <bob@example.test', '(("Bob" NIL "bob" "SYNTAX_ERROR"))'],
    ['an encoded word kept as written', 'From: =?UTF-8?Q?J=C3=B6rg?= <j@example.test>', '(("=?UTF-8?Q?J=C3=B6rg?=" NIL "j" "example.test"))'],
  ])('writes %s', (_name, from, list) => {
    expect(fetch(`${from}\r\n\r\nbody\r\n`, 'ENVELOPE')).toBe(`ENVELOPE (NIL NIL ${list} ${list} ${list} NIL NIL NIL NIL NIL)`);
  });
});

describe('parseMime on broken input', () => {
  test.each([
    ['a multipart without boundary', 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nhello\r\n', '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 7 1)'],
    ['a garbage Content-Type', 'MIME-Version: 1.0\r\nContent-Type: garbage\r\n\r\nhello\r\n', '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 7 1)'],
    ['no Content-Type', 'Subject: x\r\n\r\nhello\r\n', '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 7 1)'],
    ['Content-Type without MIME-Version', 'Content-Type: image/png\r\n\r\nhello\r\n', '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 7 1)'],
    ['no empty line', 'Subject: x\r\n', '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0)'],
    ['an empty message', '', '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0)'],
    ['a body without a final line end', 'Subject: x\r\n\r\nno newline', '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 10 0)'],
    ['bare LF line ends', 'Subject: x\n\nline\n', '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 5 1)'],
    [
      'a multipart with no delimiter line',
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\nno parts here\r\n',
      '(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "mixed")',
    ],
    [
      'an unterminated multipart',
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\nContent-Type: text/html\r\n\r\ntwo\r\n',
      '(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 3 0)("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 5 1) "mixed")',
    ],
    [
      'comments and spaces in Content-Type',
      'MIME-Version: 1.0\r\nContent-Type: text/plain (plain text) ; charset = "UTF-8" ; format=flowed\r\n\r\nhi\r\n',
      '("text" "plain" ("charset" "UTF-8" "format" "flowed") NIL NIL "7bit" 4 1)',
    ],
    [
      'a digest whose parts default to message/rfc822',
      'MIME-Version: 1.0\r\nContent-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: inner\r\n\r\nx\r\n--d--\r\n',
      '(("message" "rfc822" NIL NIL NIL "7bit" 19 (NIL "inner" NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 1 0) 2) "digest")',
    ],
  ])('handles %s', (_name, raw, body) => {
    expect(fetch(raw, 'BODY')).toBe(`BODY ${body}`);
  });

  test('keeps an over-deep nesting as a leaf instead of recursing', () => {
    let raw = 'x\r\n';
    for (let i = 0; i < 300; i += 1) raw = `MIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n${raw}`;
    const out = fetch(raw, 'BODYSTRUCTURE');
    expect(out.startsWith('BODYSTRUCTURE ("message" "rfc822" NIL NIL NIL "7bit" ')).toBe(true);
    expect(out).toContain('(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0)');
  });

  test('records the header, body and empty line of each entity', () => {
    const tree = parseMime('A: 1\r\n folded\r\nB: 2\r\n\r\nbody');
    expect(tree.fields).toEqual([
      { name: 'A', value: '1 folded', raw: 'A: 1\r\n folded\r\n' },
      { name: 'B', value: '2', raw: 'B: 2\r\n' },
    ]);
    expect([tree.header, tree.body, tree.hasBlankLine]).toEqual(['A: 1\r\n folded\r\nB: 2\r\n\r\n', 'body', true]);
  });
});
