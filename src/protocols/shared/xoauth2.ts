/**
 * The XOAUTH2 SASL message, as Google defined it and Microsoft documents it for Exchange Online ("Authenticate
 * an IMAP, POP or SMTP connection using OAuth"): base64("user=" + user + "^Aauth=Bearer " + token + "^A^A"),
 * ^A being %x01. Pure parsing and building; checking the token is the server's business.
 */
import { decodeBase64, encodeBase64 } from './sasl.ts';

/** What an XOAUTH2 message carries. */
export interface Xoauth2Credentials {
  /** The mailbox to open: the token's user, or a shared mailbox the user may open. */
  user: string;
  /** The OAuth 2.0 bearer token. */
  token: string;
}

/** Why a message is not XOAUTH2. */
export type Xoauth2Malformed = 'not-base64' | 'no-terminator' | 'no-user' | 'no-bearer';

/** Builds the base64 message a client sends. */
export function xoauth2Message(user: string, token: string): string {
  return encodeBase64(`user=${user}\x01auth=Bearer ${token}\x01\x01`);
}

/**
 * Reads a base64 XOAUTH2 message: key=value pairs, each ended by ^A, the whole ended by one more ^A. Keys other
 * than user and auth are ignored (Google's grammar allows them); user and auth must each appear once.
 */
export function parseXoauth2(base64: string): Xoauth2Credentials | Xoauth2Malformed {
  const decoded = decodeBase64(base64.trim());
  if (decoded === undefined || decoded === '') return 'not-base64';
  if (!decoded.endsWith('\x01\x01')) return 'no-terminator';
  const pairs = decoded.slice(0, -2).split('\x01');
  const values = new Map<string, string[]>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return pair.startsWith('auth') ? 'no-bearer' : 'no-user';
    const key = pair.slice(0, eq);
    values.set(key, [...(values.get(key) ?? []), pair.slice(eq + 1)]);
  }
  const user = values.get('user');
  if (!user || user.length !== 1 || user[0] === '') return 'no-user';
  const auth = values.get('auth');
  // RFC 6750 §2.1: the scheme is "Bearer", compared case-insensitively, then one space and the token.
  const m = auth && auth.length === 1 ? /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(auth[0]!) : null;
  if (!m) return 'no-bearer';
  return { user: user[0]!, token: m[1]! };
}
