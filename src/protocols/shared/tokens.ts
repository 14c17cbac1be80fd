/**
 * The pieces a reply line is cut into for a learner: plain text and tokens their protocol's reply catalogue can
 * explain. Each protocol's tokeniser (src/protocols/<p>/tokens.ts) builds on these; a profile carries its own.
 */

/** What a piece of a reply line is. */
export type TokenKind = 'text' | 'code' | 'enhanced' | 'status' | 'respCode' | 'tag' | 'untagged' | 'continuation' | 'challenge' | 'keyword' | 'end';

/** One piece of a line; the pieces' texts joined give the line back. */
export interface Token {
  text: string;
  kind: TokenKind;
  /** The catalogue key, for pieces the catalogue may explain. */
  key?: string;
}

/** Cuts one server line into its pieces, in order; joining their texts gives the line back. */
export type Tokenizer = (line: string) => Token[];

/** Plain text as a token list (none for ""). */
export const text = (t: string): Token[] => (t === '' ? [] : [{ text: t, kind: 'text' }]);

/** After "334" or "+": " " and what may be a SASL challenge's base64 (the catalogue decodes it), or plain text. */
export function challenge(rest: string): Token[] {
  const data = rest.slice(1);
  // Base64 comes in groups of four (the catalogue checks the rest when it decodes): "+ OK" and "+ idling" stay text.
  if (!/^ (?:[\w+/=]{4})+$/.test(rest)) return text(rest);
  // The key is CHALLENGE_KEY (challenge.ts) and the data, written out: importing it would put that module in the
  // widgets' first load (tests/protocols/shared/challenge.test.ts holds the two equal).
  return [{ text: ' ', kind: 'text' }, { text: data, kind: 'challenge', key: `base64:${data}` }];
}

/** A bracketed response code at the start of `rest` ("[AUTH] …", "[UIDNEXT 7] …"): "[", the atom, the rest. */
export function bracketed(rest: string): Token[] {
  const m = /^\[([A-Za-z][A-Za-z0-9/.-]*)(.*)$/.exec(rest);
  if (!m) return text(rest);
  const [, atom, after] = m as unknown as [string, string, string];
  return [{ text: '[', kind: 'text' }, { text: atom, kind: 'respCode', key: atom }, ...text(after)];
}

/** The tokens worth annotating a whole reply with: the last line's code or status and its response code. */
export function replyKeysWith(tokenize: Tokenizer, lines: readonly string[]): string[] {
  const kinds = new Set<TokenKind>(['code', 'enhanced', 'status', 'respCode', 'continuation']);
  const final = [...lines].reverse().find((l) => tokenize(l).some((t) => t.kind === 'status' || t.kind === 'code' || t.kind === 'continuation'));
  if (final === undefined) return [];
  return tokenize(final).flatMap((t) => (t.key !== undefined && kinds.has(t.kind) ? [t.key] : []));
}
