/**
 * Splits a server reply line into plain text and the tokens a learner can ask about: SMTP reply codes and
 * enhanced status codes, POP3 status indicators and response codes, IMAP tags, "*", "+", status words and
 * response codes, and the base64 of SASL challenges. Each explainable token carries the key to look up in its
 * protocol's reply catalogue.
 */
import type { ProtocolName } from '../../protocols/shared/session-types.ts';
import { TAG_KEY } from '../../protocols/imap/keys.ts';

/** What a piece of a reply line is. */
export type TokenKind = 'text' | 'code' | 'enhanced' | 'status' | 'respCode' | 'tag' | 'untagged' | 'continuation' | 'challenge' | 'keyword' | 'end';

/** One piece of a line; the pieces' texts joined give the line back. */
export interface Token {
  text: string;
  kind: TokenKind;
  /** The catalogue key, for pieces the catalogue may explain. */
  key?: string;
}

const text = (t: string): Token[] => (t === '' ? [] : [{ text: t, kind: 'text' }]);

/** After "334" or "+": " " and what may be a SASL challenge's base64 (the catalogue decodes it), or plain text. */
function challenge(rest: string): Token[] {
  const data = rest.slice(1);
  // Base64 comes in groups of four (the catalogue checks the rest when it decodes): "+ OK" and "+ idling" stay text.
  if (!/^ (?:[\w+/=]{4})+$/.test(rest)) return text(rest);
  // The key is CHALLENGE_KEY (protocols/shared/challenge.ts) and the data, written out: importing it would put that
  // module in the first load (tests/protocols/shared/challenge.test.ts holds the two equal).
  return [{ text: ' ', kind: 'text' }, { text: data, kind: 'challenge', key: `base64:${data}` }];
}

/** RFC 5321 §4.2: "250-…" or "250 …", optionally with an RFC 3463 enhanced code after it. */
function smtp(line: string): Token[] {
  const m = /^([2-5]\d\d)([ -]|$)((?:[245]\.\d{1,3}\.\d{1,3})(?= |$))?(.*)$/.exec(line);
  if (!m) return text(line);
  const [, code, sep, enhanced, rest] = m as unknown as [string, string, string, string | undefined, string];
  // RFC 4954 §4: a 334 reply carries base64 (no enhanced code).
  if (code === '334') return [{ text: code, kind: 'code', key: code }, ...challenge(line.slice(3))];
  return [
    { text: code, kind: 'code', key: code },
    ...text(sep),
    ...(enhanced ? [{ text: enhanced, kind: 'enhanced' as const, key: enhanced }] : []),
    ...text(rest),
  ];
}

/** A bracketed response code at the start of `rest` ("[AUTH] …", "[UIDNEXT 7] …"): "[", the atom, the rest. */
function bracketed(rest: string): Token[] {
  const m = /^\[([A-Za-z][A-Za-z0-9/.-]*)(.*)$/.exec(rest);
  if (!m) return text(rest);
  const [, atom, after] = m as unknown as [string, string, string];
  return [{ text: '[', kind: 'text' }, { text: atom, kind: 'respCode', key: atom }, ...text(after)];
}

/** RFC 1939 §3: "+OK" or "-ERR", then RFC 2449 §8 response codes; RFC 5034 "+ " continuations; "." ends a list. */
function pop3(line: string): Token[] {
  if (line === '.') return [{ text: '.', kind: 'end', key: '.' }];
  const status = /^(\+OK|-ERR)( |$)(.*)$/.exec(line);
  if (status) {
    const [, word, sep, rest] = status as unknown as [string, string, string, string];
    return [{ text: word, kind: 'status', key: word }, ...text(sep), ...bracketed(rest)];
  }
  if (line === '+' || line.startsWith('+ ')) return [{ text: '+', kind: 'continuation', key: '+' }, ...challenge(line.slice(1))];
  return text(line);
}

const IMAP_STATUS = new Set(['OK', 'NO', 'BAD', 'BYE', 'PREAUTH']);
const IMAP_DATA = new Set(['CAPABILITY', 'LIST', 'LSUB', 'STATUS', 'SEARCH', 'FLAGS', 'EXISTS', 'RECENT', 'EXPUNGE', 'FETCH', 'NAMESPACE', 'ID', 'ENABLED']);

/** The rest of an IMAP response after its tag, "*" or "+": a status word with its code, or a data keyword. */
function imapBody(rest: string, untagged: boolean): Token[] {
  const m = /^((?:\d+ )?)([A-Za-z]+)( |$)(.*)$/.exec(rest);
  if (!m) return text(rest);
  const [, number, word, sep, after] = m as unknown as [string, string, string, string, string];
  const upper = word.toUpperCase();
  if (number === '' && IMAP_STATUS.has(upper)) {
    return [{ text: word, kind: 'status', key: upper }, ...text(sep), ...bracketed(after)];
  }
  if (untagged && IMAP_DATA.has(upper)) return [...text(number), { text: word, kind: 'keyword', key: upper }, ...text(sep + after)];
  return text(rest);
}

/** RFC 9051 §2.2.2: untagged "* …", continuation "+ …", or a tagged status line. */
function imap(line: string): Token[] {
  if (line.startsWith('* ')) return [{ text: '*', kind: 'untagged', key: '*' }, { text: ' ', kind: 'text' }, ...imapBody(line.slice(2), true)];
  if (line === '+' || line.startsWith('+ ')) return [{ text: '+', kind: 'continuation', key: '+' }, ...challenge(line.slice(1))];
  const tagged = /^([^\s*+(){%"\\\]]+) (.*)$/.exec(line);
  if (!tagged) return text(line);
  const [, tag, rest] = tagged as unknown as [string, string, string];
  const body = imapBody(rest, false);
  // Only a status word makes the first atom a tag; otherwise this is a continued line of data.
  if (body[0]?.kind !== 'status') return text(line);
  return [{ text: tag, kind: 'tag', key: TAG_KEY }, { text: ' ', kind: 'text' }, ...body];
}

/** The pieces of one server line, in order; joining their texts gives `line` back. */
export function tokenize(protocol: ProtocolName, line: string): Token[] {
  if (protocol === 'smtp') return smtp(line);
  if (protocol === 'pop3') return pop3(line);
  return imap(line);
}

/** The tokens worth annotating a whole reply with: the last line's code or status and its response code. */
export function replyKeys(protocol: ProtocolName, lines: readonly string[]): string[] {
  const kinds = new Set<TokenKind>(['code', 'enhanced', 'status', 'respCode', 'continuation']);
  const final = [...lines].reverse().find((l) => tokenize(protocol, l).some((t) => t.kind === 'status' || t.kind === 'code' || t.kind === 'continuation'));
  if (final === undefined) return [];
  return tokenize(protocol, final).flatMap((t) => (t.key !== undefined && kinds.has(t.kind) ? [t.key] : []));
}
