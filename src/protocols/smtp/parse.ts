/**
 * Parsing client lines: the command verb and its arguments (RFC 5321 §4.1.1), paths (§4.1.2) and ESMTP
 * parameters (§4.1.2, Mail-parameters). Nothing here throws, and every loop is linear in the line's length.
 */
import { PATH_OCTETS } from './limits.ts';

/** A command line split at the first space: `MAIL FROM:<a@b>` is verb MAIL, args `FROM:<a@b>`. */
export interface CommandLine {
  /** The verb in upper case (verbs are case-insensitive, RFC 5321 §2.4). */
  verb: string;
  /** The rest of the line without surrounding spaces. */
  args: string;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** Removes spaces and tabs at both ends (not String.trim, which also eats NBSP and line breaks). */
export function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text[start])) start++;
  while (end > start && isBlank(text[end - 1])) end--;
  return text.slice(start, end);
}

/** Splits a command line into verb and arguments. */
export function parseCommand(text: string): CommandLine {
  const sp = text.indexOf(' ');
  const verb = sp < 0 ? text : text.slice(0, sp);
  return { verb: verb.toUpperCase(), args: sp < 0 ? '' : trimBlanks(text.slice(sp + 1)) };
}

/** A parsed path: the mailbox without angle brackets ('' for the null path `<>`) and what followed it. */
export type PathParse = { ok: true; address: string; rest: string } | { ok: false; error: 'syntax' | 'tooLong' };

const ATEXT = "A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~";
const DOT_STRING = new RegExp(`^[${ATEXT}]+(?:\\.[${ATEXT}]+)*$`);
const QUOTED_STRING = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const ADDRESS_LITERAL = /^\[[\x21-\x5a\x5e-\x7e]+\]$/;
const SOURCE_ROUTE = /^@[^:,]+(?:,@[^:,]+)*:/;

/** Whether `address` is a Mailbox (RFC 5321 §4.1.2): Local-part "@" (Domain / address-literal). */
export function isMailbox(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return (DOT_STRING.test(local) || QUOTED_STRING.test(local)) && (DOMAIN.test(domain) || ADDRESS_LITERAL.test(domain));
}

/** Whether the address is the bare `postmaster` every server must accept in RCPT (RFC 5321 §4.1.1.3). */
export function isBarePostmaster(address: string): boolean {
  return address.toLowerCase() === 'postmaster';
}

/** Index of the '>' closing a path that opens at 0, skipping quoted local parts; -1 if unclosed. */
function closingBracket(text: string): number {
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === '>' && !quoted) return i;
  }
  return -1;
}

/**
 * Reads a path at the start of `text`: `<mailbox>`, `<>`, or, as Postfix tolerates, a bare mailbox. A source
 * route (`<@a,@b:user@c>`) is accepted and dropped (RFC 5321 §4.1.2 and Appendix C). The caller decides
 * whether `<>` and the bare `postmaster` are allowed.
 */
export function parsePath(text: string): PathParse {
  let inner: string;
  let rest: string;
  if (text.startsWith('<')) {
    const close = closingBracket(text);
    if (close < 0) return { ok: false, error: 'syntax' };
    if (close + 1 > PATH_OCTETS) return { ok: false, error: 'tooLong' };
    inner = text.slice(1, close);
    rest = text.slice(close + 1);
  } else {
    const sp = text.indexOf(' ');
    inner = sp < 0 ? text : text.slice(0, sp);
    rest = sp < 0 ? '' : text.slice(sp);
    if (inner === '' || inner.length + 2 > PATH_OCTETS) return { ok: false, error: inner === '' ? 'syntax' : 'tooLong' };
  }
  if (rest !== '' && !rest.startsWith(' ')) return { ok: false, error: 'syntax' };
  const address = inner.replace(SOURCE_ROUTE, '');
  if (address !== '' && !isMailbox(address) && !isBarePostmaster(address)) return { ok: false, error: 'syntax' };
  return { ok: true, address, rest: trimBlanks(rest) };
}

/** One ESMTP parameter (RFC 5321 §4.1.2, esmtp-param): keyword in upper case, value if given, text as sent. */
export interface EsmtpParam {
  keyword: string;
  value: string | undefined;
  raw: string;
}

const KEYWORD = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const VALUE = /^[\x21-\x3c\x3e-\x7e]+$/;

/** Whether a parameter value follows the esmtp-value grammar (RFC 5321 §4.1.2). */
export function isEsmtpValue(value: string): boolean {
  return VALUE.test(value);
}

/**
 * Splits parameters at spaces. A parameter whose keyword breaks the esmtp-keyword grammar gets keyword
 * undefined; values are returned as sent, for each parameter's own check (so `SIZE=` is a bad size).
 */
export function parseParams(text: string): Array<EsmtpParam | { keyword: undefined; raw: string }> {
  const out: Array<EsmtpParam | { keyword: undefined; raw: string }> = [];
  for (const raw of text.split(' ')) {
    if (raw === '') continue;
    const eq = raw.indexOf('=');
    const keyword = eq < 0 ? raw : raw.slice(0, eq);
    if (!KEYWORD.test(keyword)) out.push({ keyword: undefined, raw });
    else out.push({ keyword: keyword.toUpperCase(), value: eq < 0 ? undefined : raw.slice(eq + 1), raw });
  }
  return out;
}

/** The text after a `FROM:` or `TO:` prefix (case-insensitive, spaces after the colon tolerated), or undefined. */
export function afterPrefix(args: string, prefix: 'FROM:' | 'TO:'): string | undefined {
  if (args.slice(0, prefix.length).toUpperCase() !== prefix) return undefined;
  return trimBlanks(args.slice(prefix.length));
}
