/**
 * The state diagram's data, as the browser uses it: the graph a build (or the fallback loader) read from a
 * server machine with state-graph.ts, plus the moves a session made. No xstate here, so the widget's page
 * ships the diagram without the machine definition.
 */
import type { Move } from '../../scenarios/player-rows.ts';

export type { Move };

/** A top-level state and the leaf sub-states inside it, as dotted paths relative to it. */
export interface GraphNode {
  id: string;
  substates: string[];
  final: boolean;
}

/** The events that lead from one top-level state to another. */
export interface GraphEdge {
  from: string;
  to: string;
  events: string[];
  /** Seen in this session, not written in the definition (a graph read from a machine that lacks the move). */
  observed?: boolean;
}

/** A machine's diagram. */
export interface StateGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** States where any line may move the session (a `*` transition): the server's answer picks the next state. */
  routed: string[];
}

/** The diagram with the moves seen in this session added where the definition leaves the target to the server. */
export function withMoves(graph: StateGraph, moves: readonly Move[]): StateGraph {
  const edges = graph.edges.map((e) => ({ ...e, events: [...e.events] }));
  for (const move of moves) {
    const from = topOf(move.from);
    const to = topOf(move.to);
    if (from === to) continue;
    const edge = edges.find((e) => e.from === from && e.to === to);
    if (!edge) edges.push({ from, to, events: [move.on], observed: true });
    else if (edge.observed && !edge.events.includes(move.on)) edge.events.push(move.on);
  }
  return { ...graph, edges };
}

/** The top-level state of a dotted state name. */
export function topOf(state: string): string {
  return state.split('.')[0] ?? state;
}

/** A learner's name for `state` from the build's `names`: its own, its top-level state's, or the machine's word. */
export function nameOf(names: Readonly<Record<string, string>>, state: string): string {
  return (Object.hasOwn(names, state) ? names[state] : undefined) ?? (Object.hasOwn(names, topOf(state)) ? names[topOf(state)] : undefined) ?? state;
}

/** Whether the arrow `from` → `to` between top-level states is the one `last` took (a move inside a state takes none). */
export function isLastArrow(from: string, to: string, last: Move | undefined): boolean {
  return last !== undefined && topOf(last.from) === from && topOf(last.to) === to && from !== to;
}

/**
 * The text equivalent of the diagram's live part, in the learner's names when given, e.g. "State: TRANSACTION.
 * Last: AUTHORIZATION → TRANSACTION on PASS."
 */
export function stateSentence(state: string, last: Move | undefined, names: Readonly<Record<string, string>> = {}): string {
  const now = `State: ${nameOf(names, state)}.`;
  return last ? `${now} Last: ${nameOf(names, last.from)} → ${nameOf(names, last.to)} on ${last.on}.` : now;
}
