/**
 * Line framing for the lab's TCP servers: bytes in, protocol lines out. Mail protocols end lines with CRLF
 * (RFC 5321 §2.3.8, RFC 1939 §3, RFC 3501 §2.2); real clients sometimes send a bare LF, so LF alone ends a
 * line too and a CR just before it is dropped. Inside an IMAP literal octets are counted, not lines (RFC 3501
 * §4.3): there only CRLF ends a line, so the server's octet count and the client's always agree. Lines are
 * latin1 "binary strings": one char per octet.
 */

/** The longest line the lab buffers outside literals, in octets without CRLF: far above every protocol's own limit. */
export const MAX_LINE_OCTETS = 1024 * 1024;

/** Input buffers larger than this are given back to the allocator once they are empty. */
const KEEP_CAPACITY = 64 * 1024;

/** Splits a byte stream into lines one at a time, so each line can be framed by the state the one before left. */
export class LineSplitter {
  readonly maxLineOctets: number;
  #buf: Buffer = Buffer.alloc(0);
  #start = 0;
  #end = 0;
  /** Octets of the current line already searched for its end. */
  #scanned = 0;
  /** True while discarding the rest of a line that went over the limit. */
  #overflow = false;

  constructor(maxLineOctets = MAX_LINE_OCTETS) {
    this.maxLineOctets = maxLineOctets;
  }

  /** Octets held and not yet returned as lines. */
  get buffered(): number {
    return this.#end - this.#start;
  }

  /** Whether a line has begun and not ended (its first octets arrived, its LF not yet). */
  get partial(): boolean {
    return this.#overflow || this.#end > this.#start;
  }

  /** Adds received octets; `next()` takes lines out. */
  feed(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const held = this.#end - this.#start;
    if (this.#buf.length - this.#end < chunk.length) {
      const needed = held + chunk.length;
      const target = needed <= this.#buf.length ? this.#buf : Buffer.allocUnsafe(Math.max(needed, Math.min(2 * this.#buf.length, needed + MAX_LINE_OCTETS), 4096));
      this.#buf.copy(target, 0, this.#start, this.#end);
      this.#buf = target;
      this.#start = 0;
      this.#end = held;
    }
    this.#buf.set(chunk, this.#end);
    this.#end += chunk.length;
  }

  /**
   * The next complete line without its line end, or undefined until one has arrived. `limit` is the longest
   * line the server takes now; a longer one comes out once, cut to `limit + 1` octets, so the protocol's own
   * "line too long" reply answers it, and memory stays bounded however long it gets. `literalOctets` is what
   * an IMAP literal still owes: within those octets only CRLF ends a line.
   */
  next(limit: number = this.maxLineOctets, literalOctets = 0): string | undefined {
    const buf = this.#buf;
    let i = this.#start + this.#scanned;
    for (;;) {
      const lf = buf.indexOf(0x0a, i);
      if (lf === -1 || lf >= this.#end) break;
      const offset = lf - this.#start;
      if (offset < literalOctets && (offset === 0 || buf[lf - 1] !== 0x0d)) {
        i = lf + 1;
        continue;
      }
      const cr = offset > 0 && buf[lf - 1] === 0x0d ? 1 : 0;
      const length = offset - cr;
      const line = buf.toString('latin1', this.#start, this.#start + (this.#overflow || length > limit ? Math.min(length, limit + 1) : length));
      this.#start = lf + 1;
      this.#scanned = 0;
      this.#overflow = false;
      this.#release();
      return line;
    }
    const held = this.#end - this.#start;
    // One octet past the limit is kept so a CR that turns out to end the line does not count as over-long.
    if (held > limit + 2) {
      this.#end = this.#start + limit + 2;
      this.#overflow = true;
    }
    this.#scanned = this.#end - this.#start;
    return undefined;
  }

  /** Every complete line, framed with the default limit (for callers that need no per-line state). */
  push(chunk: Uint8Array): string[] {
    this.feed(chunk);
    const lines: string[] = [];
    for (let line = this.next(); line !== undefined; line = this.next()) lines.push(line);
    return lines;
  }

  /** Forgets any partial line: after STARTTLS the plaintext a client sent early must not be read (RFC 3207 §4.2). */
  reset(): void {
    this.#start = this.#end = this.#scanned = 0;
    this.#overflow = false;
    this.#release();
  }

  #release(): void {
    if (this.#start !== this.#end) return;
    this.#start = this.#end = 0;
    if (this.#buf.length > KEEP_CAPACITY) this.#buf = Buffer.alloc(0);
  }
}
