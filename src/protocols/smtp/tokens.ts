/** SMTP's reply tokeniser: reply codes, RFC 3463 enhanced status codes and the base64 of SASL challenges. */
import { challenge, text, type Token } from '../shared/tokens.ts';

/** RFC 5321 §4.2: "250-…" or "250 …", optionally with an RFC 3463 enhanced code after it. */
export function tokenizeSmtp(line: string): Token[] {
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
