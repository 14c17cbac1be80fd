/**
 * Mailbox management in the authenticated state (RFC 3501 §6.3): CREATE, DELETE, RENAME, SUBSCRIBE,
 * UNSUBSCRIBE and STATUS, with NAMESPACE (RFC 2342) and ENABLE (RFC 5161). One personal namespace, "." as the
 * hierarchy delimiter, as Dovecot's default Maildir++ layout has.
 */
import type { Mailbox } from '../../shared/world.ts';
import { imapAstring } from '../format.ts';
import { commandError, isMutf7, nonexistent, TEXT } from '../replies.ts';
import type { ImapEffect } from '../effects.ts';
import type { CommandResult, ImapCommand, ImapState } from '../session-state.ts';
import { mailboxName, stringArgs, syntaxError, tokensOf } from './util.ts';

/** Whether a name can be a mailbox: printable US-ASCII, not empty, no wildcards, no empty hierarchy level. */
export function isValidMailboxName(name: string): boolean {
  return name !== '' && isMutf7(name) && !/[*%]/.test(name) && !name.startsWith('.') && !name.includes('..') && name.length <= 255;
}

/** CREATE (RFC 3501 §6.3.3). */
export function create(s: ImapState, c: ImapCommand): CommandResult {
  const a = stringArgs(s, c, 1);
  if ('fail' in a) return a.fail;
  const name = mailboxName(a.values[0]!);
  if (!isValidMailboxName(name)) return { tagged: TEXT.invalidName };
  // MailWorld.createMailbox refuses exactly this: a name the user already has (INBOX in any case).
  if (s.world.mailbox(s.user!, name)) return { tagged: TEXT.alreadyExists };
  return { tagged: 'OK Create completed.', effects: [{ kind: 'create', user: s.user!, mailbox: name }] };
}

/** DELETE (RFC 3501 §6.3.4). Deleting the selected mailbox ends the session, as in Dovecot. */
export function remove(s: ImapState, c: ImapCommand): CommandResult {
  const a = stringArgs(s, c, 1);
  if ('fail' in a) return a.fail;
  const name = mailboxName(a.values[0]!);
  if (name === 'INBOX') return { tagged: TEXT.inboxUndeletable };
  const box = s.world.mailbox(s.user!, name);
  if (!box) return { tagged: nonexistent(name) };
  const selected = s.view?.box === box;
  const effects: ImapEffect[] = [{ kind: 'delete', user: s.user!, mailbox: name }];
  if (!selected) return { tagged: 'OK Delete completed.', effects };
  s.view?.close();
  return { tagged: 'OK Delete completed.', after: [TEXT.selectedDeleted], state: { view: undefined }, next: 'logout', closed: true, sync: 'none', effects };
}

/** RENAME (RFC 3501 §6.3.5): inferior names move with the mailbox; renaming INBOX moves its messages. */
export function rename(s: ImapState, c: ImapCommand): CommandResult {
  const a = stringArgs(s, c, 2);
  if ('fail' in a) return a.fail;
  const from = mailboxName(a.values[0]!);
  const to = mailboxName(a.values[1]!);
  const user = s.user!;
  const box = s.world.mailbox(user, from);
  if (!box) return { tagged: nonexistent(from) };
  if (!isValidMailboxName(to)) return { tagged: TEXT.invalidName };
  if (s.world.mailbox(user, to)) return { tagged: TEXT.alreadyExists };
  if (to.startsWith(`${box.name}.`)) return { tagged: "NO [CANNOT] Can't rename mailbox under its own child." };
  const old = box.name;
  const children = old === 'INBOX' ? [] : [...s.world.users.get(user)!.mailboxes.keys()].filter((n) => n.startsWith(`${old}.`));
  const effects: ImapEffect[] = [{ kind: 'rename', user, from, to }, ...children.map((child): ImapEffect => ({ kind: 'rename', user, from: child, to: to + child.slice(old.length) }))];
  // Renaming INBOX expunges every message it holds under this session's name (MailWorld.renameMailbox): report
  // them if INBOX is selected here, as the view would find them gone once the rename is made.
  if (old === 'INBOX' && s.view?.box === box) s.view.expunged(s.view.messages.map((m) => m.uid));
  return { tagged: 'OK Rename completed.', effects };
}

