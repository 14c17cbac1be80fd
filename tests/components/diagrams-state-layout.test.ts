import { describe, expect, test } from 'vitest';
import { flatten, overlaps, textBox, type Item, type Rect, type Scene } from '../../src/components/diagrams/scene.ts';
import { layoutStates, type StateLayoutInput } from '../../src/components/diagrams/state-layout.ts';
import { namesFor } from '../../src/components/diagrams/state-names.ts';
import { assignLanes, rankStates } from '../../src/components/diagrams/state-ranks.ts';
import { stateGraph } from '../../src/components/widgets/state-graph.ts';
import { imapSessionMachine } from '../../src/machines/imap-session.machine.ts';
import { pop3SessionMachine } from '../../src/machines/pop3-session.machine.ts';
import { smtpSessionMachine } from '../../src/machines/smtp-session.machine.ts';
import { expectReadable } from './diagrams-scene-checks.ts';

const machines = { smtp: smtpSessionMachine, pop3: pop3SessionMachine, imap: imapSessionMachine } as const;

function inputFor(protocol: keyof typeof machines, marks: Partial<StateLayoutInput> = {}): StateLayoutInput {
  const machine = machines[protocol];
  const graph = stateGraph(machine);
  const words = namesFor(protocol, graph.nodes.map((n) => n.id));
  return { states: graph.nodes.map((n) => ({ id: n.id, final: n.final, ...words.get(n.id)! })), edges: graph.edges, initial: String(machine.config.initial), ...marks };
}

const groups = (scene: Scene, cls: string) => flatten2(scene.items).filter((i): i is Extract<Item, { kind: 'group' }> => i.kind === 'group' && (i.cls ?? '').split(' ').includes(cls));
function flatten2(items: readonly Item[]): Item[] {
  return items.flatMap((i) => (i.kind === 'group' ? [i, ...flatten2(i.items)] : [i]));
}
const boxes = (scene: Scene): Rect[] => groups(scene, 'mw-dg-state').map((g) => g.items.find((i): i is Extract<Item, { kind: 'rect' }> => i.kind === 'rect')!);
const words = (items: readonly Item[]) => flatten(items).flatMap((i) => (i.kind === 'text' ? i.lines : [])).join(' ');

describe('layoutStates', () => {
  test.each(['smtp', 'pop3', 'imap'] as const)('draws every %s transition of the machine, each labelled with its events', (protocol) => {
    const input = inputFor(protocol);
    const scene = layoutStates(input);
    const drawn = groups(scene, 'mw-dg-transition');
    for (const edge of input.edges) {
      const group = drawn.find((g) => g.data?.from === edge.from && g.data?.to === edge.to);
      expect(group, `${edge.from} → ${edge.to}`).toBeDefined();
      expect(flatten(group!.items).some((i) => i.kind === 'line' && i.arrow)).toBe(true);
      // An event is written on the arrow itself, or once on the shared line into the final state.
      const text = `${words(group!.items)} ${words(scene.items)}`.replace(/\s+/g, ' ');
      for (const ev of edge.events) expect(text).toContain(ev.split(' ')[0]);
    }
    expect(drawn).toHaveLength(input.edges.length);
  });

  test.each(['smtp', 'pop3', 'imap'] as const)('keeps %s readable on a phone: no boxes or labels on each other, all inside the picture', (protocol) => {
    const scene = layoutStates(inputFor(protocol));
    expectReadable(scene, 340);
    const rects = boxes(scene);
    rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
    const labels = groups(scene, 'mw-dg-transition').flatMap((g) => flatten(g.items)).filter((i) => i.kind === 'text').map((t) => textBox(t as Extract<Item, { kind: 'text' }>));
    for (const l of labels) for (const b of rects) expect(overlaps(l, b)).toBe(false);
  });

  test('shows the RFC’s POP3 states, a start marker and the final states', () => {
    const scene = layoutStates(inputFor('pop3'));
    const text = words(scene.items);
    for (const name of ['AUTHORIZATION', 'TRANSACTION', 'UPDATE', 'start']) expect(text).toContain(name);
    expect(groups(scene, 'mw-dg-start')).toHaveLength(1);
    expect(groups(scene, 'is-final').map((g) => g.data?.state).sort()).toEqual(['closed', 'update']);
  });

  test('marks the current state and the last move by class, for the live diagram', () => {
    const scene = layoutStates(inputFor('pop3', { current: 'transaction', last: { from: 'authorization', to: 'transaction' } }));
    expect(groups(scene, 'is-current').map((g) => g.data?.state)).toEqual(['transaction']);
    expect(groups(scene, 'is-last').map((g) => `${g.data?.from}→${g.data?.to}`)).toEqual(['authorization→transaction']);
  });

  test('refuses an arrow to a state that is not in the graph', () => {
    const input = inputFor('pop3');
    expect(() => layoutStates({ ...input, edges: [...input.edges, { from: 'update', to: 'nowhere', events: ['X'] }] })).toThrow(/nowhere/);
  });
});

describe('rankStates', () => {
  test('orders states as a session meets them, with the shared final state apart', () => {
    expect(rankStates(inputFor('pop3'))).toEqual({ rows: ['authorization', 'transaction', 'update'], sink: 'closed' });
    expect(rankStates(inputFor('imap'))).toEqual({ rows: ['notAuthenticated', 'authenticated', 'selected'], sink: 'logout' });
    // authenticating leads nowhere further, so mailTransaction stays next to data.
    expect(rankStates(inputFor('smtp')).rows).toEqual(['connected', 'ready', 'authenticating', 'mailTransaction', 'data']);
  });
});

describe('assignLanes', () => {
  test('gives overlapping spans different lanes and reuses a lane when spans are apart', () => {
    expect(assignLanes([[0, 2], [1, 3], [3, 4], [0, 4]])).toEqual([0, 1, 0, 2]);
  });
});

describe('namesFor', () => {
  test('fails the build for a machine state without words', () => {
    expect(() => namesFor('pop3', ['authorization', 'limbo'])).toThrow(/StateDiagram protocol="pop3".*limbo/);
  });
});
