import { describe, expect, test } from 'vitest';
import { formatSequenceSet, parseSequenceSet, resolveSequenceNumbers, resolveUids } from '../../../../src/protocols/imap/sequence-set.ts';

describe('parseSequenceSet', () => {
  test.each([
    ['1', [{ from: 1, to: 1 }]],
    ['1:*', [{ from: 1, to: undefined }]],
    ['*', [{ from: undefined, to: undefined }]],
    ['4:2,7', [{ from: 4, to: 2 }, { from: 7, to: 7 }]],
    ['4294967295', [{ from: 4294967295, to: 4294967295 }]],
  ])('parses %j', (text, ranges) => {
    expect(parseSequenceSet(text)).toEqual(ranges);
  });

  test.each(['', '0', '01', '1:', ':1', '1::2', '1,,2', 'a', '4294967296', '$', '1 2', '-1'])('refuses %j', (text) => {
    expect(parseSequenceSet(text)).toBeUndefined();
  });
});

describe('resolveSequenceNumbers', () => {
  test.each([
    ['1:*', 4, [1, 2, 3, 4]],
    ['*', 4, [4]],
    ['3:1', 4, [1, 2, 3]],
    ['2,4,2', 4, [2, 4]],
    ['4:*', 4, [4]],
  ])('resolves %j in %i messages', (text, count, seqs) => {
    expect(resolveSequenceNumbers(parseSequenceSet(text)!, count)).toEqual(seqs);
  });

  test.each([
    ['99', 4],
    ['5:*', 4],
    ['1', 0],
    ['*', 0],
  ])('calls %j in %i messages an invalid messageset', (text, count) => {
    expect(resolveSequenceNumbers(parseSequenceSet(text)!, count)).toBeUndefined();
  });
});

describe('resolveUids', () => {
  test.each([
    ['1:*', [2, 3, 5], [2, 3, 5]],
    ['999', [2, 3, 5], []],
    ['999:*', [2, 3, 5], [5]],
    ['*', [2, 3, 5], [5]],
    ['3:4', [2, 3, 5], [3]],
    ['1:*', [], []],
  ])('resolves %j among UIDs %j', (text, uids, hits) => {
    expect(resolveUids(parseSequenceSet(text)!, uids)).toEqual(hits);
  });
});

describe('formatSequenceSet', () => {
  test.each([
    [[1], '1'],
    [[1, 2, 3, 5], '1:3,5'],
    [[4, 6, 7], '4,6:7'],
    [[], ''],
  ])('writes %j as %j', (numbers, text) => {
    expect(formatSequenceSet(numbers)).toBe(text);
  });
});
