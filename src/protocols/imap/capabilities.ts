/**
 * What the server advertises (RFC 3501 §6.1.1, §7.2.1). Like Dovecot, the list depends on the session: before
 * TLS on 143 it offers STARTTLS and LOGINDISABLED (RFC 3501 §6.2.1, RFC 8314 §4), after TLS AUTH=PLAIN, and
 * after login the extensions of the authenticated states. Only what this server implements is listed.
 */

/** Extensions offered in every state: SASL-IR (RFC 4959), ID (RFC 2971), ENABLE (RFC 5161), IDLE (RFC 2177), LITERAL+ (RFC 7888). */
const BASE = ['IMAP4rev1', 'SASL-IR', 'ID', 'ENABLE', 'IDLE', 'LITERAL+'];

/**
 * After login: UNSELECT (RFC 3691), CHILDREN (RFC 3348), NAMESPACE (RFC 2342), UIDPLUS (RFC 4315),
 * MOVE (RFC 6851), SPECIAL-USE (RFC 6154), in Dovecot's order.
 */
const AUTHENTICATED = ['IMAP4rev1', 'SASL-IR', 'ID', 'ENABLE', 'IDLE', 'UNSELECT', 'CHILDREN', 'NAMESPACE', 'UIDPLUS', 'MOVE', 'LITERAL+', 'SPECIAL-USE'];

/** The capability list before login: STARTTLS and LOGINDISABLED until TLS is up, then AUTH=PLAIN. */
export function preLoginCapabilities(tls: boolean): string {
  return [...BASE, ...(tls ? ['AUTH=PLAIN'] : ['STARTTLS', 'LOGINDISABLED'])].join(' ');
}

/** The capability list after login, as the LOGIN/AUTHENTICATE OK carries it in its [CAPABILITY] code. */
export function postLoginCapabilities(): string {
  return AUTHENTICATED.join(' ');
}

/** Every capability name the server can advertise, for the reply catalogue's tests. */
export const ALL_CAPABILITIES: readonly string[] = [...new Set([...BASE, ...AUTHENTICATED, 'STARTTLS', 'LOGINDISABLED', 'AUTH=PLAIN'])];
