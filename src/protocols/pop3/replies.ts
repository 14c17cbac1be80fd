/**
 * What the POP3 server says, in Dovecot 2.3's words where the reference captures show them (sheet §3,
 * Appendix A.6–A.9), and the catalogue a learner opens to learn what a status, response code or token means.
 */
import { CHALLENGE_KEY, explainChallenge } from '../shared/challenge.ts';
import type { ReplyExplanation } from '../shared/explanation.ts';
import { echo } from './format.ts';

/** What to say first about a reply in its context (the command, the state, the port): context-rules.ts. */
export { pop3InContext } from './context-rules.ts';

/** The reply texts, one place for all of them. */
export const REPLY = {
  // No "<…>" timestamp: it exists only for APOP (RFC 1939 §7), which is off, as Dovecot's default has it.
  greeting: '+OK Mailwire POP3 ready.',
  ok: '+OK',
  loggedIn: '+OK Logged in.',
  // Dovecot's login process says "Logging out" without a period; its mail process adds one.
  loggingOutBeforeLogin: '+OK Logging out',
  loggingOut: '+OK Logging out.',
  loggingOutDeleted: '+OK Logging out, messages deleted.',
  beginTls: '+OK Begin TLS negotiation now.',
  // Dovecot's src/login-common/client-common.c client_cmd_starttls(); RFC 2595 §4 only asks for -ERR.
  tlsActive: '-ERR TLS is already active.',
  plaintextDisallowed: '-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
  authFailed: '-ERR [AUTH] Authentication failed.',
  noUsername: '-ERR No username given.',
  inUse: '-ERR [IN-USE] Mailbox is locked by another POP3 session.',
  // Not credential problems, so no [AUTH] code (RFC 3206 §5); the words are Dovecot's.
  unsupportedMechanism: '-ERR Unsupported authentication mechanism.',
  authAborted: '-ERR Authentication aborted by client.',
  badBase64Initial: '-ERR Invalid base64 data in initial response',
  badBase64Continued: '-ERR Invalid base64 data in continued response',
  // Dovecot's pop3-login cmd_apop() without an APOP challenge (sheet Appendix A.7).
  apopNotEnabled: '-ERR APOP not enabled.',
  /** Before login (Dovecot's pop3-login process). */
  unknownBeforeLogin: '-ERR Unknown command.',
  /** After login (Dovecot's pop3 process names the verb). */
  unknown: (verb: string) => `-ERR Unknown command: ${echo(verb)}`,
  markedDeleted: '+OK Marked to be deleted.',
  messageDeleted: '-ERR Message is deleted.',
  noSuchMessage: (n: number) => `-ERR There's no message ${n}.`,
  expunged: (n: number) => `-ERR Message ${n} expunged.`,
  // Dovecot's src/pop3/pop3-client.c client_input(), for lines over its buffer.
  lineTooLong: '-ERR Input line too long.',
  // Dovecot's client_idle_timeout() (pop3) and client_idle_disconnect_timeout() (login-common).
  inactivity: '-ERR Disconnected for inactivity.',
  inactivityDuringAuth: '-ERR Disconnected for inactivity during authentication.',
  internalError: '-ERR [SYS/TEMP] Internal error.',
  // The last words before the server hangs up on bad commands: pop3-login/client.c, then pop3/pop3-client.c.
  tooManyBadBeforeLogin: '-ERR Too many invalid bad commands.',
  tooManyBad: '-ERR Too many bad commands.',
  /** A SASL challenge (RFC 5034 §4): "+ " and the base64 data, which may be empty. */
  challenge: (base64: string) => `+ ${base64}`,
} as const;

/** A catalogue entry (the shape all three protocols share). */
export type Pop3Explanation = ReplyExplanation;

