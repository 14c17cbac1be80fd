/** What the course's simulated mail clients (src/protocols/<p>/client/) share: the account, the connection, a message. */
import type { Session } from './session-types.ts';

/** The account the two-devices clients log in to: alice's mailbox of the mail world (world.ts). */
export const ACCOUNT = { user: 'alice', password: 'wonderland' } as const;

/** One message as a client holds it in its own list. */
export interface LocalMessage {
  /** The server's id for it: the POP3 UIDL or the IMAP UID, as text. */
  key: string;
  subject: string;
  /** The sender's display name, or the address when there is none. */
  from: string;
  seen: boolean;
  flagged: boolean;
}

/** Opens a session on the shared world: the only way a client reaches the server. */
export type Connect = () => Session;
