/**
 * IMAP string forms for server output (RFC 3501 §4.3, §9): quoted strings, literals, atoms, NIL, flag lists.
 * Input strings are binary strings (one char per octet), so a literal's {n} is simply the string length.
 */

// quoted = DQUOTE *QUOTED-CHAR DQUOTE, QUOTED-CHAR = any TEXT-CHAR (CHAR %x01-7F without CR and LF).
const QUOTABLE = /^[\x01-\x09\x0b\x0c\x0e-\x7f]*$/;
// ATOM-CHAR = any CHAR except atom-specials: ( ) { SP CTL % * " \ ] (RFC 3501 §9).
const ATOM = /^[^\x00-\x20\x7f-\uffff(){%*"\\\]]+$/;

/** Whether a string can be sent as a quoted string (no NUL, CR, LF or 8-bit octet). */
export function isQuotable(s: string): boolean {
  return QUOTABLE.test(s);
}

/** A quoted string with `\` and `"` escaped; callers use imapString when s may hold CR, LF, NUL or 8-bit octets. */
export function imapQuoted(s: string): string {
  return `"${s.replace(/["\\]/g, '\\$&')}"`;
}

/** A literal: `{n}` CRLF and the n octets (RFC 3501 §4.3). */
export function imapLiteral(s: string): string {
  return `{${s.length}}\r\n${s}`;
}

/** A string: quoted when it can be, else a literal. */
export function imapString(s: string): string {
  return isQuotable(s) ? imapQuoted(s) : imapLiteral(s);
}

/** An astring: a bare atom when every char is an ATOM-CHAR, else a string ("NIL" is quoted so no client reads it as nil). */
export function imapAstring(s: string): string {
  return ATOM.test(s) && s.toUpperCase() !== 'NIL' ? s : imapString(s);
}

/** An nstring: NIL for undefined, else a string. */
export function imapNString(s: string | undefined): string {
  return s === undefined ? 'NIL' : imapString(s);
}

// Dovecot's order (imap-util.c imap_write_flags): system flags in this order, \Recent, then keywords as stored.
const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft'];
// Each system flag's bit, by the spelling the store uses (parseFlags writes them so) and in lower case.
const BIT = new Map<string, number>(SYSTEM_FLAGS.flatMap((f, i) => [[f, 1 << i], [f.toLowerCase(), 1 << i]]));
const RECENT_BIT = 1 << SYSTEM_FLAGS.length;
BIT.set('\\Recent', RECENT_BIT).set('\\recent', RECENT_BIT);

/** A parenthesized flag list as FETCH FLAGS, STORE echoes and FLAGS responses show it, e.g. `(\Seen \Recent)`. */
export function imapFlagList(flags: Iterable<string>, recent: boolean): string {
  let bits = 0;
  let keywords = '';
  for (const f of flags) {
    const bit = BIT.get(f) ?? (f.startsWith('\\') ? BIT.get(f.toLowerCase()) : undefined);
    if (bit !== undefined) bits |= bit;
    else keywords += ` ${f}`;
  }
  let out = '';
  for (let i = 0; i < SYSTEM_FLAGS.length; i++) if (bits & (1 << i)) out += ` ${SYSTEM_FLAGS[i]}`;
  if (recent) out += ' \\Recent';
  return `(${(out + keywords).slice(1)})`;
}
