/**
 * Draws the journey of mail-path.ts two ways: a column for phones (places top to bottom, each hop's words beside
 * its arrow) and a row for wide screens (places left to right, the hops' words under the row). Every position
 * follows from the words' measured size; DNS sits beside the sending server, which consults it on the way.
 */
import { framed, linesHeight, text, TYPE, widthOf, wrap } from './layout-kit.ts';
import { portLines, type Hop, type Place } from './mail-path.ts';
import type { Item, Point, Rect, Scene } from './scene.ts';

const BOX_TITLE = { font: 'sans', size: 13, bold: true } as const;

/** A place's box at (x, y), `w` wide, its height from its words. */
function placeBox(place: Place, x: number, y: number, w: number, minH = 0): { items: Item; box: Rect } {
  const title = wrap(place.title, w - 14, BOX_TITLE);
  const role = wrap(place.role, w - 14, TYPE.small);
  const h = Math.max(minH, 12 + linesHeight(title.length, BOX_TITLE) + linesHeight(role.length, TYPE.small));
  const box = { x, y, w, h };
  const items: Item = {
    kind: 'group', cls: 'mw-dg-place', data: { place: place.id }, items: [
      { kind: 'rect', ...box, rx: 8, cls: 'mw-dg-box' },
      text(x + w / 2, y + 6, title, BOX_TITLE, 'mw-dg-title', 'middle'),
      text(x + w / 2, y + 6 + linesHeight(title.length, BOX_TITLE), role, TYPE.small, 'mw-dg-note', 'middle'),
    ],
  };
  return { items, box };
}

/** The lines of a hop's label: title, then protocol and ports, or its short note. */
function hopLines(hop: Hop, width: number): { title: string[]; rest: string[] } {
  const rest = [...(hop.protocol ? [hop.protocol, ...portLines(hop)] : hop.note ? [hop.note] : [])].flatMap((l) => wrap(l, width, TYPE.small));
  return { title: wrap(hop.title, width - 24, TYPE.body), rest };
}

/** A hop's number in a circle, and its words starting at (x, y), `width` wide. Returns the items and their height. */
function hopLabel(hop: Hop, x: number, y: number, width: number): { items: Item[]; h: number; w: number } {
  const { title, rest } = hopLines(hop, width);
  const titleH = linesHeight(title.length, { ...TYPE.body, bold: true });
  return {
    w: Math.max(24 + widthOf(title, { ...TYPE.body, bold: true }), widthOf(rest, TYPE.small)),
    items: [
      ...numberMark(hop.n, x + 10, y + 9),
      text(x + 24, y, title, { ...TYPE.body, bold: true }, 'mw-dg-title'),
      text(x, y + titleH + 2, rest, TYPE.small, 'mw-dg-label'),
    ],
    h: titleH + 2 + linesHeight(rest.length, TYPE.small),
  };
}

/** A numbered circle. */
function numberMark(n: number, cx: number, cy: number): Item[] {
  return [{ kind: 'circle', cx, cy, r: 10, cls: 'mw-dg-num' }, text(cx, cy - 8, [String(n)], { font: 'sans', size: 12, bold: true }, 'mw-dg-num-text', 'middle')];
}

function hopGroup(hop: Hop, items: Item[]): Item {
  return { kind: 'group', cls: `mw-dg-hop${hop.ports.length === 0 ? ' is-aside' : ''}`, data: { hop: String(hop.n) }, items };
}

const arrow = (points: Point[], dashed = false): Item => ({ kind: 'line', points, cls: dashed ? 'mw-dg-edge mw-dg-dashed' : 'mw-dg-edge', arrow: true });

/** The phone drawing: one column of places, each hop's words to the right of its arrow. */
export function layoutMailPathNarrow(places: readonly Place[], hops: readonly Hop[]): Scene {
  const place = (id: Place['id']) => places.find((p) => p.id === id)!;
  const hop = (from: Place['id'], to: Place['id']) => hops.find((h) => h.from === from && h.to === to)!;
  const BW = 148;
  const DNS_W = 136;
  const DNS_X = 320 - DNS_W;
  const ax = BW / 2;
  const items: Item[] = [];
  let y = 0;
  const column = ['sender', 'msa', 'mx', 'mailbox', 'reader'] as const;
  let previous: Rect | undefined;
  for (const [i, id] of column.entries()) {
    if (previous) {
      const h = hop(column[i - 1]!, id);
      let labelTop = y + 12;
      if (id === 'mx') {
        // The MX lookup's words go under the DNS box, and the relay's words after them.
        const lookup = hop('msa', 'dns');
        const l = hopLabel(lookup, DNS_X, y + 8, DNS_W);
        items.push(hopGroup(lookup, l.items));
        labelTop = y + 8 + l.h + 12;
      }
      const label = hopLabel(h, ax + 22, labelTop, 320 - ax - 22);
      const bottom = labelTop + label.h + 14;
      items.push(hopGroup(h, [arrow([[ax, previous.y + previous.h], [ax, bottom]]), ...label.items]));
      y = bottom;
    }
    const { items: boxItems, box } = placeBox(place(id), 0, y, BW);
    items.push(boxItems);
    let rowBottom = y + box.h;
    if (id === 'msa') {
      const dns = placeBox(place('dns'), DNS_X, y, DNS_W, box.h);
      items.push(dns.items);
      const lookup = hop('msa', 'dns');
      const my = y + box.h / 2;
      items.push(hopGroup(lookup, [arrow([[BW, my], [DNS_X, my]], true)]));
      rowBottom = Math.max(rowBottom, dns.box.y + dns.box.h);
    }
    previous = box;
    y = rowBottom;
  }
  return framed(items, 2, 320);
}

