/**
 * Dates for SEARCH: the `d-Mon-yyyy` argument (RFC 3501 §9, date) and the day a message was received or sent.
 * SEARCH compares days only, "disregarding time and timezone" (RFC 3501 §6.4.4), so a day is the number yyyymmdd.
 */
import { MONTH_NAMES } from '../shared/clock.ts';

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());

/** yyyymmdd if the date exists, else undefined. */
function day(d: number, monthName: string, y: number): number | undefined {
  const m = MONTHS.indexOf(monthName.toLowerCase());
  if (m < 0 || d < 1) return undefined;
  const check = new Date(Date.UTC(y, m, d));
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m) return undefined;
  return y * 10000 + (m + 1) * 100 + d;
}

/** A SEARCH date argument (`1-Feb-1994`, `21-Nov-2026`) as yyyymmdd, or undefined if it is not a valid date. */
export function parseSearchDate(s: string): number | undefined {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(s);
  return m ? day(Number(m[1]), m[2]!, Number(m[3])) : undefined;
}

/** The internal date's day in the server's zone, UTC (the zone INTERNALDATE shows). */
export function internalDay(d: Date): number {
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** The day an RFC 5322 Date field names, as written (its zone ignored), or undefined if unreadable. */
export function sentDay(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /(?:^|[\s,])(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\s+(\d{2,4})(?!\d)/.exec(value.slice(0, 200));
  if (!m) return undefined;
  let year = Number(m[3]);
  // RFC 5322 §4.3 obsolete years: two digits below 50 are 20xx, other two- and three-digit years add 1900.
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) year += 1900;
  return day(Number(m[1]), m[2]!, year);
}
