/**
 * A diagram as plain data: boxes, lines, circles and text in CSS px, which Scene.astro writes out as inline SVG.
 * Layout modules build scenes; tests read them (every label inside the picture, no boxes on top of each other)
 * without rendering anything. Colours are never here, only class names the stylesheet maps to theme colours.
 */
import { lineHeight, textWidth, type TextStyle } from './svg-text.ts';

/** An axis-aligned rectangle. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A point. */
export type Point = readonly [number, number];

/** One thing drawn. `cls` names its role for the stylesheet (mw-dg-box, mw-dg-edge …). */
export type Item =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; rx?: number; cls: string }
  /** A polyline; `arrow` puts a head on its last point. */
  | { kind: 'line'; points: Point[]; cls: string; arrow?: boolean }
  | { kind: 'circle'; cx: number; cy: number; r: number; cls: string }
  /**
   * Lines of text; `y` is the top of the first line. `halo` puts a background-coloured box behind the text so
   * lines that pass under a label never run through its letters.
   */
  | { kind: 'text'; x: number; y: number; lines: string[]; style: TextStyle; anchor: 'start' | 'middle' | 'end'; cls: string; halo?: boolean }
  /** Items that belong together (one node, one edge), with optional id and data attributes. */
  | { kind: 'group'; cls?: string; id?: string; data?: Record<string, string>; items: Item[] };

/** A whole picture. */
export interface Scene {
  width: number;
  height: number;
  items: Item[];
}

/** A text item with its size measured: the rectangle its letters take. */
export function textBox(item: Extract<Item, { kind: 'text' }>): Rect {
  const w = Math.max(0, ...item.lines.map((l) => textWidth(l, item.style)));
  const x = item.anchor === 'start' ? item.x : item.anchor === 'middle' ? item.x - w / 2 : item.x - w;
  return { x, y: item.y, w, h: item.lines.length * lineHeight(item.style) };
}

/** The baseline of line `i` of a text item, centring the letters in their line box. */
export function baseline(item: Extract<Item, { kind: 'text' }>, i: number): number {
  const lh = lineHeight(item.style);
  return item.y + i * lh + lh / 2 + item.style.size * 0.35;
}

/** The three corners of an arrow head at the end of a polyline, as an SVG points list. */
export function arrowHead(points: readonly Point[], size = 8): string {
  const [x2, y2] = points.at(-1)!;
  const [x1, y1] = points.at(-2) ?? [x2 - 1, y2];
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const corner = (a: number) => [x2 - size * Math.cos(angle + a), y2 - size * Math.sin(angle + a)];
  return [[x2, y2], corner(0.45), corner(-0.45)].map(([x, y]) => `${round(x!)},${round(y!)}`).join(' ');
}

/** A number as SVG writes it: at most one decimal. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Every item, groups flattened, in drawing order. */
export function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((i) => (i.kind === 'group' ? flatten(i.items) : [i]));
}

/** Whether two rectangles share any area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether `inner` lies within `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.w <= outer.x + outer.w + 0.01 && inner.y + inner.h <= outer.y + outer.h + 0.01;
}

/** What is wrong with a scene: text or shapes outside the picture, each as a sentence (empty when all is well). */
export function sceneProblems(scene: Scene): string[] {
  const frame: Rect = { x: 0, y: 0, w: scene.width, h: scene.height };
  const problems: string[] = [];
  for (const item of flatten(scene.items)) {
    if (item.kind === 'text' && !contains(frame, textBox(item))) problems.push(`text "${item.lines.join(' ')}" leaves the picture`);
    if (item.kind === 'rect' && !contains(frame, item)) problems.push(`a ${item.cls} box leaves the picture`);
    if (item.kind === 'line' && item.points.some(([x, y]) => !contains(frame, { x, y, w: 0, h: 0 }))) problems.push(`a ${item.cls} line leaves the picture`);
  }
  return problems;
}

/** All text of a scene, line by line, in drawing order (what the picture says). */
export function sceneText(scene: Scene): string[] {
  return flatten(scene.items).flatMap((i) => (i.kind === 'text' ? i.lines : []));
}
