/**
 * The simulator's state diagram as the build records it: the same layout as the lessons' StateDiagram
 * (state-layout.ts), written out as SVG markup in parts (each state, each arrow, the rest), with the words for
 * every state and sub-state. The browser only puts the parts in order and marks the current state and the last
 * move (LiveStateDiagram.svelte), so it ships no layout code. Serializable.
 */
import type { StateGraph } from '../widgets/state-moves.ts';
import { itemsMarkup } from './scene-markup.ts';
import type { Item } from './scene.ts';
import { layoutStates, nowDot } from './state-layout.ts';
import { rankStates } from './state-ranks.ts';
import { EVENT_WORDS, namesFor, STATE_SOURCES, stateNames, type MachineProtocol } from './state-names.ts';

/** One piece of the picture: a state's box, an arrow, or something never marked (the start dot, a shared label). */
export type LivePart =
  | { kind: 'state'; id: string; svg: string; final: boolean; now: { cx: number; cy: number; r: number } }
  | { kind: 'edge'; from: string; to: string; svg: string }
  | { kind: 'plain'; svg: string };

/** One state in words, top to bottom as drawn. */
export interface LiveState {
  id: string;
  title: string;
  gloss: string;
  explain: string;
  final: boolean;
  /** The arrows leaving it: the target's name and the events. */
  out: { to: string; title: string; events: string[] }[];
}

/** What the simulator needs to draw and describe a server's states. */
export interface LiveDiagram {
  /** The picture's accessible name, e.g. "POP3 server states (RFC 1939 §3)". */
  title: string;
  width: number;
  height: number;
  parts: LivePart[];
  states: LiveState[];
  /** A learner's name for every state name a session reports (stateNames). */
  names: Record<string, string>;
  /** Sentences under the list: what the non-command arrow labels mean, where the server's answer decides. */
  notes: string[];
}

const PROTOCOL_NAME: Record<MachineProtocol, string> = { smtp: 'SMTP', pop3: 'POP3', imap: 'IMAP' };

/** The recorded diagram of `graph`, the server machine of `protocol` that starts in `initial`. */
export function liveDiagram(protocol: MachineProtocol, graph: StateGraph, initial: string): LiveDiagram {
  const words = namesFor(protocol, graph.nodes.map((n) => n.id));
  const states = graph.nodes.map((n) => ({ id: n.id, final: n.final, ...words.get(n.id)! }));
  const scene = layoutStates({ states, edges: graph.edges, initial });
  const parts = scene.items.map((item): LivePart => partOf(item));
  const { rows, sink } = rankStates({ states, edges: graph.edges, initial });
  const titleOf = (id: string) => words.get(id)!.title;
  const ordered = [...rows, ...(sink ? [sink] : [])].map((id) => states.find((s) => s.id === id)!);
  const used = Object.entries(EVENT_WORDS).filter(([w]) => graph.edges.some((e) => e.events.includes(w)));
  const notes = [
    ...(used.length > 0 ? [`Words on the arrows that are not commands: ${used.map(([w, meaning]) => `“${w}”, ${meaning}`).join('; ')}.`] : []),
    ...(graph.routed.length > 0 ? [`In ${graph.routed.map(titleOf).join(', ')}, the server’s answer decides where a command leads: a refused command leaves the session where it was.`] : []),
  ];
  return {
    title: `${PROTOCOL_NAME[protocol]} server states (${STATE_SOURCES[protocol]})`,
    width: scene.width,
    height: scene.height,
    parts,
    states: ordered.map((s) => ({
      id: s.id,
      title: s.title,
      gloss: s.gloss,
      explain: s.explain,
      final: s.final,
      out: graph.edges.filter((e) => e.from === s.id).map((e) => ({ to: e.to, title: titleOf(e.to), events: e.events })),
    })),
    names: stateNames(protocol, graph.nodes),
    notes,
  };
}

/** A top-level scene item as a part: groups that carry a state or an arrow keep their data outside the markup. */
function partOf(item: Item): LivePart {
  if (item.kind === 'group' && item.data?.state !== undefined) {
    const box = item.items.find((i) => i.kind === 'rect');
    const dot = nowDot(box?.kind === 'rect' ? box : { x: 0, y: 0, w: 0, h: 0 });
    const now = { cx: dot.cx, cy: dot.cy, r: dot.r };
    return { kind: 'state', id: item.data.state, svg: itemsMarkup(item.items), final: /\bis-final\b/.test(item.cls ?? ''), now };
  }
  if (item.kind === 'group' && item.data?.from !== undefined && item.data.to !== undefined) {
    return { kind: 'edge', from: item.data.from, to: item.data.to, svg: itemsMarkup(item.items) };
  }
  return { kind: 'plain', svg: itemsMarkup([item]) };
}
