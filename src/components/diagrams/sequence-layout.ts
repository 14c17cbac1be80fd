/**
 * Draws a client/server ladder from sequence rows: two lifelines, one arrow per row with its line above it
 * (shortened with an ellipsis past `maxChars`), TLS as a band across both lifelines, and an end mark where the
 * connection closes. The same function draws the phone (320 px) and the wide (600 px) version.
 */
import { framed, text, TYPE } from './layout-kit.ts';
import type { Item } from './scene.ts';
import type { Scene } from './scene.ts';
import type { SequenceRow } from './sequence-rows.ts';
import { ellipsize, lineHeight, type TextStyle } from './svg-text.ts';

/** The two sizes the ladder comes in. */
export interface SequenceSize {
  width: number;
  /** The wire lines' type: 12 px mono on phones, 13 px on wide screens. */
  code: TextStyle;
  /** Longest line shown in full; longer ones end in "…". */
  maxChars: number;
  /** Whether labels run across the lifelines (phones) or stay between them. */
  compact: boolean;
}

/** The phone ladder: 40 characters of 12 px mono fit across 320 px. */
export const NARROW: SequenceSize = { width: 320, code: TYPE.codeSmall, maxChars: 40, compact: true };
/** The wide ladder. */
export const WIDE: SequenceSize = { width: 600, code: TYPE.code, maxChars: 40, compact: false };

const GUTTER = 22;
const HEAD_W = 72;

/** The ladder for `rows`, headed "Client" and "Server" (with `serverNote`, e.g. "port 587", under it). */
export function layoutSequence(rows: readonly SequenceRow[], serverNote: string, size: SequenceSize): Scene {
  const { width, code, maxChars, compact } = size;
  const cx = GUTTER + HEAD_W / 2;
  const sx = width - HEAD_W / 2;
  const items: Item[] = [];
  const head = (x: number, lines: string[]) =>
    items.push({ kind: 'group', cls: 'mw-dg-actor', items: [
      { kind: 'rect', x: x - HEAD_W / 2, y: 0, w: HEAD_W, h: 40, rx: 6, cls: 'mw-dg-box' },
      text(x, 20 - (lines.length * lineHeight(TYPE.small)) / 2 - (lines.length === 1 ? 1 : 0), lines, lines.length === 1 ? TYPE.title : TYPE.small, 'mw-dg-title', 'middle'),
    ] });
  head(cx, ['Client']);
  head(sx, ['Server', serverNote]);

  let y = 52;
  let alive = 40;
  const lifelines = (to: number) => {
    if (alive >= 0) items.unshift({ kind: 'line', points: [[cx, alive], [cx, to]], cls: 'mw-dg-lifeline' }, { kind: 'line', points: [[sx, alive], [sx, to]], cls: 'mw-dg-lifeline' });
  };
  let lastStep = -1;
  for (const row of rows) {
    if (row.step !== lastStep && row.step > 0) items.push(text(0, y, [String(row.step)], { ...TYPE.small, bold: true }, 'mw-dg-note'));
    lastStep = row.step;
    if (row.kind === 'message') {
      const client = row.from === 'client';
      const first = ellipsize(row.lines[0]!, maxChars);
      const words = [text(client ? (compact ? GUTTER + 2 : cx + 8) : compact ? width - 2 : sx - 8, y, [first], code, 'mw-dg-wire', client ? 'start' : 'end', true)];
      let h = lineHeight(code);
      if (row.lines.length > 1) {
        const more = `+ ${row.lines.length - 1} more line${row.lines.length > 2 ? 's' : ''}`;
        words.push(text(words[0]!.x, y + h, [more], TYPE.small, 'mw-dg-note', client ? 'start' : 'end', true));
        h += lineHeight(TYPE.small);
      }
      const ay = y + h + 5;
      const cls = `mw-dg-msg is-${client ? 'client' : row.outcome}`;
      items.push({ kind: 'group', cls, data: { from: row.from, step: String(row.step) }, items: [
        { kind: 'line', points: client ? [[cx, ay], [sx, ay]] : [[sx, ay], [cx, ay]], cls: 'mw-dg-edge', arrow: true },
        ...words,
      ] });
      y = ay + 12;
    } else if (row.kind === 'tls') {
      const lines = [row.text];
      items.push({ kind: 'group', cls: 'mw-dg-tls', data: { step: String(row.step) }, items: [
        { kind: 'rect', x: cx - 12, y, w: sx - cx + 24, h: 24, rx: 4, cls: 'mw-dg-band' },
        text((cx + sx) / 2, y + 4, lines, TYPE.small, 'mw-dg-band-text', 'middle'),
      ] });
      y += 34;
    } else if (row.kind === 'end') {
      lifelines(y + 8);
      alive = -1;
      items.push({ kind: 'group', cls: 'mw-dg-end', data: { step: String(row.step) }, items: [
        { kind: 'line', points: [[cx - 10, y + 8], [cx + 10, y + 8]], cls: 'mw-dg-endmark' },
        { kind: 'line', points: [[sx - 10, y + 8], [sx + 10, y + 8]], cls: 'mw-dg-endmark' },
        text((cx + sx) / 2, y + 14, [ellipsize(row.text, maxChars)], TYPE.small, 'mw-dg-note', 'middle'),
      ] });
      y += 38;
    } else {
      if (alive < 0) alive = y;
      items.push(text((cx + sx) / 2, y, [row.text], TYPE.small, 'mw-dg-note', 'middle', true));
      y += 26;
    }
  }
  lifelines(y);
  return framed(items, 0, width);
}
