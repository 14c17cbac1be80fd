import { describe, expect, test } from 'vitest';
import { echo, line, multiline, parseReplyLine } from '../../../src/protocols/smtp/format.ts';

describe('line and multiline', () => {
  test('puts the enhanced code after the basic code', () => {
    expect(line(250, '2.1.0', 'Ok')).toBe('250 2.1.0 Ok');
    expect(line(220, undefined, 'mail.example.test ESMTP')).toBe('220 mail.example.test ESMTP');
  });

  test('uses "-" on every line but the last, and repeats the enhanced code', () => {
    expect(multiline(214, '2.0.0', ['a', 'b', 'c'])).toEqual(['214-2.0.0 a', '214-2.0.0 b', '214 2.0.0 c']);
    expect(multiline(250, undefined, ['mail.example.test'])).toEqual(['250 mail.example.test']);
  });
});

describe('parseReplyLine', () => {
  test.each([
    ['250 2.1.0 Ok', { code: 250, separator: ' ', enhanced: '2.1.0', text: 'Ok' }],
    ['250-PIPELINING', { code: 250, separator: '-', enhanced: undefined, text: 'PIPELINING' }],
    ['334 ', { code: 334, separator: ' ', enhanced: undefined, text: '' }],
    ['221', { code: 221, separator: '', enhanced: undefined, text: '' }],
    ['235 2.7.0 Authentication successful', { code: 235, separator: ' ', enhanced: '2.7.0', text: 'Authentication successful' }],
    ['535 5.7.8 Error: x', { code: 535, separator: ' ', enhanced: '5.7.8', text: 'Error: x' }],
    ['250 2.0.0', { code: 250, separator: ' ', enhanced: '2.0.0', text: '' }],
    ['250 SIZE 10240000', { code: 250, separator: ' ', enhanced: undefined, text: 'SIZE 10240000' }],
  ])('reads %j', (text, parts) => {
    expect(parseReplyLine(text)).toEqual(parts);
  });

  test.each(['', '25', '600 x', '199 x', '250x', 'OK'])('rejects %j', (text) => {
    expect(parseReplyLine(text)).toBeUndefined();
  });

  test('reads back what line() writes', () => {
    expect(parseReplyLine(line(552, '5.3.4', 'Error: message file too big'))).toEqual({ code: 552, separator: ' ', enhanced: '5.3.4', text: 'Error: message file too big' });
  });
});

describe('echo', () => {
  test.each([
    ['X=1', 'X=1'],
    ['a\r\nb', 'a??b'],
    ['\0\xff', '??'],
    ['x'.repeat(150), `${'x'.repeat(100)}...`],
  ])('makes %j safe as %j', (text, safe) => {
    expect(echo(text)).toBe(safe);
  });
});
