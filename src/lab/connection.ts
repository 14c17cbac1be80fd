/**
 * One client connection of the lab, once TLS is up on implicit-TLS ports: frames the client's bytes into
 * lines as the session's state asks, feeds them to the session, streams the replies under back-pressure,
 * upgrades the same socket to TLS after STARTTLS/STLS, and enforces the idle timeout and the deadline for a
 * command line. Every handler runs inside a guard: an unexpected error ends this session with the protocol's
 * own farewell, never the lab.
 */
import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { openSession } from '../machines/session.ts';
import type { ServerPersonalityId } from '../protocols/shared/personality.ts';
import { lineProfileOf } from '../protocols/registry.ts';
import type { MailWorld } from '../protocols/shared/world.ts';
import type { LineProtocolName, Preparation, Session } from '../protocols/shared/session-types.ts';
import { farewellAfterFailure, internalErrorReply, shutdownReply } from './farewells.ts';
import { LineSplitter } from './framing.ts';
import { SessionLog, type TranscriptLimits } from './session-log.ts';
import { describeTls, upgradeToTls } from './tls-upgrade.ts';
import { sessionTag } from './transcript.ts';
import { ReplyWriter } from './writer.ts';

/** What a connection needs from its listener. */
export interface ConnectionContext {
  world: MailWorld;
  protocol: LineProtocolName;
  /** The port the simulated server believes it runs on (587, 993, …). */
  standardPort: number;
  /** The port the lab listens on, for the log. */
  listenPort: number;
  /** Another vendor's server on this listener (Exchange Online); absent: the course's own. */
  server?: ServerPersonalityId;
  secureContext: SecureContext;
  /** Idle limit: no complete line and no output moving for this long. */
  idleMs: number;
  /** A client that has taken none of the pending output for this long has stopped reading: hang up. */
  stallMs: number;
  /** Deadline for a command line to complete once it has begun, and for a STARTTLS handshake. */
  commandMs: number;
  /** Longest line buffered outside literals, in octets. */
  maxLineOctets: number;
  /** Whether slow commands have their work done ahead in slices (Session.prepare). */
  slicing: boolean;
  /** Where transcript lines go, and how much of a session they show; undefined for a quiet lab. */
  log: ((line: string) => void) | undefined;
  transcript: TranscriptLimits;
  /** Called once when the connection is gone. */
  onClose(connection: LabConnection): void;
  /** Called when a handler failed: the lab counts these (tests require none). */
  onInternalError(error: unknown): void;
}

/** Lines answered in one turn of the event loop before the connection lets others run. */
const LINES_PER_TURN = 256;
/** Unsolicited lines (IMAP pushes) queued behind a reply the client is not reading, before the lab hangs up. */
const MAX_PUSH_BACKLOG = 10_000;

