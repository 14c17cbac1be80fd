/**
 * APPEND (RFC 3501 §6.3.11) with a synchronizing literal "{n}" (the server answers "+ OK" before the octets)
 * or a LITERAL+ one "{n+}" (RFC 7888: no wait). The mailbox, flags, date and size are checked before the
 * octets: a NO [TRYCREATE] then replaces the "+", and a client that sends the octets anyway sees each line
 * taken as a command (reference A.10). After a "{n+}", the octets are read and dropped instead.
 */
import { MONTH_NAMES } from '../../shared/clock.ts';
import { parseFlags } from '../flags.ts';
import type { StoreRefusal } from '../../shared/limits.ts';
import { beginLiteral } from '../literal.ts';
import { commandError, TEXT, tryCreate } from '../replies.ts';
import { phaseOf, type CommandResult, type ImapCommand, type ImapPhase, type ImapState } from '../session-state.ts';
import { scanArgs, type ImapToken, type OpenLiteral } from '../tokenize.ts';
import { mailboxName, syntaxError } from './util.ts';
import type { ImapEffect } from '../effects.ts';

const DATE_TIME = /^( ?\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** Parses an IMAP date-time (RFC 3501 §9 `date-time`), e.g. "21-Nov-2026 09:00:01 +0100", or undefined. */
export function parseDateTime(text: string): Date | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const month = MONTH_NAMES.findIndex((n) => n.toLowerCase() === m[2]!.toLowerCase());
  const [day, year, h, min, sec, zh, zm] = [m[1], m[3], m[4], m[5], m[6], m[8], m[9]].map((x) => Number(x!.trim()));
  if (month < 0 || day! < 1 || h! > 23 || min! > 59 || sec! > 60 || zm! > 59) return undefined;
  if (day! > new Date(Date.UTC(year!, month + 1, 0)).getUTCDate()) return undefined;
  const offset = (m[7] === '-' ? -1 : 1) * (zh! * 60 + zm!) * 60000;
  return new Date(Date.UTC(year!, month, day!, h!, min!, sec!) - offset);
}

interface AppendArgs {
  mailbox: string;
  flags: string[];
  date: Date | undefined;
}

/** Reads mailbox [flag-list] [date-time]; the literal follows. */
function readArgs(s: ImapState, c: ImapCommand, tokens: ImapToken[]): AppendArgs | CommandResult {
  const [box, ...rest] = tokens;
  if (!box || box.kind === 'list') return syntaxError(s, c);
  let flags: string[] = [];
  let date: Date | undefined;
  let next = rest.shift();
  if (next?.kind === 'list') {
    const parsed = parseFlags(next.items);
    if ('error' in parsed) return { tagged: commandError('APPEND', parsed.error), bad: true, sync: 'none' };
    flags = parsed.flags;
    next = rest.shift();
  }
  if (next?.kind === 'string') {
    date = parseDateTime(next.value);
    if (!date) return { tagged: TEXT.invalidDate, sync: 'none' };
    next = rest.shift();
  }
  if (next) return syntaxError(s, c);
  return { mailbox: mailboxName(box.value), flags, date };
}

/**
 * The command line ends in a literal. When it is the message (the mailbox came before it), everything is
 * checked now; otherwise (the mailbox itself is a literal) undefined lets the literal be read as usual.
 */
export function appendLiteral(s: ImapState, c: ImapCommand, open: OpenLiteral): CommandResult | undefined {
  const marker = /\{\d{1,10}\+?\}$/.exec(c.args);
  if (!marker) return undefined;
  const scanned = scanArgs(c.args.slice(0, marker.index));
  if ('open' in scanned || ('tokens' in scanned && scanned.tokens.length === 0)) return undefined;
  const phase = `${phaseOf(s)}.literal` as ImapPhase;
  const fail = (r: CommandResult): CommandResult =>
    open.sync ? r : { ...r, state: { literal: beginLiteral(c, '', open, true) }, next: phase };
  if ('error' in scanned) return fail(syntaxError(s, c, scanned.error));
  const args = readArgs(s, c, scanned.tokens);
  if (!('mailbox' in args)) return fail(args);
  if (!s.world.mailbox(s.user!, args.mailbox)) return fail({ tagged: tryCreate(args.mailbox), sync: 'none' });
  // Refused before the octets come: a client that waits for "+" never sends them (RFC 7889 §4).
  const refused = s.world.refusal(s.user!, open.size);
  if (refused) return fail({ tagged: refusalText(refused), sync: 'none' });
  if (open.size === 0) return fail({ tagged: TEXT.emptyMessage, sync: 'none' });
  return { untagged: open.sync ? [TEXT.literalContinue] : [], state: { literal: beginLiteral(c, c.args, open, false) }, next: phase, sync: 'none' };
}

/** The NO for a message the store cannot take: too big (TOOBIG), over the user's quota or the store full (OVERQUOTA). */
export function refusalText(r: StoreRefusal): string {
  return r === 'tooBig' ? TEXT.tooLarge : r === 'overQuota' ? TEXT.overQuota : TEXT.storeFull;
}

/** APPEND with its literal in place: plans the message (stored once the step is recorded) and answers with APPENDUID (RFC 4315 §3). */
export function append(s: ImapState, c: ImapCommand): CommandResult {
  const scanned = scanArgs(c.args);
  if (!('tokens' in scanned)) return syntaxError(s, c, 'error' in scanned ? scanned.error : undefined);
  const message = scanned.tokens.at(-1);
  if (message?.kind !== 'string' || !message.literal) return syntaxError(s, c);
  const args = readArgs(s, c, scanned.tokens.slice(0, -1));
  if (!('mailbox' in args)) return args;
  const box = s.world.mailbox(s.user!, args.mailbox);
  if (!box) return { tagged: tryCreate(args.mailbox) };
  const refused = s.world.refusal(s.user!, message.value.length);
  if (refused) return { tagged: refusalText(refused) };
  if (message.value.length === 0) return { tagged: TEXT.emptyMessage };
  const planned = s.world.planMessage(s.user!, box.name, message.value, args.flags, args.date);
  if (!planned) return { tagged: tryCreate(args.mailbox) };
  if (s.view?.box === box) s.view.learn(planned);
  const effects: ImapEffect[] = [{ kind: 'store', user: s.user!, mailbox: box.name, message: planned, dated: args.date !== undefined }];
  return { tagged: `OK [APPENDUID ${box.uidValidity} ${planned.uid}] Append completed.`, effects };
}
