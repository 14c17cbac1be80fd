/**
 * HTTP/1.1 request framing for the lab (RFC 9112): bytes in, whole requests out, one at a time, with memory
 * bounded by the server's limits. A request line over its limit gives 414, a header section over its limit 431, a
 * body over its limit 413, all without buffering the excess; anything that cannot be framed gives 400. After any
 * of these the framing of the next request is unknown, so the connection must close (RFC 9112 §2.2, §6.3).
 */
import type { HttpRequest } from '../protocols/shared/http-types.ts';
import type { HttpFramingProblem, HttpLimits } from '../protocols/shared/session-types.ts';

/** What the reader has: a whole request, a problem that ends the connection, or nothing yet. */
export type ReadResult =
  | { kind: 'request'; request: HttpRequest; /** "1.0" or "1.1". */ version: string; /** The connection persists after the response (RFC 9112 §9.3). */ persistent: boolean }
  | { kind: 'problem'; problem: HttpFramingProblem; detail: string }
  | undefined;

const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) HTTP\/(1\.\d)$/;
const FIELD_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;

/** A request whose head has been read and whose body is still arriving. */
interface Pending {
  head: { method: string; target: string; version: string; headers: Array<readonly [string, string]> };
  /** Octets of the head, counted in `buffered` so a request under way is never taken for an idle connection. */
  headOctets: number;
  /** Body octets so far, in pieces joined once whole: re-reading them for every packet would be quadratic. */
  parts: string[];
  got: number;
  /** Octets still to come of a Content-Length body, or "chunked". */
  remaining: number | 'chunked';
  /** Chunked: data octets still to come of the current chunk, then whether its CRLF is still to come. */
  chunkLeft: number;
  crlfDue: boolean;
}

/**
 * Reads requests from a byte stream (latin1 strings: one char per octet). Once a request's head is read, its body
 * is taken from the buffer as it arrives, so a large body costs time in proportion to its size, not its square.
 */
export class HttpRequestReader {
  readonly #limits: HttpLimits;
  #buf = '';
  #pending: Pending | undefined;

  constructor(limits: HttpLimits) {
    this.#limits = limits;
  }

  /** Octets held and not yet read as a request (a request under way counts its head and body so far). */
  get buffered(): number {
    return this.#buf.length + (this.#pending ? this.#pending.headOctets + this.#pending.got : 0);
  }

  /**
   * Adds received octets. The caller takes requests out with `next()` after each chunk, so what is held stays
   * within one request's limits (a longer line or section is reported, not kept growing).
   */
  feed(chunk: Uint8Array): void {
    this.#buf += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
  }

  /** Forgets everything held (the connection is closing). */
  reset(): void {
    this.#buf = '';
    this.#pending = undefined;
  }

  /** The next whole request, a problem, or undefined until more octets arrive. */
  next(): ReadResult {
    if (!this.#pending) {
      const head = this.#head();
      if (head === undefined || head.kind === 'problem') return head;
    }
    const pending = this.#pending!;
    const done = pending.remaining === 'chunked' ? this.#chunked(pending) : this.#counted(pending);
    if (done !== true) return done;
    this.#pending = undefined;
    const { method, target, version, headers } = pending.head;
    const connection = headers.filter(([n]) => n.toLowerCase() === 'connection').map(([, v]) => v.toLowerCase()).join(',');
    const persistent = /\bclose\b/.test(connection) ? false : version === '1.0' ? /\bkeep-alive\b/.test(connection) : true;
    return { kind: 'request', request: { method, target, headers, body: pending.parts.join('') }, version, persistent };
  }

