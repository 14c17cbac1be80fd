/**
 * Draws two Exchange pictures as a numbered column: the Autodiscover lookup order (each step a box, an arrow
 * "nothing there: next" between them, the port 80 step dashed and marked "no credentials"), and the timeline
 * of dated facts (a line with a dot per day, hollow for days after the facts were checked).
 */
import { framed, linesHeight, text, TYPE, wrap } from './layout-kit.ts';
import type { Item, Scene } from './scene.ts';
import type { LookupStep } from './exchange-views.ts';

const HEAD = { ...TYPE.body, bold: true } as const;
const R = 11;

/** Captions of the lookup picture: words of the picture, not facts. */
export const LOOKUP_WORDS = {
  next: 'nothing there: next',
  credentials: 'may send credentials',
  noCredentials: 'no credentials: only follows a redirect to HTTPS',
} as const;

/** The lookup order, 320 px wide or 560 when wide. */
export function layoutLookup(steps: readonly LookupStep[], wide: boolean): Scene {
  const w = wide ? 560 : 318;
  const x = 2 * R + 8;
  const inner = w - x - 16;
  const items: Item[] = [];
  let y = 0;
  steps.forEach((s, i) => {
    const request = wrap(s.request, inner, TYPE.codeSmall);
    const note = wrap(s.sendsCredentials ? LOOKUP_WORDS.credentials : LOOKUP_WORDS.noCredentials, inner, TYPE.small);
    const words = wrap(s.text, inner, TYPE.small);
    let cy = y + 6;
    const body: Item[] = [text(x + 8, cy, request, TYPE.codeSmall, 'mw-dg-label')];
    cy += linesHeight(request.length, TYPE.codeSmall) + 2;
    body.push(text(x + 8, cy, words, TYPE.small, 'mw-dg-note'));
    cy += linesHeight(words.length, TYPE.small) + 2;
    body.push(text(x + 8, cy, note, { ...TYPE.small, bold: !s.sendsCredentials }, s.sendsCredentials ? 'mw-dg-note' : 'mw-dg-title'));
    cy += linesHeight(note.length, TYPE.small);
    const h = cy - y + 6;
    items.push({
      kind: 'group',
      cls: `mw-dg-step${s.sendsCredentials ? '' : ' is-no-credentials'}`,
      data: { step: s.id },
      items: [
        { kind: 'rect', x, y, w: w - x, h, rx: 8, cls: `mw-dg-box${s.sendsCredentials ? '' : ' mw-dg-dashed'}` },
        { kind: 'circle', cx: R, cy: y + R + 4, r: R, cls: 'mw-dg-num' },
        text(R, y + 4 + R - linesHeight(1, HEAD) / 2, [String(s.n)], HEAD, 'mw-dg-num-text', 'middle'),
        ...body,
      ],
    });
    y += h;
    if (i < steps.length - 1) {
      const cx = x + 24;
      items.push({ kind: 'line', points: [[cx, y], [cx, y + 26]], cls: 'mw-dg-edge', arrow: true });
      items.push(text(cx + 10, y + 6, [LOOKUP_WORDS.next], TYPE.small, 'mw-dg-note'));
      y += 26;
    }
  });
  return framed(items, 2);
}

/** One dated fact as the timeline draws it. */
export interface TimelineEntry {
  id: string;
  /** The day as the picture writes it ("1 October 2026"). */
  day: string;
  title: string;
  /** Who it concerns ("Exchange Online"), or empty. */
  who: string;
  /** After the day the facts were checked. */
  future: boolean;
}

/** The timeline, oldest at the top; a line marks where the facts were checked (`checkedLabel`). */
export function layoutTimeline(entries: readonly TimelineEntry[], checkedLabel: string, wide: boolean): Scene {
  const w = wide ? 560 : 318;
  const lineX = 8;
  const x = lineX + 18;
  const inner = w - x;
  const items: Item[] = [];
  let y = 0;
  let marked = false;
  const mark = () => {
    const label = wrap(checkedLabel, inner, { ...TYPE.small, bold: true });
    items.push({ kind: 'line', points: [[0, y + 4], [w, y + 4]], cls: 'mw-dg-edge mw-dg-dashed' });
    items.push(text(x, y + 10, label, { ...TYPE.small, bold: true }, 'mw-dg-title'));
    y += 14 + linesHeight(label.length, TYPE.small) + 6;
    marked = true;
  };
  for (const e of entries) {
    if (e.future && !marked) mark();
    const day = wrap(e.day, inner, { ...TYPE.codeSmall, bold: true });
    const title = wrap(e.title, inner, TYPE.small);
    const who = e.who ? wrap(e.who, inner, TYPE.small) : [];
    const top = y;
    items.push({
      kind: 'group',
      cls: `mw-dg-event${e.future ? ' is-future' : ''}`,
      data: { event: e.id },
      items: [
        { kind: 'circle', cx: lineX, cy: top + 8, r: 5, cls: e.future ? 'mw-dg-num' : 'mw-dg-dot' },
        text(x, top, day, { ...TYPE.codeSmall, bold: true }, 'mw-dg-title'),
        text(x, top + linesHeight(day.length, TYPE.codeSmall), title, TYPE.small, 'mw-dg-label'),
        ...(who.length ? [text(x, top + linesHeight(day.length, TYPE.codeSmall) + linesHeight(title.length, TYPE.small), who, TYPE.small, 'mw-dg-note')] : []),
      ],
    });
    y += linesHeight(day.length, TYPE.codeSmall) + linesHeight(title.length, TYPE.small) + linesHeight(who.length, TYPE.small) + 12;
  }
  if (!marked) mark();
  items.unshift({ kind: 'line', points: [[lineX, 0], [lineX, y]], cls: 'mw-dg-edge' });
  return framed(items, 2, w);
}
