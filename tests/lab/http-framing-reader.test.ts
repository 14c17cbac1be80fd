/**
 * The lab's HTTP request reader fed in every possible split: a body (Content-Length or chunked) arriving one octet
 * at a time, or a chunk's data, its CRLF and the next size line torn across packets, gives the same requests as
 * when it arrives whole; and the reader holds only what it has not yet taken as body.
 */
import { describe, expect, test } from 'vitest';
import { HttpRequestReader, type ReadResult } from '../../src/lab/http-framing.ts';

const LIMITS = { requestLineOctets: 8000, headerOctets: 16 * 1024, bodyOctets: 1024 * 1024 };

/** Every result the reader gives when `wire` arrives in pieces of `size` octets. */
function read(wire: string, size: number): ReadResult[] {
  const reader = new HttpRequestReader(LIMITS);
  const out: ReadResult[] = [];
  // After a problem the connection closes (RFC 9112 §6.3): nothing more is read.
  for (let i = 0; i < wire.length && out.at(-1)?.kind !== 'problem'; i += size) {
    reader.feed(Buffer.from(wire.slice(i, i + size), 'latin1'));
    for (let r = reader.next(); r; r = r.kind === 'request' ? reader.next() : undefined) out.push(r);
  }
  return out;
}

const chunkedBody = (pieces: string[]) => `${pieces.map((p) => `${p.length.toString(16)}\r\n${p}\r\n`).join('')}0\r\nX-Trailer: dropped\r\n\r\n`;

describe('HttpRequestReader', () => {
  const big = 'x'.repeat(70_000);
  const wire =
    `POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world` +
    `POST /b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n${chunkedBody(['abc', '', 'defgh'].filter((p) => p !== ''))}` +
    `POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n${chunkedBody([big, 'tail'])}` +
    'GET /d HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n';

  test.each([wire.length, 4096, 7, 2, 1])('the same requests whatever the packet size (%i octets)', (size) => {
    const results = read(wire, size);
    expect(results.map((r) => (r?.kind === 'request' ? [r.request.target, r.request.body.length, r.persistent] : r))).toEqual([
      ['/a', 11, true],
      ['/b', 8, true],
      ['/c', big.length + 4, true],
      ['/d', 0, false],
    ]);
    const c = results[2]!;
    expect(c.kind === 'request' && c.request.body.endsWith(`${'x'.repeat(10)}tail`)).toBe(true);
  });

  test('a chunk data octet where its CRLF should be is 400, also when it arrives alone', () => {
    for (const size of [1, 1000]) {
      const results = read('POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n', size);
      expect(results).toEqual([{ kind: 'problem', problem: 'bad-request', detail: 'A chunk does not end with CRLF (RFC 9112 §7.1).' }]);
    }
  });

  test('a chunked body past the limit is 413 at the size line that passes it, before its data', () => {
    const results = read(`POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n80000\r\n${'y'.repeat(0x80000)}\r\n80001\r\n`, 65536);
    expect(results).toEqual([{ kind: 'problem', problem: 'body-too-large', detail: `The body is over ${LIMITS.bodyOctets} octets.` }]);
  });

  test('body octets taken are not held twice: buffered counts a request under way once', () => {
    const reader = new HttpRequestReader(LIMITS);
    const head = 'POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 100000\r\n\r\n';
    reader.feed(Buffer.from(head, 'latin1'));
    expect(reader.next()).toBeUndefined();
    for (let i = 0; i < 10; i++) {
      reader.feed(Buffer.alloc(5000, 0x61));
      expect(reader.next()).toBeUndefined();
      expect(reader.buffered).toBe(head.length + (i + 1) * 5000);
    }
    reader.reset();
    expect(reader.buffered).toBe(0);
  });
});
