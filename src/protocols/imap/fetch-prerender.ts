/**
 * FETCH responses for big messages rendered ahead of the command, in slices, so a transport can give its other
 * clients a turn between them (the lab: a FETCH 1:* of a 50 MiB mailbox held every port for about half a
 * second). The command runs unchanged afterwards and takes a prerendered response only when everything it
 * depends on is what it was (the message, its sequence number, the items, the UID form, \Recent and the flags,
 * \Seen included when the FETCH sets it); otherwise it renders as ever. So the replies are byte for byte the same.
 */
import type { StoredMessage } from '../shared/world.ts';
import { renderFetch, type FetchItem } from './fetch.ts';

/** Characters split into lines per slice. */
export const RENDER_SLICE_CHARS = 256 * 1024;
/** Messages at least this large are rendered ahead; smaller ones cost the command little. */
export const PRERENDER_OCTETS = 64 * 1024;

/** What a rendering depends on besides the message. */
export interface RenderInputs {
  seq: number;
  /** The items as the client wrote them (after literals became quoted strings): same text, same items. */
  itemsText: string;
  uid: boolean;
  recent: boolean;
  /** This FETCH marks the message \Seen: FLAGS is among the items and the flags are those after. */
  marked: boolean;
}

interface Rendered extends RenderInputs {
  flags: string;
  lines: string[];
}

const active = new Set<Prerender>();

/** Prerenders running now (tests check that every one is released). */
export function prerendersActive(): number {
  return active.size;
}

const flagsKey = (flags: ReadonlySet<string>): string => [...flags].join(' ');


/** The lines of `* seq FETCH (…)` for one message: what FETCH pushes for it. */
export function fetchLines(m: StoredMessage, items: FetchItem[], inputs: RenderInputs): string[] {
  for (const p of active) {
    const r = p.lookup(m);
    if (r && r.seq === inputs.seq && r.itemsText === inputs.itemsText && r.uid === inputs.uid && r.recent === inputs.recent && r.marked === inputs.marked && r.flags === flagsKey(m.flags)) return r.lines;
  }
  const data = `* ${inputs.seq} FETCH (${renderFetch(m, items, { uid: inputs.uid, recent: inputs.recent, flags: m.flags })})`;
  return data.includes('\r\n') ? data.split('\r\n') : [data];
}

/** One FETCH command's big responses, rendered a slice at a time. */
export class Prerender {
  readonly #jobs: Array<{ m: StoredMessage; items: FetchItem[]; flags: string[]; inputs: RenderInputs }>;
  readonly #done = new Map<StoredMessage, Rendered>();

  /** `flags` are those the message will have when the command renders it (with \Seen when it marks it). */
  constructor(jobs: Array<{ m: StoredMessage; items: FetchItem[]; flags: string[]; inputs: RenderInputs }>) {
    this.#jobs = jobs;
    active.add(this);
  }

  /** Renders each message and splits it into lines, yielding every RENDER_SLICE_CHARS characters. */
  *work(): Generator<void, void, void> {
    for (const { m, items, flags: shown, inputs } of this.#jobs) {
      const flags = flagsKey(new Set(shown));
      const data = `* ${inputs.seq} FETCH (${renderFetch(m, items, { uid: inputs.uid, recent: inputs.recent, flags: new Set(shown) })})`;
      const lines: string[] = [];
      let from = 0;
      let budget = RENDER_SLICE_CHARS;
      for (;;) {
        const end = data.indexOf('\r\n', from);
        lines.push(data.slice(from, end < 0 ? data.length : end));
        if (end < 0) break;
        budget -= end + 2 - from;
        from = end + 2;
        if (budget <= 0) {
          yield;
          budget = RENDER_SLICE_CHARS;
        }
      }
      this.#done.set(m, { ...inputs, flags, lines });
      yield;
    }
  }

  /** The response rendered for a message, if any. */
  lookup(m: StoredMessage): Rendered | undefined {
    return this.#done.get(m);
  }

  /** Ends the prerender: its lines belong to the reply now, or to nobody. */
  release(): void {
    active.delete(this);
  }
}
