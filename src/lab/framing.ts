/**
 * Line framing for the lab's TCP servers: bytes in, protocol lines out. Mail protocols end lines with CRLF
 * (RFC 5321 §2.3.8, RFC 1939 §3, RFC 3501 §2.2); real clients sometimes send a bare LF, so LF alone ends a
 * line too and a CR just before it is dropped. Lines are latin1 "binary strings": one char per octet.
 */

/** The longest line the lab buffers, in octets without CRLF: far above every protocol's own limit. */
export const MAX_LINE_OCTETS = 1024 * 1024;

/** Splits a byte stream into lines, keeping memory bounded however long a line gets. */
export class LineSplitter {
  readonly maxLineOctets: number;
  #parts: Buffer[] = [];
  #buffered = 0;
  /** True while discarding the rest of a line that went over the limit. */
  #overflow = false;

  constructor(maxLineOctets = MAX_LINE_OCTETS) {
    this.maxLineOctets = maxLineOctets;
  }

  /** Octets held for the line not yet ended (at most `maxLineOctets + 1`). */
  get buffered(): number {
    return this.#buffered;
  }

  /**
   * Feeds a chunk and returns the lines it completes, without their line ends. A line over the limit comes out
   * once, cut to `maxLineOctets + 1` octets, so the protocol's own "line too long" reply answers it.
   */
  push(chunk: Uint8Array): string[] {
    const lines: string[] = [];
    let start = 0;
    while (start < chunk.length) {
      const lf = chunk.indexOf(0x0a, start);
      const end = lf === -1 ? chunk.length : lf;
      this.#keep(chunk.subarray(start, end));
      if (lf === -1) break;
      lines.push(this.#take());
      start = lf + 1;
    }
    return lines;
  }

  /** Forgets any partial line: after STARTTLS the plaintext a client sent early must not be read (RFC 3207 §4.2). */
  reset(): void {
    this.#parts = [];
    this.#buffered = 0;
    this.#overflow = false;
  }

  #keep(bytes: Uint8Array): void {
    // One octet past the limit is kept so a CR that turns out to end the line does not count as over-long.
    const room = this.maxLineOctets + 2 - this.#buffered;
    if (room <= 0 || bytes.length === 0) {
      if (bytes.length > 0) this.#overflow = true;
      return;
    }
    if (bytes.length > room) this.#overflow = true;
    const kept = bytes.subarray(0, room);
    this.#parts.push(Buffer.from(kept));
    this.#buffered += kept.length;
  }

  #take(): string {
    const all = Buffer.concat(this.#parts, this.#buffered);
    const overflow = this.#overflow;
    this.reset();
    const end = all.length > 0 && all[all.length - 1] === 0x0d ? all.length - 1 : all.length;
    if (!overflow && end <= this.maxLineOctets) return all.toString('latin1', 0, end);
    return all.toString('latin1', 0, this.maxLineOctets + 1);
  }
}
