/**
 * Small pieces every diagram layout shares: text styles, labels placed where nothing else is, and moving a
 * finished drawing so it starts at the margin. Pure functions over scene items.
 */
import { textBox, overlaps, flatten, type Item, type Rect, type Scene } from './scene.ts';
import { lineHeight, textWidth, wrapText, type TextStyle } from './svg-text.ts';

/** The type sizes of every diagram: never below 12 px, so a phone shows them at a readable size. */
export const TYPE = {
  title: { font: 'sans', size: 14, bold: true },
  body: { font: 'sans', size: 13 },
  small: { font: 'sans', size: 12 },
  code: { font: 'mono', size: 13 },
  codeSmall: { font: 'mono', size: 12 },
} as const satisfies Record<string, TextStyle>;

/** A text item. */
export function text(x: number, y: number, lines: string[], style: TextStyle, cls: string, anchor: 'start' | 'middle' | 'end' = 'start', halo = false): Extract<Item, { kind: 'text' }> {
  return { kind: 'text', x, y, lines, style, anchor, cls, ...(halo ? { halo } : {}) };
}

/** Height of `n` lines in `style`. */
export function linesHeight(n: number, style: TextStyle): number {
  return n * lineHeight(style);
}

/** Wrapped lines for a label at most `maxWidth` wide. */
export function wrap(textValue: string, maxWidth: number, style: TextStyle): string[] {
  return wrapText(textValue, maxWidth, style);
}

/** Width of the widest line. */
export function widthOf(lines: readonly string[], style: TextStyle): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, style)));
}

/**
 * Moves a label down in `step` px increments until it overlaps none of `taken`, then records it as taken.
 * Labels never sit on boxes or on other labels this way, whatever the data.
 */
export function placeFree(label: Extract<Item, { kind: 'text' }>, taken: Rect[], step = 4): Extract<Item, { kind: 'text' }> {
  let placed = label;
  for (let i = 0; i < 200 && taken.some((t) => overlaps(t, textBox(placed))); i++) placed = { ...placed, y: placed.y + step };
  taken.push(textBox(placed));
  return placed;
}

/** Every rectangle the items take: boxes, text and the points of lines. */
export function extent(items: readonly Item[]): Rect {
  const rects = flatten(items).flatMap((i): Rect[] => {
    if (i.kind === 'rect') return [i];
    if (i.kind === 'circle') return [{ x: i.cx - i.r, y: i.cy - i.r, w: 2 * i.r, h: 2 * i.r }];
    if (i.kind === 'text') {
      const b = textBox(i);
      return [i.halo ? { ...b, x: b.x - 3, w: b.w + 6 } : b];
    }
    if (i.kind === 'line') return i.points.map(([x, y]) => ({ x: x - 4, y: y - 4, w: 8, h: 8 }));
    return [];
  });
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}

/** The items moved by (dx, dy). */
export function shifted(items: readonly Item[], dx: number, dy: number): Item[] {
  return items.map((i): Item => {
    switch (i.kind) {
      case 'group':
        return { ...i, items: shifted(i.items, dx, dy) };
      case 'rect':
        return { ...i, x: i.x + dx, y: i.y + dy };
      case 'circle':
        return { ...i, cx: i.cx + dx, cy: i.cy + dy };
      case 'text':
        return { ...i, x: i.x + dx, y: i.y + dy };
      case 'line':
        return { ...i, points: i.points.map(([x, y]) => [x + dx, y + dy] as const) };
    }
  });
}

/** A scene of exactly the items' extent plus a margin on every side, at least `minWidth` wide (content centred). */
export function framed(items: Item[], margin = 6, minWidth = 0): Scene {
  const box = extent(items);
  const width = Math.ceil(Math.max(box.w + 2 * margin, minWidth));
  const dx = (width - box.w) / 2 - box.x;
  return { width, height: Math.ceil(box.h + 2 * margin), items: shifted(items, dx, margin - box.y) };
}
