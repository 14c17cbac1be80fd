/**
 * SEARCH criteria (RFC 3501 §6.4.4; search-key in §9): parsing into a tree, matched by search-match.ts.
 * Error texts are Dovecot 2.3's (mail-search-register-imap.c, mail-search-parser-imap.c), prefixed as it answers
 * BAD. An unsupported CHARSET gives `[BADCHARSET (US-ASCII UTF-8)] …`, which RFC 3501 answers with NO.
 */
import { parseSearchDate } from './search-date.ts';
import { parseSequenceSet, type SeqRange } from './sequence-set.ts';
import { tokenizeSearch, type SearchToken } from './search-tokens.ts';

/** A parsed search key. */
export type SearchKey =
  | { kind: 'all' }
  | { kind: 'and'; keys: SearchKey[] }
  | { kind: 'or'; left: SearchKey; right: SearchKey }
  | { kind: 'not'; key: SearchKey }
  /** A system flag or keyword is set (set: true) or not. */
  | { kind: 'flag'; flag: string; set: boolean }
  | { kind: 'recent'; set: boolean }
  /** A header field contains the value (FROM, TO, CC, BCC, SUBJECT, HEADER). */
  | { kind: 'header'; field: string; value: string }
  | { kind: 'body'; value: string }
  | { kind: 'text'; value: string }
  /** Internal date (SINCE/BEFORE/ON) or Date field (SENT*) against a day as yyyymmdd. */
  | { kind: 'date'; sent: boolean; op: 'before' | 'on' | 'since'; day: number }
  | { kind: 'size'; op: 'larger' | 'smaller'; octets: number }
  | { kind: 'sequence'; ranges: SeqRange[] }
  | { kind: 'uid'; ranges: SeqRange[] };

/** What parseSearch returns and searchMatches takes (a SearchKey; kept open as the core's interface has it). */
export type SearchCriteria = { kind: string };

const PREFIX = 'Error in IMAP command SEARCH: ';
const CHARSETS = new Set(['US-ASCII', 'UTF-8']);
// Deeper nesting than any real client sends; the limit keeps recursion bounded on hostile input.
const MAX_DEPTH = 64;
const FLAGS: Record<string, [string, boolean]> = {
  ANSWERED: ['\\Answered', true], UNANSWERED: ['\\Answered', false],
  DELETED: ['\\Deleted', true], UNDELETED: ['\\Deleted', false],
  DRAFT: ['\\Draft', true], UNDRAFT: ['\\Draft', false],
  FLAGGED: ['\\Flagged', true], UNFLAGGED: ['\\Flagged', false],
  SEEN: ['\\Seen', true], UNSEEN: ['\\Seen', false],
};
const HEADERS: Record<string, string> = { FROM: 'From', TO: 'To', CC: 'Cc', BCC: 'Bcc', SUBJECT: 'Subject' };
const DATES: Record<string, [boolean, 'before' | 'on' | 'since']> = {
  BEFORE: [false, 'before'], ON: [false, 'on'], SINCE: [false, 'since'],
  SENTBEFORE: [true, 'before'], SENTON: [true, 'on'], SENTSINCE: [true, 'since'],
};

