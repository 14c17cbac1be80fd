/**
 * Which session has which mailbox selected, per world. A session learning of a new message uses it to tell
 * whether the session that added the message (the change's origin) has that mailbox selected read-write and so
 * claims its \Recent flag itself, as Dovecot's appending session does (reference A.12, B4; RFC 3501 §2.3.2).
 */
import type { Mailbox, MailWorld } from '../shared/world.ts';

/** One session's selection. */
export interface Selection {
  user: string;
  box: Mailbox;
  readOnly: boolean;
}

const selections = new WeakMap<MailWorld, Map<string, Selection>>();

function selectionsOf(world: MailWorld): Map<string, Selection> {
  let map = selections.get(world);
  if (!map) selections.set(world, (map = new Map()));
  return map;
}

/** Records that a session selected (or examined) a mailbox. */
export function selectMailbox(world: MailWorld, sessionId: string, selection: Selection): void {
  selectionsOf(world).set(sessionId, selection);
}

/** Forgets a session's selection of this mailbox (a later SELECT may already have replaced it). */
export function releaseSelection(world: MailWorld, sessionId: string, box: Mailbox): void {
  const map = selectionsOf(world);
  if (map.get(sessionId)?.box === box) map.delete(sessionId);
}

/** Whether `origin` has this mailbox selected read-write, so it claims the \Recent of what it adds. */
export function originClaims(world: MailWorld, origin: string | undefined, user: string, box: Mailbox): boolean {
  if (origin === undefined) return false;
  const s = selectionsOf(world).get(origin);
  return !!s && s.user === user && s.box === box && !s.readOnly;
}
