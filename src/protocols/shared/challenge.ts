/**
 * What a server's SASL challenge says. The transcript marks a challenge's base64 as a token with the catalogue key
 * CHALLENGE_KEY + data; each protocol's catalogue explains it with explainChallenge (so the build records it for
 * guided steps, and the browser decodes nothing before the engine arrives); the context rules read saslChallenge.
 */
import type { ReplyExplanation } from './explanation.ts';
import type { LineProtocolName } from './session-types.ts';

/**
 * The catalogue key of a challenge's base64 is this prefix and the data, e.g. "base64:VXNlcm5hbWU6". The transcript
 * tokenizer (src/protocols/shared/tokens.ts) writes it out rather than import it, to keep this module out of the
 * simulator's first load; tests/protocols/shared/challenge.test.ts holds the two equal.
 */
export const CHALLENGE_KEY = 'base64:';

/**
 * The decoded text of a SASL challenge: the base64 after SMTP "334 " (RFC 4954 §4) or after "+ " in POP3 (RFC 5034
 * §4) and IMAP (RFC 3501 §6.2.2); '' for an empty challenge. Undefined for any other line, and for data that is not
 * canonical base64 (RFC 4648 §4) of printable text, such as IMAP's "+ OK" before a literal or "+ idling".
 */
export function saslChallenge(protocol: LineProtocolName, line: string): string | undefined {
  const m = protocol === 'smtp' ? /^334 ?(.*)$/.exec(line) : /^\+(?: (.*))?$/.exec(line);
  if (!m) return undefined;
  const data = (m[1] ?? '').trim();
  return data === '' ? '' : decoded(data);
}

/** Canonical base64 (RFC 4648 §4) of printable text, decoded; otherwise undefined. */
function decoded(data: string): string | undefined {
  try {
    const text = atob(data);
    // Encoding again gives the same text only for canonical base64 (atob also takes unpadded or spaced data).
    return btoa(text) === data && /^[\x20-\x7e]+$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The catalogue entry for a challenge's key (CHALLENGE_KEY + base64), citing `rfc`; undefined for another key. */
export function explainChallenge(key: string, rfc: string): ReplyExplanation | undefined {
  if (!key.startsWith(CHALLENGE_KEY)) return undefined;
  const token = key.replace(CHALLENGE_KEY, '');
  const text = decoded(token);
  if (text === undefined) return undefined;
  return {
    token,
    title: `Base64 for “${text}”`,
    text: 'The server’s question in a SASL login, base64-encoded; the answer is one line of base64 too. Base64 is an encoding, not encryption: anyone who sees it can decode it.',
    rfc,
  };
}
