import { describe, expect, test } from 'vitest';
import { afterPrefix, isEsmtpValue, isMailbox, parseCommand, parseParams, parsePath, trimBlanks } from '../../../src/protocols/smtp/parse.ts';

describe('parseCommand', () => {
  test.each([
    ['EHLO client.example', 'EHLO', 'client.example'],
    ['ehlo client.example', 'EHLO', 'client.example'],
    ['MAIL FROM:<a@b.example> SIZE=10', 'MAIL', 'FROM:<a@b.example> SIZE=10'],
    ['QUIT', 'QUIT', ''],
    ['NOOP   ', 'NOOP', ''],
    ['VRFY  bob\t', 'VRFY', 'bob'],
    ['', '', ''],
    [' NOOP', '', 'NOOP'],
    ['NOOP\r\nQUIT', 'NOOP\r\nQUIT', ''],
  ])('splits %j into verb %j and args %j', (line, verb, args) => {
    expect(parseCommand(line)).toEqual({ verb, args });
  });
});

describe('trimBlanks', () => {
  test.each([
    ['  a b \t', 'a b'],
    ['\xa0a\xa0', '\xa0a\xa0'],
    ['\r\n', '\r\n'],
    ['', ''],
  ])('trims %j to %j', (text, trimmed) => {
    expect(trimBlanks(text)).toBe(trimmed);
  });
});

describe('isMailbox', () => {
  test.each([
    ['alice@example.test', true],
    ['first.last+tag@sub.example.test', true],
    ['"john doe"@example.test', true],
    ['"a\\"b"@example.test', true],
    ['"a@b"@example.test', true],
    ['alice@[192.0.2.25]', true],
    ['alice@[IPv6:2001:db8::1]', true],
    ['alice', false],
    ['@example.test', false],
    ['alice@', false],
    ['al ice@example.test', false],
    ['alice..x@example.test', false],
    ['.alice@example.test', false],
    ['alice@-example.test', false],
    ['alice@example..test', false],
    ['alïce@example.test', false],
    ['alice@exa_mple.test', false],
  ])('%j is a mailbox: %s', (address, ok) => {
    expect(isMailbox(address)).toBe(ok);
  });
});

describe('parsePath', () => {
  test.each([
    ['<alice@example.test>', { ok: true, address: 'alice@example.test', rest: '' }],
    ['<alice@example.test> SIZE=5', { ok: true, address: 'alice@example.test', rest: 'SIZE=5' }],
    ['<>', { ok: true, address: '', rest: '' }],
    ['<postmaster>', { ok: true, address: 'postmaster', rest: '' }],
    ['alice@example.test', { ok: true, address: 'alice@example.test', rest: '' }],
    ['<@a.example,@b.example:alice@example.test>', { ok: true, address: 'alice@example.test', rest: '' }],
    ['<"a>b"@example.test>', { ok: true, address: '"a>b"@example.test', rest: '' }],
    ['<alice@example.test', { ok: false, error: 'syntax' }],
    ['<alice@example.test>SIZE=5', { ok: false, error: 'syntax' }],
    ['<alice>', { ok: false, error: 'syntax' }],
    ['', { ok: false, error: 'syntax' }],
    // 256 octets with the angle brackets (RFC 5321 §4.5.3.1.3): 1 + 241 + 13 + 1.
    [`<${'a'.repeat(241)}@example.test>`, { ok: true, address: `${'a'.repeat(241)}@example.test`, rest: '' }],
    [`<${'a'.repeat(242)}@example.test>`, { ok: false, error: 'tooLong' }],
  ])('reads %j', (text, result) => {
    expect(parsePath(text)).toEqual(result);
  });
});

describe('parseParams', () => {
  test('reads keywords in upper case with their values', () => {
    expect(parseParams('size=10 BODY=8BITMIME  SMTPUTF8')).toEqual([
      { keyword: 'SIZE', value: '10', raw: 'size=10' },
      { keyword: 'BODY', value: '8BITMIME', raw: 'BODY=8BITMIME' },
      { keyword: 'SMTPUTF8', value: undefined, raw: 'SMTPUTF8' },
    ]);
  });

  test.each(['=1', '-X=1', 'X\0', 'É=1'])('marks %j as outside the esmtp-keyword grammar', (raw) => {
    expect(parseParams(raw)).toEqual([{ keyword: undefined, raw }]);
  });

  test('leaves values to each parameter\'s own check', () => {
    expect(parseParams('SIZE= X=a=b')).toEqual([
      { keyword: 'SIZE', value: '', raw: 'SIZE=' },
      { keyword: 'X', value: 'a=b', raw: 'X=a=b' },
    ]);
  });

  test.each([
    ['a@b.example', true],
    ['<>', true],
    ['', false],
    ['a=b', false],
    ['a b', false],
  ])('%j is an esmtp-value: %s', (value, ok) => {
    expect(isEsmtpValue(value)).toBe(ok);
  });
});

describe('afterPrefix', () => {
  test.each([
    ['FROM:<a@b.c>', 'FROM:', '<a@b.c>'],
    ['from: <a@b.c>', 'FROM:', '<a@b.c>'],
    ['TO:<a@b.c>', 'FROM:', undefined],
    ['FROM <a@b.c>', 'FROM:', undefined],
    ['To:x', 'TO:', 'x'],
  ] as const)('reads %j after %s as %j', (args, prefix, rest) => {
    expect(afterPrefix(args, prefix)).toBe(rest);
  });
});
