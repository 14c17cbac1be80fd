/** The scenario player's transcript rows and state moves, built from a playback or from one client line. */
import { profileOf } from '../protocols/registry.ts';
import { commandVerb } from '../protocols/shared/profile.ts';
import type { SessionView, TranscriptEntry } from '../protocols/shared/session-types.ts';
import type { Scenario, ScenarioEvent } from './scenario.ts';
import type { ScenarioPlayback } from './runner.ts';

/** A transcript entry, or the player's mark where a new connection to the same server begins. */
export type RowEntry = TranscriptEntry | { kind: 'event'; event: 'open'; text: string };

/** One transcript row: the entry, its place, and the guided step that produced it (0: the greeting). */
export interface Row {
  id: number;
  entry: RowEntry;
  step: number;
}

/**
 * The mark before a new connection's greeting: to the same server again, to another port, or an attempt that
 * nothing answered (`to` is then closed from the start).
 */
export function connectionMark(fromPort: number | undefined, to: Pick<SessionView, 'port' | 'closed'>): RowEntry {
  if (to.closed) return { kind: 'event', event: 'open', text: `Connection attempt to port ${to.port}` };
  return { kind: 'event', event: 'open', text: to.port === fromPort ? 'New connection to the same server' : `New connection to port ${to.port}` };
}

/** What moved the server on a new connection: a reconnect, or nothing at all when no server answered. */
export const reconnectCause = (to: Pick<SessionView, 'closed'>): string => (to.closed ? 'no answer' : 'reconnect');

/** A change of the server's state: full state names, and what caused it (a verb, or what happened). */
export interface Move {
  from: string;
  to: string;
  on: string;
}

/** Entries as rows numbered from `start`. */
export function rowsOf(entries: readonly RowEntry[], start: number, step: number): Row[] {
  return entries.map((entry, i) => ({ id: start + i, entry, step }));
}

const EVENT_CAUSE: Record<ScenarioEvent['kind'], string> = { drop: 'connection lost', reconnect: 'reconnect', deliver: 'new mail', timeout: 'idle timeout' };

/** What moved the server: the command verb, or what the line was when the server was not reading commands. */
export function causeOf(before: Pick<SessionView, 'protocol' | 'expects'>, lines: readonly string[], event?: ScenarioEvent): string {
  if (event) return EVENT_CAUSE[event.kind];
  const last = lines.at(-1) ?? '';
  switch (before.expects) {
    case 'data':
      return last === '.' ? '"."' : 'text line';
    case 'sasl':
      return 'SASL response';
    case 'literal':
      return 'literal';
    case 'idle':
      return last.trim().toUpperCase() || 'text line';
    default: {
      // The profile knows where the verb is (after the tag, where commands carry one).
      return commandVerb(profileOf(before.protocol), lines[0] ?? '') ?? 'empty line';
    }
  }
}

/** What a replay gives the player. */
export interface Replayed {
  rows: Row[];
  moves: Move[];
  /** Where the last step's rows begin. */
  latest: number;
}

/**
 * The transcript and moves of a playback: the engine's, or the one the build recorded (the same data without
 * the live session). `initial` is the view a new connection starts in.
 */
export function replayRows(scenario: Scenario, playback: Pick<ScenarioPlayback, 'greeting' | 'played'>, initial: SessionView): Replayed {
  const rows = rowsOf(playback.greeting, 0, 0);
  const moves: Move[] = [];
  let before = initial;
  let latest = 0;
  for (const played of playback.played) {
    const step = scenario.steps[played.index];
    latest = rows.length;
    const reconnect = step?.event?.kind === 'reconnect';
    const entries = reconnect ? [connectionMark(before.port, played.view), ...played.entries] : played.entries;
    rows.push(...rowsOf(entries, rows.length, played.index + 1));
    if (played.view.state !== before.state || reconnect) {
      const lines = step?.client === undefined ? [] : typeof step.client === 'string' ? [step.client] : step.client;
      moves.push({ from: before.state, to: played.view.state, on: reconnect ? reconnectCause(played.view) : causeOf(before, lines, step?.event) });
    }
    before = played.view;
  }
  return { rows, moves, latest };
}
