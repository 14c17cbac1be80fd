/**
 * Draws the envelope beside the message header (stacked on phones): each envelope line with what became of it,
 * each header field as sent, and every blind recipient highlighted in both panels, in words as well as colour.
 */
import { framed, linesHeight, text, TYPE, wrap } from './layout-kit.ts';
import type { EnvelopeView } from './envelope.ts';
import type { Item, Scene } from './scene.ts';

/** A row of a panel: the wire text, a note under it, and whether it is highlighted or refused. */
interface PanelRow {
  wire: string;
  note?: string;
  mark?: 'blind' | 'refused';
  key: string;
}

/** The reply's code and enhanced code, e.g. "554 5.7.1". */
const codeOf = (reply: string) => /^(\d{3})(?:[ -]([245]\.\d{1,3}\.\d{1,3}))?/.exec(reply)?.slice(1).filter(Boolean).join(' ') ?? reply;

/** The envelope panel's rows. */
export function envelopeRows(view: EnvelopeView): PanelRow[] {
  return [
    { wire: view.mailFrom.line, note: 'the sender: bounces go back here', key: 'mail' },
    ...view.recipients.map((r, i): PanelRow => {
      if (!r.accepted) return { wire: r.line, note: `refused (${codeOf(r.reply)}): not delivered`, mark: 'refused', key: `rcpt-${i}` };
      if (r.blind) return { wire: r.line, note: 'Bcc: named in no header field', mark: 'blind', key: `rcpt-${i}` };
      return { wire: r.line, note: `accepted; named in ${r.fields.join(', ')}`, key: `rcpt-${i}` };
    }),
  ];
}

/** The header panel's rows, and one for each blind recipient, saying it is absent. */
export function headerRows(view: EnvelopeView): PanelRow[] {
  return [
    ...view.header.map((h, i): PanelRow => ({ wire: `${h.name}: ${h.value}`, key: `field-${i}` })),
    ...view.recipients.filter((r) => r.blind).map((r, i): PanelRow => ({ wire: r.address, note: 'Bcc: in no field here', mark: 'blind', key: `absent-${i}` })),
  ];
}

/** One panel: heading, subheading, rows. Returns its items and height. */
function panel(title: string, sub: string, rows: PanelRow[], x: number, y: number, w: number, cls: string, minH = 0): { items: Item[]; h: number } {
  const inner = w - 20;
  const items: Item[] = [];
  let cy = y + 10;
  items.push(text(x + 10, cy, [title], TYPE.title, 'mw-dg-title'));
  cy += linesHeight(1, TYPE.title);
  const subLines = wrap(sub, inner, TYPE.small);
  items.push(text(x + 10, cy, subLines, TYPE.small, 'mw-dg-note'));
  cy += linesHeight(subLines.length, TYPE.small) + 8;
  for (const row of rows) {
    const wire = wrap(row.wire, inner - 8, TYPE.codeSmall);
    const note = row.note ? wrap(row.note, inner - 8, TYPE.small) : [];
    const h = linesHeight(wire.length, TYPE.codeSmall) + linesHeight(note.length, TYPE.small) + 8;
    const group: Item[] = [];
    if (row.mark === 'blind') group.push({ kind: 'rect', x: x + 6, y: cy - 2, w: w - 12, h, rx: 4, cls: 'mw-dg-mark' });
    group.push(text(x + 14, cy + 2, wire, TYPE.codeSmall, row.mark === 'refused' ? 'mw-dg-wire is-refused' : 'mw-dg-wire'));
    if (note.length > 0) group.push(text(x + 14, cy + 2 + linesHeight(wire.length, TYPE.codeSmall), note, TYPE.small, row.mark ? `mw-dg-${row.mark}-note` : 'mw-dg-note'));
    items.push({ kind: 'group', cls: `mw-dg-row${row.mark ? ` is-${row.mark}` : ''}`, data: { row: row.key }, items: group });
    cy += h + 4;
  }
  const h = Math.max(minH, cy - y + 6);
  return { items: [{ kind: 'rect', x, y, w, h, rx: 8, cls: `mw-dg-panel ${cls}` }, ...items], h };
}

const ENVELOPE = ['Envelope', 'what servers route by: MAIL FROM and RCPT TO'] as const;
const HEADER = ['Message header', 'what people read: the fields sent after DATA'] as const;

/** Both panels side by side (`wide`, 600 px) or stacked (320 px). */
export function layoutEnvelope(view: EnvelopeView, wide: boolean): Scene {
  const w = wide ? 293 : 318;
  const envRows = envelopeRows(view);
  const headRows = headerRows(view);
  const height = wide ? Math.max(panel(...ENVELOPE, envRows, 0, 0, w, '').h, panel(...HEADER, headRows, 0, 0, w, '').h) : 0;
  const env = panel(...ENVELOPE, envRows, 0, 0, w, 'is-envelope', height);
  const head = panel(...HEADER, headRows, wide ? w + 12 : 0, wide ? 0 : env.h + 12, w, 'is-header', height);
  return framed([{ kind: 'group', cls: 'mw-dg-envelope', items: env.items }, { kind: 'group', cls: 'mw-dg-header', items: head.items }], 1);
}
