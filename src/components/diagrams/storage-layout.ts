/**
 * Draws where mail lives: a POP3 panel (the server's maildrop, and a laptop and a phone each holding its own
 * downloaded copies) and an IMAP panel (one mailbox with folders and flags on the server, both devices showing
 * it), each ending with the comparison table's words for the two protocols. Side by side when wide, stacked on
 * phones.
 */
import { framed, linesHeight, shifted, text, TYPE, wrap } from './layout-kit.ts';
import type { Item, Scene } from './scene.ts';
import type { StorageModel, StoragePanel, StorageView } from './storage.ts';
import { ellipsize } from './svg-text.ts';

const HEAD = { ...TYPE.body, bold: true } as const;

/** Words of each kind of panel that are pictures' captions rather than facts, by how the protocol hands out mail. */
const PANEL: Record<StorageModel, { title: string; server: string; arrow: string; device: string }> = {
  download: { title: 'a copy on each device', server: 'Server: the maildrop, the inbox only', arrow: 'RETR: download', device: 'its own copies' },
  'server-mailbox': { title: 'one mailbox on the server', server: 'Server: the mailbox, folders and flags', arrow: 'FETCH, STORE: read, flag', device: 'shows the server’s mailbox' },
};

/** A box with a heading and lines of text; returns its items and height. */
function box(x: number, y: number, w: number, heading: string, lines: { text: string; cls: string; mono?: boolean }[], cls: string): { items: Item[]; h: number } {
  const head = wrap(heading, w - 16, HEAD);
  const items: Item[] = [text(x + 8, y + 6, head, HEAD, 'mw-dg-title')];
  let cy = y + 6 + linesHeight(head.length, HEAD) + 2;
  for (const l of lines) {
    const style = l.mono ? TYPE.codeSmall : TYPE.small;
    const wrapped = wrap(l.text, w - 16, style);
    items.push(text(x + 8, cy, wrapped, style, l.cls));
    cy += linesHeight(wrapped.length, style);
  }
  const h = cy - y + 6;
  return { items: [{ kind: 'rect', x, y, w, h, rx: 8, cls }, ...items], h };
}

/** One panel at (x, 0), `w` wide. */
function panel(p: StoragePanel, view: StorageView, x: number, w: number): { items: Item[]; h: number } {
  const words = PANEL[p.model];
  const onServer = p.model === 'server-mailbox';
  const items: Item[] = [];
  const title = wrap(`${p.label}: ${words.title}`, w, TYPE.title);
  items.push(text(x, 0, title, TYPE.title, 'mw-dg-title'));
  let y = linesHeight(title.length, TYPE.title) + 6;
  const max = Math.floor((w - 16) / 7.2);
  const messages = view.inbox.map((m) => ({ text: ellipsize(`${m.n} ${m.subject}${onServer && m.flags.length > 0 ? ` ${m.flags.join(' ')}` : ''}`, max), cls: 'mw-dg-label', mono: true }));
  const serverLines = !onServer
    ? [...messages, { text: 'dashed: kept only until a client deletes them', cls: 'mw-dg-note' }]
    : [{ text: view.folders.map((f) => (f.count > 0 ? `${f.name} (${f.count})` : f.name)).join(' · '), cls: 'mw-dg-note' }, ...messages];
  const server = box(x, y, w, `${words.server} (${view.user})`, serverLines, `mw-dg-box${onServer ? '' : ' mw-dg-dashed'}`);
  items.push({ kind: 'group', cls: 'mw-dg-server', items: server.items });
  y += server.h;

  const dw = (w - 12) / 2;
  const arrowTop = y;
  const label = wrap(words.arrow, w, TYPE.small);
  const arrowH = 22 + linesHeight(label.length, TYPE.small);
  y += arrowH;
  const copies = view.inbox.map((m) => String(m.n)).join(' ');
  const deviceLines = !onServer
    ? [{ text: words.device, cls: 'mw-dg-note' }, { text: copies, cls: 'mw-dg-label', mono: true }]
    : [{ text: words.device, cls: 'mw-dg-note' }, { text: view.folders.map((f) => f.name).join(' · '), cls: 'mw-dg-label' }];
  const devices = ['Laptop', 'Phone'].map((name, i) => box(x + i * (dw + 12), y, dw, name, deviceLines, 'mw-dg-box'));
  for (const [i, d] of devices.entries()) {
    const cx = x + i * (dw + 12) + dw / 2;
    const down = { kind: 'line' as const, points: [[cx, arrowTop], [cx, y]] as [number, number][], cls: 'mw-dg-edge', arrow: true };
    items.push({ kind: 'group', cls: 'mw-dg-device', items: [...d.items, down, ...(onServer ? [{ ...down, points: [...down.points].reverse() }] : [])] });
  }
  items.push(text(x + w / 2, arrowTop + 11, label, TYPE.small, 'mw-dg-label', 'middle', true));
  y += Math.max(...devices.map((d) => d.h)) + 10;

  for (const f of p.facts) {
    const lines = wrap(`${f.label}: ${f.text}`, w, TYPE.small);
    items.push(text(x, y, lines, TYPE.small, 'mw-dg-label'));
    y += linesHeight(lines.length, TYPE.small) + 2;
  }
  return { items: [{ kind: 'group', cls: `mw-dg-storage is-${p.protocol}`, data: { protocol: p.protocol }, items }], h: y };
}

/** POP3 beside IMAP (`wide`, 600 px) or POP3 above IMAP (320 px); `only` (a protocol's name) draws one of them. */
export function layoutStorage(view: StorageView, wide: boolean, only?: string): Scene {
  const panels = view.panels.filter((p) => only === undefined || p.protocol === only);
  const w = wide && panels.length === 2 ? 290 : wide ? 400 : 318;
  const items: Item[] = [];
  let y = 0;
  panels.forEach((one, i) => {
    const p = panel(one, view, wide ? i * (w + 16) : 0, w);
    items.push(...(wide ? p.items : shifted(p.items, 0, y)));
    y += p.h + 20;
  });
  return framed(items, 2);
}
