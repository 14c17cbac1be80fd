import { describe, expect, test } from 'vitest';
import { imapAstring, imapFlagList, imapNString, imapQuoted, imapString } from '../../../../src/protocols/imap/format.ts';

describe('imapQuoted', () => {
  test.each([
    ['', '""'],
    ['INBOX', '"INBOX"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\path', '"C:\\\\path"'],
  ])('quotes %j as %s', (input, expected) => {
    expect(imapQuoted(input)).toBe(expected);
  });
});

describe('imapString', () => {
  test.each([
    ['plain text', '"plain text"'],
    ['', '""'],
    ['a"b', '"a\\"b"'],
    ['two\r\nlines', '{10}\r\ntwo\r\nlines'],
    ['bare\nLF', '{7}\r\nbare\nLF'],
    ['nul\x00', '{4}\r\nnul\x00'],
    ['caf\xc3\xa9', '{5}\r\ncaf\xc3\xa9'],
  ])('writes %j as %j', (input, expected) => {
    expect(imapString(input)).toBe(expected);
  });
});

describe('imapAstring', () => {
  test.each([
    ['INBOX', 'INBOX'],
    ['Sent.2026', 'Sent.2026'],
    ['$Forwarded', '$Forwarded'],
    ['two words', '"two words"'],
    ['', '""'],
    ['a(b', '"a(b"'],
    ['star*', '"star*"'],
    ['pct%', '"pct%"'],
    ['br]', '"br]"'],
    ['{5}', '"{5}"'],
    ['back\\slash', '"back\\\\slash"'],
    ['NIL', '"NIL"'],
    ['nil', '"nil"'],
    ['tab\there', '"tab\there"'],
    ['line\r\n', '{6}\r\nline\r\n'],
  ])('writes %j as %j', (input, expected) => {
    expect(imapAstring(input)).toBe(expected);
  });
});

describe('imapNString', () => {
  test('writes NIL for undefined', () => {
    expect(imapNString(undefined)).toBe('NIL');
  });

  test('writes a string otherwise, even an empty one', () => {
    expect(imapNString('')).toBe('""');
    expect(imapNString('x\r\n')).toBe('{3}\r\nx\r\n');
  });
});

describe('imapFlagList', () => {
  test.each([
    [[], false, '()'],
    [[], true, '(\\Recent)'],
    [['\\Seen'], true, '(\\Seen \\Recent)'],
    [['\\Seen', '\\Flagged', '\\Answered'], false, '(\\Answered \\Flagged \\Seen)'],
    [['$Forwarded', '\\Draft', '\\Deleted'], true, '(\\Deleted \\Draft \\Recent $Forwarded)'],
  ])('writes %j (recent %s) as %s', (flags, recent, expected) => {
    expect(imapFlagList(flags, recent)).toBe(expected);
  });
});
