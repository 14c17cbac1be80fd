/**
 * Hostile input at the Exchange HTTPS socket of the lab: a 20 MB body (declared and chunked), a 64 KiB header
 * section, plaintext and garbage where TLS should start, garbage after the handshake. Each gets a clear status or
 * a prompt close, never a crash; a session opened before goes on being served, and new ones are too.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { EXCHANGE_LIMITS } from '../../src/protocols/exchange/http-server.ts';
import { curlRaw, exchangePort, labCurl, parseIncluded } from './exchange-helpers.ts';
import { startTestLab } from './helpers.ts';

let lab: Lab;
let port: number;
let dir: string;
const log: string[] = [];

beforeAll(async () => {
  lab = await startTestLab({ seed: 23, quiet: false, log: (line) => void log.push(line) });
  port = exchangePort(lab, 443);
  dir = mkdtempSync(join(tmpdir(), 'mailwire-hostile-'));
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a raw client saw: everything the server sent until it closed, and whether writing failed on the way. */
interface Seen {
  text: string;
  closed: boolean;
}

/** Sends `head`, then `body` in 64 KiB pieces (stopping once the server answers), and reads until close. */
function exchange(tls: boolean, head: Buffer, body: Iterable<Buffer> = []): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const socket: Socket = tls ? tlsConnect({ port, host: '127.0.0.1', servername: 'mail.example.test', ca: lab.certificate.cert }) : netConnect(port, '127.0.0.1');
    let text = '';
    let answered = false;
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      answered = true;
    });
    socket.on('close', () => resolve({ text, closed: true }));
    socket.on('error', (e: NodeJS.ErrnoException) => (['ECONNRESET', 'EPIPE'].includes(e.code ?? '') ? undefined : reject(e)));
    socket.once(tls ? 'secureConnect' : 'connect', () => {
      socket.write(head);
      const pieces = body[Symbol.iterator]();
      const pump = (): void => {
        for (;;) {
          if (answered || socket.destroyed) return;
          const next = pieces.next();
          if (next.done) return;
          if (!socket.write(next.value)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
  });
}

function* zeros(total: number, piece = 64 * 1024): Generator<Buffer> {
  const chunk = Buffer.alloc(piece, 0x41);
  for (let sent = 0; sent < total; sent += piece) yield chunk.subarray(0, Math.min(piece, total - sent));
}

function* chunked(total: number, piece = 64 * 1024): Generator<Buffer> {
  for (const c of zeros(total, piece)) yield Buffer.concat([Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]);
  yield Buffer.from('0\r\n\r\n');
}

const TWENTY_MB = 20 * 1000 * 1000;
const request = (extra: string) => Buffer.from(`POST /EWS/Exchange.asmx HTTP/1.1\r\nHost: mail.example.test\r\nContent-Type: text/xml\r\nAuthorization: Basic YWxpY2U6d29uZGVybGFuZA==\r\n${extra}\r\n`, 'latin1');

/** A kept-alive session opened before the hostile ones; it must go on answering. */
let keeper: ReturnType<typeof keptAlive>;
function keptAlive() {
  const socket = tlsConnect({ port, host: '127.0.0.1', servername: 'autodiscover.example.test', ca: lab.certificate.cert });
  let buffer = '';
  let wake: (() => void) | undefined;
  socket.on('data', (d: Buffer) => {
    buffer += d.toString('latin1');
    wake?.();
  });
  return {
    socket,
    /** One GET on the same connection; resolves with the status line once the whole (small) response is in. */
    async get(): Promise<string> {
      buffer = '';
      socket.write('GET /autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=EWS HTTP/1.1\r\nHost: autodiscover.example.test\r\n\r\n');
      while (!/\r\n\r\n[\s\S]*\}$/.test(buffer)) await new Promise<void>((r) => (wake = r));
      return buffer.slice(0, buffer.indexOf('\r\n'));
    },
  };
}

describe('hostile input at the Exchange socket', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    keeper = keptAlive();
    await new Promise((r) => keeper.socket.once('secureConnect', r));
    expect(await keeper.get()).toBe('HTTP/1.1 200 OK');
  });
  afterAll(() => keeper.socket.destroy());

  test(`a declared 20 MB body is refused with 413 before it is read (the limit is ${EXCHANGE_LIMITS.bodyOctets} octets), then close`, async () => {
    const seen = await exchange(true, request(`Content-Length: ${TWENTY_MB}\r\n`), zeros(TWENTY_MB));
    expect(seen.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(seen.text).toMatch(/\r\nConnection: close\r\n/i);
    expect(seen.closed).toBe(true);
    expect(await keeper.get()).toBe('HTTP/1.1 200 OK');
  });

  test('a chunked 20 MB body is refused with 413 once it passes the limit, then close', async () => {
    const seen = await exchange(true, request('Transfer-Encoding: chunked\r\n'), chunked(TWENTY_MB));
    expect(seen.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(seen.closed).toBe(true);
    expect(await keeper.get()).toBe('HTTP/1.1 200 OK');
  });

  test('curl uploading a 20 MB file gets 413', async () => {
    const file = join(dir, 'big.xml');
    writeFileSync(file, Buffer.alloc(TWENTY_MB, 0x20));
    const res = parseIncluded(await curlRaw(['-k', '--include', '--connect-to', `::127.0.0.1:${port}`, '-u', 'alice:wonderland', '-H', 'Content-Type: text/xml', '--data-binary', `@${file}`, 'https://mail.example.test/EWS/Exchange.asmx']));
    expect(res.status).toBe(413);
  });

  test('a 64 KiB header section is 431 and close', async () => {
    const fields = Array.from({ length: 64 }, (_, i) => `X-Filler-${i}: ${'x'.repeat(1000)}\r\n`).join('');
    const seen = await exchange(true, Buffer.from(`GET /autodiscover/autodiscover.json/v1.0/a@example.test?Protocol=EWS HTTP/1.1\r\nHost: autodiscover.example.test\r\n${fields}\r\n`, 'latin1'));
    expect(seen.text).toMatch(/^HTTP\/1\.1 431 /);
    expect(seen.closed).toBe(true);
    expect(await keeper.get()).toBe('HTTP/1.1 200 OK');
  });

  test('a plaintext HTTP request on the HTTPS port gets 400 in plaintext ("sent to HTTPS port"), then close', async () => {
    const seen = await exchange(false, Buffer.from('GET / HTTP/1.1\r\nHost: mail.example.test\r\n\r\n', 'latin1'));
    expect(seen.text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(seen.text).toContain('The plain HTTP request was sent to HTTPS port.');
    expect(seen.closed).toBe(true);
    const res = parseIncluded(await curlRaw(['--include', `http://127.0.0.1:${port}/`]));
    expect(res.status).toBe(400);
  });

  test('garbage instead of a TLS handshake is closed at once, with no HTTP answer, and logged', async () => {
    const before = log.length;
    const seen = await exchange(false, randomBytes(4096).fill(0x00, 0, 1));
    expect(seen.closed).toBe(true);
    expect(seen.text).not.toMatch(/HTTP\/1\.1/);
    expect(log.slice(before).join('\n')).toMatch(/TLS handshake failed/);
    expect(await keeper.get()).toBe('HTTP/1.1 200 OK');
  });

  test('garbage after the TLS handshake is 400 and close', async () => {
    const garbage = randomBytes(8192);
    garbage[0] = 0x01;
    const seen = await exchange(true, garbage);
    expect(seen.text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(seen.closed).toBe(true);
  });

  test('after all of it: the kept-alive session, a new curl and the rest of the lab answer; no internal error', async () => {
    expect(await keeper.get()).toBe('HTTP/1.1 200 OK');
    const res = await labCurl(lab)('https://autodiscover.example.test/autodiscover/autodiscover.json/v1.0/bob@example.test?Protocol=EWS');
    expect(res.status).toBe(200);
    expect(lab.internalErrors).toBe(0);
  });
});