function setSubscribed(s: ImapState, c: ImapCommand, on: boolean): CommandResult {
  const a = stringArgs(s, c, 1);
  if ('fail' in a) return a.fail;
  const name = mailboxName(a.values[0]!);
  const box = s.world.mailbox(s.user!, name);
  if (!box) return { tagged: nonexistent(name) };
  return { tagged: on ? 'OK Subscribe completed.' : 'OK Unsubscribe completed.', effects: [{ kind: 'subscribe', user: s.user!, mailbox: box.name, on }] };
}

/** SUBSCRIBE (RFC 3501 §6.3.6). */
export function subscribe(s: ImapState, c: ImapCommand): CommandResult {
  return setSubscribed(s, c, true);
}

/** UNSUBSCRIBE (RFC 3501 §6.3.7). */
export function unsubscribe(s: ImapState, c: ImapCommand): CommandResult {
  return setSubscribed(s, c, false);
}

/** NAMESPACE (RFC 2342 §5): one personal namespace with an empty prefix, no others' or shared ones. */
export function namespace(): CommandResult {
  return { untagged: ['* NAMESPACE (("" ".")) NIL NIL'], tagged: 'OK Namespace completed.' };
}

/** ENABLE (RFC 5161): this rev1 server enables nothing, so, like Dovecot, it sends no "* ENABLED" line (A.13). */
export function enable(s: ImapState, c: ImapCommand): CommandResult {
  const t = tokensOf(s, c);
  if ('fail' in t) return t.fail;
  if (t.tokens.length === 0 || t.tokens.some((x) => x.kind !== 'atom')) return syntaxError(s, c);
  return { tagged: TEXT.enabled };
}

const STATUS_ITEMS = ['MESSAGES', 'RECENT', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN'] as const;

function statusValue(s: ImapState, box: Mailbox, item: (typeof STATUS_ITEMS)[number]): number {
  switch (item) {
    case 'MESSAGES':
      return box.messages.length;
    case 'RECENT':
      // Recent for whoever selects next: not yet claimed, or claimed by this session's own selection.
      return box.messages.filter((m) => m.recentOwner === undefined || (s.view?.box === box && s.view.recent.has(m.uid))).length;
    case 'UIDNEXT':
      return box.uidNext;
    case 'UIDVALIDITY':
      return box.uidValidity;
    case 'UNSEEN':
      return box.messages.filter((m) => !m.flags.has('\\Seen')).length;
  }
}

/** STATUS (RFC 3501 §6.3.10): items answered in Dovecot's fixed order, whatever order they were asked in (A.10). */
export function status(s: ImapState, c: ImapCommand): CommandResult {
  const t = tokensOf(s, c);
  if ('fail' in t) return t.fail;
  const [nameTok, list] = t.tokens;
  if (t.tokens.length !== 2 || !nameTok || nameTok.kind === 'list' || list?.kind !== 'list' || list.items.length === 0) return syntaxError(s, c);
  const wanted = new Set<string>();
  for (const item of list.items) {
    const upper = item.kind === 'atom' ? item.value.toUpperCase() : '';
    if (!(STATUS_ITEMS as readonly string[]).includes(upper)) return { tagged: commandError('STATUS', `Invalid status item ${upper || 'list'}`), bad: true, sync: 'none' };
    wanted.add(upper);
  }
  const name = mailboxName(nameTok.value);
  const box = s.world.mailbox(s.user!, name);
  if (!box) return { tagged: nonexistent(name) };
  const values = STATUS_ITEMS.filter((i) => wanted.has(i)).map((i) => `${i} ${statusValue(s, box, i)}`);
  return { untagged: [`* STATUS ${imapAstring(box.name)} (${values.join(' ')})`], tagged: 'OK Status completed.' };
}
