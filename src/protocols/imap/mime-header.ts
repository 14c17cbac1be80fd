/**
 * Header-level MIME parsing: splitting an entity into header and body (RFC 5322 §2.1), header fields with their
 * raw lines (for BODY[HEADER.FIELDS]), and the RFC 2045 §5.1 `token/token; attribute=value` grammar that
 * Content-Type and Content-Disposition share. Lenient and linear: broken input yields less, never an exception.
 */

/** One header field: its name as written, its unfolded value, and its raw lines with their line ends. */
export interface HeaderField {
  name: string;
  value: string;
  raw: string;
}

/** An entity split at its first empty line. */
export interface EntitySplit {
  /** Header octets including the empty line that ends them, when there is one. */
  header: string;
  body: string;
  /** Whether an empty line ended the header (RFC 3501 §6.4.5 returns it with HEADER.FIELDS). */
  hasBlankLine: boolean;
}

/** Splits an entity at its first empty line (CRLF or a bare LF, as stored messages from APPEND may have). */
export function splitEntity(s: string): EntitySplit {
  let pos = 0;
  while (pos < s.length) {
    const blank = s[pos] === '\n' ? 1 : s[pos] === '\r' && s[pos + 1] === '\n' ? 2 : 0;
    if (blank > 0) return { header: s.slice(0, pos + blank), body: s.slice(pos + blank), hasBlankLine: true };
    const nl = s.indexOf('\n', pos);
    if (nl < 0) break;
    pos = nl + 1;
  }
  return { header: s, body: '', hasBlankLine: false };
}

/** The header's fields in order. A line without a colon becomes a field named by the whole line, with no value. */
export function parseFields(header: string): HeaderField[] {
  const fields: HeaderField[] = [];
  let pos = 0;
  while (pos < header.length) {
    const nl = header.indexOf('\n', pos);
    const end = nl < 0 ? header.length : nl + 1;
    const raw = header.slice(pos, end);
    const line = raw.replace(/\r?\n$/, '');
    pos = end;
    if (line === '') break;
    const last = fields[fields.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last.raw += raw;
      last.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) fields.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1), raw });
    else fields.push({ name: line, value: '', raw });
  }
  for (const f of fields) f.value = f.value.replace(/\r/g, '').trim();
  return fields;
}

/** The first field with this name (case-insensitive), or undefined. */
export function fieldValue(fields: readonly HeaderField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return fields.find((f) => f.name.toLowerCase() === lower)?.value;
}

/** A parameter as written: attribute and (unquoted) value. */
export type MimeParam = [name: string, value: string];

/** A parsed `value; a=b; c="d"` header: the leading token (or type/subtype) and the parameters. */
export interface ParamHeader {
  value: string;
  params: MimeParam[];
}

// tspecials (RFC 2045 §5.1) plus SP and CTLs end a token.
const TOKEN = /[^\x00-\x20\x7f()<>@,;:\\"/[\]?=]/;

/** A cursor over a header value that skips whitespace and (nested) comments, as CFWS allows. */
class Cursor {
  pos = 0;
  readonly s: string;

  constructor(s: string) {
    this.s = s;
  }

  skip(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') this.pos += 1;
      else if (c === '(') this.comment();
      else break;
    }
  }

  comment(): void {
    let depth = 0;
    while (this.pos < this.s.length) {
      const c = this.s[this.pos++];
      if (c === '\\') this.pos += 1;
      else if (c === '(') depth += 1;
      else if (c === ')' && --depth === 0) return;
    }
  }

  token(): string {
    this.skip();
    const start = this.pos;
    while (this.pos < this.s.length && TOKEN.test(this.s[this.pos]!)) this.pos += 1;
    return this.s.slice(start, this.pos);
  }

  quoted(): string {
    let out = '';
    this.pos += 1;
    while (this.pos < this.s.length) {
      const c = this.s[this.pos++]!;
      if (c === '"') return out;
      if (c === '\\' && this.pos < this.s.length) out += this.s[this.pos++];
      else out += c;
    }
    return out;
  }

  eat(c: string): boolean {
    this.skip();
    if (this.s[this.pos] !== c) return false;
    this.pos += 1;
    return true;
  }
}

/**
 * Parses `token[/token] *(; attribute=value)`. The value is undefined when the leading token is missing (or, with
 * `slash`, the subtype), which callers treat as a syntax error. Parameters stop at the first malformed one.
 */
export function parseParamHeader(text: string, slash: boolean): ParamHeader | undefined {
  const c = new Cursor(text);
  let value = c.token();
  if (value === '') return undefined;
  if (slash) {
    if (!c.eat('/')) return undefined;
    const sub = c.token();
    if (sub === '') return undefined;
    value += `/${sub}`;
  }
  const params: MimeParam[] = [];
  while (c.eat(';')) {
    const name = c.token();
    if (name === '' || !c.eat('=')) break;
    c.skip();
    const v = c.s[c.pos] === '"' ? c.quoted() : c.token();
    params.push([name, v]);
  }
  return { value, params };
}

/** The value of a parameter (attribute names are case-insensitive, RFC 2045 §5.1), or undefined. */
export function paramValue(params: readonly MimeParam[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return params.find(([n]) => n.toLowerCase() === lower)?.[1];
}
