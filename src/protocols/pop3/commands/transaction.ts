/**
 * Commands of the TRANSACTION state (RFC 1939 §5, §7; RFC 2449 §5), worded as Dovecot 2.3's pop3 process.
 * Only QUIT changes the world, through the UPDATE state (RFC 1939 §6); here DELE and RSET just mark.
 */
import { capabilities } from '../auth.ts';
import { messageLines, multiLine, topLines, uidlString } from '../format.ts';
import { dropListing, resolveMessage, storedMessage, visibleMessages } from '../maildrop.ts';
import { parseLineCount } from '../parse.ts';
import { REPLY } from '../replies.ts';
import type { Pop3Context, Pop3Step, Pop3Verb } from '../types.ts';

const stay = (reply: string[], patch?: Partial<Pop3Context>): Pop3Step => ({ outcome: 'stay', reply, patch });

/** RETR n and TOP n k: the message, or the lines TOP asks for, byte-stuffed (RFC 1939 §3, §5, §7). */
function fetchMessage(ctx: Pop3Context, args: string, top: boolean): Pop3Step {
  const ref = resolveMessage(ctx, args, top);
  if (!ref.ok) return stay([ref.reply]);
  const count = top ? parseLineCount(ref.rest) : undefined;
  if (count && !count.ok) return stay([count.reply]);
  const stored = storedMessage(ctx.world, ctx.user ?? '', ref.entry);
  if (!stored) return stay([REPLY.expunged(ref.n)]);
  if (count) return stay(multiLine(REPLY.ok, topLines(stored.raw, count.value)));
  return stay(multiLine(`+OK ${ref.entry.size} octets`, messageLines(stored.raw)));
}

/** LIST [n] and UIDL [n]: every message not marked deleted, or one (RFC 1939 §5, §7). */
function listing(ctx: Pop3Context, args: string, item: (n: number, uid: number, size: number) => string, heading: string): Pop3Step {
  if (args === '') return stay(multiLine(heading, visibleMessages(ctx).map(({ n, entry }) => item(n, entry.uid, entry.size))));
  const ref = resolveMessage(ctx, args, false);
  return stay([ref.ok ? `+OK ${item(ref.n, ref.entry.uid, ref.entry.size)}` : ref.reply]);
}

/** A command after login. `verb` is the upper-case verb as typed; unknown ones are named in the reply. */
export function transactionCommand(ctx: Pop3Context, verb: Pop3Verb | undefined, typed: string, rawArgs: string): Pop3Step {
  // Dovecot's pop3 process skips spaces before the arguments.
  const args = rawArgs.replace(/^ +/, '');
  switch (verb) {
    case 'CAPA':
      return stay(multiLine(REPLY.ok, capabilities(ctx)));
    case 'STAT': {
      const { count, octets } = dropListing(ctx);
      return stay([`+OK ${count} ${octets}`]);
    }
    case 'LIST':
      return listing(ctx, args, (n, _uid, size) => `${n} ${size}`, `+OK ${dropListing(ctx).count} messages:`);
    case 'UIDL':
      return listing(ctx, args, (n, uid) => `${n} ${uidlString(uid, ctx.uidValidity)}`, REPLY.ok);
    case 'RETR':
      return fetchMessage(ctx, args, false);
    case 'TOP':
      return fetchMessage(ctx, args, true);
    case 'DELE': {
      const ref = resolveMessage(ctx, args, false);
      if (!ref.ok) return stay([ref.reply]);
      return stay([REPLY.markedDeleted], { deleted: [...ctx.deleted, ref.n].sort((a, b) => a - b) });
    }
    case 'NOOP':
      return stay([REPLY.ok]);
    case 'RSET':
      return stay([REPLY.ok], { deleted: [] });
    case 'QUIT':
      return { outcome: 'quit', reply: [ctx.deleted.length > 0 ? REPLY.loggingOutDeleted : REPLY.loggingOut], patch: { closed: true } };
    case undefined:
      return stay([REPLY.unknown(typed)]);
    default:
      // USER, PASS, APOP, AUTH and STLS belong to AUTHORIZATION; Dovecot's pop3 process does not know them.
      return { outcome: 'notAllowed', reply: [REPLY.unknown(typed)] };
  }
}
