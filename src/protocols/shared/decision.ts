/**
 * The one shape every simulated server's pure step gives back (SMTP, POP3, IMAP alike): what one client line, or
 * a lost connection, does to a session. The step decides once; the state machine receives the decision with the
 * event and records it (its guards read `accepted` and `next`, its one assign applies `reply` and `patch`); the
 * session performs `effects` once, after the transition, outside any assign.
 */

/** What a protocol's pure step decided about one event. */
export interface Decision<Patch = object, Effect = unknown> {
  /** False: the current state does not take this command; `reply` is the refusal and nothing changes. */
  accepted: boolean;
  /** The reply lines (more may come from performing `effects`, such as SMTP's queue id after delivery). */
  reply: string[];
  /** The machine state the event leads to, as a dotted path ("transaction", "authorization.sasl"); undefined: it stays. */
  next: string | undefined;
  /** The context fields that change. */
  patch: Patch;
  /** What to do to the world once the machine has recorded the change: deliver, lock, unlock, expunge… */
  effects: readonly Effect[];
}

/** An event as the machine receives it: the client's line (or other event) with its decision. */
export type Decided<E, D extends Decision = Decision> = E & { decision: D };

/** A refusal: the state does not take the command, and `reply` says so. */
export function refused(reply: string[]): Decision<never, never> {
  return { accepted: false, reply, next: undefined, patch: {} as never, effects: [] };
}

/** Whether a decided event leads to `next` (undefined: stays where it is); what every server machine's guards ask. */
export function leadsTo(event: { decision?: Decision }, next: string | undefined): boolean {
  return event.decision !== undefined && event.decision.accepted && event.decision.next === next;
}
