/**
 * Lays out a server's state graph (state-graph.ts) as one column a phone can show: states top to bottom in the
 * order a session meets them, arrows between neighbours in the gaps, longer arrows in lanes on the left, and a
 * final state that several states lead to (closed, logout) at the bottom, reached through one line on the
 * right. Pure and framework-free: the course's StateDiagram and the simulator's live diagram both use it, and
 * mark the current state and the last move with class names (is-current, is-last).
 */
import { framed, placeFree, text, TYPE, widthOf, wrap } from './layout-kit.ts';
import { overlaps, textBox, type Item, type Point, type Rect, type Scene } from './scene.ts';
import { assignLanes, rankStates } from './state-ranks.ts';

/** One state as the diagram shows it. */
export interface LayoutState {
  id: string;
  title: string;
  gloss: string;
  final: boolean;
}

/** One arrow: the events that lead from one state to another. */
export interface LayoutEdge {
  from: string;
  to: string;
  events: string[];
}

/** What to lay out, and what to mark. */
export interface StateLayoutInput {
  states: LayoutState[];
  edges: LayoutEdge[];
  /** The state a session starts in. */
  initial: string;
  /** The state to mark as current. */
  current?: string;
  /** The move to mark as the last one. */
  last?: { from: string; to: string };
}

const BOX_MIN = 132;
const PAD_X = 16;
const LABEL_W = 112;
const LANE_GAP = 16;
const GAP_MIN = 34;
const ARROW_OFFSET = 8;

