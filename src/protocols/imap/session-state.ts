/**
 * The state one IMAP session carries between lines, and what a command handler gives back. The machine keeps
 * this state in its context; the handlers in ./commands read it and return changes, never mutating it.
 */
import type { MailPersonality } from '../shared/personality.ts';
import type { MailWorld } from '../shared/world.ts';
import type { ImapEffect } from './effects.ts';
import type { MailboxView } from './mailbox-view.ts';

/**
 * The machine state a line leads to: the RFC 3501 §3 states and the sub-states where the server waits for
 * literal octets, a SASL response (§6.2.2) or DONE (RFC 2177).
 */
export type ImapPhase =
  | 'notAuthenticated'
  | 'notAuthenticated.literal'
  | 'notAuthenticated.authenticating'
  | 'authenticated'
  | 'authenticated.literal'
  | 'authenticated.idling'
  | 'selected'
  | 'selected.literal'
  | 'selected.idling'
  | 'logout';

/** A command whose literal octets are still arriving (RFC 3501 §4.3, RFC 7888). */
export interface PendingLiteral {
  tag: string;
  verb: string;
  /** The first line, for the event the finished command becomes. */
  line: string;
  /** The arguments so far, literals in place as "{n}" CRLF octets. */
  text: string;
  /** Octets of the current literal still to come. */
  need: number;
  /** The literal ended with a line: the next line holds the rest of the command line. */
  awaitingRest: boolean;
  /** The command already failed (LITERAL+ after a NO): the octets are read and dropped, never run as commands. */
  discard: boolean;
}

/** Everything a session remembers. */
export interface ImapState {
  world: MailWorld;
  sessionId: string;
  tls: boolean;
  user: string | undefined;
  view: MailboxView | undefined;
  /** Invalid commands counted as Dovecot does, to end a session that only sends garbage. */
  badCount: number;
  literal: PendingLiteral | undefined;
  /** The tag of the AUTHENTICATE waiting for its SASL response. */
  saslTag: string | undefined;
  /** The tag of the running IDLE. */
  idleTag: string | undefined;
  /** The mechanism of the AUTHENTICATE waiting for its response (PLAIN when absent). */
  saslMechanism?: 'PLAIN' | 'XOAUTH2';
  /** Another vendor's server this session talks to (Exchange Online); absent: the Dovecot-like server. */
  server?: MailPersonality;
}

/** A client command line as the handlers get it; `uid` is set for the UID forms (RFC 3501 §6.4.8). */
export interface ImapCommand {
  tag: string;
  verb: string;
  args: string;
  line: string;
  uid: boolean;
}

/** What a handler returns. */
export interface CommandResult {
  /** Untagged lines (and continuation requests) before the tagged reply. */
  untagged?: string[];
  /** The tagged reply without its tag ("OK Fetch completed."); absent when the command goes on. */
  tagged?: string;
  /** Lines after the tagged reply (a BYE before disconnecting). */
  after?: string[];
  state?: Partial<ImapState>;
  /** Where the session goes; by default the RFC state that follows from user and view. */
  next?: ImapPhase;
  /** Which pending updates of other sessions go out before the tagged reply (RFC 3501 §5.2, §7.4.1). */
  sync?: 'all' | 'noExpunge' | 'none';
  /** A BAD Dovecot counts toward its limit of invalid commands. */
  bad?: boolean;
  startTls?: boolean;
  closed?: boolean;
  /** The world changes the command makes, in order, once the machine has recorded it (effects.ts). */
  effects?: ImapEffect[];
}

/** What one line did: the machine assigns `state`, sends `reply` and moves to `next`; the session makes `effects`. */
export interface Outcome {
  reply: string[];
  next: ImapPhase;
  state: Partial<ImapState>;
  startTls: boolean;
  closed: boolean;
  effects?: ImapEffect[];
}

/** The RFC state that follows from who is logged in and what is selected. */
export function phaseOf(s: Pick<ImapState, 'user' | 'view'>): 'notAuthenticated' | 'authenticated' | 'selected' {
  if (s.user === undefined) return 'notAuthenticated';
  return s.view ? 'selected' : 'authenticated';
}
