/** Numbers the sources of a table once each, so cells can point to a shared, numbered list. */
import { sourceHref, sourceLabel, type Source } from '../../data/index.ts';

/** One numbered entry of a table's source list. */
export interface NumberedSource {
  /** 1-based number shown in the cells. */
  n: number;
  /** Fragment id of the list item. */
  id: string;
  /** Link target. */
  href: string;
  /** Readable label, e.g. "RFC 3501 §6.4.4". */
  label: string;
}

/** Collects sources in first-use order and hands out their numbers. */
export class SourceIndex {
  readonly #byHref = new Map<string, NumberedSource>();

  readonly #prefix: string;

  /** @param prefix makes the fragment ids unique on a page with several tables. */
  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** The numbered entries for these sources, adding new ones at the end. */
  refs(sources: readonly Source[]): NumberedSource[] {
    return sources.map((s) => {
      const href = sourceHref(s);
      let entry = this.#byHref.get(href);
      if (!entry) {
        const n = this.#byHref.size + 1;
        entry = { n, id: `${this.#prefix}-source-${n}`, href, label: sourceLabel(s) };
        this.#byHref.set(href, entry);
      }
      return entry;
    });
  }

  /** All entries, in number order. */
  get list(): NumberedSource[] {
    return [...this.#byHref.values()];
  }
}
