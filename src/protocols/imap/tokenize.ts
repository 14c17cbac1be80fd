/**
 * The IMAP command line (RFC 3501 §2.2.1, §4, §9): "tag SP command [SP arguments]", where arguments are atoms,
 * quoted strings, literals and parenthesized lists. A literal "{n}" / "{n+}" (RFC 7888) ends a line; its n
 * octets follow the CRLF. The session assembles such a command into one text with the CRLF and octets in place,
 * and this module reads it back. Nothing here throws on client input.
 */

import { isValidTag } from './command-tag.ts';

export { isValidTag };

/** One argument (RFC 3501 §4): NIL is an atom, left for the command to interpret. */
export type ImapToken =
  | { kind: 'atom'; value: string }
  | { kind: 'string'; value: string; literal: boolean }
  | { kind: 'list'; items: ImapToken[] };

/** A literal whose octets have not arrived yet: `sync` is false for LITERAL+ "{n+}" (RFC 7888 §3). */
export interface OpenLiteral {
  size: number;
  sync: boolean;
}

/** What scanning arguments gives: tokens, a syntax error in Dovecot's words, or a literal still to come. */
export type ScanResult = { tokens: ImapToken[] } | { error: string } | { open: OpenLiteral };

/** A command line split into tag, command name (upper case) and the raw arguments. */
export interface CommandLine {
  tag: string | undefined;
  verb: string;
  args: string;
}

const LITERAL = /^\{(\d{1,10})(\+?)\}/;

/** Splits a line at its first two spaces; an invalid or missing tag is `undefined`. */
export function splitCommandLine(line: string): CommandLine {
  const sp = line.indexOf(' ');
  const first = sp < 0 ? line : line.slice(0, sp);
  const rest = sp < 0 ? '' : line.slice(sp + 1);
  const sp2 = rest.indexOf(' ');
  const verb = (sp2 < 0 ? rest : rest.slice(0, sp2)).toUpperCase();
  const args = sp2 < 0 ? '' : rest.slice(sp2 + 1);
  return { tag: isValidTag(first) ? first : undefined, verb, args };
}

function isAtomEnd(c: string): boolean {
  return c === ' ' || c === '(' || c === ')' || c === '"';
}

/** Reads a quoted string starting at `i` (the opening quote); returns the value and the index after it. */
function readQuoted(text: string, i: number): { value: string; end: number } | undefined {
  let value = '';
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === '"') return { value, end: j + 1 };
    if (c === '\\') {
      const next = text[j + 1];
      if (next !== '"' && next !== '\\') return undefined;
      value += next;
      j++;
    } else if (c === '\0' || c === '\r' || c === '\n') return undefined;
    else value += c;
  }
  return undefined;
}

/**
 * Scans the arguments after the command name. A literal marker at the very end is an open literal; inside
 * assembled text it is followed by CRLF and its octets, which become a string token.
 */
export function scanArgs(text: string): ScanResult {
  const stack: ImapToken[][] = [[]];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const top = stack[stack.length - 1]!;
    if (c === ' ') {
      i++;
    } else if (c === '(') {
      const items: ImapToken[] = [];
      top.push({ kind: 'list', items });
      stack.push(items);
      i++;
    } else if (c === ')') {
      if (stack.length === 1) return { error: "Unexpected ')'" };
      stack.pop();
      i++;
    } else if (c === '"') {
      const q = readQuoted(text, i);
      if (!q) return { error: "Missing '\"'" };
      top.push({ kind: 'string', value: q.value, literal: false });
      i = q.end;
    } else if (c === '{' && LITERAL.test(text.slice(i, i + 14))) {
      const m = LITERAL.exec(text.slice(i, i + 14))!;
      const size = Number(m[1]);
      const after = i + m[0].length;
      if (after === text.length) return { open: { size, sync: m[2] !== '+' } };
      if (text.slice(after, after + 2) !== '\r\n') return { error: 'Missing CRLF after literal' };
      const value = text.slice(after + 2, after + 2 + size);
      if (value.length < size) return { error: 'Literal shorter than announced' };
      top.push({ kind: 'string', value, literal: true });
      i = after + 2 + size;
    } else {
      let j = i;
      while (j < text.length && !isAtomEnd(text[j]!)) j++;
      const value = text.slice(i, j);
      if (/[\x00-\x1f\x7f-\xff]/.test(value)) return { error: 'Invalid characters in atom' };
      top.push({ kind: 'atom', value });
      i = j;
    }
  }
  if (stack.length > 1) return { error: "Missing ')'" };
  return { tokens: stack[0]! };
}

/** The literal the text ends with, if its octets have not arrived yet. */
export function openLiteral(text: string): OpenLiteral | undefined {
  const r = scanArgs(text);
  return 'open' in r ? r.open : undefined;
}

/** An astring's value (RFC 3501 §9): an atom or a string, never a list. */
export function astringValue(token: ImapToken | undefined): string | undefined {
  if (!token || token.kind === 'list') return undefined;
  return token.value;
}

/** Whether the token is the atom NIL (case-insensitive). */
export function isNil(token: ImapToken | undefined): boolean {
  return token?.kind === 'atom' && token.value.toUpperCase() === 'NIL';
}

function quote(s: string): string {
  return `"${s.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * Rewrites every complete literal as a quoted string, for parsers that read one line (SEARCH, FETCH items).
 * Quoted strings are copied as they are, so a "{" inside one is never taken for a literal.
 */
export function literalsToQuoted(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const q = readQuoted(text, i);
      const end = q ? q.end : text.length;
      out += text.slice(i, end);
      i = end;
      continue;
    }
    const m = c === '{' ? LITERAL.exec(text.slice(i, i + 14)) : null;
    if (m && text.slice(i + m[0].length, i + m[0].length + 2) === '\r\n') {
      const start = i + m[0].length + 2;
      out += quote(text.slice(start, start + Number(m[1])));
      i = start + Number(m[1]);
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
