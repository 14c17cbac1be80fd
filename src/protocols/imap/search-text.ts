/**
 * Finding many SEARCH strings in one pass over a text (Aho–Corasick), ignoring ASCII case as RFC 3501 §6.4.4 asks:
 * the cost is the text's length plus the strings', whatever their number. So a 64 KiB command of 7,000 TEXT keys
 * reads a 10 MB message once, not 7,000 times. Octets above 127 compare as they are (UTF-8 bytes match UTF-8 bytes).
 * A few ASCII strings are looked for with the engine's own case-insensitive search instead, still a bounded
 * number of passes and several times faster than a pass in JavaScript.
 */

/** Work done by text scans so far, for tests that bound it by counting rather than timing. */
export const textScans = { count: 0, octets: 0 };

// A full transition table up to this many cells (4 MiB); past it, a compact trie with failure links.
const TABLE_CELLS = 1 << 20;
// With this few distinct first characters, the scan jumps to the next one natively while no string is under way.
const SKIP_FIRSTS = 8;
// Up to this many strings, all ASCII, each gets a native search of its own.
const NATIVE_STRINGS = 4;

/**
 * A case-insensitive RegExp for an ASCII string. Without the u flag, /i folds no character above 127 to ASCII
 * (ECMA-262 Canonicalize), so for ASCII strings it is exactly RFC 3501's ASCII-only case folding.
 */
function asciiPattern(s: string): RegExp {
  return new RegExp(s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'i');
}

