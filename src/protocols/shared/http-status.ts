/**
 * The tokeniser every HTTP-framed protocol's profile carries: a status line cut so its code can be explained
 * (http-catalogue.ts). Apart from the catalogue so that a profile, in every page's first load, stays small.
 */
import { text, type Token } from './tokens.ts';

/** A status line cut into the version, the status code (keyed by itself) and the reason phrase (RFC 9112 §4). */
export function tokenizeHttpStatus(line: string): Token[] {
  const m = /^(HTTP\/\d\.\d )(\d{3})(.*)$/.exec(line);
  if (!m) return text(line);
  const [, version, code, reason] = m as unknown as [string, string, string, string];
  return [{ text: version, kind: 'text' }, { text: code, kind: 'code', key: code }, ...text(reason)];
}