/** The picture of a state graph, one column wide. */
export function layoutStates(input: StateLayoutInput): Scene {
  const { rows, sink } = rankStates(input);
  const order = sink ? [...rows, sink] : rows;
  const row = new Map(order.map((id, i) => [id, i]));
  const state = new Map(input.states.map((s) => [s.id, s]));
  const main = input.edges.filter((e) => e.to !== sink);
  const bus = input.edges.filter((e) => e.to === sink);
  const label = (e: LayoutEdge) => wrap(e.events.join(', '), LABEL_W, TYPE.small);

  // Box size: the widest name or gloss; height fits both lines.
  const w = Math.max(BOX_MIN, ...input.states.map((s) => Math.max(widthOf([s.title], TYPE.title), widthOf([s.gloss], TYPE.small)) + 2 * PAD_X));
  const h = 46;
  const cx = w / 2;

  // Each gap's height fits the labels of the arrows between its two neighbours.
  const adjacent = main.filter((e) => Math.abs(row.get(e.to)! - row.get(e.from)!) === 1);
  const common = bus.length > 0 ? bus[0]!.events.filter((ev) => bus.every((b) => b.events.includes(ev))) : [];
  const fromEvery = bus.length > 1 && input.states.every((s) => s.final || bus.some((b) => b.from === s.id));
  const commonLines = common.length > 0 ? wrap(`${common.join(', ')}${fromEvery ? ', from every state' : ''}`, Math.max(LABEL_W, w - 12), TYPE.small) : [];
  const tops: number[] = [];
  let y = 0;
  for (let i = 0; i < order.length; i++) {
    tops.push(y);
    const inGap = adjacent.filter((e) => Math.min(row.get(e.from)!, row.get(e.to)!) === i);
    const lines = Math.max(0, ...inGap.map((e) => label(e).length), order[i + 1] === sink ? commonLines.length : 0);
    y += h + Math.max(GAP_MIN, lines * 16 + 18);
  }
  const boxOf = (id: string): Rect => ({ x: 0, y: tops[row.get(id)!]!, w, h });
  const taken: Rect[] = order.map(boxOf);
  const items: Item[] = [];

  // Start marker: a dot above the first state, with an arrow into it.
  const first = boxOf(input.initial);
  items.push({ kind: 'group', cls: 'mw-dg-start', items: [
    { kind: 'circle', cx, cy: first.y - 30, r: 6, cls: 'mw-dg-dot' },
    { kind: 'line', points: [[cx, first.y - 24], [cx, first.y]], cls: 'mw-dg-edge', arrow: true },
    text(cx + 12, first.y - 39, ['start'], TYPE.small, 'mw-dg-note'),
  ] });
  taken.push({ x: cx - 8, y: first.y - 40, w: 60, h: 40 });

  // Arrows between neighbours: downwards right of centre, upwards left of it, labels outside.
  for (const e of adjacent) {
    const down = row.get(e.to)! > row.get(e.from)!;
    const paired = adjacent.some((o) => o.from === e.to && o.to === e.from);
    const x = cx + (paired ? (down ? ARROW_OFFSET : -ARROW_OFFSET) : 0);
    const from = boxOf(e.from);
    const to = boxOf(e.to);
    const points: Point[] = down ? [[x, from.y + h], [x, to.y]] : [[x, from.y], [x, to.y + h]];
    const gapTop = Math.min(from.y, to.y) + h;
    const words = label(e);
    const lab = placeFree(text(down || !paired ? x + 6 : x - 6, gapTop + 9, words, TYPE.small, 'mw-dg-label', down || !paired ? 'start' : 'end', true), taken);
    items.push(edgeGroup(e, input, [{ kind: 'line', points, cls: 'mw-dg-edge', arrow: true }, lab]));
  }

  // Longer arrows: each in its own lane left of the column, the shortest innermost.
  const lanes = main.filter((e) => Math.abs(row.get(e.to)! - row.get(e.from)!) > 1).sort((a, b) => span(a) - span(b));
  function span(e: LayoutEdge) {
    return Math.abs(row.get(e.to)! - row.get(e.from)!);
  }
  const laneOf = assignLanes(lanes.map((e) => [row.get(e.from)!, row.get(e.to)!] as const));
  const attach = new Map<string, number>();
  const sideY = (id: string) => {
    const n = attach.get(id) ?? 0;
    attach.set(id, n + 1);
    return boxOf(id).y + 12 + ((n * 11) % (h - 20));
  };
  // A lane's label sits on the lane, in the first gap between its two states where nothing else is.
  const placeInGap = (label: Extract<Item, { kind: 'text' }>, a: number, b: number, taken: Rect[]) => {
    const step = a < b ? 1 : -1;
    for (let g = a; g !== b; g += step) {
      const top = tops[Math.min(g, g + step)]! + h;
      const gapH = tops[Math.max(g, g + step)]! - top;
      const candidate = { ...label, y: top + (gapH - label.lines.length * 16) / 2 };
      if (!taken.some((t) => overlaps(t, textBox(candidate)))) {
        taken.push(textBox(candidate));
        return candidate;
      }
    }
    return placeFree({ ...label, y: (tops[a]! + tops[b]!) / 2 }, taken);
  };
  lanes.forEach((e, i) => {
    const lx = -14 - laneOf[i]! * LANE_GAP;
    const y1 = sideY(e.from);
    const y2 = sideY(e.to);
    const lab = placeInGap(text(lx, 0, label(e), TYPE.small, 'mw-dg-label', 'middle', true), row.get(e.from)!, row.get(e.to)!, taken);
    items.push(edgeGroup(e, input, [{ kind: 'line', points: [[0, y1], [lx, y1], [lx, y2], [0, y2]], cls: 'mw-dg-edge', arrow: true }, lab]));
  });

  // The shared final state: each state's stub joins one line on the right that leads into it.
  if (sink) {
    const own = (e: LayoutEdge) => e.events.filter((ev) => !common.includes(ev));
    const stub = Math.max(30, ...bus.map((e) => widthOf(wrap(own(e).join(', '), 96, TYPE.small), TYPE.small) + 14));
    const bx = w + stub;
    const sinkBox = boxOf(sink);
    const into: Point[] = [[bx, sinkBox.y + h / 2], [w, sinkBox.y + h / 2]];
    for (const e of bus) {
      const y0 = boxOf(e.from).y + h / 2;
      const words = own(e).length > 0 ? [placeFree(text(w + stub / 2, y0 - 18, wrap(own(e).join(', '), 96, TYPE.small), TYPE.small, 'mw-dg-label', 'middle', true), taken)] : [];
      items.push(edgeGroup(e, input, [{ kind: 'line', points: [[w, y0], [bx, y0], ...into], cls: 'mw-dg-edge', arrow: true }, ...words]));
    }
    if (commonLines.length > 0) items.push(placeFree(text(bx - 6, sinkBox.y - 9 - commonLines.length * 16, commonLines, TYPE.small, 'mw-dg-label', 'end', true), taken));
  }

  for (const id of order) items.push(stateGroup(state.get(id)!, boxOf(id), input.current === id));
  return framed(items);
}

/** The dot that marks the current state, in the top left corner of its box. */
export function nowDot(box: Rect): Extract<Item, { kind: 'circle' }> {
  return { kind: 'circle', cx: box.x + 12, cy: box.y + 14, r: 5, cls: 'mw-dg-now' };
}

function edgeGroup(e: LayoutEdge, input: StateLayoutInput, items: Item[]): Item {
  const last = input.last?.from === e.from && input.last.to === e.to;
  return { kind: 'group', cls: `mw-dg-transition${last ? ' is-last' : ''}`, data: { from: e.from, to: e.to }, items };
}

function stateGroup(s: LayoutState, box: Rect, current: boolean): Item {
  const items: Item[] = [{ kind: 'rect', ...box, rx: 8, cls: 'mw-dg-box' }];
  if (s.final) items.push({ kind: 'rect', x: box.x + 4, y: box.y + 4, w: box.w - 8, h: box.h - 8, rx: 5, cls: 'mw-dg-box-inner' });
  if (current) items.push(nowDot(box));
  items.push(text(box.x + box.w / 2, box.y + 4, [s.title], TYPE.title, 'mw-dg-title', 'middle'));
  items.push(text(box.x + box.w / 2, box.y + 23, [s.gloss], TYPE.small, 'mw-dg-note', 'middle'));
  return { kind: 'group', cls: `mw-dg-state${s.final ? ' is-final' : ''}${current ? ' is-current' : ''}`, data: { state: s.id }, items };
}
