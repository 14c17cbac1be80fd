/**
 * Draws a reply line taken apart: each part in a box, in wire order, with its label and meanings under it.
 * Wide: the parts side by side, like the line pulled apart; phones: one part under another.
 */
import { framed, linesHeight, text, TYPE, wrap } from './layout-kit.ts';
import type { ReplyPart } from './reply-parts.ts';
import type { Item, Scene } from './scene.ts';
import type { Outcome } from './sequence-rows.ts';

const LABEL = { ...TYPE.body, bold: true } as const;

/** A part's box and words at (x, y), `w` wide; `boxH` makes boxes of one row equally tall. */
function partItems(part: ReplyPart, outcome: Outcome, x: number, y: number, w: number, boxH?: number): { items: Item[]; boxH: number; h: number } {
  const wire = wrap(part.wire, w - 16, TYPE.code);
  const ownH = linesHeight(wire.length, TYPE.code) + 12;
  const bh = boxH ?? ownH;
  const label = wrap(part.label, w - 4, LABEL);
  const meanings = part.meanings.flatMap((m) => wrap(m, w - 4, TYPE.small));
  const top = y + bh + 14;
  const kindCls = part.kind === 'code' || part.kind === 'status' ? ` is-${outcome}` : '';
  const items: Item[] = [
    { kind: 'rect', x, y, w, h: bh, rx: 6, cls: `mw-dg-part${kindCls}` },
    text(x + 8, y + 6, wire, TYPE.code, `mw-dg-wire${kindCls}`),
    { kind: 'line', points: [[x + 12, y + bh], [x + 12, top - 2]], cls: 'mw-dg-edge' },
    text(x + 2, top, label, LABEL, 'mw-dg-title'),
    text(x + 2, top + linesHeight(label.length, LABEL), meanings, TYPE.small, 'mw-dg-label'),
  ];
  return { items: [{ kind: 'group', cls: 'mw-dg-reply-part', data: { part: part.kind }, items }], boxH: ownH, h: top - y + linesHeight(label.length, LABEL) + linesHeight(meanings.length, TYPE.small) };
}

/** The parts side by side in equal columns (`wide`, 600 px) or one under another (320 px). */
export function layoutReply(parts: readonly ReplyPart[], outcome: Outcome, wide: boolean): Scene {
  const items: Item[] = [];
  if (wide) {
    const gap = 12;
    const w = (598 - gap * (parts.length - 1)) / parts.length;
    const boxH = Math.max(...parts.map((p) => partItems(p, outcome, 0, 0, w).boxH));
    parts.forEach((p, i) => items.push(...partItems(p, outcome, i * (w + gap), 0, w, boxH).items));
  } else {
    let y = 0;
    for (const p of parts) {
      const part = partItems(p, outcome, 0, y, 318);
      items.push(...part.items);
      y += part.h + 14;
    }
  }
  return framed(items, 1);
}
