import { describe, expect, test } from 'vitest';
import { LineSplitter, MAX_LINE_OCTETS } from '../../src/lab/framing.ts';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('LineSplitter', () => {
  test.each([
    ['CRLF lines', 'EHLO a\r\nQUIT\r\n', ['EHLO a', 'QUIT']],
    ['bare LF lines', 'EHLO a\nQUIT\n', ['EHLO a', 'QUIT']],
    ['mixed endings', 'A\r\nB\nC\r\n', ['A', 'B', 'C']],
    ['an empty line', '\r\n', ['']],
    ['a lone CR inside a line', 'A\rB\r\n', ['A\rB']],
    ['a CR not yet ended', 'A\r', []],
    ['two CRs before LF (only the last is the line end)', 'A\r\r\n', ['A\r']],
    ['NUL octets', 'A\x00B\r\n', ['A\x00B']],
  ])('splits %s', (_name, input, expected) => {
    expect(new LineSplitter().push(bytes(input))).toEqual(expected);
  });

  test('joins a line split across packets, even between CR and LF', () => {
    const s = new LineSplitter();
    expect(s.push(bytes('EH'))).toEqual([]);
    expect(s.push(bytes('LO laptop\r'))).toEqual([]);
    expect(s.push(bytes('\nNO'))).toEqual(['EHLO laptop']);
    expect(s.push(bytes('OP\r\n'))).toEqual(['NOOP']);
  });

  test('decodes octets as latin1: one char per octet', () => {
    const line = new LineSplitter().push(Buffer.from([0x53, 0xc3, 0xa9, 0xff, 0x0d, 0x0a]))[0];
    expect(line).toBe('S\u00c3\u00a9\u00ff');
    expect(line?.length).toBe(4);
  });

  test('passes a line of exactly the limit through', () => {
    const s = new LineSplitter(8);
    expect(s.push(bytes('12345678\r\n'))).toEqual(['12345678']);
  });

  test('cuts a line over the limit to limit + 1 octets', () => {
    const s = new LineSplitter(8);
    expect(s.push(bytes('123456789\r\n'))).toEqual(['123456789']);
    expect(s.push(bytes('1234567890abcdef\r\nNEXT\r\n'))).toEqual(['123456789', 'NEXT']);
  });

  test('discards an over-long line until its LF, holding at most limit + 2 octets', () => {
    const s = new LineSplitter(8);
    for (let i = 0; i < 1000; i++) s.push(bytes('abcdefghij'));
    expect(s.buffered).toBeLessThanOrEqual(10);
    expect(s.push(bytes('xyz\r\nQUIT\r\n'))).toEqual(['abcdefghi', 'QUIT']);
  });

  test('holds a 10 MB line in bounded memory and emits it once', () => {
    const s = new LineSplitter();
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const out: string[] = [];
    for (let i = 0; i < 160; i++) out.push(...s.push(chunk));
    expect(out).toEqual([]);
    expect(s.buffered).toBeLessThanOrEqual(MAX_LINE_OCTETS + 2);
    out.push(...s.push(bytes('\r\n')));
    expect(out).toHaveLength(1);
    expect(out[0]?.length).toBe(MAX_LINE_OCTETS + 1);
  });

  test('forgets a partial line on reset (plaintext after STARTTLS)', () => {
    const s = new LineSplitter();
    s.push(bytes('MAIL FROM:<evil'));
    s.reset();
    expect(s.push(bytes('NOOP\r\n'))).toEqual(['NOOP']);
  });
});
