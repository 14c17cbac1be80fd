/**
 * LIST and LSUB (RFC 3501 §6.3.8, §6.3.9). "*" matches anything, "%" anything but the delimiter ".". Each
 * mailbox carries \HasChildren or \HasNoChildren (CHILDREN, RFC 3348) and its special use (RFC 6154 §2);
 * a missing parent of a listed name shows as \Noselect, as Dovecot lists it.
 */
import type { MailUser } from '../../shared/world.ts';
import { imapAstring } from '../format.ts';
import type { CommandResult, ImapCommand, ImapState } from '../session-state.ts';
import { syntaxError, tokensOf } from './util.ts';

/** A pattern as a regular expression; INBOX is matched without regard to case (RFC 3501 §5.1). */
function matcher(pattern: string): (name: string) => boolean {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/%/g, '[^.]*');
  const exact = new RegExp(`^${source}$`);
  const folded = new RegExp(`^${source}$`, 'i');
  return (name) => exact.test(name) || (name === 'INBOX' && folded.test(name));
}

/** Names with every missing parent added just before its first child, e.g. "a.b" also gives "a". */
function withParents(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const parts = n.split('.');
    for (let i = 1; i <= parts.length; i++) {
      const name = parts.slice(0, i).join('.');
      if (!out.includes(name) && (i === parts.length || !names.includes(name))) out.push(name);
    }
  }
  return out;
}

function readPatterns(s: ImapState, c: ImapCommand): { pattern: string } | { fail: CommandResult } | { root: true } {
  const t = tokensOf(s, c);
  if ('fail' in t) return t;
  const [ref, mbox] = t.tokens;
  // LIST-EXTENDED selection options "(…)" are not offered, so a list here is a syntax error.
  if (t.tokens.length !== 2 || !ref || !mbox || ref.kind === 'list' || mbox.kind === 'list') return { fail: syntaxError(s, c) };
  if (mbox.value === '') return { root: true };
  return { pattern: ref.value + mbox.value };
}

function listLines(user: MailUser, pattern: string): string[] {
  const match = matcher(pattern);
  const boxes = [...user.mailboxes.values()];
  const names = boxes.map((b) => b.name);
  return withParents(names)
    .filter(match)
    .map((name) => {
      const box = user.mailboxes.get(name);
      const children = names.some((n) => n.startsWith(`${name}.`));
      const attrs = box
        ? [children ? '\\HasChildren' : '\\HasNoChildren', ...(box.specialUse ? [box.specialUse] : [])]
        : ['\\Noselect', '\\HasChildren'];
      return `* LIST (${attrs.join(' ')}) "." ${imapAstring(name)}`;
    });
}

/** LIST: `LIST "" ""` gives the delimiter and root; otherwise every mailbox the pattern matches. */
export function list(s: ImapState, c: ImapCommand): CommandResult {
  const p = readPatterns(s, c);
  if ('fail' in p) return p.fail;
  if ('root' in p) return { untagged: ['* LIST (\\Noselect) "." ""'], tagged: 'OK List completed.' };
  return { untagged: listLines(s.world.users.get(s.user!)!, p.pattern), tagged: 'OK List completed.' };
}

/** LSUB: the subscribed mailboxes the pattern matches; an unsubscribed parent that "%" reaches is \Noselect. */
export function lsub(s: ImapState, c: ImapCommand): CommandResult {
  const p = readPatterns(s, c);
  if ('fail' in p) return p.fail;
  if ('root' in p) return { untagged: ['* LSUB (\\Noselect) "." ""'], tagged: 'OK Lsub completed.' };
  const user = s.world.users.get(s.user!)!;
  const subscribed = [...user.mailboxes.values()].filter((b) => b.subscribed).map((b) => b.name);
  const match = matcher(p.pattern);
  const lines = withParents(subscribed)
    .filter(match)
    .map((name) => `* LSUB (${subscribed.includes(name) ? '' : '\\Noselect'}) "." ${imapAstring(name)}`);
  return { untagged: lines, tagged: 'OK Lsub completed.' };
}
