/**
 * RFC 5322 §3.4 address lists as IMAP's ENVELOPE needs them (RFC 3501 §7.4.2): name, source route, mailbox and
 * host of each mailbox, and group start/end markers. Follows Dovecot's message-address.c where the input is
 * broken: a missing local part or domain becomes MISSING_MAILBOX / MISSING_DOMAIN, an unclosed `<` gives the
 * domain SYNTAX_ERROR, and a comment after a bare addr-spec serves as the name. Linear in the input.
 */

/** One ENVELOPE address. A group start has only `mailbox` (the group name); a group end has nothing at all. */
export interface EnvelopeAddress {
  name?: string;
  adl?: string;
  mailbox?: string;
  host?: string;
}

/** A lexical token; `sp` records whitespace or a comment before it, which separates the words of a phrase. */
type Token = { t: 'word' | 'special' | 'comment'; v: string; sp: boolean };

const SPECIALS = '<>@,;:.[]';

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let sp = false;
  const push = (t: Token['t'], v: string) => {
    out.push({ t, v, sp });
    sp = t === 'comment';
  };
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i += 1;
      sp = true;
    } else if (c === '"') {
      let v = '';
      for (i += 1; i < s.length && s[i] !== '"'; i += 1) v += s[i] === '\\' && i + 1 < s.length ? s[++i] : s[i];
      push('word', v);
      i += 1;
    } else if (c === '(') {
      let depth = 0;
      let v = '';
      for (; i < s.length; i += 1) {
        const d = s[i]!;
        if (d === '\\' && i + 1 < s.length) v += s[++i];
        else if (d === '(' && depth++ === 0) continue;
        else if (d === ')' && --depth === 0) break;
        else v += d;
      }
      push('comment', v.trim());
      i += 1;
    } else if (SPECIALS.includes(c)) {
      push('special', c);
      i += 1;
    } else {
      const start = i;
      while (i < s.length && !' \t\r\n"()'.includes(s[i]!) && !SPECIALS.includes(s[i]!)) i += 1;
      push('word', s.slice(start, i));
    }
  }
  return out;
}

const isSpecial = (tok: Token | undefined, v: string) => tok?.t === 'special' && tok.v === v;

/** A phrase (display name): its words separated by one space, quotes and comments removed, as Dovecot writes it. */
function phrase(tokens: readonly Token[]): string {
  let out = '';
  for (const tok of tokens) {
    if (tok.t === 'comment') continue;
    out += out !== '' && tok.sp ? ` ${tok.v}` : tok.v;
  }
  return out;
}

/** Concatenation of words and specials (local parts, domains, routes), comments dropped. */
const joined = (tokens: readonly Token[]) => tokens.filter((t) => t.t !== 'comment').map((t) => t.v).join('');

function addrSpec(tokens: readonly Token[], into: EnvelopeAddress): void {
  const at = tokens.findIndex((t) => isSpecial(t, '@'));
  const local = joined(at < 0 ? tokens : tokens.slice(0, at));
  const domain = at < 0 ? '' : joined(tokens.slice(at + 1));
  into.mailbox = local === '' ? 'MISSING_MAILBOX' : local;
  into.host = domain === '' ? 'MISSING_DOMAIN' : domain;
}

/** One mailbox (name-addr or addr-spec) from its tokens, or undefined when there is nothing in it. */
function mailbox(tokens: readonly Token[]): EnvelopeAddress | undefined {
  if (tokens.every((t) => t.t === 'comment')) return undefined;
  const open = tokens.findIndex((t) => isSpecial(t, '<'));
  const out: EnvelopeAddress = {};
  if (open < 0) {
    addrSpec(tokens, out);
    const comment = [...tokens].reverse().find((t) => t.t === 'comment');
    if (comment && comment.v !== '') out.name = comment.v;
    return out;
  }
  const name = phrase(tokens.slice(0, open));
  if (name !== '') out.name = name;
  const close = tokens.findIndex((t, i) => i > open && isSpecial(t, '>'));
  let inner = tokens.slice(open + 1, close < 0 ? tokens.length : close);
  const colon = inner.findIndex((t) => isSpecial(t, ':'));
  if (isSpecial(inner[0], '@') && colon > 0) {
    out.adl = joined(inner.slice(0, colon));
    inner = inner.slice(colon + 1);
  }
  addrSpec(inner, out);
  if (close < 0) out.host = 'SYNTAX_ERROR';
  return out;
}

/** Parses an address-list header value. An empty or unparsable value gives an empty list (ENVELOPE writes NIL). */
export function parseAddressList(value: string): EnvelopeAddress[] {
  const tokens = tokenize(value);
  const out: EnvelopeAddress[] = [];
  let inGroup = false;
  let current: Token[] = [];
  let hasWord = false;
  let inAngle = false;
  const flush = () => {
    const m = mailbox(current);
    if (m) out.push(m);
    current = [];
    hasWord = false;
  };
  for (const tok of tokens) {
    if (tok.t === 'special' && !inAngle) {
      if (tok.v === ',') {
        flush();
        continue;
      }
      if (tok.v === ':' && !inGroup && hasWord) {
        out.push({ mailbox: phrase(current) });
        current = [];
        hasWord = false;
        inGroup = true;
        continue;
      }
      if (tok.v === ';' && inGroup) {
        flush();
        out.push({});
        inGroup = false;
        continue;
      }
    }
    if (isSpecial(tok, '<')) inAngle = true;
    if (isSpecial(tok, '>')) inAngle = false;
    if (tok.t === 'word') hasWord = true;
    current.push(tok);
  }
  flush();
  if (inGroup) out.push({});
  return out;
}
