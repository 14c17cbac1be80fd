/**
 * One client connection to an HTTP listener of the lab: frames requests from the bytes (http-framing.ts),
 * answers each through the session, in order, on a connection that persists between requests (RFC 9112 §9.3),
 * and closes it as RFC 9112 says: after "Connection: close", after an HTTP/1.0 request without keep-alive, and
 * after a request it could not frame (400, 413, 414, 431), with a lingering close so the client reads the answer.
 * Every handler runs inside a guard: an error ends this connection with a 500, never the lab.
 */
import type { Socket } from 'node:net';
import { openHttpSession } from '../machines/http-session.ts';
import { textResponse } from '../protocols/shared/http-errors.ts';
import { requestLines, responseLines, statusLine, withLength } from '../protocols/shared/http-text.ts';
import type { HttpResponse } from '../protocols/shared/http-types.ts';
import type { HttpProtocolName, HttpSession, HttpStep } from '../protocols/shared/session-types.ts';
import type { MailWorld } from '../protocols/shared/world.ts';
import { HttpRequestReader } from './http-framing.ts';
import { SessionLog, type TranscriptLimits } from './session-log.ts';
import { sessionTag } from './transcript.ts';

/** What an HTTP connection needs from its listener. */
export interface HttpConnectionContext {
  world: MailWorld;
  protocol: HttpProtocolName;
  standardPort: number;
  listenPort: number;
  /** A kept-alive connection silent this long is closed without a word (RFC 9112 §9.8). */
  idleMs: number;
  /** A request begun must be whole within this long (then 408), and a client must read its response within it. */
  commandMs: number;
  log: ((line: string) => void) | undefined;
  transcript: TranscriptLimits;
  onClose(connection: HttpConnection): void;
  onInternalError(error: unknown): void;
}

/** How long the lab keeps reading (and dropping) what a client still sends after the last response, before closing. */
const LINGER_MS = 2000;

/** A client connection bound to one HTTP session. */
export class HttpConnection {
  readonly session: HttpSession;
  readonly #ctx: HttpConnectionContext;
  readonly #socket: Socket;
  readonly #encrypted: boolean;
  readonly #reader: HttpRequestReader;
  readonly #log: SessionLog | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** The deadline of a request whose first octets have arrived; more octets do not restart it. */
  #begun = false;
  #state: 'open' | 'closing' | 'closed' = 'open';
  /** Responses handed to the socket and not yet taken by it: the next request waits for them (back-pressure). */
  #writing = 0;

