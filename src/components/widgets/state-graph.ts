/**
 * Reads a server machine's definition into a diagram a learner can follow: the top-level states (the RFC's
 * states) with their sub-states, and the events that lead from one top-level state to another. Nothing here is
 * drawn by hand: a change to a machine changes its diagram. It runs at build time (and in the fallback loader):
 * pages get the graph as data, and the browser only adds the session's moves (state-moves.ts).
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { GraphEdge, StateGraph } from './state-moves.ts';

export { stateSentence, topOf, withMoves, type GraphEdge, type GraphNode, type Move, type StateGraph } from './state-moves.ts';

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

/**
 * The diagram of `machine`: its top-level states, their sub-states, and the events between them. An arrow is
 * labelled with its transition's `description` where it has one (a move no command names, such as "too many bad
 * commands"), else with its event. A state where any line may move the session (a `*` transition: the server's
 * answer decides, as in IMAP) is listed as routed.
 */
export function stateGraph(machine: AnyStateMachine): StateGraph {
  const root = machine.root;
  const tops = Object.values(root.states);
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
      if (eventType === '*') routed.add(from);
      for (const t of transitions) {
        for (const target of t.target ?? []) {
          const to = target.path[0];
          if (to !== undefined) add(from, to, t.description ?? eventLabel(eventType, node.parent !== undefined && readsText(node)));
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
