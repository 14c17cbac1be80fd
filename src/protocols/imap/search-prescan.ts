/**
 * SEARCH's string work done ahead of the command, in slices, so a transport can give its other clients a turn
 * between them (the lab: one pathological SEARCH held every port for 13.9 s in issue 10). The command itself runs
 * unchanged afterwards: it takes the string sets the prescan built for the same strings, and where the prescan
 * holds a message's scan it reads that instead of scanning again. A scan depends only on the strings and the
 * message's octets, never on the session, so the replies are byte for byte what they would have been.
 *
 * Results are kept as bit sets (one shared empty set when nothing was found) within PRESCAN_BUDGET octets: past
 * it the rest is left to the command, so a prescan's memory is bounded however many messages there are.
 */
import type { StoredMessage } from '../shared/world.ts';
import { mimeOf } from './mime.ts';
import { parseSearch } from './search.ts';
import { stringKeys } from './search-keys.ts';
import { NeedleSet } from './search-text.ts';
import { feedLiteral } from './literal.ts';
import type { PendingLiteral } from './session-state.ts';
import { literalsToQuoted, openLiteral } from './tokenize.ts';

/** Characters read per slice: a few milliseconds even on the automaton's slowest path. */
export const SLICE_CHARS = 256 * 1024;
/** Octets of results one prescan may hold. */
export const PRESCAN_BUDGET = 8 * 1024 * 1024;


const NOTHING = new Uint8Array(0);
/** What one result costs besides its bits (a map entry), counted against the budget. */
const ENTRY_OCTETS = 64;

/** The prescans whose sets and results commands may use now (the lab runs at most one per connection). */
const active = new Set<Prescan>();

/** Prescans started and slices given back so far, for tests that bound the slicing by counting. */
export const prescanStats = { started: 0, slices: 0 };

/** How many prescans are running now (tests check that every one is released). */
export function prescansActive(): number {
  return active.size;
}

/** One SEARCH command's string sets and scans over a list of messages, done a slice at a time. */
export class Prescan {
  /** The strings of each set, by "text", "body" or "header <field>". */
  readonly #strings: Map<string, readonly string[]>;
  readonly #sets = new Map<string, NeedleSet>();
  readonly #results = new Map<NeedleSet, Map<StoredMessage, Uint8Array>>();
  readonly #messages: readonly StoredMessage[];
  readonly #budget: number;
  #held = 0;

  constructor(strings: Map<string, readonly string[]>, messages: readonly StoredMessage[], budget = PRESCAN_BUDGET) {
    this.#strings = strings;
    this.#messages = messages;
    this.#budget = budget;
    prescanStats.started += 1;
    active.add(this);
  }

  /** Builds the sets (one per step), then scans the messages' text and body, yielding every SLICE_CHARS characters. */
  *work(): Generator<void, void, void> {
    for (const [name, strings] of this.#strings) {
      this.#sets.set(name, new NeedleSet(strings));
      prescanStats.slices += 1;
      yield;
    }
    let budget = SLICE_CHARS;
    for (const message of this.#messages) {
      for (const region of ['text', 'body'] as const) {
        const set = this.#sets.get(region);
        if (!set || set.needles.length === 0) continue;
        if (this.#held + ENTRY_OCTETS + Math.ceil(set.needles.length / 8) > this.#budget) return;
        const scan = set.scanner(region === 'text' ? message.raw : mimeOf(message).body);
        for (;;) {
          const from = scan.position;
          const done = scan.step(budget);
          budget -= scan.position - from;
          if (done) break;
          if (budget <= 0) {
            prescanStats.slices += 1;
            yield;
            budget = SLICE_CHARS;
          }
        }
        this.#store(set, message, scan.found);
      }
      // Each message costs a little even when short: count it as a line's worth.
      if ((budget -= 100) <= 0) {
        prescanStats.slices += 1;
        yield;
        budget = SLICE_CHARS;
      }
    }
  }

  #store(set: NeedleSet, message: StoredMessage, found: Uint8Array): void {
    const results = this.#results.get(set) ?? this.#results.set(set, new Map()).get(set)!;
    this.#held += ENTRY_OCTETS;
    if (!found.includes(1)) return void results.set(message, NOTHING);
    const bits = new Uint8Array(Math.ceil(found.length / 8));
    found.forEach((hit, n) => {
      if (hit === 1) bits[n >> 3]! |= 1 << (n & 7);
    });
    this.#held += bits.length;
    results.set(message, bits);
  }

  /** The set built for these strings under this name, if this prescan has built it. */
  setFor(name: string, strings: readonly string[]): NeedleSet | undefined {
    const mine = this.#strings.get(name);
    if (!mine || mine.length !== strings.length || !mine.every((s, i) => s === strings[i])) return undefined;
    return this.#sets.get(name);
  }

  /** The scan of `set` over a message, as bits, if this prescan made it. */
  resultOf(set: NeedleSet, message: StoredMessage): Uint8Array | undefined {
    return this.#results.get(set)?.get(message);
  }

  /** Ends the prescan: commands build and scan for themselves again, and its results can be collected. */
  release(): void {
    active.delete(this);
  }
}

/**
 * A prescan for an IMAP SEARCH command's arguments (everything after SEARCH) over the selected messages, or
 * undefined when the command has no string keys (nothing else it does costs more than a pass over the flags).
 */
export function prescanSearch(args: string, messages: readonly StoredMessage[], budget = PRESCAN_BUDGET): Prescan | undefined {
  const parsed = parseSearch(args);
  if ('error' in parsed) return undefined;
  const { text, body, headers } = stringKeys(parsed.criteria);
  const strings = new Map<string, readonly string[]>();
  if (text.length > 0) strings.set('text', text);
  if (body.length > 0) strings.set('body', body);
  for (const [field, values] of headers) strings.set(`header ${field}`, values);
  return strings.size === 0 ? undefined : new Prescan(strings, [...messages], budget);
}

/** The set a running prescan built for these strings under this name ("text", "body", "header <field>"), if any. */
export function sharedSet(name: string, strings: readonly string[]): NeedleSet | undefined {
  for (const p of active) {
    const set = p.setFor(name, strings);
    if (set) return set;
  }
  return undefined;
}

/** What a prescan found of `set`'s strings in a message's region, as scan() gives it; undefined when none holds it. */
export function prescanned(message: StoredMessage, set: NeedleSet): Uint8Array | undefined {
  for (const p of active) {
    const bits = p.resultOf(set, message);
    if (bits === undefined) continue;
    const found = new Uint8Array(set.needles.length);
    for (let n = 0; n < found.length && n >> 3 < bits.length; n++) if (bits[n >> 3]! & (1 << (n & 7))) found[n] = 1;
    return found;
  }
  return undefined;
}

/**
 * The prescan of a SEARCH (or UID SEARCH) whose keys came as literals, on the line that completes the command:
 * undefined while octets are still owed, when another literal opens, or when the command is something else.
 */
export function prescanCompletedSearch(pending: PendingLiteral, line: string, messages: readonly StoredMessage[]): Prescan | undefined {
  const fed = feedLiteral(pending, line);
  if (!('done' in fed) || openLiteral(fed.done)) return undefined;
  let verb = pending.verb.toUpperCase();
  let args = fed.done;
  if (verb === 'UID') {
    const sp = args.indexOf(' ');
    verb = (sp < 0 ? args : args.slice(0, sp)).toUpperCase();
    args = sp < 0 ? '' : args.slice(sp + 1);
  }
  return verb === 'SEARCH' ? prescanSearch(literalsToQuoted(args), messages) : undefined;
}
