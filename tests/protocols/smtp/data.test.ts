import { describe, expect, test } from 'vitest';
import { appendLine, EMPTY_MESSAGE, isEndOfData, messageOutcome, type MessageBuffer } from '../../../src/protocols/smtp/data.ts';

const feed = (lines: string[], limit?: number): MessageBuffer => lines.reduce((b, l) => appendLine(b, l, limit), EMPTY_MESSAGE);

describe('message text', () => {
  test.each([
    ['.', true],
    ['..', false],
    ['. ', false],
    ['', false],
  ])('%j ends the data: %s', (line, end) => {
    expect(isEndOfData(line)).toBe(end);
  });

  test('removes one leading dot and ends every line in CRLF', () => {
    expect(feed(['Subject: x', '', '..hidden', '..', '...', 'a.b']).content).toBe('Subject: x\r\n\r\n.hidden\r\n.\r\n..\r\na.b\r\n');
  });

  test('counts octets with CRLF and without the transparency dot', () => {
    expect(feed(['ab', '..c']).octets).toBe(8);
  });

  test('stops keeping text over the size limit but keeps counting', () => {
    const b = feed(['12345678', '12345678', 'x'], 12);
    expect(b).toEqual({ content: '', octets: 23, overSize: true, lineTooLong: false });
    expect(messageOutcome(b)).toBe('tooBig');
  });

  test('marks a line of 1001 octets with CRLF as too long, and 1000 as fine', () => {
    expect(feed(['x'.repeat(998)]).lineTooLong).toBe(false);
    expect(feed([`.${'x'.repeat(998)}`]).lineTooLong).toBe(false);
    const b = feed(['x'.repeat(999), 'more']);
    expect(b).toMatchObject({ content: '', lineTooLong: true });
    expect(messageOutcome(b)).toBe('lineTooLong');
  });

  test('reports size before line length', () => {
    expect(messageOutcome(feed(['x'.repeat(2000)], 100))).toBe('tooBig');
    expect(messageOutcome(feed(['ok']))).toBe('ok');
  });
});