class Failure {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** Parses SEARCH arguments (after the command name): an optional CHARSET, then one or more keys (ANDed). */
export function parseSearch(args: string): { criteria: SearchCriteria; charset?: string } | { error: string } {
  const tokens = tokenizeSearch(args);
  if (!Array.isArray(tokens)) return { error: PREFIX + tokens.error };
  const p = { tokens, i: 0 };
  let charset: string | undefined;
  if (tokens[0]?.t === 'atom' && tokens[0].v.toUpperCase() === 'CHARSET') {
    const name = tokens[1];
    if (!name || (name.t !== 'atom' && name.t !== 'string')) return { error: `${PREFIX}Missing parameter for search key` };
    charset = name.v.toUpperCase();
    if (!CHARSETS.has(charset)) return { error: '[BADCHARSET (US-ASCII UTF-8)] Unknown charset' };
    p.i = 2;
  }
  if (p.i >= tokens.length) return { error: `${PREFIX}Missing search parameters` };
  const keys: SearchKey[] = [];
  while (p.i < tokens.length) {
    const key = parseKey(p, 0);
    if (key instanceof Failure) return { error: PREFIX + key.message };
    keys.push(key);
  }
  const criteria: SearchKey = keys.length === 1 ? keys[0]! : { kind: 'and', keys };
  return charset === undefined ? { criteria } : { criteria, charset };
}

interface Parser {
  tokens: SearchToken[];
  i: number;
}

/** A string argument: an atom or a quoted string. */
function stringArg(p: Parser): string | Failure {
  const tok = p.tokens[p.i];
  if (!tok || tok.t === ')') return new Failure('Missing parameter for search key');
  if (tok.t === '(') return new Failure('Unexpected (');
  p.i += 1;
  return tok.v;
}

function parseKey(p: Parser, depth: number): SearchKey | Failure {
  if (depth > MAX_DEPTH) return new Failure('Too deep search key nesting');
  const tok = p.tokens[p.i];
  if (!tok) return new Failure('Missing parameter for search key');
  p.i += 1;
  if (tok.t === ')') return new Failure("Unexpected ')'");
  if (tok.t === 'string') return new Failure(`Unexpected string as search key: ${tok.v}`);
  if (tok.t === '(') {
    const keys: SearchKey[] = [];
    for (;;) {
      const next = p.tokens[p.i];
      if (!next) return new Failure("Missing ')'");
      if (next.t === ')') break;
      const key = parseKey(p, depth + 1);
      if (key instanceof Failure) return key;
      keys.push(key);
    }
    p.i += 1;
    if (keys.length === 0) return new Failure("Unexpected ')'");
    return keys.length === 1 ? keys[0]! : { kind: 'and', keys };
  }
  return parseAtomKey(p, tok.v.toUpperCase(), depth);
}

function parseAtomKey(p: Parser, name: string, depth: number): SearchKey | Failure {
  const flag = FLAGS[name];
  if (flag) return { kind: 'flag', flag: flag[0], set: flag[1] };
  const date = DATES[name];
  if (date) {
    const value = stringArg(p);
    if (value instanceof Failure) return value;
    const day = parseSearchDate(value);
    return day === undefined ? new Failure('Invalid search date parameter') : { kind: 'date', sent: date[0], op: date[1], day };
  }
  const header = HEADERS[name];
  if (header) {
    const value = stringArg(p);
    return value instanceof Failure ? value : { kind: 'header', field: header, value };
  }
  switch (name) {
    case 'ALL':
      return { kind: 'all' };
    case 'RECENT':
    case 'OLD':
      return { kind: 'recent', set: name === 'RECENT' };
    case 'NEW':
      // RFC 3501 §6.4.4: NEW is functionally equivalent to (RECENT UNSEEN).
      return { kind: 'and', keys: [{ kind: 'recent', set: true }, { kind: 'flag', flag: '\\Seen', set: false }] };
    case 'KEYWORD':
    case 'UNKEYWORD': {
      const value = stringArg(p);
      return value instanceof Failure ? value : { kind: 'flag', flag: value, set: name === 'KEYWORD' };
    }
    case 'HEADER': {
      const field = stringArg(p);
      if (field instanceof Failure) return field;
      const value = stringArg(p);
      return value instanceof Failure ? value : { kind: 'header', field, value };
    }
    case 'BODY':
    case 'TEXT': {
      const value = stringArg(p);
      return value instanceof Failure ? value : { kind: name === 'BODY' ? 'body' : 'text', value };
    }
    case 'LARGER':
    case 'SMALLER': {
      const value = stringArg(p);
      if (value instanceof Failure) return value;
      if (!/^\d{1,10}$/.test(value) || Number(value) > 4294967295) return new Failure('Invalid search size parameter');
      return { kind: 'size', op: name === 'LARGER' ? 'larger' : 'smaller', octets: Number(value) };
    }
    case 'UID': {
      const value = stringArg(p);
      if (value instanceof Failure) return value;
      const ranges = parseSequenceSet(value);
      return ranges ? { kind: 'uid', ranges } : new Failure('Invalid UID messageset');
    }
    case 'NOT': {
      const key = parseKey(p, depth + 1);
      return key instanceof Failure ? key : { kind: 'not', key };
    }
    case 'OR': {
      const left = parseKey(p, depth + 1);
      if (left instanceof Failure) return left;
      const right = parseKey(p, depth + 1);
      return right instanceof Failure ? right : { kind: 'or', left, right };
    }
  }
  if (/^[\d*]/.test(name)) {
    const ranges = parseSequenceSet(name);
    return ranges ? { kind: 'sequence', ranges } : new Failure('Invalid messageset');
  }
  return new Failure(`Unknown argument ${name}`);
}
