/**
 * Reading and marking messages in the selected state: FETCH (RFC 3501 §6.4.5), STORE (§6.4.6) and SEARCH
 * (§6.4.4), with their UID forms (§6.4.8). The data items and search keys come from fetch.ts and search.ts;
 * this module resolves sequence sets against the session's numbering and declares the flag changes (effects.ts).
 */
import type { StoredMessage } from '../../shared/world.ts';
import type { ImapEffect } from '../effects.ts';
import type { MailboxView } from '../mailbox-view.ts';
import { fetchSetsSeen, parseFetchItems, type FetchItem } from '../fetch.ts';
import { fetchLines, Prerender, PRERENDER_OCTETS } from '../fetch-prerender.ts';
import { parseFlags } from '../flags.ts';
import { commandError, sanitized, TEXT } from '../replies.ts';
import { parseSearch } from '../search.ts';
import { compileSearch } from '../search-match.ts';
import { findByUid } from '../../shared/uid-order.ts';
import { parseSequenceSet, resolveSequenceNumbers, uidIndexes } from '../sequence-set.ts';
import type { CommandResult, ImapCommand, ImapState } from '../session-state.ts';
import { literalsToQuoted, scanArgs } from '../tokenize.ts';
import { syntaxError, verbName } from './util.ts';

/** The sequence numbers a set names, or the BAD to send ("Invalid messageset" / "Invalid uidset", A.10 a027). */
export function targetSeqs(s: ImapState, c: ImapCommand, set: string): number[] | CommandResult {
  const view = s.view!;
  const ranges = parseSequenceSet(set);
  if (c.uid) {
    if (!ranges) return syntaxError(s, c, TEXT.invalidUidset);
    return uidIndexes(ranges, view.messages.map((m) => m.uid)).map((i) => i + 1);
  }
  const seqs = ranges && resolveSequenceNumbers(ranges, view.messages.length);
  return seqs ?? syntaxError(s, c, TEXT.invalidMessageset);
}

/**
 * A parser's error as reply text: the UID form names "UID FETCH" / "UID SEARCH", and client octets the error
 * quotes cannot break the line.
 */
function renamed(c: ImapCommand, error: string): string {
  return sanitized(c.uid ? error.replace(`IMAP command ${c.verb}:`, `IMAP command UID ${c.verb}:`) : error);
}

/** A flag change the command declares (made once it is recorded); the view shows the flags from now on. */
function flagsEffect(view: MailboxView, m: StoredMessage, flags: Iterable<string>): ImapEffect {
  const planned = view.plan(m, flags);
  return { kind: 'flags', user: view.user, mailbox: view.box.name, uid: m.uid, flags: [...planned], view };
}

/** Whether the message is still in the world (another session may have expunged it, or deleted its mailbox). */
function stored(s: ImapState, m: StoredMessage): boolean {
  const view = s.view!;
  return s.world.mailbox(view.user, view.box.name) === view.box && findByUid(view.box.messages, m.uid) === m;
}

/** The items with FLAGS first, as FETCH reports the flags of a message it marks \Seen (RFC 3501 §6.4.5). */
function withFlags(items: FetchItem[]): FetchItem[] {
  return items.some((i) => i.kind === 'FLAGS') ? items : [{ kind: 'FLAGS' }, ...items];
}

/** FETCH: BODY[…] without .PEEK sets \Seen (not when read-only) and reports FLAGS in the same response (§4.6). */
export function fetch(s: ImapState, c: ImapCommand): CommandResult {
  const sp = c.args.indexOf(' ');
  if (sp < 0) return syntaxError(s, c);
  const seqs = targetSeqs(s, c, c.args.slice(0, sp));
  if (!Array.isArray(seqs)) return seqs;
  const itemsText = literalsToQuoted(c.args.slice(sp + 1));
  const parsed = parseFetchItems(itemsText);
  if ('error' in parsed) return { tagged: `BAD ${renamed(c, parsed.error)}`, bad: true, sync: 'none' };
  const view = s.view!;
  const lines: string[] = [];
  const effects: ImapEffect[] = [];
  const setsSeen = fetchSetsSeen(parsed.items) && !view.readOnly;
  for (const seq of seqs) {
    const m = view.messages[seq - 1]!;
    let items: FetchItem[] = parsed.items;
    let marked = false;
    if (setsSeen && !view.flagsOf(m).has('\\Seen') && stored(s, m)) {
      effects.push(flagsEffect(view, m, [...view.flagsOf(m), '\\Seen']));
      items = withFlags(items);
      marked = true;
    }
    // Literals make several lines, one push each: a 10 MB body has more lines than a spread call may pass.
    // A response the lab rendered ahead in slices is taken when nothing it depends on changed (fetch-prerender.ts).
    for (const line of fetchLines(m, items, view.flagsOf(m), { seq, itemsText, uid: c.uid, recent: view.recent.has(m.uid), marked })) lines.push(line);
  }
  return { untagged: lines, tagged: 'OK Fetch completed.', sync: c.uid ? 'all' : 'noExpunge', effects };
}

/**
 * FETCH's big responses to render ahead in slices (the lab, fetch-prerender.ts), or undefined when the command
 * would fail or has nothing big to render.
 */
