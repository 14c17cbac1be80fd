/** How the course writes a day from the data files in prose: "1 October 2022", or "October 2022" for a month. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** The parts of an ISO day (YYYY-MM-DD); throws on anything else, so a bad date fails the build. */
function parts(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new Error(`not an ISO day (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return { year, month, day };
}

/** "2022-10-01" → "1 October 2022" (British order, as the site writes dates). */
export function longDate(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "2027-04-01" → "April 2027". */
export function monthYear(iso: string): string {
  const { year, month } = parts(iso);
  return `${MONTHS[month - 1]} ${year}`;
}
