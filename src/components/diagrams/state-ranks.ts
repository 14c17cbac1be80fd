/**
 * The order a state diagram shows its states in: breadth first from the initial state, as a session meets
 * them; among states equally far from the start, the one that leads on furthest comes last, so the main path
 * stays in neighbouring rows. A final state that two or more states lead to (a connection closing) is the
 * "sink": it goes last and is drawn apart. Longer arrows get lanes beside the column (assignLanes).
 */

interface RankInput {
  states: readonly { id: string; final: boolean }[];
  edges: readonly { from: string; to: string }[];
  initial: string;
}

/** The rows top to bottom (without the sink), and the sink if there is one. */
export function rankStates(input: RankInput): { rows: string[]; sink: string | undefined } {
  const ids = input.states.map((s) => s.id);
  if (!ids.includes(input.initial)) throw new Error(`state diagram: the initial state "${input.initial}" is not among ${ids.join(', ')}`);
  for (const e of input.edges) {
    if (!ids.includes(e.from) || !ids.includes(e.to)) throw new Error(`state diagram: the arrow ${e.from} → ${e.to} names a state that is not among ${ids.join(', ')}`);
  }
  const incoming = (id: string) => new Set(input.edges.filter((e) => e.to === id).map((e) => e.from)).size;
  const sink = input.states.find((s) => s.final && s.id !== input.initial && incoming(s.id) >= 2)?.id;
  const edges = input.edges.filter((e) => e.to !== sink);

  const rank = new Map<string, number>([[input.initial, 0]]);
  const queue = [input.initial];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const e of edges) {
      if (e.from === id && !rank.has(e.to)) {
        rank.set(e.to, rank.get(id)! + 1);
        queue.push(e.to);
      }
    }
  }
  let next = Math.max(...rank.values()) + 1;
  for (const id of ids) if (id !== sink && !rank.has(id)) rank.set(id, next++);

  // How far a state leads on through states one rank further each time.
  const reach = new Map<string, number>();
  const reachOf = (id: string): number => {
    if (!reach.has(id)) {
      const onward = edges.filter((e) => e.from === id && rank.get(e.to) === rank.get(id)! + 1);
      reach.set(id, onward.length === 0 ? 0 : 1 + Math.max(...onward.map((e) => reachOf(e.to))));
    }
    return reach.get(id)!;
  };
  const rows = ids
    .filter((id) => id !== sink)
    .sort((a, b) => rank.get(a)! - rank.get(b)! || reachOf(a) - reachOf(b) || ids.indexOf(a) - ids.indexOf(b));
  return { rows, sink };
}

/** Lane numbers for spans [a, b] so that overlapping spans never share a lane (innermost first). */
export function assignLanes(spans: readonly (readonly [number, number])[]): number[] {
  const used: [number, number][][] = [];
  return spans.map(([a, b]) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    let lane = used.findIndex((taken) => taken.every(([x, y]) => hi < x || lo > y));
    if (lane === -1) lane = used.push([]) - 1;
    used[lane]!.push([lo, hi]);
    return lane;
  });
}
