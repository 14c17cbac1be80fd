/**
 * The maildrop of one session: INBOX as it was at login, numbered from 1 (RFC 1939 §5). DELE only marks a
 * number; the world changes in UPDATE alone (RFC 1939 §6), so a dropped connection loses nothing.
 */
import type { MailWorld, StoredMessage } from '../shared/world.ts';
import { parseMessageNumber } from './parse.ts';
import { REPLY } from './replies.ts';
import type { MaildropEntry, Pop3Context } from './types.ts';

/** INBOX at login: every message's UID and size, and the UIDVALIDITY that makes UIDL strings. */
export function openMaildrop(world: MailWorld, user: string): { maildrop: MaildropEntry[]; uidValidity: number } {
  const box = world.mailbox(user, 'INBOX');
  return {
    maildrop: (box?.messages ?? []).map((m) => ({ uid: m.uid, size: m.size })),
    uidValidity: box?.uidValidity ?? 0,
  };
}

/** The messages not marked deleted, with their numbers: what STAT, LIST and UIDL count (RFC 1939 §5). */
export function visibleMessages(ctx: Pick<Pop3Context, 'maildrop' | 'deleted'>): Array<{ n: number; entry: MaildropEntry }> {
  const deleted = new Set(ctx.deleted);
  return ctx.maildrop.map((entry, i) => ({ n: i + 1, entry })).filter(({ n }) => !deleted.has(n));
}

/** STAT's two numbers: messages and octets, deleted ones left out (RFC 1939 §5). */
export function dropListing(ctx: Pick<Pop3Context, 'maildrop' | 'deleted'>): { count: number; octets: number } {
  const visible = visibleMessages(ctx);
  return { count: visible.length, octets: visible.reduce((sum, { entry }) => sum + entry.size, 0) };
}

/** A message number checked against the maildrop, or the -ERR line that refuses it. */
export type MessageRef = { ok: true; n: number; entry: MaildropEntry; rest: string } | { ok: false; reply: string };

/**
 * Resolves a "msg" argument (RFC 1939 §5: it may not refer to a deleted message) the way Dovecot's
 * get_msgnum() does: syntax first, then range, then the deleted mark.
 */
export function resolveMessage(ctx: Pick<Pop3Context, 'maildrop' | 'deleted'>, args: string, thenSpace: boolean): MessageRef {
  const parsed = parseMessageNumber(args, thenSpace);
  if (!parsed.ok) return parsed;
  const n = parsed.value;
  const entry = ctx.maildrop[n - 1];
  if (n === 0 || entry === undefined) return { ok: false, reply: REPLY.noSuchMessage(n) };
  if (ctx.deleted.includes(n)) return { ok: false, reply: REPLY.messageDeleted };
  return { ok: true, n, entry, rest: parsed.rest };
}

/** The stored message behind a maildrop entry; undefined if an IMAP session has expunged it since login. */
export function storedMessage(world: MailWorld, user: string, entry: MaildropEntry): StoredMessage | undefined {
  return world.mailbox(user, 'INBOX')?.messages.find((m) => m.uid === entry.uid);
}

/** The UIDs DELE marked, for the UPDATE state to expunge (RFC 1939 §6). */
export function markedUids(ctx: Pick<Pop3Context, 'maildrop' | 'deleted'>): number[] {
  return ctx.deleted.map((n) => ctx.maildrop[n - 1]?.uid).filter((uid): uid is number => uid !== undefined);
}
