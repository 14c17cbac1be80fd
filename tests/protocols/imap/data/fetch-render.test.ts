import { describe, expect, test } from 'vitest';
import { MailWorld, type StoredMessage } from '../../../../src/protocols/shared/world.ts';
import { parseFetchItems, renderFetch } from '../../../../src/protocols/imap/fetch.ts';
import { crlf, readFetchData } from './imap-grammar.ts';

const inbox = new MailWorld().mailbox('alice', 'INBOX')!.messages;
const welcome = inbox[0]!;
const minutes = inbox[1]!;
const dots = inbox[2]!;

function fetch(m: StoredMessage, items: string, options: { uid?: boolean; recent?: boolean; flags?: string[] } = {}): string {
  const parsed = parseFetchItems(items);
  if ('error' in parsed) throw new Error(parsed.error);
  return renderFetch(m, parsed.items, { uid: options.uid ?? false, recent: options.recent ?? false, flags: options.flags ?? [...m.flags] });
}

// The seed texts, written out again here so the expected sizes do not come from the code under test.
const WELCOME_BODY = ['Hi Alice,', '', 'your mailbox is ready. Read it with POP3 or IMAP, send with SMTP.', '', 'Bob'];
const MINUTES_TEXT = ['Hello both,', '', 'the minutes are attached as a PDF.', '', 'Carol'];
const PDF_LINES = [
  'JVBERi0xLjQKMSAwIG9iaiA8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4gZW5kb2Jq',
  'CjIgMCBvYmogPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4gZW5kb2Jq',
  'CjMgMCBvYmogPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCAyMDAg',
  'MjAwXSA+PiBlbmRvYmoKdHJhaWxlciA8PCAvUm9vdCAxIDAgUiA+PgolJUVPRgo=',
];
const DOTS_BODY = ['Line one.', '.', '.hidden', 'The two lines above begin with a dot.'];
const PDF_MIME = ['Content-Type: application/pdf; name="minutes.pdf"', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="minutes.pdf"', ''];

describe('hand-computed sizes', () => {
  test('match the seed texts', () => {
    expect([crlf(WELCOME_BODY).length, WELCOME_BODY.length]).toEqual([87, 5]);
    expect([crlf(MINUTES_TEXT).length, MINUTES_TEXT.length]).toEqual([60, 5]);
    expect(crlf(PDF_LINES).length).toBe(300);
    expect([crlf(DOTS_BODY).length, DOTS_BODY.length]).toEqual([62, 4]);
    expect(crlf(PDF_MIME).length).toBe(145);
  });
});

describe('renderFetch ENVELOPE', () => {
  test('writes the Welcome message, sender and reply-to taken from From', () => {
    expect(fetch(welcome, 'ENVELOPE')).toBe(
      'ENVELOPE ("Fri, 20 Nov 2026 08:14:52 +0000" "Welcome to example.test" (("Bob" NIL "bob" "example.test")) (("Bob" NIL "bob" "example.test")) (("Bob" NIL "bob" "example.test")) (("Alice" NIL "alice" "example.test")) NIL NIL NIL "<welcome-1@example.test>")',
    );
  });

  test('writes the Minutes message with its Cc and a quote in the subject', () => {
    expect(fetch(minutes, 'ENVELOPE')).toBe(
      'ENVELOPE ("Fri, 20 Nov 2026 16:01:40 +0000" "Minutes of Thursday\'s meeting" (("Carol" NIL "carol" "sender.example")) (("Carol" NIL "carol" "sender.example")) (("Carol" NIL "carol" "sender.example")) (("Alice" NIL "alice" "example.test")) (("Bob" NIL "bob" "example.test")) NIL NIL "<minutes-7@sender.example>")',
    );
  });

  test('writes a bare address with a NIL name', () => {
    expect(fetch(dots, 'ENVELOPE')).toBe(
      'ENVELOPE ("Sat, 21 Nov 2026 07:44:58 +0000" "Dots" (("Dan" NIL "dan" "elsewhere.example")) (("Dan" NIL "dan" "elsewhere.example")) (("Dan" NIL "dan" "elsewhere.example")) ((NIL NIL "alice" "example.test")) NIL NIL NIL "<dots-3@elsewhere.example>")',
    );
  });
});

describe('renderFetch BODYSTRUCTURE and BODY', () => {
  test('writes a text/plain message with size, lines and the four extension fields', () => {
    expect(fetch(welcome, 'BODYSTRUCTURE')).toBe('BODYSTRUCTURE ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 87 5 NIL NIL NIL NIL)');
    expect(fetch(dots, 'BODYSTRUCTURE')).toBe('BODYSTRUCTURE ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 62 4 NIL NIL NIL NIL)');
  });

  test('writes the multipart with its attachment, disposition and boundary', () => {
    expect(fetch(minutes, 'BODYSTRUCTURE')).toBe(
      'BODYSTRUCTURE (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 60 5 NIL NIL NIL NIL)' +
        '("application" "pdf" ("name" "minutes.pdf") NIL NIL "base64" 300 NIL ("attachment" ("filename" "minutes.pdf")) NIL NIL)' +
        ' "mixed" ("boundary" "=_mw_boundary_1") NIL NIL NIL)',
    );
  });

  test('writes BODY without extension data', () => {
    expect(fetch(welcome, 'BODY')).toBe('BODY ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 87 5)');
    expect(fetch(minutes, 'BODY')).toBe(
      'BODY (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 60 5)("application" "pdf" ("name" "minutes.pdf") NIL NIL "base64" 300) "mixed")',
    );
  });
});

describe('renderFetch BODY[section]', () => {
  test('returns part 1 of a single-part message as its body, in a literal', () => {
    expect(fetch(welcome, 'BODY[1]')).toBe(`BODY[1] {87}\r\n${crlf(WELCOME_BODY)}`);
    expect(fetch(dots, 'BODY[TEXT]')).toBe(`BODY[TEXT] {62}\r\n${crlf(DOTS_BODY)}`);
  });

  test('returns the parts of a multipart without the delimiter line ends', () => {
    expect(fetch(minutes, 'BODY[1]')).toBe(`BODY[1] {60}\r\n${crlf(MINUTES_TEXT)}`);
    expect(fetch(minutes, 'BODY.PEEK[2]')).toBe(`BODY[2] {300}\r\n${crlf(PDF_LINES)}`);
  });

  test('returns a part\'s MIME header with its empty line', () => {
    expect(fetch(minutes, 'BODY[2.MIME]')).toBe(`BODY[2.MIME] {145}\r\n${crlf(PDF_MIME)}`);
  });

  test('returns the asked header fields in message order, with the empty line', () => {
    expect(fetch(welcome, 'BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]')).toBe(
      'BODY[HEADER.FIELDS (SUBJECT FROM)] {66}\r\nFrom: Bob <bob@example.test>\r\nSubject: Welcome to example.test\r\n\r\n',
    );
    expect(fetch(dots, 'BODY.PEEK[HEADER.FIELDS (subject)]')).toBe('BODY[HEADER.FIELDS (SUBJECT)] {17}\r\nSubject: Dots\r\n\r\n');
  });

  test('returns every other field for HEADER.FIELDS.NOT', () => {
    const all = ['Return-Path', 'From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version'];
    const out = fetch(dots, `BODY.PEEK[HEADER.FIELDS.NOT (${all.join(' ')})]`);
    expect(out).toBe(
      'BODY[HEADER.FIELDS.NOT (RETURN-PATH FROM TO SUBJECT DATE MESSAGE-ID MIME-VERSION)] {46}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n',
    );
  });

  test('returns the header of the message for HEADER and RFC822.HEADER', () => {
    const header = fetch(welcome, 'BODY.PEEK[HEADER]');
    expect(header.startsWith('BODY[HEADER] {271}\r\nReturn-Path: <bob@example.test>\r\n')).toBe(true);
    expect(header.endsWith('Content-Type: text/plain; charset=us-ascii\r\n\r\n')).toBe(true);
    expect(fetch(welcome, 'RFC822.HEADER')).toBe(header.replace('BODY[HEADER]', 'RFC822.HEADER'));
  });

  test('renders a partial with its origin octet, quoted when the slice allows it', () => {
    expect(fetch(minutes, 'BODY[TEXT]<0.10>')).toBe('BODY[TEXT]<0> "This is a "');
    expect(fetch(welcome, 'BODY.PEEK[TEXT]<0.10>')).toBe('BODY[TEXT]<0> {10}\r\nHi Alice,\r');
    expect(fetch(welcome, 'BODY[1]<3.5>')).toBe('BODY[1]<3> "Alice"');
    expect(fetch(welcome, 'BODY[]<5>')).toBe(`BODY[]<5> {353}\r\n${welcome.raw.slice(5)}`);
    expect(fetch(welcome, 'BODY[]<5000.10>')).toBe('BODY[]<5000> ""');
  });

  test('returns an empty string for a section that does not exist', () => {
    expect(fetch(minutes, 'BODY[3]')).toBe('BODY[3] ""');
    expect(fetch(minutes, 'BODY[2.1]')).toBe('BODY[2.1] ""');
    expect(fetch(minutes, 'BODY[1.HEADER]')).toBe('BODY[1.HEADER] ""');
    expect(fetch(welcome, 'BODY[2]')).toBe('BODY[2] ""');
  });
});

describe('renderFetch simple items', () => {
  test('writes UID, FLAGS, INTERNALDATE and RFC822.SIZE in the order asked', () => {
    expect(fetch(welcome, '(RFC822.SIZE INTERNALDATE FLAGS UID)')).toBe('RFC822.SIZE 358 INTERNALDATE "20-Nov-2026 08:15:00 +0000" FLAGS (\\Seen) UID 1');
  });

  test('adds \\Recent to FLAGS when the message is recent in this session', () => {
    expect(fetch(minutes, 'FLAGS', { recent: true })).toBe('FLAGS (\\Recent)');
    expect(fetch(welcome, 'FLAGS', { recent: true, flags: ['\\Seen', '\\Flagged'] })).toBe('FLAGS (\\Flagged \\Seen \\Recent)');
  });

  test('puts the UID first for UID FETCH unless the client asked for it', () => {
    expect(fetch(dots, 'FLAGS', { uid: true })).toBe('UID 3 FLAGS ()');
    expect(fetch(dots, '(FLAGS UID)', { uid: true })).toBe('FLAGS () UID 3');
  });

  test('answers an item asked twice once', () => {
    expect(fetch(dots, '(FLAGS FLAGS BODY.PEEK[1]<0.4> BODY[1]<0.4>)')).toBe('FLAGS () BODY[1]<0> "Line"');
  });

  test('writes RFC822 and RFC822.TEXT as literals', () => {
    expect(fetch(welcome, 'RFC822')).toBe(`RFC822 {358}\r\n${welcome.raw}`);
    expect(fetch(welcome, 'RFC822.TEXT')).toBe(`RFC822.TEXT {87}\r\n${crlf(WELCOME_BODY)}`);
  });

  test('expands FULL into five items', () => {
    const out = fetch(dots, 'FULL');
    expect(readFetchData(out).pairs.map(([name]) => name)).toEqual(['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODY']);
  });
});

describe('literal framing', () => {
  test.each(inbox.map((m) => [m.uid, m] as const))('every literal in a full fetch of message %i announces its octet count', (_uid, m) => {
    const out = fetch(m, '(UID FLAGS BODY[] BODY[1] BODY[2] BODY[HEADER] BODY[TEXT] BODY[2.MIME] RFC822 RFC822.HEADER RFC822.TEXT BODYSTRUCTURE)', { uid: true });
    const { pairs, literals } = readFetchData(out);
    expect(pairs.length).toBe(12);
    expect(literals.length).toBeGreaterThan(0);
    for (const l of literals) expect(l.octets.length).toBe(l.announced);
  });
});
