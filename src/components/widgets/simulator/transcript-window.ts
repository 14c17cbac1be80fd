/**
 * Which transcript rows the simulator draws. A long free session keeps every line (the copy button copies them
 * all), but the page holds only the newest rows: a log of thousands of rows makes each new line wait for a
 * layout of all of them. Older rows fold behind a "show earlier lines" button that unfolds a page at a time.
 */

/** Rows drawn at first, and how many more each "show earlier lines" adds. */
export const ROW_PAGE = 200;

/** How many of `total` rows stay undrawn when the newest `shown` are drawn: the index of the first drawn row. */
export function hiddenRows(total: number, shown: number): number {
  return Math.max(0, total - Math.max(shown, 0));
}

// One formatter for every label: toLocaleString builds a new one per call, which costs a millisecond each.
const count = new Intl.NumberFormat('en');

/** The fold button's words, e.g. "Show 200 earlier lines (1,234 not shown)". */
export function earlierLabel(hidden: number, page = ROW_PAGE): string {
  const next = Math.min(hidden, page);
  return `Show ${count.format(next)} earlier ${next === 1 ? 'line' : 'lines'} (${count.format(hidden)} not shown)`;
}
