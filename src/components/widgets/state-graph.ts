/**
 * Reads a server machine's definition into a diagram a learner can follow: the top-level states (the RFC's
 * states) with their sub-states, and the events that lead from one top-level state to another. Nothing here is
 * drawn by hand: a change to a machine changes its diagram.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

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
  /** Seen in this session, not written in the definition (states whose answers the server routes). */
  observed?: boolean;
}

/** A machine's diagram. */
export interface StateGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** States whose commands pass through a decision state: the server's answer picks the next state. */
  routed: string[];
}

/** A change of state during a session: full state names, and what caused it. */
export interface Move {
  from: string;
  to: string;
  on: string;
}

/**
 * A learner's name for a machine event: the command verb, or what happened. `client.data` is a line of text
 * where the server reads text (message data, a SASL response, literal octets) and SMTP's DATA command elsewhere.
 */
export function eventLabel(eventType: string, readsText = false): string | undefined {
  if (eventType === 'client.data' && readsText) return 'text line';
  if (eventType === 'client.dropped') return 'connection lost';
  if (eventType === 'client.unknown') return 'unknown command';
  if (eventType.startsWith('client.')) return eventType.slice('client.'.length).toUpperCase();
  return undefined;
}

// A state that only passes lines on (no events of its own, only eventless transitions): not an RFC state.
const isTransient = (node: AnyStateNode) => node.transitions.size === 0 && node.always !== undefined && node.always.length > 0 && Object.keys(node.states).length === 0;

function leaves(node: AnyStateNode, prefix: string[] = []): string[] {
  return Object.entries(node.states).flatMap(([key, child]) => {
    const path = [...prefix, key];
    return Object.keys(child.states).length === 0 ? [path.join('.')] : leaves(child, path);
  });
}

const commandEvents = (node: AnyStateNode) => [...node.transitions.keys()].filter((e) => e.startsWith('client.') && e !== 'client.data' && e !== 'client.dropped');

/** A state reads text when neither it nor a parent below the root takes any command. */
function readsText(node: AnyStateNode): boolean {
  for (let n: AnyStateNode | undefined = node; n && n.parent; n = n.parent) if (commandEvents(n).length > 0) return false;
  return true;
}

function descendants(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(descendants)];
}

/** The diagram of `machine`: its top-level states, their sub-states, and the events between them. */
export function stateGraph(machine: AnyStateMachine): StateGraph {
  const root = machine.root;
  const tops = Object.values(root.states).filter((n) => !isTransient(n));
  const transient = new Set(Object.values(root.states).filter(isTransient).map((n) => n.key));
  const edges: GraphEdge[] = [];
  const routed = new Set<string>();
  const add = (from: string, to: string, label: string | undefined) => {
    if (label === undefined || from === to) return;
    let edge = edges.find((e) => e.from === from && e.to === to);
    if (!edge) edges.push((edge = { from, to, events: [] }));
    if (!edge.events.includes(label)) edge.events.push(label);
  };
  const walk = (from: string, node: AnyStateNode) => {
    for (const [eventType, transitions] of node.transitions) {
      for (const t of transitions) {
        for (const target of t.target ?? []) {
          const to = target.path[0];
          if (to === undefined) continue;
          if (transient.has(to)) routed.add(from);
          else add(from, to, eventLabel(eventType, node.parent !== undefined && readsText(node)));
        }
      }
    }
  };
  for (const top of tops) {
    if (top.type === 'final') continue;
    // Events the root handles apply in every state that is not final.
    walk(top.key, root);
    for (const node of descendants(top)) walk(top.key, node);
  }
  return {
    nodes: tops.map((n) => ({ id: n.key, substates: leaves(n), final: n.type === 'final' })),
    edges,
    routed: [...routed],
  };
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

/** The text equivalent of the diagram's live part, e.g. "State: transaction. Last: authorization → transaction on PASS." */
export function stateSentence(state: string, last: Move | undefined): string {
  const now = `State: ${state}.`;
  return last ? `${now} Last: ${last.from} → ${last.to} on ${last.on}.` : now;
}
