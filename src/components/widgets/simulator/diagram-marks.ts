/**
 * The simulator's state diagram as markup written once, then marked in place. The picture and its words are
 * built from the build's record as two strings (the server renders them; hydration only claims them), and
 * `markDiagram` moves the marks when the session moves: the current state (class and dot), the last arrow,
 * and the two phrases of the words list. Hydrating ~100 SVG and list nodes one binding at a time was a third
 * of the widget's hydration task; two strings cost almost nothing.
 */
import type { LiveDiagram } from '../../diagrams/state-live.ts';
import { isLastArrow, type Move } from '../state-moves.ts';

const SVG = 'http://www.w3.org/2000/svg';
const HERE = '(the session is here now)';
const LAST = '(the last move)';

/** Text for HTML or SVG markup: &, <, > and quotes escaped. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const dot = (now: { cx: number; cy: number; r: number }) => `<circle class="mw-dg-now" cx="${now.cx}" cy="${now.cy}" r="${now.r}"></circle>`;
const phrase = (text: string) => ` <strong>${text}</strong>`;

/** The picture's parts and the states in words, marked for `current` (a top-level state) and the last move. */
export function diagramMarkup(diagram: LiveDiagram, current: string, last: Move | undefined): { svg: string; words: string } {
  const svg = diagram.parts
    .map((part) => {
      if (part.kind === 'state') {
        const cls = ['mw-dg-state', part.final ? 'is-final' : '', part.id === current ? 'is-current' : ''].filter(Boolean).join(' ');
        const now = `${part.now.cx} ${part.now.cy} ${part.now.r}`;
        return `<g class="${cls}" data-state="${esc(part.id)}" data-now="${now}">${part.svg}${part.id === current ? dot(part.now) : ''}</g>`;
      }
      if (part.kind === 'edge') {
        const cls = `mw-dg-transition${isLastArrow(part.from, part.to, last) ? ' is-last' : ''}`;
        return `<g class="${cls}" data-from="${esc(part.from)}" data-to="${esc(part.to)}">${part.svg}</g>`;
      }
      return `<g>${part.svg}</g>`;
    })
    .join('');
  const items = diagram.states.map((s) => {
    const out = s.out.map((edge) => {
      const mark = isLastArrow(s.id, edge.to, last) ? phrase(LAST) : '';
      return `<li data-from="${esc(s.id)}" data-to="${esc(edge.to)}">to ${esc(edge.title)} on ${esc(edge.events.join(', '))}<span class="mw-dg-mark">${mark}</span></li>`;
    });
    const here = s.id === current ? phrase(HERE) : '';
    const final = s.final ? ', a final state' : '';
    const list = out.length > 0 ? `<ul>${out.join('')}</ul>` : '';
    return `<li data-state="${esc(s.id)}"><strong>${esc(s.title)}</strong> (${esc(s.gloss)})${final}<span class="mw-dg-mark">${here}</span>: ${esc(s.explain)}${list}</li>`;
  });
  const notes = diagram.notes.map((n) => `<p>${esc(n)}</p>`).join('');
  return { svg, words: `<ol>${items.join('')}</ol>${notes}` };
}

/** Moves the marks inside `figure` (the markup above) to `current` and the last move. */
export function markDiagram(figure: Element, current: string, last: Move | undefined): void {
  for (const g of figure.querySelectorAll<SVGGElement>('svg g[data-state]')) {
    const here = g.dataset.state === current;
    g.classList.toggle('is-current', here);
    const existing = g.querySelector('.mw-dg-now');
    if (!here) existing?.remove();
    else if (!existing) {
      const [cx = '0', cy = '0', r = '0'] = (g.dataset.now ?? '').split(' ');
      const circle = document.createElementNS(SVG, 'circle');
      circle.setAttribute('class', 'mw-dg-now');
      Object.entries({ cx, cy, r }).forEach(([k, v]) => circle.setAttribute(k, v));
      g.append(circle);
    }
  }
  for (const g of figure.querySelectorAll<SVGGElement>('svg g[data-from]')) {
    g.classList.toggle('is-last', isLastArrow(g.dataset.from ?? '', g.dataset.to ?? '', last));
  }
  for (const li of figure.querySelectorAll<HTMLLIElement>('.mw-dg-words li')) {
    const on = li.dataset.state !== undefined ? li.dataset.state === current : isLastArrow(li.dataset.from ?? '', li.dataset.to ?? '', last);
    const slot = li.querySelector(':scope > .mw-dg-mark');
    const text = li.dataset.state !== undefined ? HERE : LAST;
    if (!slot || on === (slot.textContent !== '')) continue;
    slot.replaceChildren(...(on ? [' ', Object.assign(document.createElement('strong'), { textContent: text })] : []));
  }
}
