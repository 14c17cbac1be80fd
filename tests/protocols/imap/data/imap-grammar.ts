/**
 * A small, independent reader of IMAP response data (RFC 3501 §4, §9) for the tests: atoms (with a bracketed
 * section such as BODY[HEADER.FIELDS (FROM)]<0>), NIL, numbers, quoted strings, literals and lists. It throws on
 * anything malformed, so a literal whose {n} does not match its octets makes the rest unreadable.
 */

/** A parsed value: an atom or string, or a list. Literals and quoted strings are both `{ str }`. */
export type ImapValue = string | { str: string } | ImapValue[];

const TEXT_CHAR = /^[\x01-\x09\x0b\x0c\x0e-\x7f]$/;

class Reader {
  pos = 0;
  readonly s: string;
  /** The announced length and actual octets of each literal read. */
  readonly literals: Array<{ announced: number; octets: string }> = [];

  constructor(s: string) {
    this.s = s;
  }

  value(): ImapValue {
    const c = this.s[this.pos];
    if (c === '(') return this.list();
    if (c === '"') return { str: this.quoted() };
    if (c === '{') return { str: this.literal() };
    return this.atom();
  }

  list(): ImapValue[] {
    this.pos += 1;
    const out: ImapValue[] = [];
    while (this.s[this.pos] !== ')') {
      if (this.pos >= this.s.length) throw new Error('unterminated list');
      out.push(this.value());
      // RFC 3501 allows no space between the bodies of a multipart and between addresses: "(...)(...)".
      if (this.s[this.pos] === ' ') this.pos += 1;
      else if (this.s[this.pos] !== ')' && this.s[this.pos] !== '(') throw new Error(`bad list separator at ${this.pos}`);
    }
    this.pos += 1;
    return out;
  }

  quoted(): string {
    let out = '';
    this.pos += 1;
    for (;;) {
      const c = this.s[this.pos++];
      if (c === undefined) throw new Error('unterminated quoted string');
      if (c === '"') return out;
      if (c === '\\') {
        const d = this.s[this.pos++];
        if (d !== '\\' && d !== '"') throw new Error('bad escape');
        out += d;
      } else if (!TEXT_CHAR.test(c)) {
        throw new Error(`octet ${c.charCodeAt(0)} in a quoted string`);
      } else {
        out += c;
      }
    }
  }

  literal(): string {
    const m = /^\{(\d+)\}\r\n/.exec(this.s.slice(this.pos, this.pos + 20));
    if (!m) throw new Error('bad literal header');
    const n = Number(m[1]);
    this.pos += m[0].length;
    if (this.pos + n > this.s.length) throw new Error('literal runs past the end');
    const octets = this.s.slice(this.pos, this.pos + n);
    this.literals.push({ announced: n, octets });
    this.pos += n;
    return octets;
  }

  atom(): string {
    const start = this.pos;
    while (this.pos < this.s.length && !' ()'.includes(this.s[this.pos]!)) {
      // Only a BODY[...] item name carries a section with spaces and parentheses; elsewhere "[" is a plain ATOM-CHAR.
      if (this.s[this.pos] === '[' && /^BODY$/i.test(this.s.slice(start, this.pos))) {
        const close = this.s.indexOf(']', this.pos);
        if (close < 0) throw new Error('unterminated section');
        this.pos = close;
      }
      if (/[\x00-\x1f\x7f-\uffff"{]/.test(this.s[this.pos]!)) throw new Error(`bad atom char at ${this.pos}`);
      this.pos += 1;
    }
    if (this.pos === start) throw new Error(`empty atom at ${this.pos}`);
    return this.s.slice(start, this.pos);
  }
}

/**
 * Reads the inside of a FETCH response (`name value name value ...`) into pairs, checking the whole string is
 * consumed. Throws if it is not valid.
 */
export function readFetchData(s: string): { pairs: Array<[string, ImapValue]>; literals: Array<{ announced: number; octets: string }> } {
  const r = new Reader(`(${s})`);
  const values = r.value();
  if (r.pos !== r.s.length) throw new Error('trailing data');
  if (!Array.isArray(values) || values.length % 2 !== 0) throw new Error('not name/value pairs');
  const pairs: Array<[string, ImapValue]> = [];
  for (let i = 0; i < values.length; i += 2) {
    const name = values[i];
    if (typeof name !== 'string') throw new Error('item name is not an atom');
    pairs.push([name, values[i + 1]!]);
  }
  return { pairs, literals: r.literals };
}

/** Joins lines with CRLF after each, as stored messages are written. */
export const crlf = (lines: readonly string[]) => lines.map((l) => `${l}\r\n`).join('');
