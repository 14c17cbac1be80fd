/** The shapes every simulated session shares, whatever its protocol: what the UI, the lab and the tests read. */
import type { SecurityMode } from '../../data/schema.ts';
import type { ProtocolName } from '../registry.ts';
import type { HttpRequest, HttpResponse } from './http-types.ts';

export type { ProtocolName };

/**
 * The HTTP-framed protocols the engine simulates: Microsoft Exchange (both deployments and the identity platform,
 * told apart by the host a request addresses) and "hello", a test protocol that lessons never show.
 */
export type HttpProtocolName = 'exchange' | 'hello';

/** Every protocol a session can speak, whatever its framing. */
export type AnyProtocolName = ProtocolName | HttpProtocolName;

/** The HTTP-framed protocols, for telling a protocol's framing where only its name is at hand. */
export const HTTP_PROTOCOLS: readonly HttpProtocolName[] = ['exchange', 'hello'];

/** Whether a protocol is framed as HTTP requests and responses rather than lines. */
export function isHttpProtocol(protocol: AnyProtocolName): protocol is HttpProtocolName {
  return (HTTP_PROTOCOLS as readonly string[]).includes(protocol);
}

/**
 * One entry of a session transcript, in wire order: a line (line protocols), an HTTP request or response
 * (HTTP protocols), or an event. `kind` tells them apart. Every entry has a one-line `text`; for HTTP messages it
 * is the start line ("GET /hello HTTP/1.1", "HTTP/1.1 200 OK"), a summary: the message itself is in `request` or
 * `response`.
 */
export type TranscriptEntry =
  | { kind: 'client'; text: string; encrypted: boolean }
  | { kind: 'server'; text: string; encrypted: boolean }
  | { kind: 'request'; text: string; request: HttpRequest; encrypted: boolean }
  | { kind: 'response'; text: string; response: HttpResponse; encrypted: boolean }
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

/**
 * Work a command will need, done ahead a slice at a time by a transport that keeps its other clients served (the
 * lab); the command then runs as ever and reads what was done, so its replies are the same.
 */
export interface Preparation {
  /** Each step does one slice; the transport lets other work run between steps. */
  work(): Iterator<void>;
  /** Called once the command has run (or never will): what the preparation holds can go. */
  release(): void;
}

/** One client connection to one simulated server of a line protocol. */
export interface Session {
  /** How messages are framed: one line each. */
  readonly framingKind: 'line';
  readonly id: string;
  readonly protocol: ProtocolName;
  readonly port: number;
  /** What the server sends on connect (after the TLS event on implicit-TLS ports). */
  readonly greeting: TranscriptEntry[];
  /** Feeds one client line (without CRLF; one char per octet) and returns what it caused. Never throws. */
  send(line: string): SessionStep;
  /** The slow part of what `send(line)` would do now, to be done ahead in slices; undefined when nothing is slow. */
  prepare?(line: string): Preparation | undefined;
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

/** What one HTTP request caused. */
export interface HttpStep {
  /** The server's response; undefined when the connection was already closed and nothing was sent. */
  response: HttpResponse | undefined;
  /** The request, the response and any events, in order, each marked encrypted or not. */
  entries: TranscriptEntry[];
  /** The connection is closed after this response (the client asked, or the request could not be framed). */
  closed: boolean;
}

/** What a UI needs to show where an HTTP session stands. */
export interface HttpSessionView extends Omit<SessionView, 'protocol' | 'expects' | 'allowedCommands'> {
  protocol: HttpProtocolName;
  /** The methods the server knows; which a path allows, its 405 says (RFC 9110 §15.5.6). */
  allowedCommands: string[];
  /** An HTTP server waits for the next request, nothing else. */
  expects: 'request';
}

/** The sizes an HTTP server takes, so a transport stops reading where the server would refuse. */
export interface HttpLimits {
  /** The longest request line (method, target, version), in octets without CRLF; past it 414 or 400. */
  requestLineOctets: number;
  /** The largest header section (every field line with its CRLF); past it 431 (RFC 6585 §5). */
  headerOctets: number;
  /** The largest body; past it 413 (RFC 9110 §15.5.14). */
  bodyOctets: number;
}

/** Why a transport could not hand a request to the session: it answers with the matching status and closes. */
export type HttpFramingProblem = 'bad-request' | 'uri-too-long' | 'header-too-large' | 'body-too-large';

/** One client connection to one simulated HTTP server: a request in, a response out. */
export interface HttpSession {
  /** How messages are framed: HTTP/1.1 requests and responses (RFC 9112). */
  readonly framingKind: 'http';
  readonly id: string;
  readonly protocol: HttpProtocolName;
  readonly port: number;
  /** What happens on connect: the TLS event on an https port; an HTTP server says nothing first. */
  readonly greeting: TranscriptEntry[];
  /** Answers one request. Never throws; a request over the limits gets 413 or 431 without reaching the server. */
  exchange(request: HttpRequest): HttpStep;
  /** The transport could not frame a request (bad request line, header or body too large): its answer, then close. */
  refuse(problem: HttpFramingProblem, detail?: string): HttpStep;
  /** The current state for a UI. */
  view(): HttpSessionView;
  /** The limits a transport frames requests by. */
  limits(): HttpLimits;
  /** The client stayed silent past the server's keep-alive timeout: the connection closes without a word. */
  timeout(): { entries: TranscriptEntry[]; closed: true };
  /** The connection dropped. */
  drop(): void;
  /** How many requests hit the internal-error safety net; tests require 0. */
  readonly internalErrors: number;
}

/** A session of either framing; `framingKind` tells which. */
export type AnySession = Session | HttpSession;
