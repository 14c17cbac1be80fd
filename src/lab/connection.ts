/**
 * One TCP connection of the lab: frames the client's bytes into lines, feeds them to a session, writes the
 * replies, upgrades the same socket to TLS after STARTTLS/STLS, and enforces the idle timeout.
 */
import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { openSession } from '../machines/session.ts';
import type { MailWorld } from '../protocols/shared/world.ts';
import type { ProtocolName, Session, TranscriptEntry } from '../protocols/shared/session-types.ts';
import { LineSplitter } from './framing.ts';
import { shutdownReply } from './shutdown.ts';
import { describeTls, upgradeToTls } from './tls-upgrade.ts';
import { formatEntries, formatEvent, formatLine, sessionTag } from './transcript.ts';

/** What a connection needs from its listener. */
export interface ConnectionContext {
  world: MailWorld;
  protocol: ProtocolName;
  /** The port the simulated server believes it runs on (587, 993, …). */
  standardPort: number;
  /** The port the lab listens on, for the log. */
  listenPort: number;
  secureContext: SecureContext;
  idleMs: number;
  maxLineOctets: number;
  log(line: string): void;
  /** Whether `log` prints anything: quiet labs skip formatting every line. */
  logging: boolean;
  /** Called once when the connection is gone. */
  onClose(connection: LabConnection): void;
}

/** Replies queued for a client that does not read them; past this the lab hangs up instead of buffering more. */
const MAX_UNSENT_OCTETS = 8 * 1024 * 1024;

