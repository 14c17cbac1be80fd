/**
 * Build-time data for the static scenario transcripts: loads and validates the scenario files, plays them on the
 * engine and shapes each step into `C:`/`S:` text for the transcript grammar. Never imported by browser code
 * (it pulls in zod through the schema and every protocol's server).
 */
import '../../machines/servers.ts';
import { playScenario, type ScenarioPlayback } from '../../scenarios/runner.ts';
import { isBlocked } from '../../scenarios/network.ts';
import { parseScenario } from '../../scenarios/schema.ts';
import type { Scenario, ScenarioEvent } from '../../scenarios/scenario.ts';
import { requestLines, responseLines } from '../../protocols/shared/http-text.ts';
import { isHttpProtocol } from '../../protocols/registry.ts';
import type { AnyProtocolName, SessionView, TranscriptEntry } from '../../protocols/shared/session-types.ts';
import { scenarioIds } from '../widgets/scenarios.ts';
import { openSession } from '../../machines/session.ts';

export type { Scenario };

const files = import.meta.glob<unknown>('../../content/scenarios/*.json', { eager: true, import: 'default' });

/** Every scenario, validated, in the widgets' learning order. */
export const allScenarios: readonly Scenario[] = Object.entries(files)
  // The HTTP scenarios (exchange-*) share the folder; http-transcript.ts reads them with their own schema.
  .filter(([, data]) => !isHttpProtocol((data as { protocol: AnyProtocolName }).protocol))
  .map(([path, data]) => parseScenario(data, path.slice(path.lastIndexOf('/') + 1)))
  .sort((a, b) => scenarioIds.indexOf(a.id) - scenarioIds.indexOf(b.id));

/** The scenario with this id; throws a build error listing the ids that exist. */
export function scenarioById(id: string, component = 'ScenarioTranscript'): Scenario {
  const found = allScenarios.find((s) => s.id === id);
  if (!found) throw new Error(`<${component}> has no scenario "${id}"; scenarios: ${allScenarios.map((s) => s.id).join(', ')}`);
  return found;
}

/** Whether a block of lines travelled inside TLS: all of them, none, or some (events do not count). */
export type Protection = 'encrypted' | 'plain' | 'mixed' | 'none';

/** One block of the transcript: the greeting or one step. */
export interface TranscriptBlock {
  /** Anchor id, unique on the page. */
  anchor: string;
  /** "Greeting" or "Step n". */
  label: string;
  note: string;
  /** `C:`/`S:` lines and bracketed events, ready for the transcript grammar. */
  code: string;
  protection: Protection;
}

/** The greeting and every step of a scenario, played on the engine. */
export interface TranscriptView {
  scenario: Scenario;
  blocks: TranscriptBlock[];
}

/**
 * One transcript entry as a line of the transcript format (`C: …`, `S: …`, `[event]`); an HTTP request or
 * response as its lines on the wire, each `C:` or `S:`, joined by newlines.
 */
export function transcriptLine(entry: TranscriptEntry): string {
  if (entry.kind === 'event') return `[${entry.text}]`;
  if (entry.kind === 'request') return requestLines(entry.request).map((l) => (l === '' ? 'C:' : `C: ${l}`)).join('\n');
  if (entry.kind === 'response') return responseLines(entry.response).map((l) => (l === '' ? 'S:' : `S: ${l}`)).join('\n');
  const prefix = entry.kind === 'client' ? 'C:' : 'S:';
  // An empty line (the blank line between header and body) is written "C:", with nothing after the colon.
  return entry.text === '' ? prefix : `${prefix} ${entry.text}`;
}

/** Whether the wire lines among these entries were encrypted. */
export function protectionOf(entries: readonly TranscriptEntry[]): Protection {
  const wire = entries.flatMap((e) => (e.kind === 'event' ? [] : [e.encrypted]));
  if (wire.length === 0) return 'none';
  if (wire.every(Boolean)) return 'encrypted';
  return wire.some(Boolean) ? 'mixed' : 'plain';
}

/** The bracketed line before a connection's first entries: a connection, or an attempt (nothing answered it). */
function connectionLine(view: Pick<SessionView, 'port' | 'closed'>): string {
  return view.closed ? `[Connection attempt to port ${view.port}]` : `[New connection to port ${view.port}]`;
}

/** The bracketed line that says what happened in an event step, before what the session showed for it. */
function eventLine(event: ScenarioEvent | undefined, after: SessionView): string | undefined {
  if (event?.kind === 'reconnect') return connectionLine(after);
  if (event?.kind === 'deliver') return `[Meanwhile, a message from ${event.from} to ${event.to} is delivered: "${event.subject}"]`;
  if (event?.kind === 'timeout') return "[The client sends nothing and the server's idle timer runs out]";
  return undefined;
}

/**
 * Plays the scenario and shapes the transcript. Throws when a step does not get the code it expects, so a
 * scenario the engine no longer agrees with fails the build instead of shipping a wrong annotation.
 */
export function transcriptView(scenario: Scenario, anchorPrefix: string = scenario.id, playback: ScenarioPlayback = playScenario(scenario, openSession)): TranscriptView {
  const wrong = playback.played.find((p) => !p.ok);
  if (wrong) {
    const expected = scenario.steps[wrong.index]!.expect;
    throw new Error(`scenario ${scenario.id} step ${wrong.index + 1}: expected ${expected}, the engine gave ${wrong.observed ?? 'nothing comparable'}`);
  }
  // On a port the network blocks, the first connection is only an attempt: there is no greeting to show.
  const answered = !isBlocked(scenario.network, scenario.port);
  const greeting: TranscriptBlock = {
    anchor: `${anchorPrefix}-greeting`,
    label: answered ? 'Greeting' : 'Connection attempt',
    note: scenario.greetingNote,
    code: [answered ? `[Connection to port ${scenario.port}]` : `[Connection attempt to port ${scenario.port}]`, ...playback.greeting.map(transcriptLine)].join('\n'),
    protection: protectionOf(playback.greeting),
  };
  const steps = playback.played.map((p): TranscriptBlock => {
    const step = scenario.steps[p.index]!;
    const lead = eventLine(step.event, p.view);
    return {
      anchor: `${anchorPrefix}-step-${p.index + 1}`,
      label: `Step ${p.index + 1}`,
      note: step.note,
      code: [...(lead ? [lead] : []), ...p.entries.map(transcriptLine)].join('\n'),
      protection: protectionOf(p.entries),
    };
  });
  return { scenario, blocks: [greeting, ...steps] };
}

/** A part of a scenario: its steps `first` to `last` (1-based, inclusive). */
export interface StepRange {
  first: number;
  last: number;
}

/**
 * Reads a `steps` prop ("3" or "2-5") against a scenario of `total` steps. Throws a build error that names the
 * component, the scenario and what is allowed, for anything else.
 */
export function stepRange(spec: string, scenario: Pick<Scenario, 'id' | 'steps'>, component = 'ScenarioTranscript'): StepRange {
  const total = scenario.steps.length;
  const where = `<${component} id="${scenario.id}" steps="${spec}">`;
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(spec);
  if (!m) throw new Error(`${where}: steps must be one step ("3") or a range ("2-5"), counted from 1`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (first > last) throw new Error(`${where}: the range runs backwards; write the lower step first`);
  if (first < 1 || last > total) throw new Error(`${where}: this scenario has steps 1 to ${total}`);
  return { first, last };
}

/** The blocks of steps `range` only (the greeting left out). */
export function partOf(view: Pick<TranscriptView, 'blocks'>, range: StepRange): TranscriptBlock[] {
  return view.blocks.slice(range.first, range.last + 1);
}
