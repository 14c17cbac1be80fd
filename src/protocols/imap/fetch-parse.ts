/**
 * Parses the FETCH item argument (RFC 3501 §6.4.5; fetch-att in §9): one item, a macro, or a parenthesized list.
 * Error texts are Dovecot 2.3's (cmd-fetch.c, imap-fetch-body.c), prefixed as it answers BAD.
 */
import type { FetchItem, FetchPartial, FetchSection, SimpleFetchKind } from './fetch-types.ts';

const PREFIX = 'Error in IMAP command FETCH: ';
const SIMPLE = new Set<string>(['UID', 'FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODY', 'BODYSTRUCTURE', 'RFC822', 'RFC822.HEADER', 'RFC822.TEXT']);
const MACROS: Record<string, SimpleFetchKind[]> = {
  ALL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE'],
  FAST: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE'],
  FULL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODY'],
};
// RFC 3501 §9: number is a 32-bit unsigned integer.
const MAX_NUMBER = 4294967295;

class Failure {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

const fail = (message: string) => new Failure(message);
const bodyFail = (why: string) => fail(`Invalid BODY[..] parameter: ${why}`);

/** Parses the text after the sequence set into items, or a BAD text. */
export function parseFetchItems(args: string): { items: FetchItem[] } | { error: string } {
  const r = parseAll(args.trim());
  return r instanceof Failure ? { error: PREFIX + r.message } : { items: r };
}

function parseAll(s: string): FetchItem[] | Failure {
  if (s === '') return fail('Invalid arguments.');
  const p = { s, pos: 0 };
  const items: FetchItem[] = [];
  if (s[0] === '(') {
    p.pos = 1;
    while (s[p.pos] === ' ') p.pos += 1;
    if (s[p.pos] === ')') return fail('FETCH list is empty.');
    for (;;) {
      const item = parseItem(p, false);
      if (item instanceof Failure) return item;
      items.push(...item);
      if (s[p.pos] === ')') {
        p.pos += 1;
        break;
      }
      if (p.pos >= s.length) return fail("Missing ')'");
      if (s[p.pos] !== ' ') return fail('FETCH list contains non-atoms.');
      while (s[p.pos] === ' ') p.pos += 1;
      if (p.pos >= s.length) return fail("Missing ')'");
      if (s[p.pos] === ')') {
        p.pos += 1;
        break;
      }
    }
  } else {
    const item = parseItem(p, true);
    if (item instanceof Failure) return item;
    items.push(...item);
  }
  const rest = s.slice(p.pos).trim();
  if (rest === '') return items;
  if (rest[0] === ')') return fail("Unexpected ')'");
  return fail(rest[0] === '(' ? 'Unknown FETCH modifier' : 'Invalid arguments.');
}

function parseItem(p: { s: string; pos: number }, macros: boolean): FetchItem[] | Failure {
  const { s } = p;
  const start = p.pos;
  while (p.pos < s.length && !' ()[]"'.includes(s[p.pos]!)) p.pos += 1;
  const name = s.slice(start, p.pos).toUpperCase();
  if (name === '') return fail(s[p.pos] === ']' ? "Unexpected ']'" : 'FETCH list contains non-atoms.');
  if (s[p.pos] === '[') {
    if (name !== 'BODY' && name !== 'BODY.PEEK') return fail(`Unknown parameter: ${name}[`);
    const item = parseSection(p, name === 'BODY.PEEK');
    if (item instanceof Failure) return item;
    return [item];
  }
  if (macros && name in MACROS) return MACROS[name]!.map((kind) => ({ kind }));
  if (SIMPLE.has(name)) return [{ kind: name as SimpleFetchKind }];
  if (name === 'BODY.PEEK') return bodyFail("Missing '['");
  return fail(`Unknown parameter: ${name}`);
}

function parseSection(p: { s: string; pos: number }, peek: boolean): FetchItem | Failure {
  const { s } = p;
  p.pos += 1;
  const start = p.pos;
  while (p.pos < s.length && !' ()[]"<'.includes(s[p.pos]!)) p.pos += 1;
  const spec = s.slice(start, p.pos).toUpperCase();
  let fields: string[] | undefined;
  if (s[p.pos] === ' ' && s[p.pos + 1] === '(') p.pos += 1;
  if (s[p.pos] === '(') {
    const list = parseHeaderList(p);
    if (list instanceof Failure) return list;
    fields = list;
  }
  if (s[p.pos] !== ']') return bodyFail("Missing ']'");
  p.pos += 1;
  const section = parseSpec(spec, fields);
  if (!section) return fail('Invalid BODY[..] section');
  let partial: FetchPartial | undefined;
  if (s[p.pos] === '<') {
    const m = /^<(\d*)(?:\.(\d*))?>/.exec(s.slice(p.pos, p.pos + 25));
    if (!m) return bodyFail("Missing '>' in partial");
    const begin = Number(m[1] || '0');
    const count = m[2] === undefined ? undefined : Number(m[2] || '0');
    if (begin > MAX_NUMBER) return bodyFail('Too big partial start');
    if (count !== undefined && count > MAX_NUMBER) return bodyFail('Too big partial end');
    partial = { start: begin, count };
    p.pos += m[0].length;
    if (p.pos < s.length && !' )'.includes(s[p.pos]!)) return bodyFail("Unexpected data after '>'");
  } else if (p.pos < s.length && !' )'.includes(s[p.pos]!)) {
    return bodyFail("Unexpected data after ']'");
  }
  return { kind: 'BODY[section]', peek, section, partial };
}

/** `(name name "quoted name")`: astrings separated by spaces; at least one (RFC 3501 §9, header-list). */
function parseHeaderList(p: { s: string; pos: number }): string[] | Failure {
  const { s } = p;
  const names: string[] = [];
  p.pos += 1;
  for (;;) {
    while (s[p.pos] === ' ') p.pos += 1;
    if (p.pos >= s.length) return fail("Missing ')'");
    const c = s[p.pos]!;
    if (c === ')') {
      p.pos += 1;
      return names;
    }
    if (c === ']') return fail("Missing ')'");
    if (c === '"') {
      let v = '';
      for (p.pos += 1; p.pos < s.length && s[p.pos] !== '"'; p.pos += 1) v += s[p.pos] === '\\' ? (s[++p.pos] ?? '') : s[p.pos];
      if (p.pos >= s.length) return fail("Missing '\"'");
      p.pos += 1;
      names.push(v.toUpperCase());
      continue;
    }
    const start = p.pos;
    while (p.pos < s.length && !' ()[]"'.includes(s[p.pos]!)) p.pos += 1;
    if (p.pos === start) return bodyFail('Header list contains non-strings');
    names.push(s.slice(start, p.pos).toUpperCase());
  }
}

const TEXTS = new Set(['', 'HEADER', 'HEADER.FIELDS', 'HEADER.FIELDS.NOT', 'TEXT', 'MIME']);

/** section-spec: part numbers (nz-number) then an optional text; MIME needs a part, FIELDS needs a list. */
function parseSpec(spec: string, fields: string[] | undefined): FetchSection | undefined {
  const pieces = spec === '' ? [] : spec.split('.');
  const part: number[] = [];
  while (pieces.length > 0 && /^[1-9]\d{0,9}$/.test(pieces[0]!) && Number(pieces[0]) <= MAX_NUMBER) part.push(Number(pieces.shift()));
  const text = pieces.join('.');
  if (!TEXTS.has(text) || (text === '' && pieces.length > 0)) return undefined;
  if (text === 'MIME' && part.length === 0) return undefined;
  const wantsList = text === 'HEADER.FIELDS' || text === 'HEADER.FIELDS.NOT';
  if (wantsList !== (fields !== undefined) || (fields !== undefined && fields.length === 0)) return undefined;
  return { part, text: text as FetchSection['text'], fields: fields ?? [] };
}