  /** Opens the session; `socket` is a TLSSocket after the handshake on https ports. */
  constructor(ctx: HttpConnectionContext, socket: Socket, encrypted: boolean) {
    this.#ctx = ctx;
    this.#socket = socket;
    this.#encrypted = encrypted;
    this.session = openHttpSession(ctx.world, ctx.protocol, ctx.standardPort);
    this.#reader = new HttpRequestReader(this.session.limits());
    this.#log = ctx.log && new SessionLog(sessionTag(ctx.listenPort, this.session.id), false, ctx.log, ctx.transcript);
    this.#log?.event(`connect from ${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'} to ${ctx.protocol.toUpperCase()} (HTTP) on ${ctx.standardPort}`);
    socket.on('data', this.#guard((chunk: Buffer) => this.#receive(chunk)));
    socket.on('end', this.#guard(() => this.#ended()));
    socket.on('close', this.#guard(() => this.#finish('closed')));
    socket.on('error', this.#guard((error: Error) => this.#finish(`connection error: ${error.message}`)));
    this.#arm();
  }

  /** The lab is stopping: an HTTP server sends nothing unasked; it closes once no response is under way. */
  shutdown(): void {
    if (this.#state !== 'open') return;
    this.#log?.event('lab shutting down');
    this.#close();
  }

  /** Closes at once, without a word. */
  destroy(): void {
    this.#socket.destroy();
    this.#finish('closed');
  }

  #guard<A extends unknown[]>(handler: (...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      try {
        handler(...args);
      } catch (error) {
        this.#crash(error);
      }
    };
  }

  #receive(chunk: Buffer): void {
    if (this.#state !== 'open') return;
    this.#reader.feed(chunk);
    if (!this.#begun && this.#reader.buffered > 0) {
      this.#begun = true;
      this.#arm();
    }
    this.#process();
  }

  /** Answers whole requests in order while the socket takes the responses; reading pauses while it does not. */
  #process(): void {
    while (this.#state === 'open' && this.#writing === 0) {
      const read = this.#reader.next();
      if (read === undefined) break;
      if (read.kind === 'problem') {
        this.#log?.event(`request not framed: ${read.detail}`);
        this.#send(this.session.refuse(read.problem, read.detail), 'GET');
        return this.#close();
      }
      for (const line of requestLines(read.request)) this.#log?.client(line, this.#encrypted);
      const step = this.session.exchange(read.request);
      // RFC 9112 §9.3: HTTP/1.0 without keep-alive, or "Connection: close", is the last request on the connection.
      const last = step.closed || !read.persistent;
      this.#send(step, read.request.method, last && !step.closed);
      this.#begun = this.#reader.buffered > 0;
      this.#arm();
      if (last) return this.#close();
    }
    if (this.#state !== 'open') return;
    if (this.#writing === 0) this.#socket.resume();
    else this.#socket.pause();
  }

  /** Writes a response: status line, fields, Date (RFC 9110 §6.6.1), Content-Length, and the body (none for HEAD). */
  #send(step: HttpStep, method: string, addClose = false): void {
    const response: HttpResponse | undefined = step.response && (addClose ? { ...step.response, headers: [...step.response.headers, ['Connection', 'close']] } : step.response);
    if (!response) return;
    this.#log?.server(responseLines(response), this.#encrypted);
    const fields = [...withLength(response), ['Date', new Date().toUTCString()] as const];
    const head = [statusLine(response), ...fields.map(([n, v]) => `${n}: ${v}`), '', ''].join('\r\n');
    this.#writing += 1;
    this.#socket.write(
      Buffer.from(method === 'HEAD' ? head : head + response.body, 'latin1'),
      this.#guard(() => {
        this.#writing -= 1;
        this.#process();
      }),
    );
  }

  #ended(): void {
    // The client has sent all it will: a request it left unfinished is never answered.
    if (this.#state === 'open') this.#log?.event(this.#reader.buffered > 0 ? 'client closed its side in the middle of a request' : 'client closed its side');
    this.session.drop();
    this.#close();
  }

  /** One timer: the idle limit between requests, or the deadline of a request begun. */
  #arm(): void {
    clearTimeout(this.#timer);
    if (this.#state !== 'open') return;
    this.#timer = setTimeout(
      this.#guard(() => this.#expire()),
      this.#begun ? this.#ctx.commandMs : this.#ctx.idleMs,
    );
  }

  #expire(): void {
    if (this.#state !== 'open') return;
    if (this.#begun) {
      // RFC 9110 §15.5.9: 408 for a request that did not arrive in time, then close.
      this.#log?.event(`request not finished within ${this.#ctx.commandMs / 1000} s`);
      const response = textResponse(408, 'The request did not arrive in time.', [['Connection', 'close']]);
      this.#send({ response, entries: [], closed: true }, 'GET');
    } else {
      this.#log?.event(`idle for ${this.#ctx.idleMs / 1000} s: closing the kept-alive connection`);
      this.session.timeout();
    }
    this.#close();
  }

  /** A lingering close (RFC 9112 §9.6): end our side, read and drop what the client still sends, then close. */
  #close(): void {
    if (this.#state !== 'open') return;
    this.#state = 'closing';
    clearTimeout(this.#timer);
    this.#reader.reset();
    this.session.drop();
    this.#socket.resume();
    this.#socket.end();
    this.#timer = setTimeout(() => this.destroy(), Math.min(LINGER_MS, this.#ctx.commandMs));
  }

  #crash(error: unknown): void {
    if (this.#state === 'closed') return;
    this.#ctx.onInternalError(error);
    this.#log?.event(`internal error (${error instanceof Error ? error.message : String(error)}): closing this connection; the lab goes on`);
    try {
      if (this.#state === 'open' && this.#socket.writable) this.#send({ response: textResponse(500, 'Internal error; the connection closes.', [['Connection', 'close']]), entries: [], closed: true }, 'GET');
    } catch {
      // The socket is going anyway.
    }
    this.#state = 'open';
    this.#close();
  }

  #finish(reason: string): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    clearTimeout(this.#timer);
    this.#reader.reset();
    this.session.drop();
    this.#log?.flush();
    this.#log?.event(reason);
    if (!this.#socket.destroyed) this.#socket.destroy();
    this.#ctx.onClose(this);
  }
}
