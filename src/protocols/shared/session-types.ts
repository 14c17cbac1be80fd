/** The shapes every simulated session shares, whatever its protocol: what the UI, the lab and the tests read. */
import type { SecurityMode } from '../../data/schema.ts';
import type { ProtocolName } from '../registry.ts';

export type { ProtocolName };

/** One entry of a session transcript, in wire order. */
export type TranscriptEntry =
  | { kind: 'client'; text: string; encrypted: boolean }
  | { kind: 'server'; text: string; encrypted: boolean }
  | {
      kind: 'event';
      /** tls: the TLS handshake happened here; closed: the server or client ended the connection. */
      event: 'tls' | 'closed';
      text: string;
    };

/** What one client line caused. */
export interface SessionStep {
  /** The server's reply lines, without CRLF (may be empty, e.g. inside SMTP DATA). */
  replies: string[];
  /** The client line, the replies and any events, in order, each marked encrypted or not. */
  entries: TranscriptEntry[];
  /** The server accepted STARTTLS/STLS: a real transport must start the TLS handshake now. */
  startTls: boolean;
  /** The connection is closed after these replies. */
  closed: boolean;
}

/** What a UI needs to show where the session stands. */
export interface SessionView {
  protocol: ProtocolName;
  port: number;
  /** The RFC's name for the current state, e.g. "authorization" or "selected". */
  state: string;
  /** Whether TLS is active now. */
  tls: boolean;
  /** How the port protects the connection (from src/data). */
  security: SecurityMode;
  /** Whether the connection is closed. */
  closed: boolean;
  /** Command verbs the current state accepts, from the machine. */
  allowedCommands: string[];
  /** What the server waits for: a command, message data, a SASL response, literal octets, or DONE (IDLE). */
  expects: 'command' | 'data' | 'sasl' | 'literal' | 'idle';
  /** The logged-in user, if any. */
  user: string | undefined;
}

/** One client connection to one simulated server. */
export interface Session {
  readonly id: string;
  readonly protocol: ProtocolName;
  readonly port: number;
  /** What the server sends on connect (after the TLS event on implicit-TLS ports). */
  readonly greeting: TranscriptEntry[];
  /** Feeds one client line (without CRLF; one char per octet) and returns what it caused. Never throws. */
  send(line: string): SessionStep;
  /** The current state for a UI. */
  view(): SessionView;
  /** Lines the server sends unasked (IMAP untagged updates during IDLE). Returns an unsubscribe function. */
  onPush(listener: (entries: TranscriptEntry[]) => void): () => void;
  /** The server's idle timer ran out: its farewell, then the connection closes. */
  timeout(): SessionStep;
  /** The connection dropped without QUIT/LOGOUT: nothing is committed (RFC 1939 §6). */
  drop(): void;
  /** How many lines hit the internal-error safety net; tests require 0. */
  readonly internalErrors: number;
  /** How a byte transport frames the next line now (the lab's line splitter asks before each line). */
  framing(): LineFraming;
}

/** What a transport needs to cut the next line exactly where the server will. */
export interface LineFraming {
  /** The longest line the current state accepts, in octets without CRLF. */
  maxLineOctets: number;
  /**
   * Octets of an IMAP literal still owed (RFC 3501 §4.3), 0 outside one. They are counted raw, whatever their
   * lines: inside them only CRLF ends a line, so a bare LF stays in the data and the count stays right.
   */
  literalOctets: number;
}