export function fetchPreparation(s: ImapState, c: ImapCommand): Prerender | undefined {
  const sp = c.args.indexOf(' ');
  const view = s.view;
  if (sp < 0 || !view) return undefined;
  const seqs = targetSeqs(s, c, c.args.slice(0, sp));
  const itemsText = literalsToQuoted(c.args.slice(sp + 1));
  const parsed = parseFetchItems(itemsText);
  // Only the octets of a message make a response big; its flags, envelope or structure are cheap.
  if (!Array.isArray(seqs) || 'error' in parsed || !parsed.items.some((i) => ['BODY[section]', 'RFC822', 'RFC822.TEXT'].includes(i.kind))) return undefined;
  const setsSeen = fetchSetsSeen(parsed.items) && !view.readOnly;
  const jobs = seqs.flatMap((seq) => {
    const m = view.messages[seq - 1]!;
    if (m.size < PRERENDER_OCTETS) return [];
    // A message this FETCH will mark \Seen is rendered as it will be then: with \Seen, and FLAGS among the items.
    const marked = setsSeen && !view.flagsOf(m).has('\\Seen');
    const flags = marked ? [...view.flagsOf(m), '\\Seen'] : [...view.flagsOf(m)];
    return [{ m, items: marked ? withFlags(parsed.items) : parsed.items, flags, inputs: { seq, itemsText, uid: c.uid, recent: view.recent.has(m.uid), marked } }];
  });
  return jobs.length > 0 ? new Prerender(jobs) : undefined;
}

const STORE_ITEM = /^([+-]?)FLAGS(\.SILENT)?$/i;

/** STORE: +FLAGS, -FLAGS or FLAGS, each with .SILENT; the echo carries \Recent, and UID with UID STORE. */
export function store(s: ImapState, c: ImapCommand): CommandResult {
  const scanned = scanArgs(c.args);
  if (!('tokens' in scanned)) return syntaxError(s, c, 'error' in scanned ? scanned.error : undefined);
  const [set, item, ...rest] = scanned.tokens;
  if (set?.kind !== 'atom') return syntaxError(s, c);
  const seqs = targetSeqs(s, c, set.value);
  if (!Array.isArray(seqs)) return seqs;
  const mode = item?.kind === 'atom' ? STORE_ITEM.exec(item.value) : null;
  if (!mode) return syntaxError(s, c);
  const flagTokens = rest.length === 1 && rest[0]!.kind === 'list' ? rest[0]!.items : rest;
  const parsed = parseFlags(flagTokens);
  if ('error' in parsed) return { tagged: commandError(verbName(c), parsed.error), bad: true, sync: 'none' };
  const sync = c.uid ? 'all' : 'noExpunge';
  // Dovecot answers OK and changes nothing (A.10 a031); RFC 3501 §6.3.2 only forbids the change itself.
  if (s.view!.readOnly) return { tagged: TEXT.storeReadOnly, sync };
  const view = s.view!;
  const echoes: string[] = [];
  const effects: ImapEffect[] = [];
  for (const seq of seqs) {
    const m = view.messages[seq - 1]!;
    if (!stored(s, m)) continue;
    const now = view.flagsOf(m);
    const next = mode[1] === '+' ? [...now, ...parsed.flags] : mode[1] === '-' ? [...now].filter((f) => !parsed.flags.includes(f)) : parsed.flags;
    effects.push(flagsEffect(view, m, next));
    view.touched(m);
    if (!mode[2]) echoes.push(`* ${seq} FETCH (${c.uid ? `UID ${m.uid} ` : ''}FLAGS ${view.flagText(m)})`);
  }
  return { untagged: [...view.newKeywordLines(), ...echoes], tagged: 'OK Store completed.', sync, effects };
}

/** SEARCH: "* SEARCH" with the matching sequence numbers, or UIDs for UID SEARCH. */
export function search(s: ImapState, c: ImapCommand): CommandResult {
  const parsed = parseSearch(literalsToQuoted(c.args));
  if ('error' in parsed) {
    // An unknown CHARSET is a NO [BADCHARSET] (RFC 3501 §6.4.4); everything else is a BAD.
    if (parsed.error.startsWith('[')) return { tagged: `NO ${sanitized(parsed.error)}`, sync: 'none' };
    return { tagged: `BAD ${renamed(c, parsed.error)}`, bad: true, sync: 'none' };
  }
  const view = s.view!;
  const now = s.world.clock.peek();
  const maxSeq = view.messages.length;
  const maxUid = view.messages.at(-1)?.uid ?? 0;
  const matches = compileSearch(parsed.criteria, { maxSeq, maxUid });
  const hits: number[] = [];
  view.messages.forEach((message, i) => {
    if (matches({ message, seq: i + 1, uid: message.uid, maxSeq, maxUid, recent: view.recent.has(message.uid), now })) hits.push(c.uid ? message.uid : i + 1);
  });
  return { untagged: [hits.length > 0 ? `* SEARCH ${hits.join(' ')}` : '* SEARCH'], tagged: 'OK Search completed.', sync: c.uid ? 'all' : 'noExpunge' };
}
