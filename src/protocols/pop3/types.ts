/**
 * POP3 session types (RFC 1939 §3–§7, RFC 2449, RFC 2595 §4, RFC 5034). Pure data: the machine keeps a
 * `Pop3Context` and asks `respond()` what each client line does to it.
 */
import type { MailPersonality } from '../shared/personality.ts';
import type { MailWorld } from '../shared/world.ts';

/** Every command verb the server knows (RFC 1939 §4–§7, RFC 2449 §5, RFC 2595 §4, RFC 5034 §4). */
export const POP3_VERBS = [
  'CAPA',
  'STLS',
  'USER',
  'PASS',
  'APOP',
  'AUTH',
  'QUIT',
  'STAT',
  'LIST',
  'RETR',
  'DELE',
  'NOOP',
  'RSET',
  'TOP',
  'UIDL',
] as const;

/** A POP3 command verb. */
export type Pop3Verb = (typeof POP3_VERBS)[number];

/** One message of the maildrop as the session saw it at login (RFC 1939 §5: numbers are per session). */
export interface MaildropEntry {
  /** The message's UID in INBOX; with UIDVALIDITY it makes the UIDL string. */
  readonly uid: number;
  /** Size in octets, as LIST and STAT count it. */
  readonly size: number;
}

/** Which client response a SASL exchange waits for (RFC 5034 §4). */
export type SaslStep = 'plain' | 'loginUsername' | 'loginPassword' | 'xoauth2';

/** A SASL exchange in progress: the step and, for LOGIN, the user name already given. */
export interface SaslExchange {
  step: SaslStep;
  username: string;
}

/** Everything a POP3 session knows. Its first five fields are the session contract's `SessionContextBase`. */
export interface Pop3Context {
  /** Lines the last event produced (the greeting, initially). */
  reply: string[];
  /** TLS is active. */
  tls: boolean;
  /** The last event accepted STLS (RFC 2595 §4): the handshake follows the reply. */
  startTls: boolean;
  /** The connection is closed after `reply`. */
  closed: boolean;
  /** The logged-in user: set in TRANSACTION only. */
  user: string | undefined;
  /** The shared mail world this session reads and, in UPDATE, changes. */
  world: MailWorld;
  /** This connection's id: the lock holder and the origin of world changes. */
  sessionId: string;
  /** The port refuses passwords before TLS (port 110; RFC 8314 §4.1, Dovecot's disable_plaintext_auth). */
  tlsRequired: boolean;
  /** The name a successful USER gave; PASS may follow (RFC 1939 §7). */
  pendingUser: string | undefined;
  /** The SASL exchange in progress, if any (RFC 5034 §4). */
  sasl: SaslExchange | undefined;
  /** The maildrop as it was at login; it stays fixed for the session (RFC 1939 §4–§5). */
  maildrop: MaildropEntry[];
  /** UIDVALIDITY of INBOX at login, the second half of every UIDL string. */
  uidValidity: number;
  /** Message numbers marked by DELE, ascending; removed only in UPDATE (RFC 1939 §6). */
  deleted: number[];
  /** Another vendor's server this session talks to (Exchange Online); absent: the Dovecot-like server. */
  server?: MailPersonality;
}

/** A client line as the machine receives it: the same shape as the session's `ClientEvent`. */
export interface Pop3Event {
  type: string;
  verb: string;
  args: string;
  line: string;
}

/**
 * What a client line leads to; step.ts names the state each outcome leads to. `notAllowed` means the command
 * is not accepted in this state: the decision is a refusal, the machine takes no transition, the reply is sent.
 */
export type Pop3Outcome = 'stay' | 'userAccepted' | 'challenge' | 'loggedIn' | 'inUse' | 'rejected' | 'quit' | 'notAllowed';

/** The answer to one client line: the outcome, the reply lines and the context fields that change. */
export interface Pop3Step {
  outcome: Pop3Outcome;
  reply: string[];
  patch?: Partial<Pop3Context>;
}
