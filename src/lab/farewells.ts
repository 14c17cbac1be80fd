/**
 * What the lab itself says before it closes a connection, in each protocol's own words: when it stops
 * (Ctrl-C), when it refuses a connection over its limits, and when something inside it failed. The sessions'
 * own replies (timeouts, errors) come from the protocol servers under src/protocols.
 */
import { SERVER_HOST } from '../protocols/shared/world.ts';
import type { ProtocolName } from '../protocols/shared/session-types.ts';

/**
 * The farewell before closing: SMTP servers that are shut down should send 421 (RFC 5321 §3.8), IMAP servers
 * may send an untagged BYE at any time (RFC 3501 §7.1.5). POP3 defines no unsolicited reply (RFC 1939 §3),
 * so a POP3 client just sees the connection close.
 */
export function shutdownReply(protocol: ProtocolName): string[] {
  switch (protocol) {
    case 'smtp':
      return [`421 4.3.2 ${SERVER_HOST} Service shutting down, closing transmission channel`];
    case 'imap':
      return ['* BYE Server shutting down.'];
    case 'pop3':
      return [];
  }
}

/**
 * The greeting that refuses a connection over the lab's caps, then closes. SMTP: Postfix's words for
 * smtpd_client_connection_count_limit ("421 4.7.0 host Error: too many connections from addr"); 421 may be
 * the greeting (RFC 5321 §3.1). IMAP: a BYE greeting (RFC 3501 §7.1.5). POP3: -ERR with RFC 3206's SYS/TEMP,
 * as the failure is the server's and passes.
 */
export function refusalReply(protocol: ProtocolName, address: string | undefined): string[] {
  const why = address === undefined ? 'Too many connections' : `Too many connections from ${address}`;
  switch (protocol) {
    case 'smtp':
      return [`421 4.7.0 ${SERVER_HOST} Error: ${why.toLowerCase()}`];
    case 'imap':
      return [`* BYE ${why}, try again later.`];
    case 'pop3':
      return [`-ERR [SYS/TEMP] ${why}, try again later.`];
  }
}

/**
 * The farewell after a failure inside the lab (never the client's fault): the session ends, the lab goes on.
 * SMTP 421 closes the channel (RFC 5321 §3.8; 4.3.0 is "other or undefined mail system status", RFC 3463);
 * IMAP an untagged BYE; POP3 -ERR [SYS/TEMP] (RFC 3206 §4), close to Dovecot's "Internal error occurred".
 */
export function internalErrorReply(protocol: ProtocolName): string[] {
  switch (protocol) {
    case 'smtp':
      return [`421 4.3.0 ${SERVER_HOST} Error: internal error, closing transmission channel`];
    case 'imap':
      return ['* BYE Internal error occurred. Refer to the lab transcript for more information.'];
    case 'pop3':
      return ['-ERR [SYS/TEMP] Internal error occurred. Refer to the lab transcript for more information.'];
  }
}

/**
 * What the lab adds when a failure inside the engine closed the session after its own error reply: the
 * protocol's farewell, unless that reply already said it (a 421, a BYE, POP3's -ERR).
 */
export function farewellAfterFailure(protocol: ProtocolName, replies: readonly string[]): string[] {
  const said = { smtp: '421 ', imap: '* BYE ', pop3: '-ERR ' }[protocol];
  return replies.some((r) => r.startsWith(said)) ? [] : internalErrorReply(protocol);
}
