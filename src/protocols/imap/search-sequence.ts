/**
 * Sequence sets inside SEARCH (RFC 3501 §9, sequence-set): `1`, `2:4`, `5:*`, `1,3:*`. A range may be written
 * high to low, and `*` is the largest number in use (the last sequence number, or the highest UID).
 */

/** One range; '*' stands for the largest number in use. */
export type SequenceRange = [number | '*', number | '*'];

// seq-number = nz-number / "*"; nz-number is a 32-bit unsigned integer without leading zeros.
const SEQ_NUMBER = /^(?:[1-9]\d{0,9}|\*)$/;
const MAX_NUMBER = 4294967295;

function seqNumber(s: string): number | '*' | undefined {
  if (!SEQ_NUMBER.test(s)) return undefined;
  if (s === '*') return '*';
  const n = Number(s);
  return n <= MAX_NUMBER ? n : undefined;
}

/** Parses a sequence set, or undefined when it is not one. */
export function parseSequenceSet(s: string): SequenceRange[] | undefined {
  if (s === '') return undefined;
  const ranges: SequenceRange[] = [];
  for (const piece of s.split(',')) {
    const colon = piece.indexOf(':');
    const from = seqNumber(colon < 0 ? piece : piece.slice(0, colon));
    const to = colon < 0 ? from : seqNumber(piece.slice(colon + 1));
    if (from === undefined || to === undefined) return undefined;
    ranges.push([from, to]);
  }
  return ranges;
}

/** Whether n is in the set, with `*` standing for max. */
export function inSequenceSet(n: number, ranges: readonly SequenceRange[], max: number): boolean {
  for (const [a, b] of ranges) {
    const x = a === '*' ? max : a;
    const y = b === '*' ? max : b;
    if (n >= Math.min(x, y) && n <= Math.max(x, y)) return true;
  }
  return false;
}
