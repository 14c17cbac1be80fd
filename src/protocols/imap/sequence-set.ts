/**
 * Sequence sets (RFC 3501 §9 `sequence-set`): "1", "2:4", "5:*", "1,3:5". With sequence numbers they address
 * the session's current numbering (§2.3.1.2); with UID commands they address UIDs (§6.4.8), where a UID that
 * does not exist is simply skipped.
 */

/** One range; `*` is kept as `undefined` until the set is resolved against a mailbox. */
export interface SeqRange {
  from: number | undefined;
  to: number | undefined;
}

const NUMBER = /^[1-9]\d{0,9}$/;
const MAX = 4294967295;

function parseNumber(text: string): number | undefined | null {
  if (text === '*') return undefined;
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return n <= MAX ? n : null;
}

/** Parses a sequence set, or undefined when it is not one (RFC 3501 §9: nz-number / "*", ranges with ":"). */
export function parseSequenceSet(text: string): SeqRange[] | undefined {
  if (text === '') return undefined;
  const ranges: SeqRange[] = [];
  for (const part of text.split(',')) {
    const bounds = part.split(':');
    if (bounds.length > 2) return undefined;
    const from = parseNumber(bounds[0]!);
    const to = bounds.length === 2 ? parseNumber(bounds[1]!) : from;
    if (from === null || to === null) return undefined;
    ranges.push({ from, to });
  }
  return ranges;
}

function bounds(r: SeqRange, star: number): [number, number] {
  const a = r.from ?? star;
  const b = r.to ?? star;
  return a <= b ? [a, b] : [b, a];
}

/**
 * The ranges with `*` resolved, sorted and merged into disjoint intervals, so that a set of r ranges is looked up
 * in O(log r) and walked alongside a mailbox in O(n + r): a 64 KiB set of thousands of ranges costs no more.
 */
export function mergedIntervals(ranges: readonly SeqRange[], star: number): Array<[number, number]> {
  const sorted = ranges.map((r) => bounds(r, star)).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * The sequence numbers a set names in a mailbox of `count` messages, ascending. Undefined when a number is
 * past the last message or the mailbox is empty: Dovecot then answers "Invalid messageset" (a BAD, as RFC 3501
 * §9 treats an out-of-range sequence number as a client error).
 */
export function resolveSequenceNumbers(ranges: readonly SeqRange[], count: number): number[] | undefined {
  if (count === 0) return undefined;
  if (ranges.some((r) => (r.from !== undefined && r.from > count) || (r.to !== undefined && r.to > count))) return undefined;
  const out: number[] = [];
  for (const [a, b] of mergedIntervals(ranges, count)) for (let n = a; n <= b; n++) out.push(n);
  return out;
}

/**
 * The indexes into `uids` (ascending, the mailbox's UIDs) of the UIDs a set names, in one walk of both. "*" is
 * the largest UID in use, so "n:*" always includes the last message even when n is larger (RFC 9051 §6.4.9).
 */
export function uidIndexes(ranges: readonly SeqRange[], uids: readonly number[]): number[] {
  const last = uids.at(-1);
  if (last === undefined) return [];
  const out: number[] = [];
  const intervals = mergedIntervals(ranges, last);
  let k = 0;
  for (let i = 0; i < uids.length && k < intervals.length; i++) {
    const uid = uids[i]!;
    while (k < intervals.length && intervals[k]![1] < uid) k++;
    if (k < intervals.length && intervals[k]![0] <= uid) out.push(i);
  }
  return out;
}

/** The UIDs of `uids` (ascending, the mailbox's UIDs) that a set names. */
export function resolveUids(ranges: readonly SeqRange[], uids: readonly number[]): number[] {
  return uidIndexes(ranges, uids).map((i) => uids[i]!);
}

/** Whether `n` is in merged intervals (from mergedIntervals): a binary search. */
export function inIntervals(n: number, intervals: ReadonlyArray<readonly [number, number]>): boolean {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [a, b] = intervals[mid]!;
    if (n < a) hi = mid - 1;
    else if (n > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether `n` is in the set, with `*` standing for `max` (SEARCH's sequence-set and UID keys, RFC 3501 §6.4.4). */
export function inSequenceSet(n: number, ranges: readonly SeqRange[], max: number): boolean {
  return inIntervals(n, mergedIntervals(ranges, max));
}

/** Writes numbers as a compact set, e.g. [1,2,3,5] → "1:3,5" (the form COPYUID and APPENDUID use, RFC 4315 §3). */
export function formatSequenceSet(numbers: readonly number[]): string {
  const parts: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const n of numbers) {
    if (start !== undefined && prev !== undefined && n === prev + 1) {
      prev = n;
      continue;
    }
    if (start !== undefined) parts.push(start === prev ? `${start}` : `${start}:${prev}`);
    start = n;
    prev = n;
  }
  if (start !== undefined) parts.push(start === prev ? `${start}` : `${start}:${prev}`);
  return parts.join(',');
}
