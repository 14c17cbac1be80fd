/** What the lab says to open sessions when it stops (Ctrl-C), where the protocol lets a server speak unasked. */
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
