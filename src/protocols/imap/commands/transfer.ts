/**
 * Moving messages out: COPY (RFC 3501 §6.4.7) and MOVE (RFC 6851) with COPYUID (RFC 4315 §3), EXPUNGE
 * (RFC 3501 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1).
 */
import { TEXT, tryCreate } from '../replies.ts';
import { refusalText } from './append.ts';
import type { CommandResult, ImapCommand, ImapState } from '../session-state.ts';
import { formatSequenceSet, parseSequenceSet, resolveUids } from '../sequence-set.ts';
import { targetSeqs } from './messages.ts';
import { mailboxName, stringArgs, syntaxError } from './util.ts';
import type { ImapEffect } from '../effects.ts';

type Copied = { source: number[]; copies: number[]; validity: number; effects: ImapEffect[] } | CommandResult;

function copyMessages(s: ImapState, c: ImapCommand): Copied {
  const a = stringArgs(s, c, 2);
  if ('fail' in a) return a.fail;
  const seqs = targetSeqs(s, c, a.values[0]!);
  if (!Array.isArray(seqs)) return seqs;
  const view = s.view!;
  const name = mailboxName(a.values[1]!);
  const target = s.world.mailbox(view.user, name);
  if (!target) return { tagged: tryCreate(name), sync: 'none' };
  if (c.verb === 'MOVE' && view.readOnly) return { tagged: TEXT.moveReadOnly, sync: 'none' };
  const messages = seqs.map((n) => view.messages[n - 1]!);
  // Like Dovecot, nothing is copied when a message is already gone (RFC 5530 EXPUNGEISSUED).
  if (messages.some((m) => s.world.message(view.box, m.uid) !== m)) {
    return { tagged: 'NO [EXPUNGEISSUED] Some of the requested messages no longer exist.' };
  }
  // COPY adds to the user's mail and is refused whole when it does not fit; MOVE within the user's mailboxes adds
  // nothing. Stored messages passed the size limit already, so only the quota and the store are asked.
  if (c.verb !== 'MOVE') {
    const refused = s.world.refusal(view.user, messages.reduce((sum, m) => sum + m.size, 0), 0, messages.length);
    if (refused) return { tagged: refusalText(refused) };
  }
  const copies: number[] = [];
  const effects: ImapEffect[] = [];
  for (const m of messages) {
    const copy = s.world.planMessage(view.user, target.name, m.raw, [...m.flags], m.internalDate, copies.length);
    if (!copy) continue;
    copies.push(copy.uid);
    effects.push({ kind: 'store', user: view.user, mailbox: target.name, message: copy, dated: true });
    if (target === view.box) view.learn(copy);
  }
  return { source: messages.map((m) => m.uid), copies, validity: target.uidValidity, effects };
}

/** COPY: flags and internal date travel with the copy; COPYUID names the new UIDs. */
export function copy(s: ImapState, c: ImapCommand): CommandResult {
  const r = copyMessages(s, c);
  if (!('source' in r)) return r;
  if (r.source.length === 0) return { tagged: TEXT.noMessages };
  return { tagged: `OK [COPYUID ${r.validity} ${formatSequenceSet(r.source)} ${formatSequenceSet(r.copies)}] Copy completed.`, effects: r.effects };
}

/** MOVE: the COPYUID goes out untagged, then an EXPUNGE for each moved message (RFC 6851 §4.3, A.10 a024). */
export function move(s: ImapState, c: ImapCommand): CommandResult {
  const r = copyMessages(s, c);
  if (!('source' in r)) return r;
  if (r.source.length === 0) return { tagged: TEXT.noMessages };
  const view = s.view!;
  view.expunged(r.source);
  return {
    untagged: [`* OK [COPYUID ${r.validity} ${formatSequenceSet(r.source)} ${formatSequenceSet(r.copies)}] Moved UIDs.`],
    tagged: 'OK Move completed.',
    effects: [...r.effects, { kind: 'expunge', user: view.user, mailbox: view.box.name, uids: r.source }],
  };
}

function expungeUids(s: ImapState, uids: number[] | undefined): CommandResult {
  const view = s.view!;
  // Dovecot ignores EXPUNGE silently on a read-only mailbox (imap-expunge.c).
  if (view.readOnly || s.world.mailbox(view.user, view.box.name) !== view.box) return { tagged: 'OK Expunge completed.' };
  const only = uids && new Set(uids);
  const deleted = view.box.messages.filter((m) => m.flags.has('\\Deleted') && (!only || only.has(m.uid))).map((m) => m.uid);
  view.expunged(deleted);
  return { tagged: 'OK Expunge completed.', effects: [{ kind: 'expunge', user: view.user, mailbox: view.box.name, uids: deleted }] };
}

/** EXPUNGE: removes every \Deleted message, whoever set the flag; one "* n EXPUNGE" each. */
export function expunge(s: ImapState): CommandResult {
  return expungeUids(s, undefined);
}

/** UID EXPUNGE: only the \Deleted messages among the given UIDs. */
export function uidExpunge(s: ImapState, c: ImapCommand): CommandResult {
  const a = stringArgs(s, c, 1);
  if ('fail' in a) return a.fail;
  const ranges = parseSequenceSet(a.values[0]!);
  if (!ranges) return syntaxError(s, c, TEXT.invalidUidset);
  return expungeUids(s, resolveUids(ranges, s.view!.box.messages.map((m) => m.uid)));
}
