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

/** Reads requests from a byte stream (latin1 strings: one char per octet). */
export class HttpRequestReader {
  readonly #limits: HttpLimits;
  #buf = '';

  constructor(limits: HttpLimits) {
    this.#limits = limits;
  }

  /** Octets held and not yet read as a request. */
  get buffered(): number {
    return this.#buf.length;
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
  }

  /** The next whole request, a problem, or undefined until more octets arrive. */
  next(): ReadResult {
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
    const end = /\r?\n\r?\n/.exec(this.#buf.slice(lineEnd - (this.#buf[lineEnd - 1] === '\r' ? 1 : 0)));
    const headerStart = lineEnd + 1;
    if (!end) {
      return this.#buf.length - headerStart > this.#limits.headerOctets + 4 ? problem('header-too-large', `The header section is over ${this.#limits.headerOctets} octets.`) : undefined;
    }
    const headerEnd = lineEnd - (this.#buf[lineEnd - 1] === '\r' ? 1 : 0) + end.index;
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
    const bodyStart = headerEnd + end[0].length;
    const body = this.#body(headers, bodyStart);
    if (body === undefined) return undefined;
    if (typeof body !== 'string') return body;
    const version = m[3]!;
    const connection = headers.filter(([n]) => n.toLowerCase() === 'connection').map(([, v]) => v.toLowerCase()).join(',');
    const persistent = /\bclose\b/.test(connection) ? false : version === '1.0' ? /\bkeep-alive\b/.test(connection) : true;
    return { kind: 'request', request: { method: m[1]!, target: m[2]!, headers, body }, version, persistent };
  }

  /** The body after the header section, once whole; consumes the request from the buffer. */
  #body(headers: ReadonlyArray<readonly [string, string]>, start: number): string | Exclude<ReadResult, undefined | { kind: 'request' }> | undefined {
    const values = (name: string) => headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
    const coding = values('transfer-encoding');
    if (coding.length > 0) {
      // RFC 9112 §6.1: a request whose final coding is not chunked cannot be framed (400); chunked is all the lab knows.
      if (coding.join(',').toLowerCase().replace(/\s/g, '') !== 'chunked') return problem('bad-request', 'Only the chunked transfer coding is understood (RFC 9112 §6.1).');
      return this.#chunked(start);
    }
    const lengths = [...new Set(values('content-length').flatMap((v) => v.split(',').map((s) => s.trim())))];
    // RFC 9112 §6.3: differing or non-numeric Content-Length values are an unrecoverable error.
    if (lengths.length > 1 || (lengths.length === 1 && !/^\d{1,15}$/.test(lengths[0]!))) return problem('bad-request', 'The Content-Length is not one number (RFC 9112 §6.3).');
    const length = lengths.length === 1 ? Number(lengths[0]) : 0;
    if (length > this.#limits.bodyOctets) return problem('body-too-large', `The body is ${length} octets; this server takes ${this.#limits.bodyOctets}.`);
    if (this.#buf.length < start + length) return undefined;
    const body = this.#buf.slice(start, start + length);
    this.#buf = this.#buf.slice(start + length);
    return body;
  }

  /** A chunked body (RFC 9112 §7.1), decoded; trailer fields are read and dropped. */
  #chunked(start: number): string | Exclude<ReadResult, undefined | { kind: 'request' }> | undefined {
    let at = start;
    let body = '';
    for (;;) {
      const lf = this.#buf.indexOf('\n', at);
      // A chunk size line (with any extensions) or a trailer section may not grow past the header limit either.
      if (lf === -1) return this.#buf.length - at > this.#limits.headerOctets ? problem('header-too-large', 'A chunk size line or trailer section is too long.') : undefined;
      if (lf - at > this.#limits.headerOctets) return problem('bad-request', 'A chunk size line is too long (RFC 9112 §7.1).');
      const size = /^([0-9A-Fa-f]{1,8})(?:;[^\r\n]*)?\r?$/.exec(this.#buf.slice(at, lf));
      if (!size) return problem('bad-request', 'A chunk size line is malformed (RFC 9112 §7.1).');
      const n = parseInt(size[1]!, 16);
      if (body.length + n > this.#limits.bodyOctets) return problem('body-too-large', `The body is over ${this.#limits.bodyOctets} octets.`);
      if (n === 0) {
        const trailerEnd = /(?:^|\n)\r?\n/.exec(this.#buf.slice(lf + 1));
        if (!trailerEnd) return this.#buf.length - lf > this.#limits.headerOctets ? problem('header-too-large', 'The trailer section is too long.') : undefined;
        this.#buf = this.#buf.slice(lf + 1 + trailerEnd.index + trailerEnd[0].length);
        return body;
      }
      const dataEnd = lf + 1 + n;
      if (this.#buf.length < dataEnd + 2) return undefined;
      const crlf = this.#buf.slice(dataEnd, dataEnd + 2);
      if (crlf !== '\r\n' && crlf[0] !== '\n') return problem('bad-request', 'A chunk does not end with CRLF (RFC 9112 §7.1).');
      body += this.#buf.slice(lf + 1, dataEnd);
      at = dataEnd + (crlf === '\r\n' ? 2 : 1);
    }
  }
}

function problem(kind: HttpFramingProblem, detail: string): Exclude<ReadResult, undefined | { kind: 'request' }> {
  return { kind: 'problem', problem: kind, detail };
}