const ENTRIES: Pop3Explanation[] = [
  { token: '+OK', title: 'Positive status', text: 'The command worked. Every POP3 response begins with +OK or -ERR; the words after it are for people and differ between servers.', rfc: 'RFC 1939 §3' },
  { token: '-ERR', title: 'Negative status', text: 'The command failed or is not allowed in this state. Clients act on -ERR and any response code in brackets, never on the words.', rfc: 'RFC 1939 §3' },
  { token: '+', title: 'SASL continuation', text: 'During AUTH the server sends "+ " and a base64 challenge (often empty); the client answers with one line of base64, or "*" to cancel.', rfc: 'RFC 5034 §4' },
  { token: '.', title: 'End of a multi-line response', text: 'A line holding only "." ends CAPA, LIST, UIDL, RETR and TOP responses, and the AUTH mechanism list.', rfc: 'RFC 1939 §3' },
  { token: '..', title: 'Byte-stuffing', text: 'A data line that begins with "." is sent with one more "." in front, so it cannot be mistaken for the end; the client removes it again.', rfc: 'RFC 1939 §3' },
  { token: '[IN-USE]', title: 'Maildrop in use', text: 'The login was correct, but another POP3 session holds the lock on this maildrop. Try again after that session has ended.', rfc: 'RFC 2449 §8.1.2' },
  { token: '[LOGIN-DELAY]', title: 'Logged in too recently', text: 'The login was correct, but the server allows the next one only after a delay. Mailwire has no such delay and never sends this code.', rfc: 'RFC 2449 §8.1.1' },
  { token: '[SYS/TEMP]', title: 'Temporary system problem', text: 'The server failed, not the login; trying again later may work.', rfc: 'RFC 3206 §4' },
  { token: '[SYS/PERM]', title: 'Permanent system problem', text: 'The server failed in a way that needs an administrator, such as a damaged mailbox. Mailwire never sends it.', rfc: 'RFC 3206 §4' },
  { token: '[AUTH]', title: 'Credentials problem', text: 'Authentication failed because of the credentials or the login policy, e.g. a wrong password, or a password sent before TLS. Retrying the same login will fail again.', rfc: 'RFC 3206 §5' },
  { token: 'CAPA', title: 'CAPA capability', text: 'The server answers the CAPA command with its capability list.', rfc: 'RFC 2449 §5' },
  { token: 'TOP', title: 'TOP capability', text: 'The server supports TOP: the headers and the first lines of a message.', rfc: 'RFC 2449 §6.1' },
  { token: 'UIDL', title: 'UIDL capability', text: 'The server gives each message a unique id that stays the same across sessions, so a client can leave mail on the server and skip what it already has.', rfc: 'RFC 2449 §6.8' },
  { token: 'USER', title: 'USER capability', text: 'USER and PASS logins are allowed now. This server, like Dovecot by default, lists it only once TLS is active.', rfc: 'RFC 2449 §6.2' },
  { token: 'SASL', title: 'SASL capability', text: 'The SASL mechanisms AUTH accepts now. This server, like Dovecot by default, lists none before TLS on port 110, because PLAIN and LOGIN would expose the password.', rfc: 'RFC 2449 §6.3' },
  { token: 'RESP-CODES', title: 'RESP-CODES capability', text: 'A bracketed word after -ERR is a response code meant for the client program.', rfc: 'RFC 2449 §6.4' },
  { token: 'PIPELINING', title: 'PIPELINING capability', text: 'The client may send several commands without waiting for each response.', rfc: 'RFC 2449 §6.6' },
  { token: 'EXPIRE', title: 'EXPIRE capability', text: 'The server’s own retention policy for messages a client has retrieved, besides what DELE marks: a number of days, 0 (they may be deleted once the session ends), or NEVER (the server’s policy deletes nothing).', rfc: 'RFC 2449 §6.7' },
  { token: 'IMPLEMENTATION', title: 'IMPLEMENTATION capability', text: 'Names the server software, for people reading logs.', rfc: 'RFC 2449 §6.9' },
  { token: 'AUTH-RESP-CODE', title: 'AUTH-RESP-CODE capability', text: 'Every failure caused by the credentials carries the [AUTH] response code.', rfc: 'RFC 3206' },
  { token: 'STLS', title: 'STLS capability', text: 'STLS upgrades this plaintext connection to TLS; it is offered only before TLS and before login.', rfc: 'RFC 2595 §4' },
  { token: 'PLAIN', title: 'PLAIN mechanism', text: 'The client sends authorization id, user name and password in one base64 line: safe only inside TLS.', rfc: 'RFC 4616 §2' },
  { token: 'LOGIN', title: 'LOGIN mechanism', text: 'The server asks "Username:" then "Password:" in base64 and the client answers each; an old draft mechanism that clients still use.', rfc: 'draft-murchison-sasl-login' },
];

const BY_TOKEN = new Map(ENTRIES.map((e) => [e.token, e]));

/**
 * Explains a POP3 token: a status (+OK, -ERR), a response code with or without brackets, "+", ".", "..", a
 * capability keyword (with or without its arguments), a SASL mechanism, or a challenge's base64 (key "base64:…").
 * Undefined for anything else.
 */
export function explainPop3(token: string): Pop3Explanation | undefined {
  if (token.startsWith(CHALLENGE_KEY)) return explainChallenge(token, 'RFC 5034 §4');
  const t = token.trim();
  if (BY_TOKEN.has(t)) return BY_TOKEN.get(t);
  const upper = t.toUpperCase();
  const bracketed = /^\[?([A-Z/-]+)\]?$/.exec(upper);
  if (bracketed && BY_TOKEN.has(`[${bracketed[1]}]`)) return BY_TOKEN.get(`[${bracketed[1]}]`);
  return BY_TOKEN.get(upper.split(' ')[0] ?? '');
}

/** Every token the catalogue explains. */
export const POP3_TOKENS: readonly string[] = ENTRIES.map((e) => e.token);
