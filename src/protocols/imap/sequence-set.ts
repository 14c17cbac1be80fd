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
 * The sequence numbers a set names in a mailbox of `count` messages, ascending. Undefined when a number is
 * past the last message or the mailbox is empty: Dovecot then answers "Invalid messageset" (a BAD, as RFC 3501
 * §9 treats an out-of-range sequence number as a client error).
 */
export function resolveSequenceNumbers(ranges: readonly SeqRange[], count: number): number[] | undefined {
  if (count === 0) return undefined;
  const out = new Set<number>();
  for (const r of ranges) {
    if ((r.from !== undefined && r.from > count) || (r.to !== undefined && r.to > count)) return undefined;
    const [a, b] = bounds(r, count);
    for (let n = a; n <= b; n++) out.add(n);
  }
  return [...out].sort((x, y) => x - y);
}

/**
 * The UIDs of `uids` (ascending, the mailbox's UIDs) that a set names. "*" is the largest UID in use, so
 * "n:*" always includes the last message even when n is larger (RFC 9051 §6.4.9 spells this out).
 */
export function resolveUids(ranges: readonly SeqRange[], uids: readonly number[]): number[] {
  const last = uids.at(-1);
  if (last === undefined) return [];
  return uids.filter((uid) => ranges.some((r) => {
    const [a, b] = bounds(r, last);
    return uid >= a && uid <= b;
  }));
}

/** Whether `n` is in the set, with `*` standing for `max` (SEARCH's sequence-set and UID keys, RFC 3501 §6.4.4). */
export function inSequenceSet(n: number, ranges: readonly SeqRange[], max: number): boolean {
  return ranges.some((r) => {
    const [a, b] = bounds(r, max);
    return n >= a && n <= b;
  });
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
