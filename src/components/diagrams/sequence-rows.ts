/**
 * The rows of a client/server ladder, read from the engine's playback of a guided scenario: a client line is an
 * arrow to the server, a server reply an arrow back (a reply of several lines folded to its first line), a TLS
 * handshake a band across both lifelines, a closed connection an end mark. Each row keeps the full lines for
 * the text alternative.
 */
import type { Scenario } from '../../scenarios/scenario.ts';
import type { ScenarioPlayback } from '../../scenarios/runner.ts';
import type { TranscriptEntry } from '../../protocols/shared/session-types.ts';
import { tokenize } from '../../protocols/reply-tokens.ts';

/** Whether a server line reports success, failure or neither (continuations, data). */
export type Outcome = 'ok' | 'fail' | 'neutral';

/** One row of the ladder. */
export type SequenceRow =
  | { kind: 'message'; from: 'client' | 'server'; lines: string[]; outcome: Outcome; step: number }
  | { kind: 'tls'; text: string; step: number }
  | { kind: 'end'; text: string; step: number }
  | { kind: 'note'; text: string; step: number };

/** Steps `first` to `last` (1-based, inclusive); step 0 is the connection and greeting. */
export interface StepRange {
  first: number;
  last: number;
}

/** Parses "3" or "1-4" against a scenario of `count` steps; throws a sentence naming what is wrong. */
export function parseSteps(value: string | undefined, count: number): StepRange {
  if (value === undefined) return { first: 1, last: count };
  const m = /^(\d+)(?:-(\d+))?$/.exec(value.trim());
  if (!m) throw new Error(`steps "${value}" must be a step number or a range such as "1-4"`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (first < 1 || last > count || first > last) throw new Error(`steps "${value}" must lie within 1-${count}, the scenario's steps, first step first`);
  return { first, last };
}

/** SMTP 2xx/3xx, POP3 +OK, IMAP OK are success; 4xx/5xx, -ERR, NO/BAD failure. */
export function outcomeOf(protocol: Scenario['protocol'], line: string): Outcome {
  const token = tokenize(protocol, line).find((t) => t.kind === 'code' || t.kind === 'status');
  if (!token) return 'neutral';
  const t = token.text.toUpperCase();
  if (/^[23]\d\d$/.test(t) || t === '+OK' || t === 'OK' || t === 'PREAUTH') return 'ok';
  if (/^[45]\d\d$/.test(t) || t === '-ERR' || t === 'NO' || t === 'BAD') return 'fail';
  return 'neutral';
}

/** An IMAP line that completes a command: a tag, then OK, NO or BAD. */
// Only a tagged protocol's tokeniser finds a tag (IMAP's, RFC 9051 §2.2.1).
const isTagged = (protocol: Scenario['protocol'], line: string) => tokenize(protocol, line)[0]?.kind === 'tag';

/** Rows for one step's entries: runs of lines from one side become one arrow. */
function rowsOfEntries(scenario: Scenario, entries: readonly TranscriptEntry[], step: number): SequenceRow[] {
  const rows: SequenceRow[] = [];
  for (const entry of entries) {
    if (entry.kind === 'event') {
      rows.push(entry.event === 'tls' ? { kind: 'tls', text: 'TLS handshake: encrypted from here', step } : { kind: 'end', text: entry.text, step });
      continue;
    }
    // An HTTP request is the client's message and its response the server's; the start line stands for each.
    const from = entry.kind === 'request' ? 'client' : entry.kind === 'response' ? 'server' : entry.kind;
    const prev = rows.at(-1);
    // IMAP's tagged completion is its own response, never folded under the untagged data before it.
    const joins = prev?.kind === 'message' && prev.from === from && !isTagged(scenario.protocol, entry.text);
    if (joins) prev.lines.push(entry.text);
    else rows.push({ kind: 'message', from, lines: [entry.text], outcome: 'neutral', step });
  }
  for (const row of rows) {
    if (row.kind === 'message' && row.from === 'server') row.outcome = outcomeOf(scenario.protocol, row.lines.at(-1)!);
  }
  return rows;
}

/** The ladder's rows for a range of steps of a played scenario (the greeting comes with step 1). */
export function sequenceRows(scenario: Scenario, playback: ScenarioPlayback, range: StepRange): SequenceRow[] {
  const rows: SequenceRow[] = [];
  if (range.first === 1) {
    rows.push({ kind: 'note', text: `Connection to port ${scenario.port}`, step: 0 });
    rows.push(...rowsOfEntries(scenario, playback.greeting, 0));
  }
  const shown = playback.played.slice(range.first - 1, range.last);
  const firstWire = shown.flatMap((p) => p.entries).find((e) => e.kind !== 'event');
  if (range.first > 1 && firstWire?.encrypted) rows.push({ kind: 'note', text: 'Encrypted: inside TLS since an earlier step', step: range.first });
  for (const played of shown) {
    const event = scenario.steps[played.index]!.event;
    const step = played.index + 1;
    if (event?.kind === 'reconnect') rows.push({ kind: 'note', text: `New connection to port ${scenario.port}`, step });
    if (event?.kind === 'deliver') rows.push({ kind: 'note', text: `Meanwhile a message from ${event.from} arrives`, step });
    rows.push(...rowsOfEntries(scenario, played.entries, step));
  }
  return rows;
}
