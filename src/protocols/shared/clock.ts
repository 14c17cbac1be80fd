/** A simulated clock: starts at a fixed instant and moves forward only when asked, so runs are reproducible. */

/** The instant every world starts at unless told otherwise: the reference captures' day, 09:00 UTC. */
export const DEFAULT_START = Date.UTC(2026, 10, 21, 9, 0, 0);

/** Deterministic time for one mail world. */
export class SimClock {
  #ms: number;

  constructor(start = DEFAULT_START) {
    this.#ms = start;
  }

  /** The current instant; each call advances the clock by `stepMs` (one second by default). */
  tick(stepMs = 1000): Date {
    this.#ms += stepMs;
    return new Date(this.#ms);
  }

  /** The current instant, without advancing. */
  peek(): Date {
    return new Date(this.#ms);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** An RFC 5322 §3.3 date-time in UTC, e.g. "Fri, 21 Nov 2026 09:00:01 +0000". */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** An IMAP date-time (RFC 3501 §9, date-time), e.g. "21-Nov-2026 09:00:01 +0000". */
export function imapDateTime(d: Date): string {
  return `${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Month abbreviations as RFC 3501 and RFC 5322 write them. */
export const MONTH_NAMES: readonly string[] = MONTHS;
