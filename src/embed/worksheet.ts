/** A printable worksheet from a guided scenario's data: what the client sends at each step, a space for the reply. */
import type { Scenario, ScenarioStep } from '../scenarios/scenario.ts';

/** One row of the worksheet. */
export interface WorksheetRow {
  n: number;
  /** The client's lines, or what happens instead (an event), in words. */
  sent: string[];
  /** The first digit, status or tag the reply must have: the answer key. */
  expect: string;
  note: string;
}

/** What an event step says on paper. */
function eventText(step: ScenarioStep): string {
  const e = step.event;
  if (!e) return '';
  if (e.kind === 'deliver') return `(New mail arrives: "${e.subject}" from ${e.from}.)`;
  if (e.kind === 'drop') return '(The connection is lost.)';
  if (e.kind === 'timeout') return '(The client stays silent past the server’s idle limit.)';
  return e.port === undefined ? '(The client connects again.)' : `(The client connects again, to port ${e.port}.)`;
}

/** The worksheet's rows: message text inside DATA is shortened to its first line and a count. */
export function worksheetRows(scenario: Scenario): WorksheetRow[] {
  return scenario.steps.map((step, i) => {
    const lines = step.client === undefined ? [eventText(step)] : Array.isArray(step.client) ? step.client : [step.client];
    const sent = lines.length > 3 ? [...lines.slice(0, 2), `… (${lines.length - 2} more lines)`] : lines;
    return { n: i + 1, sent, expect: step.expect, note: step.note };
  });
}
