/** Helpers every command handler shares: argument scanning and Dovecot's error replies. */
import { commandError, TEXT } from '../replies.ts';
import type { CommandResult, ImapCommand, ImapState } from '../session-state.ts';
import { scanArgs, type ImapToken } from '../tokenize.ts';

/** The command's name as Dovecot prints it in errors: "FETCH", or "UID FETCH" for the UID form. */
export function verbName(c: ImapCommand): string {
  return c.uid ? `UID ${c.verb}` : c.verb;
}

/**
 * A BAD for arguments the server cannot read. Before login Dovecot's login process gives one generic text;
 * after login the text names the command and the problem. Both count toward the invalid-command limit.
 */
export function syntaxError(s: ImapState, c: ImapCommand, message: string = TEXT.invalidArguments): CommandResult {
  return { tagged: s.user === undefined ? TEXT.preLoginBad : commandError(verbName(c), message), bad: true, sync: 'none' };
}

/** The command's argument tokens, or the BAD to send. */
export function tokensOf(s: ImapState, c: ImapCommand): { tokens: ImapToken[] } | { fail: CommandResult } {
  const r = scanArgs(c.args);
  if ('tokens' in r) return { tokens: r.tokens };
  return { fail: syntaxError(s, c, 'error' in r ? r.error : TEXT.invalidArguments) };
}

/** Reads exactly `count` astrings (atoms or strings), or the BAD to send. */
export function stringArgs(s: ImapState, c: ImapCommand, count: number): { values: string[] } | { fail: CommandResult } {
  const t = tokensOf(s, c);
  if ('fail' in t) return t;
  if (t.tokens.length !== count || t.tokens.some((x) => x.kind === 'list')) return { fail: syntaxError(s, c) };
  return { values: t.tokens.map((x) => (x.kind === 'list' ? '' : x.value)) };
}

/** A mailbox name as given: INBOX in any case means INBOX (RFC 3501 §5.1); a trailing "." is dropped, as Dovecot does. */
export function mailboxName(name: string): string {
  if (name.toUpperCase() === 'INBOX') return 'INBOX';
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}