/** ASCII-only lower case, so 8-bit octets of UTF-8 text are compared unchanged. */
export const foldAscii = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** A character written safely inside a RegExp character class (case-insensitive folding is the flag's job). */
function escapeClassChar(ch: string): string {
  return /[\\\]\[^-]/.test(ch) ? `\\${ch}` : ch;
}

/** A scan under way: which needles were found so far, how far it has read, and a step that reads on. */
export interface TextScan {
  readonly found: Uint8Array;
  readonly position: number;
  /** Reads up to `chars` more characters; true once the scan is over (the text read, or every needle found). */
  step(chars: number): boolean;
}

/** A set of strings compiled for scanning. */
export class NeedleSet {
  /** The strings, folded to lower case, duplicates and the empty string left out. */
  readonly needles: readonly string[];
  readonly #index = new Map<string, number>();
  readonly #classOf = new Uint16Array(256);
  readonly #wideClass = new Map<number, number>();
  readonly #width: number;
  readonly #fail: Int32Array;
  /** Needle indexes ending at each state, and the next state down the failure chain that has any. */
  readonly #out: number[][];
  readonly #outLink: Int32Array;
  readonly #table: Int32Array | undefined;
  readonly #edges: Map<number, number>;
  /** The characters that begin a string, either case; only these can leave the root. */
  readonly #firsts: RegExp | undefined;
  /** One native search per string, when there are few and all are ASCII. */
  readonly #patterns: RegExp[] | undefined;
  /** The scan in which each state last reported its strings (a number per scan instead of a new array). */
  readonly #reportedIn: Uint32Array;
  #scans = 0;

  /**
   * `tableCells` bounds the full transition table; past it (or with 0) scanning follows failure links instead.
   * `native: false` keeps a few ASCII strings in the automaton too (tests use both options to try every path).
   */
  constructor(strings: readonly string[], { tableCells = TABLE_CELLS, native = true }: { tableCells?: number; native?: boolean } = {}) {
    const folded = [...new Set(strings.map(foldAscii))].filter((s) => s !== '');
    this.needles = folded;
    folded.forEach((s, i) => this.#index.set(s, i));
    let classes = 1;
    for (const s of folded) {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 256 ? this.#classOf[c] === 0 : !this.#wideClass.has(c)) {
          if (c < 256) this.#classOf[c] = classes;
          else this.#wideClass.set(c, classes);
          if (c >= 97 && c <= 122) this.#classOf[c - 32] = classes;
          classes += 1;
        }
      }
    }
    this.#width = classes;
    // The trie: state 0 is the root; an edge is keyed state * width + class.
    this.#edges = new Map();
    const out: number[][] = [[]];
    folded.forEach((s, index) => {
      let state = 0;
      for (let i = 0; i < s.length; i++) {
        const key = state * classes + this.#classOfCode(s.charCodeAt(i));
        let next = this.#edges.get(key);
        if (next === undefined) {
          next = out.length;
          out.push([]);
          this.#edges.set(key, next);
        }
        state = next;
      }
      out[state]!.push(index);
    });
    this.#out = out;
    const firsts = new Set(folded.map((s) => s[0]!));
    this.#firsts = firsts.size > SKIP_FIRSTS ? undefined : new RegExp(`[${[...firsts].map(escapeClassChar).join('')}]`, 'gi');
    this.#patterns = native && folded.length <= NATIVE_STRINGS && folded.every((s) => /^[\x00-\x7f]*$/.test(s)) ? folded.map(asciiPattern) : undefined;
    this.#reportedIn = new Uint32Array(out.length);
    this.#fail = new Int32Array(out.length);
    this.#outLink = new Int32Array(out.length).fill(-1);
    this.#table = out.length * classes <= tableCells ? new Int32Array(out.length * classes) : undefined;
    this.#link();
  }

  #classOfCode(c: number): number {
    return c < 256 ? this.#classOf[c]! : (this.#wideClass.get(c) ?? 0);
  }

  /** Failure links in breadth-first order, and the full table when it fits. */
  #link(): void {
    const width = this.#width;
    const children = new Map<number, Array<[number, number]>>();
    for (const [key, child] of this.#edges) {
      const parent = Math.floor(key / width);
      (children.get(parent) ?? children.set(parent, []).get(parent)!).push([key - parent * width, child]);
    }
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [cls, child] of children.get(state) ?? []) {
        if (state !== 0) this.#fail[child] = this.#next(this.#fail[state]!, cls);
        const f = this.#fail[child]!;
        this.#outLink[child] = this.#out[f]!.length > 0 ? f : this.#outLink[f]!;
        queue.push(child);
      }
      if (this.#table) for (let cls = 0; cls < width; cls++) this.#table[state * width + cls] = this.#next(state, cls);
    }
  }

  /** The state after reading class `cls` in `state` (states nearer the root are already in the table). */
  #next(state: number, cls: number): number {
    for (let s = state; ; s = this.#fail[s]!) {
      const child = this.#edges.get(s * this.#width + cls);
      if (child !== undefined) return child;
      if (s === 0) return 0;
      if (this.#table && s !== state) return this.#table[s * this.#width + cls]!;
    }
  }

  /** Which needles occur in `text` (by index), read once from start to end; stops early once all are found. */
  scan(text: string): Uint8Array {
    const scan = this.scanner(text);
    scan.step(Number.POSITIVE_INFINITY);
    return scan.found;
  }

  /**
   * The same scan, able to stop and go on: each `step(chars)` reads up to `chars` more characters and says whether
   * the scan is over, so a long text can be read in slices with other work between them (the lab's SEARCH).
   */
  scanner(text: string): TextScan {
    const found = new Uint8Array(this.needles.length);
    textScans.count += 1;
    let missing = this.needles.length;
    if (missing === 0) return { found, position: text.length, step: () => true };
    const set = this;
    if (this.#patterns) {
      const patterns = this.#patterns;
      // A few native searches: each is fast, so they run in one step.
      let position = 0;
      return {
        found,
        get position() {
          return position;
        },
        step() {
          patterns.forEach((re, n) => {
            const at = text.search(re);
            textScans.octets += at < 0 ? text.length : at + set.needles[n]!.length;
            if (at >= 0) found[n] = 1;
          });
          position = text.length;
          return true;
        },
      };
    }
    if (this.#scans === 0xffffffff) (this.#reportedIn.fill(0), (this.#scans = 0));
    // A state reported under another scan's stamp is reported again: harmless, as reporting only sets found[n].
    const stamp = ++this.#scans;
    let state = 0;
    let i = 0;
    return {
      found,
      get position() {
        return i;
      },
      step(chars: number): boolean {
        const end = Math.min(text.length, i + chars);
        const from = i;
        [i, state, missing] = set.#run(text, i, end, state, found, missing, stamp);
        textScans.octets += i - from;
        if (missing === 0) i = text.length;
        return i >= text.length;
      },
    };
  }

  /** Reads text[i, end) from `state`; gives where it stopped, the state there, and how many needles are still missing. */
  #run(text: string, i: number, end: number, state: number, found: Uint8Array, missing: number, stamp: number): [number, number, number] {
    const reported = this.#reportedIn;
    const width = this.#width;
    const table = this.#table;
    const firsts = this.#firsts;
    for (; i < end && missing > 0; i++) {
      if (state === 0 && firsts) {
        // At the root nothing is under way: skip to the next character that can begin a string.
        firsts.lastIndex = i;
        if (!firsts.test(text) || firsts.lastIndex > end) {
          i = end;
          break;
        }
        i = firsts.lastIndex - 1;
      }
      const c = text.charCodeAt(i);
      const cls = c < 256 ? this.#classOf[c]! : (this.#wideClass.get(c) ?? 0);
      state = table ? table[state * width + cls]! : this.#next(state, cls);
      // Each state reports its needles once per scan, so matches cost O(states) in all, not O(text × needles).
      for (let s = this.#out[state]!.length > 0 ? state : this.#outLink[state]!; s > 0 && reported[s] !== stamp; s = this.#outLink[s]!) {
        reported[s] = stamp;
        for (const n of this.#out[s]!) if (found[n] === 0) (found[n] = 1), (missing -= 1);
      }
    }
    return [i, state, missing];
  }

  /** The index of a string given to the constructor, or -1 for the empty string (which every text contains). */
  indexOf(s: string): number {
    return this.#index.get(foldAscii(s)) ?? -1;
  }
}