/** A client connection bound to one session. */
export class LabConnection {
  readonly session: Session;
  readonly #ctx: ConnectionContext;
  readonly #tag: string;
  readonly #splitter: LineSplitter;
  readonly #timer: NodeJS.Timeout;
  readonly #unpush: () => void;
  #stream: Socket;
  #encrypted: boolean;
  /** open: reading lines; upgrading: TLS handshake after STARTTLS; closing: last replies on their way. */
  #state: 'open' | 'upgrading' | 'closing' | 'closed' = 'open';
  #pending: string[] = [];
  #next = 0;
  #blocked = false;
  #eof = false;
  readonly #onData = (chunk: Buffer): void => this.#receive(chunk);
  readonly #onEnd = (): void => {
    this.#eof = true;
    this.#drain();
  };
  readonly #onDrain = (): void => {
    this.#blocked = false;
    if (this.#state === 'open') this.#stream.resume();
    this.#drain();
  };

  /** Opens the session and sends the greeting; `socket` is a TLSSocket after the handshake on implicit-TLS ports. */
  constructor(ctx: ConnectionContext, socket: Socket, encrypted: boolean) {
    this.#ctx = ctx;
    this.#stream = socket;
    this.#encrypted = encrypted;
    this.#splitter = new LineSplitter(ctx.maxLineOctets);
    const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.session = openSession(ctx.world, ctx.protocol, ctx.standardPort, { clientAddress: socket.remoteAddress ?? '127.0.0.1' });
    this.#tag = sessionTag(ctx.listenPort, this.session.id);
    ctx.log(formatEvent(this.#tag, `connect from ${remote} to ${ctx.protocol.toUpperCase()} on ${ctx.standardPort}`));
    if (encrypted) ctx.log(formatEvent(this.#tag, `TLS handshake (${describeTls(socket, 'implicit TLS')})`));
    this.#timer = setTimeout(() => this.#idle(), ctx.idleMs);
    this.#unpush = this.session.onPush((entries) => {
      if (this.#state === 'open') this.#emit(entries);
    });
    socket.on('close', () => this.#finish('closed'));
    socket.on('error', (error) => this.#finish(`connection error: ${error.message}`));
    this.#attach(socket);
    this.#emit(this.session.greeting);
  }

  /** Says goodbye where the protocol allows an unsolicited farewell, then closes (the lab is stopping). */
  shutdown(): void {
    if (this.#state === 'closed') return;
    if (this.#state === 'upgrading') return this.destroy();
    if (this.#state === 'open') {
      const lines = shutdownReply(this.session.protocol);
      for (const text of lines) this.#ctx.log(formatLine(this.#tag, 'server', text, this.#encrypted));
      this.#write(lines);
      this.#ctx.log(formatEvent(this.#tag, 'lab shutting down'));
    }
    this.session.drop();
    this.#state = 'closing';
    this.#stream.end();
  }

  /** Closes at once, without a word. */
  destroy(): void {
    this.#stream.destroy();
    this.#finish('closed');
  }

  #attach(stream: Socket): void {
    stream.on('data', this.#onData);
    stream.on('end', this.#onEnd);
    stream.on('drain', this.#onDrain);
  }

  #detach(stream: Socket): void {
    stream.off('data', this.#onData);
    stream.off('end', this.#onEnd);
    stream.off('drain', this.#onDrain);
  }

  #receive(chunk: Buffer): void {
    if (this.#state !== 'open') return;
    this.#timer.refresh();
    for (const line of this.#splitter.push(chunk)) this.#pending.push(line);
    this.#drain();
  }

  /** Answers queued lines in order until the output backs up, the session closes, or TLS must start. */
  #drain(): void {
    while (this.#state === 'open' && !this.#blocked && this.#next < this.#pending.length) {
      const line = this.#pending[this.#next++] ?? '';
      const step = this.session.send(line);
      if (step.startTls && !step.closed) {
        const raw = this.#beginStartTls();
        return this.#emit(step.entries, () => this.#upgrade(raw));
      }
      this.#emit(step.entries);
      if (step.closed) return this.#close();
    }
    if (this.#next >= this.#pending.length) {
      this.#pending = [];
      this.#next = 0;
    }
    if (this.#state === 'open' && this.#eof && this.#pending.length === 0) {
      this.#ctx.log(formatEvent(this.#tag, 'client closed its side without ending the session'));
      this.session.drop();
      this.#close();
    }
  }

  /** Logs a session's entries and writes its server lines. */
  #emit(entries: readonly TranscriptEntry[], written?: () => void): void {
    if (this.#ctx.logging) {
      // The socket knows best whether a line travelled inside TLS.
      const real = entries.map((e): TranscriptEntry => (e.kind === 'event' ? e : { ...e, encrypted: this.#encrypted }));
      for (const line of formatEntries(this.#tag, real)) this.#ctx.log(line);
    }
    this.#write(
      entries.flatMap((e) => (e.kind === 'server' ? [e.text] : [])),
      written,
    );
  }

  /** Writes lines with CRLF; `written` runs once they have gone to the operating system. */
  #write(lines: readonly string[], written?: () => void): void {
    if (lines.length === 0 || this.#stream.destroyed) {
      if (written) process.nextTick(written);
      return;
    }
    const ok = this.#stream.write(Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'), written);
    if (this.#stream.writableLength > MAX_UNSENT_OCTETS) {
      this.#ctx.log(formatEvent(this.#tag, 'client does not read its replies: hanging up'));
      this.destroy();
    } else if (!ok && !this.#blocked) {
      this.#blocked = true;
      this.#stream.pause();
    }
  }

  #close(): void {
    this.#state = 'closing';
    this.#pending = [];
    this.#stream.end();
  }

  /**
   * RFC 3207 §4.2: the client must wait for the 220 before the handshake, and whatever plaintext it sent after
   * STARTTLS is thrown away, never read as commands (that would allow command injection).
   */
  #beginStartTls(): Socket {
    this.#state = 'upgrading';
    this.#pending = [];
    this.#next = 0;
    this.#splitter.reset();
    const raw = this.#stream;
    raw.pause();
    this.#detach(raw);
    return raw;
  }

  /** Runs once the STARTTLS reply has left in plaintext: TLS takes over the same socket. */
  #upgrade(raw: Socket): void {
    if (this.#state !== 'upgrading') return;
    upgradeToTls(raw, this.#ctx.secureContext, {
      secure: (secure) => {
        if (this.#state !== 'upgrading') return;
        this.#stream = secure;
        this.#encrypted = true;
        this.#state = 'open';
        this.#blocked = false;
        this.#ctx.log(formatEvent(this.#tag, `TLS handshake (${describeTls(secure, 'STARTTLS')})`));
        this.#timer.refresh();
        this.#attach(secure);
      },
      failed: (error, handshaking) => this.#finish(`${handshaking ? 'TLS handshake failed' : 'connection error'}: ${error.message}`),
      closed: () => this.#finish('closed'),
    });
  }

  #idle(): void {
    if (this.#state === 'open') {
      this.#ctx.log(formatEvent(this.#tag, `idle for ${this.#ctx.idleMs / 1000} s: server timeout`));
      this.#emit(this.session.timeout().entries);
      this.#close();
    } else {
      this.destroy();
    }
  }

  #finish(reason: string): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    clearTimeout(this.#timer);
    this.#unpush();
    // A connection that ends any other way than QUIT/LOGOUT commits nothing (RFC 1939 §6, RFC 5321 §3.8).
    this.session.drop();
    this.#ctx.log(formatEvent(this.#tag, reason));
    if (!this.#stream.destroyed) this.#stream.destroy();
    this.#ctx.onClose(this);
  }
}
