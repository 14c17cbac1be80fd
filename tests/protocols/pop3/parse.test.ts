import { describe, expect, test } from 'vitest';
import {
  byteStuff,
  echo,
  messageLines,
  multiLine,
  topLines,
  uidlString,
  unstuff,
} from '../../../src/protocols/pop3/format.ts';
import { asciiUpper, parseCommandLine, parseLineCount, parseMessageNumber } from '../../../src/protocols/pop3/parse.ts';

describe('parseCommandLine', () => {
  test.each([
    ['STAT', 'STAT', '', 'STAT'],
    ['stat', 'STAT', '', 'STAT'],
    ['List 2', 'LIST', '2', 'LIST'],
    ['LIST  2', 'LIST', ' 2', 'LIST'],
    ['PASS my secret', 'PASS', 'my secret', 'PASS'],
    ['USER', 'USER', '', 'USER'],
    ['USER ', 'USER', '', 'USER'],
    ['top 1 10', 'TOP', '1 10', 'TOP'],
    ['FOO bar', 'FOO', 'bar', undefined],
    ['', '', '', undefined],
    [' STAT', '', 'STAT', undefined],
    ['straße', 'STRAßE', '', undefined],
    ['\x00STAT', '\x00STAT', '', undefined],
  ])('splits %j into verb %j and arguments %j', (line, verb, args, known) => {
    expect(parseCommandLine(line)).toEqual({ verb, args, known });
  });

  test('upper-cases ASCII letters only', () => {
    expect(asciiUpper('aéz')).toBe('AéZ');
  });
});

describe('parseMessageNumber', () => {
  test.each([
    ['1', false, { ok: true, value: 1, rest: '' }],
    ['007', false, { ok: true, value: 7, rest: '' }],
    ['0', false, { ok: true, value: 0, rest: '' }],
    ['4294967295', false, { ok: true, value: 4294967295, rest: '' }],
    ['1 10', true, { ok: true, value: 1, rest: '10' }],
    ['1   10', true, { ok: true, value: 1, rest: '10' }],
    ['', false, { ok: false, reply: '-ERR Invalid message number: ' }],
    ['abc', false, { ok: false, reply: '-ERR Invalid message number: abc' }],
    ['-1', false, { ok: false, reply: '-ERR Invalid message number: -1' }],
    ['4294967296', false, { ok: false, reply: '-ERR Message number too large: 4294967296' }],
    ['99999999999999999999', false, { ok: false, reply: '-ERR Message number too large: 99999999999999999999' }],
    ['1x', false, { ok: false, reply: '-ERR Noise after message number: x' }],
    ['1 2', false, { ok: false, reply: '-ERR Noise after message number:  2' }],
    ['1', true, { ok: false, reply: '-ERR Noise after message number: ' }],
    ['1\r\n', false, { ok: false, reply: '-ERR Noise after message number: ??' }],
  ])('reads %j (then space: %s)', (args, thenSpace, expected) => {
    expect(parseMessageNumber(args, thenSpace)).toEqual(expected);
  });
});

describe('parseLineCount', () => {
  test.each([
    ['0', { ok: true, value: 0, rest: '' }],
    ['10', { ok: true, value: 10, rest: '' }],
    ['18446744073709551615', { ok: true, value: 18446744073709551615, rest: '' }],
    ['18446744073709551616', { ok: false, reply: '-ERR Size too large: 18446744073709551616' }],
    ['', { ok: false, reply: '-ERR Invalid size: ' }],
    ['x', { ok: false, reply: '-ERR Invalid size: x' }],
    ['5 6', { ok: false, reply: '-ERR Noise after size:  6' }],
  ])('reads %j', (args, expected) => {
    expect(parseLineCount(args)).toEqual(expected);
  });
});

describe('byte-stuffing', () => {
  test.each([
    ['.', '..'],
    ['.hidden', '..hidden'],
    ['..', '...'],
    ['Line one.', 'Line one.'],
    ['', ''],
  ])('stuffs %j as %j and unstuffs it back', (line, wire) => {
    expect(byteStuff(line)).toBe(wire);
    expect(unstuff(wire)).toBe(line);
  });

  test('ends a multi-line response with a lone dot after stuffed data', () => {
    expect(multiLine('+OK', ['a', '.', '.b'])).toEqual(['+OK', 'a', '..', '..b', '.']);
    expect(multiLine('+OK 0 messages:', [])).toEqual(['+OK 0 messages:', '.']);
  });
});

describe('message lines', () => {
  test('splits at CRLF and at a bare LF, dropping the final empty piece', () => {
    expect(messageLines('A: 1\r\n\r\nbody\r\n')).toEqual(['A: 1', '', 'body']);
    expect(messageLines('A: 1\n\nbody')).toEqual(['A: 1', '', 'body']);
    expect(messageLines('x\ry\r\n')).toEqual(['x\ry']);
  });

  test.each([
    [0, ['A: 1', 'B: 2', '']],
    [1, ['A: 1', 'B: 2', '', 'one']],
    [99, ['A: 1', 'B: 2', '', 'one', 'two']],
  ])('TOP with %i body lines gives the header, the empty line and that many lines', (n, expected) => {
    expect(topLines('A: 1\r\nB: 2\r\n\r\none\r\ntwo\r\n', n)).toEqual(expected);
  });

  test('TOP of a message without an empty line gives the whole message as header', () => {
    expect(topLines('A: 1\r\nB: 2\r\n', 0)).toEqual(['A: 1', 'B: 2']);
  });
});

describe('uidlString', () => {
  test.each([
    [1, 0x6b02279e, '000000016b02279e'],
    [2, 0x6b02279e, '000000026b02279e'],
    [0xabc, 1, '00000abc00000001'],
  ])('formats UID %i and UIDVALIDITY %i as %s', (uid, validity, expected) => {
    expect(uidlString(uid, validity)).toBe(expected);
  });
});

describe('echo', () => {
  test('replaces control characters so an echoed argument stays on one line', () => {
    expect(echo('a\r\nb\x00c\x7f\td')).toBe('a??b?c?\td');
  });
});