  /** Reads a request line and header section into `#pending`; undefined until they are whole. */
  #head(): { kind: 'head' } | Exclude<ReadResult, { kind: 'request' }> {
    // RFC 9112 §2.2: a server should ignore at least one empty line before the request line.
    this.#buf = this.#buf.replace(/^(?:\r?\n)+/, '');
    const lineEnd = this.#buf.indexOf('\n');
    if (lineEnd === -1) {
      return this.#buf.length > this.#limits.requestLineOctets + 1 ? problem('uri-too-long', `The request line is over ${this.#limits.requestLineOctets} octets.`) : undefined;
    }
    const line = this.#buf.slice(0, lineEnd).replace(/\r$/, '');
    if (line.length > this.#limits.requestLineOctets) return problem('uri-too-long', `The request line is over ${this.#limits.requestLineOctets} octets.`);
    const m = REQUEST_LINE.exec(line);
    if (!m) return problem('bad-request', 'The request line must be "METHOD /path HTTP/1.1" (RFC 9112 §3).');
    // Only the part that can hold the header section is searched: a long body behind it is never scanned.
    const from = lineEnd - (this.#buf[lineEnd - 1] === '\r' ? 1 : 0);
    const end = /\r?\n\r?\n/.exec(this.#buf.slice(from, from + this.#limits.headerOctets + 8));
    const headerStart = lineEnd + 1;
    if (!end) {
      return this.#buf.length - headerStart > this.#limits.headerOctets + 4 ? problem('header-too-large', `The header section is over ${this.#limits.headerOctets} octets.`) : undefined;
    }
    const headerEnd = from + end.index;
    const section = this.#buf.slice(headerStart, headerEnd + 1);
    if (section.length > this.#limits.headerOctets) return problem('header-too-large', `The header section is over ${this.#limits.headerOctets} octets.`);
    const headers: Array<readonly [string, string]> = [];
    for (const fieldLine of section.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== '')) {
      // RFC 9112 §5.1: no whitespace before the colon; §5.2: line folding is rejected with 400.
      const f = FIELD_LINE.exec(fieldLine);
      if (!f) return problem('bad-request', 'A header field line is malformed (RFC 9112 §5).');
      if (/[\x00-\x08\x0a-\x1f\x7f]/.test(f[2]!)) return problem('bad-request', 'A header field value holds a control character (RFC 9110 §5.5).');
      headers.push([f[1]!, f[2]!]);
    }
    const remaining = this.#framing(headers);
    if (typeof remaining === 'object') return remaining;
    const bodyStart = headerEnd + end[0].length;
    this.#buf = this.#buf.slice(bodyStart);
    this.#pending = { head: { method: m[1]!, target: m[2]!, version: m[3]!, headers }, headOctets: bodyStart, parts: [], got: 0, remaining, chunkLeft: 0, crlfDue: false };
    return { kind: 'head' };
  }

  /** How the body is framed (RFC 9112 §6): its length, chunked, or the problem that stops the connection. */
  #framing(headers: ReadonlyArray<readonly [string, string]>): number | 'chunked' | Exclude<ReadResult, undefined | { kind: 'request' }> {
    const values = (name: string) => headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
    const coding = values('transfer-encoding');
    if (coding.length > 0) {
      // RFC 9112 §6.1: a request whose final coding is not chunked cannot be framed (400); chunked is all the lab knows.
      if (coding.join(',').toLowerCase().replace(/\s/g, '') !== 'chunked') return problem('bad-request', 'Only the chunked transfer coding is understood (RFC 9112 §6.1).');
      return 'chunked';
    }
    const lengths = [...new Set(values('content-length').flatMap((v) => v.split(',').map((s) => s.trim())))];
    // RFC 9112 §6.3: differing or non-numeric Content-Length values are an unrecoverable error.
    if (lengths.length > 1 || (lengths.length === 1 && !/^\d{1,15}$/.test(lengths[0]!))) return problem('bad-request', 'The Content-Length is not one number (RFC 9112 §6.3).');
    const length = lengths.length === 1 ? Number(lengths[0]) : 0;
    if (length > this.#limits.bodyOctets) return problem('body-too-large', `The body is ${length} octets; this server takes ${this.#limits.bodyOctets}.`);
    return length;
  }

  /** Takes a Content-Length body's octets from the buffer; true once whole. */
  #counted(p: Pending): true | undefined {
    const left = (p.remaining as number) - p.got;
    const take = Math.min(left, this.#buf.length);
    if (take > 0) {
      p.parts.push(this.#buf.slice(0, take));
      p.got += take;
      this.#buf = this.#buf.slice(take);
    }
    return p.got === p.remaining ? true : undefined;
  }

  /**
   * Decodes a chunked body (RFC 9112 §7.1) as far as it has arrived, taking chunk data out of the buffer as it
   * comes (a 16 MB chunk is not held and rescanned whole); trailer fields are read and dropped.
   */
  #chunked(p: Pending): true | Exclude<ReadResult, { kind: 'request' }> {
    for (;;) {
      if (p.chunkLeft > 0) {
        const take = Math.min(p.chunkLeft, this.#buf.length);
        p.parts.push(this.#buf.slice(0, take));
        p.got += take;
        p.chunkLeft -= take;
        this.#buf = this.#buf.slice(take);
        if (p.chunkLeft > 0) return undefined;
        p.crlfDue = true;
      }
      if (p.crlfDue) {
        if (this.#buf.length === 0 || (this.#buf.length === 1 && this.#buf[0] === '\r')) return undefined;
        const crlf = this.#buf[0] === '\n' ? 1 : this.#buf.startsWith('\r\n') ? 2 : 0;
        if (crlf === 0) return problem('bad-request', 'A chunk does not end with CRLF (RFC 9112 §7.1).');
        this.#buf = this.#buf.slice(crlf);
        p.crlfDue = false;
      }
      const lf = this.#buf.indexOf('\n');
      // A chunk size line (with any extensions) or a trailer section may not grow past the header limit either.
      if (lf === -1) return this.#buf.length > this.#limits.headerOctets ? problem('header-too-large', 'A chunk size line or trailer section is too long.') : undefined;
      if (lf > this.#limits.headerOctets) return problem('bad-request', 'A chunk size line is too long (RFC 9112 §7.1).');
      const size = /^([0-9A-Fa-f]{1,8})(?:;[^\r\n]*)?\r?$/.exec(this.#buf.slice(0, lf));
      if (!size) return problem('bad-request', 'A chunk size line is malformed (RFC 9112 §7.1).');
      const n = parseInt(size[1]!, 16);
      if (p.got + n > this.#limits.bodyOctets) return problem('body-too-large', `The body is over ${this.#limits.bodyOctets} octets.`);
      if (n === 0) {
        const trailerEnd = /(?:^|\n)\r?\n/.exec(this.#buf.slice(lf + 1, lf + 1 + this.#limits.headerOctets + 4));
        if (!trailerEnd) return this.#buf.length - lf > this.#limits.headerOctets ? problem('header-too-large', 'The trailer section is too long.') : undefined;
        this.#buf = this.#buf.slice(lf + 1 + trailerEnd.index + trailerEnd[0].length);
        return true;
      }
      this.#buf = this.#buf.slice(lf + 1);
      p.chunkLeft = n;
    }
  }
}

function problem(kind: HttpFramingProblem, detail: string): Exclude<ReadResult, undefined | { kind: 'request' }> {
  return { kind: 'problem', problem: kind, detail };
}
