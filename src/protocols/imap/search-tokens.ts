/**
 * Tokens of SEARCH arguments: atoms, quoted strings (RFC 3501 §4.3; literals arrive already turned into quoted
 * strings by the command reader) and parentheses. Linear, never throws.
 */

/** One token. `string` is a quoted string with its escapes resolved. */
export type SearchToken = { t: 'atom' | 'string'; v: string } | { t: '(' | ')'; v: string };

/** The tokens, or an error text for an unterminated quoted string. */
export function tokenizeSearch(s: string): SearchToken[] | { error: string } {
  const out: SearchToken[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t') {
      i += 1;
    } else if (c === '(' || c === ')') {
      out.push({ t: c, v: c });
      i += 1;
    } else if (c === '"') {
      let v = '';
      for (i += 1; i < s.length && s[i] !== '"'; i += 1) v += s[i] === '\\' && i + 1 < s.length ? s[++i] : s[i];
      if (i >= s.length) return { error: "Missing '\"'" };
      out.push({ t: 'string', v });
      i += 1;
    } else {
      const start = i;
      while (i < s.length && !' \t()"'.includes(s[i]!)) i += 1;
      out.push({ t: 'atom', v: s.slice(start, i) });
    }
  }
  return out;
}
