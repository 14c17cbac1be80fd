/** The SMTP session's context and events, and the facts the pure rules in this folder read from them. */
import type { OfferFacts } from './capabilities.ts';
import { EMPTY_MESSAGE, type MessageBuffer } from './data.ts';
import { SMTP } from './replies.ts';
import type { SequenceFacts } from './sequence.ts';
import type { MailPersonality } from '../shared/personality.ts';
import type { MailWorld, WorldChange } from '../shared/world.ts';

/** Who the session serves: relay (port 25), submission (587, 465) or mailbox access. */
export type SmtpRole = 'relay' | 'submission' | 'access';

/** What the session starts from: the session contract's input, as far as SMTP reads it. */
export interface SmtpInput {
  world: MailWorld;
  role: SmtpRole;
  clientAddress: string;
  implicitTls: boolean;
  /** Another vendor's server (Exchange Online); absent: the Postfix-like server. */
  server?: MailPersonality;
}

/** A client line as the machine receives it (the session contract's ClientEvent). */
export interface SmtpLineEvent {
  type: string;
  /** The command verb in upper case ("" for text lines). */
  verb: string;
  args: string;
  line: string;
}

/** Everything one SMTP session remembers. */
export interface SmtpContext {
  /** Lines produced by the last event (the greeting, initially). */
  reply: string[];
  /** TLS is active. */
  tls: boolean;
  /** The last event accepted STARTTLS: TLS starts after `reply`. */
  startTls: boolean;
  /** The connection is closed after `reply`. */
  closed: boolean;
  /** The authenticated user, if any. */
  user: string | undefined;
  readonly world: MailWorld;
  readonly role: SmtpRole;
  readonly clientAddress: string;
  /** The name given with EHLO/HELO (RFC 5321 §4.1.1.1); undefined before it and after STARTTLS (RFC 3207 §4.2). */
  helo: string | undefined;
  /** The client greeted with EHLO (extended SMTP) rather than HELO. */
  esmtp: boolean;
  /** The open transaction's reverse-path ('' for the null sender); undefined when none is open. */
  sender: string | undefined;
  /** Forward-paths accepted in the open transaction (RFC 5321 §4.1.1.3). */
  recipients: string[];
  /** The message text while DATA is read. */
  message: MessageBuffer;
  /** LOGIN's user name, kept until the password arrives. */
  loginUser: string | undefined;
  /** Another vendor's server this session talks to (Exchange Online); absent: the Postfix-like server. */
  readonly server?: MailPersonality;
  /** AUTH XOAUTH2 waits for its message (only on a personality that offers it). */
  xoauth2Pending?: boolean;
}

/** Events the machine takes: client lines (see ClientEvent), a lost connection, and world changes (ignored). */
export type SmtpEvent = SmtpLineEvent | { type: 'client.dropped' } | { type: 'world.changed'; change: WorldChange };

/** The state of a session that has no transaction open: what RSET, EHLO and the end of DATA return to. */
export const NO_TRANSACTION = { sender: undefined, recipients: [] as string[], message: EMPTY_MESSAGE, loginUser: undefined };

/** The context at connection: the greeting is the first reply (RFC 5321 §3.1); TLS is up already on 465. */
export function initialContext(input: SmtpInput): SmtpContext {
  return {
    reply: [input.server ? input.server.smtp.greeting : SMTP.greeting],
    tls: input.implicitTls,
    startTls: false,
    closed: false,
    user: undefined,
    world: input.world,
    role: input.role,
    clientAddress: input.clientAddress,
    helo: undefined,
    esmtp: false,
    ...NO_TRANSACTION,
    ...(input.server ? { server: input.server } : {}),
  };
}

/** The facts the command-order rules read. */
export function sequenceFacts(c: SmtpContext): SequenceFacts {
  return {
    greeted: c.helo !== undefined,
    inTransaction: c.sender !== undefined,
    hasRecipients: c.recipients.length > 0,
    tls: c.tls,
    user: c.user,
    role: c.role,
  };
}

/** The facts that decide what EHLO and HELP offer. */
export function offerFacts(c: SmtpContext): OfferFacts {
  return { tls: c.tls, role: c.role, sizeLimit: c.world.limits.messageOctets };
}

/** The command arguments of an event ('' for events that are not client lines). */
export function argsOf(event: SmtpEvent): string {
  return 'args' in event ? event.args : '';
}

/** The line of an event ('' for events that are not client lines). */
export function lineOf(event: SmtpEvent): string {
  return 'line' in event ? event.line : '';
}

/** The verb an event carries, from its type ("client.mail" is MAIL), so hand-made events work too. */
export function verbOf(event: SmtpEvent): string {
  return event.type.startsWith('client.') ? event.type.slice('client.'.length).toUpperCase() : '';
}

/** A line of text (message or SASL response), not a command: the driver gives those an empty verb. */
export function isTextLine(event: SmtpEvent): boolean {
  return event.type === 'client.data' && 'verb' in event && event.verb === '';
}
