/** SASL pieces shared by SMTP AUTH (RFC 4954), POP3 AUTH (RFC 5034) and IMAP AUTHENTICATE (RFC 3501 §6.2.2). */

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes strict base64 (RFC 4648 §4) into a binary string, or undefined if the text is not base64. */
export function decodeBase64(text: string): string | undefined {
  if (!B64.test(text)) return undefined;
  return atob(text);
}

/** Encodes a binary string (one char per octet) as base64. */
export function encodeBase64(binary: string): string {
  return btoa(binary);
}

/** Credentials a PLAIN message carries (RFC 4616 §2: [authzid] NUL authcid NUL passwd). */
export interface PlainCredentials {
  authzid: string;
  authcid: string;
  password: string;
}

/** Parses a base64 PLAIN message; undefined when it is not base64 or not three NUL-separated fields. */
export function parsePlain(base64: string): PlainCredentials | undefined {
  const decoded = decodeBase64(base64);
  if (decoded === undefined) return undefined;
  const parts = decoded.split('\0');
  if (parts.length !== 3 || parts[1] === '') return undefined;
  return { authzid: parts[0]!, authcid: parts[1]!, password: parts[2]! };
}

/** The LOGIN mechanism's two challenges (an expired draft, but universal): "Username:" and "Password:". */
export const LOGIN_CHALLENGES = { username: encodeBase64('Username:'), password: encodeBase64('Password:') } as const;

/** The client cancels a SASL exchange by sending "*" (RFC 4954 §4, RFC 5034 §4, RFC 3501 §6.2.2). */
export const SASL_CANCEL = '*';