/**
 * The wide drawing, a U: the sender, the provider and the recipient's server along the top with DNS above the
 * provider, then down to the mailbox and back left to the recipient's device. Words sit in the free space
 * beside each arrow.
 */
export function layoutMailPathWide(places: readonly Place[], hops: readonly Hop[]): Scene {
  const place = (id: Place['id']) => places.find((p) => p.id === id)!;
  const hop = (to: Place['id']) => hops.find((h) => h.to === to)!;
  const BW = 148;
  const GAP = 75;
  const X = [0, BW + GAP, 2 * (BW + GAP)] as const;
  const items: Item[] = [];

  // Row 0: DNS above the provider; the MX lookup's words left of its arrow, the relay's right of it.
  const dns = placeBox(place('dns'), X[1], 0, BW);
  const lookupX = X[1] + BW / 2;
  const lookup = hopLabel(hop('dns'), 0, 0, lookupX - 12);
  const relay = hopLabel(hop('mx'), X[1] + BW + 8, 0, BW + GAP - 8);
  const top = dns.box.h + Math.max(54, lookup.h + 24, relay.h + 24);
  const rowH = Math.max(...(['sender', 'msa', 'mx'] as const).map((id) => placeBox(place(id), 0, 0, BW).box.h));
  (['sender', 'msa', 'mx'] as const).forEach((id, i) => items.push(placeBox(place(id), X[i]!, top, BW, rowH).items));
  items.push(dns.items);
  const mid = top + rowH / 2;
  const lookupTop = top - 12 - lookup.h;
  items.push(hopGroup(hop('dns'), [arrow([[lookupX, top], [lookupX, dns.box.h]], true), ...hopLabel(hop('dns'), lookupX - 12 - lookup.w, lookupTop, lookupX - 12).items]));
  items.push(hopGroup(hop('mx'), [arrow([[X[1] + BW, mid], [X[2], mid]]), ...hopLabel(hop('mx'), X[1] + BW + 8, top - 12 - relay.h, BW + GAP - 8).items]));

  // Row 1 to 2: the submission's words under the sender, the delivery's left of its downward arrow.
  const submission = hopLabel(hop('msa'), X[0] + 10, top + rowH + 12, BW + GAP - 20);
  items.push(hopGroup(hop('msa'), [arrow([[X[0] + BW, mid], [X[1], mid]]), ...submission.items]));
  const deliveryX = X[2] + BW / 2;
  const deliveryWidth = deliveryX - X[1] - BW - 18;
  const deliveryW = hopLabel(hop('mailbox'), 0, 0, deliveryWidth).w;
  const delivery = hopLabel(hop('mailbox'), deliveryX - 12 - deliveryW, top + rowH + 12, deliveryWidth);
  const row2 = top + rowH + Math.max(48, submission.h + 20, delivery.h + 24);
  items.push(hopGroup(hop('mailbox'), [arrow([[deliveryX, top + rowH], [deliveryX, row2]]), ...delivery.items]));

  // Row 2: the mailbox under the recipient's server, the device to its left; the reading's words below.
  const h2 = Math.max(placeBox(place('mailbox'), 0, 0, BW).box.h, placeBox(place('reader'), 0, 0, BW).box.h);
  const mailbox = placeBox(place('mailbox'), X[2], row2, BW, h2);
  const reader = placeBox(place('reader'), X[1], row2, BW, h2);
  items.push(mailbox.items, reader.items);
  const reading = hopLabel(hop('reader'), X[1] + BW + 8, row2 + h2 + 12, BW + GAP - 8);
  items.push(hopGroup(hop('reader'), [arrow([[X[2], row2 + h2 / 2], [X[1] + BW, row2 + h2 / 2]]), ...reading.items]));
  return framed(items, 2, 600);
}
