/**
 * The simulator's diagram is written once as markup and then marked in place: marking the markup of one state
 * for another must give exactly the markup the server would write for that other state.
 */
// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { liveDiagram } from '../../src/components/diagrams/state-live.ts';
import { diagramMarkup, markDiagram } from '../../src/components/widgets/simulator/diagram-marks.ts';
import { stateGraph } from '../../src/components/widgets/state-graph.ts';
import { pop3SessionMachine } from '../../src/machines/pop3-session.machine.ts';

const diagram = liveDiagram('pop3', stateGraph(pop3SessionMachine), String(pop3SessionMachine.config.initial));

function figure(current: string, last?: { from: string; to: string; on: string }) {
  const { svg, words } = diagramMarkup(diagram, current, last);
  const el = document.createElement('figure');
  el.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg><details class="mw-dg-words">${words}</details>`;
  return el;
}

describe('diagram marks', () => {
  test('moving the marks gives the markup of the new state, in the picture and in the words', () => {
    const moved = figure('authorization');
    const pass = { from: 'authorization', to: 'transaction', on: 'PASS' };
    markDiagram(moved, 'transaction', pass);
    expect(moved.innerHTML).toBe(figure('transaction', pass).innerHTML);
    expect(moved.querySelectorAll('.mw-dg-now')).toHaveLength(1);
    expect(moved.querySelector('.is-current')?.getAttribute('data-state')).toBe('transaction');
    expect(moved.querySelector('.mw-dg-now')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(moved.querySelector('li[data-state="transaction"]')?.textContent).toContain('(the session is here now)');
    expect(moved.querySelector('li[data-from="authorization"][data-to="transaction"]')?.textContent).toContain('(the last move)');
    markDiagram(moved, 'authorization', undefined);
    expect(moved.innerHTML).toBe(figure('authorization').innerHTML);
  });

  test('writes the words as text, never as markup', () => {
    const hostile = { ...diagram, states: diagram.states.map((s, i) => (i === 0 ? { ...s, explain: '<img src=x onerror=alert(1)>' } : s)) };
    const { words } = diagramMarkup(hostile, 'authorization', undefined);
    const el = document.createElement('div');
    el.innerHTML = words;
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
