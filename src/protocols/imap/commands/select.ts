/**
 * Opening and leaving a mailbox: SELECT and EXAMINE (RFC 3501 §6.3.1–6.3.2), CLOSE (§6.4.2), UNSELECT
 * (RFC 3691) and CHECK (§6.4.1).
 */
import { MailboxView } from '../mailbox-view.ts';
import { nonexistent, TEXT } from '../replies.ts';
import type { ImapEffect } from '../effects.ts';
import type { CommandResult, ImapCommand, ImapState } from '../session-state.ts';
import { mailboxName, stringArgs } from './util.ts';

function open(s: ImapState, c: ImapCommand, readOnly: boolean): CommandResult {
  const a = stringArgs(s, c, 1);
  if ('fail' in a) return a.fail;
  // A new SELECT closes the old mailbox first, without expunging (RFC 3501 §6.3.1); Dovecot says so with [CLOSED].
  const closed = s.view ? [TEXT.previousClosed] : [];
  s.view?.close();
  const name = mailboxName(a.values[0]!);
  const box = s.world.mailbox(s.user!, name);
  // The A.13 capture shows Dovecot's SELECT NO without a code; the brief asks for RFC 5530's NONEXISTENT.
  // A failed SELECT leaves no mailbox selected (RFC 3501 §6.3.1).
  if (!box) return { untagged: closed, tagged: nonexistent(name), state: { view: undefined }, next: 'authenticated', sync: 'none' };
  const view = new MailboxView(s.world, s.user!, box, s.sessionId, readOnly);
  return {
    untagged: [...closed, ...view.selectLines()],
    tagged: readOnly ? 'OK [READ-ONLY] Examine completed.' : 'OK [READ-WRITE] Select completed.',
    state: { view },
    next: 'selected',
    sync: 'none',
  };
}

/** SELECT: read-write; this session claims \Recent of every message nobody has seen yet. */
export function select(s: ImapState, c: ImapCommand): CommandResult {
  return open(s, c, false);
}

/** EXAMINE: read-only, PERMANENTFLAGS (), and no \Recent claimed. */
export function examine(s: ImapState, c: ImapCommand): CommandResult {
  return open(s, c, true);
}

/** CLOSE: expunges \Deleted messages silently when read-write, then back to authenticated. */
export function close(s: ImapState): CommandResult {
  const view = s.view!;
  const effects: ImapEffect[] = [];
  // A mailbox another session deleted meanwhile is no longer the world's: nothing to expunge there.
  if (!view.readOnly && s.world.mailbox(view.user, view.box.name) === view.box) {
    const deleted = view.box.messages.filter((m) => m.flags.has('\\Deleted')).map((m) => m.uid);
    if (deleted.length > 0) effects.push({ kind: 'expunge', user: view.user, mailbox: view.box.name, uids: deleted });
  }
  view.close();
  return { tagged: 'OK Close completed.', state: { view: undefined }, next: 'authenticated', sync: 'none', effects };
}

/** UNSELECT: back to authenticated without expunging anything. */
export function unselect(s: ImapState): CommandResult {
  s.view!.close();
  return { tagged: 'OK Unselect completed.', state: { view: undefined }, next: 'authenticated', sync: 'none' };
}

/** CHECK: a checkpoint; an in-memory store has nothing to flush, but pending updates go out. */
export function check(): CommandResult {
  return { tagged: TEXT.checkOk };
}