/** A client connection bound to one session. */
export class LabConnection {
  readonly session: Session;
  readonly #ctx: ConnectionContext;
  readonly #log: SessionLog | undefined;
  readonly #splitter: LineSplitter;
  readonly #writer: ReplyWriter;
  readonly #idle: NodeJS.Timeout;
  readonly #unpush: () => void;
  #deadline: NodeJS.Timeout | undefined;
  /** After the server's last word: how long a client that never closes its side may keep the socket. */
  #linger: NodeJS.Timeout | undefined;
  #stream: Socket;
  #encrypted: boolean;
  /** open: reading lines; upgrading: TLS handshake after STARTTLS; closing: last replies on their way. */
  #state: 'open' | 'upgrading' | 'closing' | 'closed' = 'open';
  #eof = false;
  #yielded = false;
  #pushBacklog = 0;
  readonly #onData = this.#guard((chunk: Buffer) => this.#receive(chunk));
  readonly #onEnd = this.#guard(() => {
    this.#eof = true;
    this.#process();
  });

  /** Opens the session and sends the greeting; `socket` is a TLSSocket after the handshake on implicit-TLS ports. */
  constructor(ctx: ConnectionContext, socket: Socket, encrypted: boolean) {
    this.#ctx = ctx;
    this.#stream = socket;
    this.#encrypted = encrypted;
    this.#splitter = new LineSplitter(ctx.maxLineOctets);
    this.session = openSession(ctx.world, ctx.protocol, ctx.standardPort, { clientAddress: socket.remoteAddress ?? '127.0.0.1', ...(ctx.server ? { server: ctx.server } : {}) });
    const tag = sessionTag(ctx.listenPort, this.session.id);
    this.#log = ctx.log && new SessionLog(tag, lineProfileOf(ctx.protocol).literals, ctx.log, ctx.transcript);
    this.#log?.event(`connect from ${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'} to ${lineProfileOf(ctx.protocol).label}${ctx.server ? ' (Exchange Online)' : ''} on ${ctx.standardPort}`);
    if (encrypted) this.#log?.event(`TLS handshake (${describeTls(socket, 'implicit TLS')})`);
    this.#writer = new ReplyWriter(socket, ctx.stallMs, {
      progress: () => this.#idle.refresh(),
      idle: this.#guard(() => {
        this.#pushBacklog = 0;
        this.#process();
      }),
      stalled: this.#guard(() => {
        this.#log?.event(`client has not read its replies for ${ctx.stallMs / 1000} s: hanging up`);
        this.destroy();
      }),
    });
    this.#idle = setTimeout(this.#guard(() => this.#idleTimeout()), ctx.idleMs);
    this.#unpush = this.session.onPush(this.#guard((entries) => this.#push(entries.flatMap((e) => (e.kind === 'server' ? [e.text] : [])))));
    socket.on('close', this.#guard(() => this.#finish('closed')));
    socket.on('error', this.#guard((error: Error) => this.#finish(`connection error: ${error.message}`)));
    this.#attach(socket);
    this.#reply(this.session.greeting.flatMap((e) => (e.kind === 'server' ? [e.text] : [])));
  }

  /** Says goodbye where the protocol allows an unsolicited farewell, then closes (the lab is stopping). */
  shutdown(): void {
    if (this.#state === 'closed') return;
    if (this.#state === 'upgrading') return this.destroy();
    if (this.#state === 'open') {
      this.#reply(shutdownReply(this.session.protocol));
      this.#log?.event('lab shutting down');
    }
    this.session.drop();
    this.#close();
  }

  /** Closes at once, without a word. */
  destroy(): void {
    this.#stream.destroy();
    this.#finish('closed');
  }

  /** Wraps a handler so that an error in it ends this connection only, with the protocol's farewell. */
  #guard<A extends unknown[]>(handler: (...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      try {
        handler(...args);
      } catch (error) {
        this.#crash(error);
      }
    };
  }

  #attach(stream: Socket): void {
    stream.on('data', this.#onData);
    stream.on('end', this.#onEnd);
  }

  #detach(stream: Socket): void {
    stream.off('data', this.#onData);
    stream.off('end', this.#onEnd);
  }

  #receive(chunk: Buffer): void {
    if (this.#state !== 'open') return;
    this.#splitter.feed(chunk);
    this.#process();
  }

  /**
   * Answers complete lines in order while the replies flow, each framed by the state the one before left;
   * reading pauses while a reply is on its way, and the event loop gets a turn every LINES_PER_TURN lines.
   */
  #process(): void {
    let handled = 0;
    while (this.#state === 'open' && this.#writer.idle && !this.#yielded) {
      const framing = this.session.framing();
      const limit = Math.min(framing.maxLineOctets, this.#ctx.maxLineOctets + framing.literalOctets);
      const line = this.#splitter.next(limit, framing.literalOctets);
      if (line === undefined) break;
      clearTimeout(this.#deadline);
      this.#deadline = undefined;
      this.#idle.refresh();
      // A command with slow work (an IMAP SEARCH's scans, a FETCH's big responses) has it done ahead in slices,
      // other clients served between them.
      const preparation = this.#ctx.slicing ? this.session.prepare?.(line) : undefined;
      if (preparation) {
        this.#prepare(line, framing.literalOctets, preparation);
        break;
      }
      this.#answer(line, framing.literalOctets);
      if (++handled >= LINES_PER_TURN && this.#state === 'open') {
        this.#yielded = true;
        setImmediate(
          this.#guard(() => {
            this.#yielded = false;
            this.#process();
          }),
        );
      }
    }
    if (this.#state !== 'open') return;
    const waiting = this.#writer.idle && !this.#yielded;
    if (waiting) this.#stream.resume();
    else this.#stream.pause();
    if (waiting && this.#eof) {
      this.#log?.event('client closed its side without ending the session');
      this.session.drop();
      return this.#close();
    }
    // The deadline runs while the lab waits for the rest of a begun line; more bytes do not restart it.
    const literal = waiting && this.session.framing().literalOctets > 0;
    if (waiting && this.#splitter.partial && !literal) this.#deadline ??= setTimeout(this.#guard(() => this.#deadlineHit()), this.#ctx.commandMs);
    else {
      clearTimeout(this.#deadline);
      this.#deadline = undefined;
    }
  }

  /**
   * Runs a preparation one slice per turn of the event loop, reading nothing meanwhile, then answers the line as
   * ever: the session finds the work done, so the replies are those of the one-step path, only later.
   */
  #prepare(line: string, literalOwed: number, preparation: Preparation): void {
    this.#yielded = true;
    const steps = preparation.work();
    const turn = (): void => {
      let done = true;
      try {
        if (this.#state !== 'open') return preparation.release();
        done = steps.next().done === true;
        if (!done) return void setImmediate(this.#guard(turn));
        this.#yielded = false;
        this.#answer(line, literalOwed);
      } finally {
        if (done) preparation.release();
      }
      this.#process();
    };
    setImmediate(this.#guard(turn));
  }

  #answer(line: string, literalOwed: number): void {
    this.#log?.client(line, this.#encrypted, literalOwed);
    const failures = this.session.internalErrors;
    const step = this.session.send(line);
    if (step.startTls && !step.closed) {
      const raw = this.#beginStartTls();
      return this.#reply(step.replies, () => this.#upgrade(raw));
    }
    if (!step.closed) return this.#reply(step.replies);
    const failed = this.session.internalErrors > failures;
    if (failed) this.#log?.event('internal error in the session: it closes; the lab goes on');
    this.#reply(failed ? [...step.replies, ...farewellAfterFailure(this.session.protocol, step.replies)] : step.replies);
    this.#close();
  }

  /** Logs and writes server lines; `written` runs once they have gone to the operating system. */
  #reply(lines: readonly string[], written?: () => void): void {
    this.#log?.server(lines, this.#encrypted);
    this.#writer.write(lines, written && this.#guard(written));
  }

  #push(lines: string[]): void {
    if (this.#state !== 'open' || lines.length === 0) return;
    if (!this.#writer.idle && (this.#pushBacklog += lines.length) > MAX_PUSH_BACKLOG) {
      this.#log?.event('client does not read its replies (unsolicited updates piling up): hanging up');
      return this.destroy();
    }
    this.#reply(lines);
  }

  /** Ends the session from the server's side once the replies have left; a client that never closes is cut off. */
  #close(): void {
    if (this.#state === 'closed' || this.#state === 'closing') return;
    this.#state = 'closing';
    this.#splitter.reset();
    clearTimeout(this.#deadline);
    this.#stream.resume();
    this.#writer.write([], this.#guard(() => this.#stream.end()));
    clearTimeout(this.#idle);
    this.#linger ??= setTimeout(() => this.destroy(), Math.min(this.#ctx.commandMs, this.#ctx.idleMs));
  }

  /**
   * RFC 3207 §4.2: the client must wait for the 220 before the handshake, and whatever plaintext it sent after
   * STARTTLS is thrown away, never read as commands (that would allow command injection).
   */
  #beginStartTls(): Socket {
    this.#state = 'upgrading';
    this.#splitter.reset();
    clearTimeout(this.#deadline);
    this.#deadline = undefined;
    const raw = this.#stream;
    raw.pause();
    this.#detach(raw);
    return raw;
  }

  /** Runs once the STARTTLS reply has left in plaintext: TLS takes over the same socket. */
  #upgrade(raw: Socket): void {
    if (this.#state !== 'upgrading') return;
    upgradeToTls(raw, this.#ctx.secureContext, this.#ctx.commandMs, {
      secure: this.#guard((secure) => {
        if (this.#state !== 'upgrading') return;
        this.#stream = secure;
        this.#writer.setStream(secure);
        this.#encrypted = true;
        this.#state = 'open';
        this.#log?.event(`TLS handshake (${describeTls(secure, 'STARTTLS')})`);
        this.#idle.refresh();
        this.#attach(secure);
        this.#process();
      }),
      failed: (reason) => this.#finish(reason),
      error: (error) => this.#finish(`connection error: ${error.message}`),
      closed: () => this.#finish('closed'),
    });
  }

  #idleTimeout(): void {
    if (this.#state !== 'open') return this.destroy();
    this.#log?.event(`idle for ${this.#ctx.idleMs / 1000} s: server timeout`);
    this.#reply(this.session.timeout().replies);
    this.#close();
  }

  #deadlineHit(): void {
    if (this.#state !== 'open') return;
    this.#log?.event(`command line not finished within ${this.#ctx.commandMs / 1000} s: server timeout`);
    this.#reply(this.session.timeout().replies);
    this.#close();
  }

  /** The last resort: something in the lab or the engine threw. This session ends with a farewell; the lab goes on. */
  #crash(error: unknown): void {
    if (this.#state === 'closed') return;
    this.#ctx.onInternalError(error);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.#log?.event(`internal error (${message}): closing this session; the lab goes on`);
    this.#writer.discard();
    const farewell = this.#state === 'open' || this.#state === 'closing' ? internalErrorReply(this.session.protocol) : [];
    try {
      this.#log?.server(farewell, this.#encrypted);
      if (farewell.length > 0 && this.#stream.writable) this.#stream.write(Buffer.from(`${farewell.join('\r\n')}\r\n`, 'latin1'));
      this.#stream.end();
    } catch {
      this.#stream.destroy();
    }
    this.#state = 'closing';
    this.#linger ??= setTimeout(() => this.destroy(), Math.min(this.#ctx.commandMs, this.#ctx.idleMs));
  }

  #finish(reason: string): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    // Timers left running would keep this connection, its socket and its session in memory until they fire.
    clearTimeout(this.#idle);
    clearTimeout(this.#deadline);
    clearTimeout(this.#linger);
    this.#writer.discard();
    this.#splitter.reset();
    try {
      this.#unpush();
      // A connection that ends any other way than QUIT/LOGOUT commits nothing (RFC 1939 §6, RFC 5321 §3.8).
      this.session.drop();
    } catch (error) {
      this.#ctx.onInternalError(error);
    }
    this.#log?.flush();
    this.#log?.event(reason);
    if (!this.#stream.destroyed) this.#stream.destroy();
    this.#ctx.onClose(this);
  }
}
