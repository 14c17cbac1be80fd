/**
 * Replies on their way to a client: lines are written in chunks of at most 64 KiB, the next chunk only once the
 * socket has taken the last ('drain'), so a reply of any size leaves in bounded memory and never as one string.
 * A client that stops reading is found by a stall timer on unflushed output, not by the size of one reply:
 * like Dovecot's "Disconnected for inactivity in reading our output", it fires only when nothing has left for
 * the whole stall time.
 */
import type { Socket } from 'node:net';

/** The most octets handed to the socket at once. */
export const CHUNK_OCTETS = 64 * 1024;

interface Job {
  lines: readonly string[];
  /** Next line to write, and how much of it has gone (a line longer than a chunk leaves in pieces). */
  index: number;
  offset: number;
  /** Runs once the job's last octet has been handed to the operating system. */
  written?: () => void;
}

/** What the writer tells its connection. */
export interface WriterEvents {
  /** Output moved (a chunk was taken): the client is reading. */
  progress(): void;
  /** Everything queued has been handed to the socket: the connection may read the next command. */
  idle(): void;
  /** Nothing could be written for `stallMs`: the client has stopped reading. */
  stalled(): void;
}

/** Writes reply lines with CRLF under back-pressure. */
export class ReplyWriter {
  #stream: Socket;
  readonly #stallMs: number;
  readonly #on: WriterEvents;
  readonly #queue: Job[] = [];
  #waiting = false;
  #stall: NodeJS.Timeout | undefined;
  readonly #onDrain = (): void => {
    this.#waiting = false;
    clearTimeout(this.#stall);
    this.#on.progress();
    this.#pump();
  };

  constructor(stream: Socket, stallMs: number, on: WriterEvents) {
    this.#stream = stream;
    this.#stallMs = stallMs;
    this.#on = on;
  }

  /** Whether nothing is queued or waiting for the socket. */
  get idle(): boolean {
    return this.#queue.length === 0 && !this.#waiting;
  }

  /** Lines queued and not yet handed to the socket. */
  get queuedLines(): number {
    return this.#queue.reduce((n, job) => n + job.lines.length - job.index, 0);
  }

  /** Queues lines; `written` runs once they have gone to the operating system (at once if there are none). */
  write(lines: readonly string[], written?: () => void): void {
    if (lines.length === 0 && this.idle) {
      if (written) process.nextTick(written);
      return;
    }
    this.#queue.push({ lines, index: 0, offset: 0, written });
    this.#pump();
  }

  /** Writes through another stream from now on (TLS after STARTTLS); call it only when idle. */
  setStream(stream: Socket): void {
    this.#stream.off('drain', this.#onDrain);
    this.#stream = stream;
  }

  /** Forgets whatever is queued (the connection is going away). */
  discard(): void {
    this.#queue.length = 0;
    this.#waiting = false;
    clearTimeout(this.#stall);
    this.#stream.off('drain', this.#onDrain);
  }

  #pump(): void {
    while (!this.#waiting && this.#queue.length > 0) {
      if (this.#stream.destroyed || !this.#stream.writable) {
        this.discard();
        return;
      }
      const { chunk, written } = this.#take();
      if (chunk.length === 0) {
        if (written) process.nextTick(written);
        continue;
      }
      if (!this.#stream.write(Buffer.from(chunk, 'latin1'), written)) {
        this.#waiting = true;
        this.#stream.once('drain', this.#onDrain);
        clearTimeout(this.#stall);
        this.#stall = setTimeout(() => this.#on.stalled(), this.#stallMs);
        return;
      }
    }
    if (this.idle) this.#on.idle();
  }

  /** The next chunk: whole lines with CRLF while they fit, a piece of a line longer than a chunk. */
  #take(): { chunk: string; written: (() => void) | undefined } {
    const parts: string[] = [];
    let size = 0;
    let written: (() => void) | undefined;
    while (this.#queue.length > 0) {
      const job = this.#queue[0]!;
      if (job.index >= job.lines.length) {
        this.#queue.shift();
        written = chain(written, job.written);
        continue;
      }
      if (size >= CHUNK_OCTETS) break;
      const line = job.lines[job.index]!;
      const room = CHUNK_OCTETS - size;
      if (line.length + 2 - job.offset <= room) {
        parts.push(job.offset === 0 ? line : line.slice(job.offset), '\r\n');
        size += line.length + 2 - job.offset;
        job.index += 1;
        job.offset = 0;
      } else if (job.offset < line.length) {
        const end = Math.min(line.length, job.offset + room);
        parts.push(line.slice(job.offset, end));
        size += end - job.offset;
        job.offset = end;
      } else {
        // Only the CRLF of a long line is left and it does not fit: it goes first in the next chunk.
        break;
      }
    }
    return { chunk: parts.join(''), written };
  }
}

function chain(a: (() => void) | undefined, b: (() => void) | undefined): (() => void) | undefined {
  if (!a) return b;
  if (!b) return a;
  return () => {
    a();
    b();
  };
}
