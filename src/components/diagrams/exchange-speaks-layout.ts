/**
 * Draws "What Exchange speaks": one card per protocol (its name and ports, who speaks it, and each deployment's
 * offer), HTTPS protocols first, then the standard mail protocols. One column on phones, two when wide.
 */
import { framed, linesHeight, shifted, text, TYPE, wrap } from './layout-kit.ts';
import type { Item, Scene } from './scene.ts';
import { DEPLOYMENT_SHORT, OFFER_LABELS, STANDARD_PROTOCOLS, type SpeaksRow } from './exchange-views.ts';

const HEAD = { ...TYPE.body, bold: true } as const;
const GAP = 10;

/** The groups' headings: captions of the picture, not facts. */
const GROUPS = {
  https: 'Over HTTPS, port 443',
  standard: 'The standard mail protocols',
} as const;

/** One card at (0, 0), `w` wide. */
function card(row: SpeaksRow, w: number): { items: Item[]; h: number } {
  const inner = w - 16;
  const items: Item[] = [];
  const head = wrap(`${row.name} · ${row.ports.join(', ')}`, inner, HEAD);
  items.push(text(8, 6, head, HEAD, 'mw-dg-title'));
  let y = 6 + linesHeight(head.length, HEAD) + 2;
  const who = wrap(row.clients, inner, TYPE.small);
  items.push(text(8, y, who, TYPE.small, 'mw-dg-label'));
  y += linesHeight(who.length, TYPE.small) + 2;
  for (const o of row.offers) {
    const line = wrap(`${DEPLOYMENT_SHORT[o.deployment]}: ${OFFER_LABELS[o.state]}`, inner, TYPE.small);
    items.push({ kind: 'group', cls: `mw-dg-offer is-${o.state}`, data: { deployment: o.deployment, state: o.state }, items: [text(8, y, line, TYPE.small, 'mw-dg-note')] });
    y += linesHeight(line.length, TYPE.small);
  }
  const h = y + 6;
  const offered = row.offers.some((o) => o.state === 'on');
  return { items: [{ kind: 'rect', x: 0, y: 0, w, h, rx: 8, cls: `mw-dg-box${offered ? '' : ' mw-dg-dashed'}` }, ...items], h };
}

/** Cards in `cols` columns under a heading, from `top`; returns items and the bottom. */
function group(heading: string, rows: SpeaksRow[], cols: number, w: number, top: number): { items: Item[]; bottom: number } {
  const title = wrap(heading, cols * w + (cols - 1) * GAP, TYPE.title);
  const items: Item[] = [text(0, top, title, TYPE.title, 'mw-dg-title')];
  let y = top + linesHeight(title.length, TYPE.title) + 6;
  for (let i = 0; i < rows.length; i += cols) {
    const line = rows.slice(i, i + cols).map((r) => ({ row: r, c: card(r, w) }));
    const h = Math.max(...line.map((l) => l.c.h));
    line.forEach(({ row, c }, j) => items.push({ kind: 'group', cls: 'mw-dg-protocol', data: { protocol: row.id }, items: shifted(c.items, j * (w + GAP), y) }));
    y += h + GAP;
  }
  return { items, bottom: y };
}

/** The picture: 318 px wide in one column, or 600 px in two. */
export function layoutSpeaks(rows: readonly SpeaksRow[], wide: boolean): Scene {
  const cols = wide ? 2 : 1;
  const w = wide ? (596 - GAP) / 2 : 318;
  const https = rows.filter((r) => !STANDARD_PROTOCOLS.includes(r.id));
  const standard = rows.filter((r) => STANDARD_PROTOCOLS.includes(r.id));
  const first = group(GROUPS.https, https, cols, w, 0);
  const second = group(GROUPS.standard, standard, cols, w, first.bottom + 8);
  return framed([...first.items, ...second.items], 2);
}
