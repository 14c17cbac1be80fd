/**
 * A scene's items as SVG markup: only geometry and class names, the stylesheet colours them. Lesson diagrams
 * (SceneItems.astro) and the simulator's state diagram, whose markup the build records so that the browser
 * draws it without any layout code, both write their SVG here.
 */
import { arrowHead, baseline, round, textBox, type Item, type Point } from './scene.ts';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escape(String(v))}"`)
    .join('');
}

const pointList = (pts: readonly Point[]) => pts.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');

/** The markup of one item; a group's children inside its <g>. */
export function itemMarkup(item: Item): string {
  switch (item.kind) {
    case 'group': {
      const data = Object.fromEntries(Object.entries(item.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
      return `<g${attrs({ class: item.cls, id: item.id, ...data })}>${itemsMarkup(item.items)}</g>`;
    }
    case 'rect':
      return `<rect${attrs({ class: item.cls, x: round(item.x), y: round(item.y), width: round(item.w), height: round(item.h), rx: item.rx })}></rect>`;
    case 'circle':
      return `<circle${attrs({ class: item.cls, cx: round(item.cx), cy: round(item.cy), r: item.r })}></circle>`;
    case 'line': {
      const head = item.arrow ? `<polygon${attrs({ class: `${item.cls} mw-dg-head`, points: arrowHead(item.points) })}></polygon>` : '';
      return `<polyline${attrs({ class: item.cls, points: pointList(item.points) })}></polyline>${head}`;
    }
    case 'text': {
      const box = textBox(item);
      const family = item.style.font === 'mono' ? 'mw-dg-mono' : 'mw-dg-sans';
      const halo = item.halo ? `<rect${attrs({ class: 'mw-dg-halo', x: round(box.x - 3), y: round(box.y), width: round(box.w + 6), height: round(box.h), rx: 3 })}></rect>` : '';
      const spans = item.lines.map((line, i) => `<tspan${attrs({ x: round(item.x), y: round(baseline(item, i)) })}>${escape(line)}</tspan>`).join('');
      return `${halo}<text${attrs({ class: `${item.cls} ${family}`, 'font-size': item.style.size, 'font-weight': item.style.bold ? 700 : undefined, 'text-anchor': item.anchor })}>${spans}</text>`;
    }
  }
}

/** The markup of several items, in drawing order. */
export function itemsMarkup(items: readonly Item[]): string {
  return items.map(itemMarkup).join('');
}
