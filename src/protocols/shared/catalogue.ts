/** The shape of a protocol's explanation catalogue: what each code or token means, and what to say first in context. */
import type { ReplyExplanation } from './explanation.ts';
import type { ContextEntry, ContextNote } from './reply-context.ts';
import type { SessionView } from './session-types.ts';

/** A protocol's reply catalogue and context rules (src/protocols/<p>/replies.ts and context-rules.ts). */
export interface ReplyCatalogue {
  /** What a code, status or response code means, or undefined for one the catalogue does not know. */
  explain(token: string): ReplyExplanation | undefined;
  /** What to say first about the latest reply in `entries`, given the session's view after it. */
  inContext(entries: readonly ContextEntry[], view: SessionView): ContextNote | undefined;
}
