/**
 * The lab's HTTP listener with real clients: Node's http client, curl, and raw sockets for what clients will not
 * send (a malformed request line, a 10 MB header line, pipelined requests).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { request as httpRequest, Agent, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { startLab, type Lab } from '../../src/lab/server.ts';

let lab: Lab;
let port: number;

/** A lab with the test protocols, on an offset that leaves room for 8080 below 65536. */
async function start(): Promise<Lab> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startLab({ quiet: true, testProtocols: true, offset: 20_000 + Math.floor(Math.random() * 370) * 100 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt > 6) throw error;
    }
  }
}

beforeAll(async () => {
  lab = await start();
  port = lab.httpPorts.find((p) => p.protocol === 'hello')!.port;
});
afterAll(async () => {
  await lab?.close();
});

interface Got {
  res: IncomingMessage;
  body: string;
  reused: boolean;
  localPort: number | undefined;
}

function get(path: string, options: { method?: string; agent?: Agent; body?: string; headers?: Record<string, string> } = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', agent: options.agent, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ res, body, reused: req.reusedSocket, localPort: req.socket?.localPort }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Sends raw octets and collects everything the server sends until it closes (or `until` matches). */
function raw(chunks: Array<string | Buffer>, until?: RegExp): Promise<{ text: string; closed: boolean; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      resolve({ text, closed, socket });
    };
    socket.on('data', (d) => {
      text += d.toString('latin1');
      if (until?.test(text)) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? finish(true) : reject(e)));
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
    });
  });
}

describe('the hello test protocol in the lab (HTTP on offset + 8080)', () => {
  test('is served only with testProtocols, on offset + 8080, plaintext', async () => {
    expect(lab.httpPorts.filter((p) => p.testOnly)).toEqual([{ protocol: 'hello', standardPort: 8080, port: lab.ports[0]!.port - 25 + 8080, security: 'plaintext', testOnly: true }]);
  });

  test('Node http client: GET /hello?name=ada gets 200 text/plain "Hello, ada" with Date and Content-Length', async () => {
    const { res, body } = await get('/hello?name=ada');
    expect([res.statusCode, res.statusMessage, res.httpVersion]).toEqual([200, 'OK', '1.1']);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-length']).toBe('11');
    expect(Date.parse(res.headers.date!)).not.toBeNaN();
    expect(body).toBe('Hello, ada\n');
  });

  test('404 for another path, 405 with Allow: GET for another method', async () => {
    expect((await get('/')).res.statusCode).toBe(404);
    const post = await get('/hello', { method: 'POST', body: 'x' });
    expect([post.res.statusCode, post.res.headers.allow]).toEqual([405, 'GET']);
  });

  test('keep-alive: two requests through a keep-alive agent share one connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get('/hello?name=one', { agent });
      const second = await get('/hello?name=two', { agent });
      expect([first.body, second.body]).toEqual(['Hello, one\n', 'Hello, two\n']);
      expect(second.reused).toBe(true);
      expect(second.localPort).toBe(first.localPort);
    } finally {
      agent.destroy();
    }
  });

  test('two pipelined requests in one packet get two responses in order on the same connection', async () => {
    const twice = 'GET /hello?name=a HTTP/1.1\r\nHost: x\r\n\r\nGET /hello?name=b HTTP/1.1\r\nHost: x\r\n\r\n';
    const { text, socket } = await raw([twice], /Hello, b\n$/);
    socket.destroy();
    expect(text.match(/^HTTP\/1\.1 200 OK/gm)).toHaveLength(2);
    expect(text.indexOf('Hello, a')).toBeLessThan(text.indexOf('Hello, b'));
  });

  test('a malformed request line gets 400 with Connection: close, and the connection closes (RFC 9112 §3, §2.2)', async () => {
    const { text, closed } = await raw(['GARBAGE\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n']);
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(text).toMatch(/\r\nConnection: close\r\n/);
    // Nothing after the bad request is read as a request: one response only.
    expect(text.match(/^HTTP\/1\.1 /gm)).toHaveLength(1);
    expect(closed).toBe(true);
  });

  test('a 10 MB header line gets 431 and closes; the lab goes on serving', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    const { text, closed } = await raw([Buffer.from('GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: '), big, Buffer.from('\r\n\r\n')]);
    expect(text).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(closed).toBe(true);
    expect((await get('/hello')).res.statusCode).toBe(200);
    expect(lab.internalErrors).toBe(0);
  });

  test('a body over the limit gets 413 before it is read; a chunked body within it is decoded', async () => {
    const { text } = await raw(['POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n']);
    expect(text).toMatch(/^HTTP\/1\.1 413 Content Too Large\r\n/);
    const chunked = await raw(['POST /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n'], /Hello, world\n$/);
    chunked.socket.destroy();
    expect(chunked.text).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
  });

  test('HTTP/1.0 without keep-alive: the response says Connection: close and the connection closes', async () => {
    const { text, closed } = await raw(['GET /hello HTTP/1.0\r\nHost: x\r\n\r\n']);
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).toMatch(/\r\nConnection: close\r\n/);
    expect(closed).toBe(true);
  });

  // The lab runs in this process: curl must run asynchronously, or it would wait on a server that cannot answer.
  test('curl: one GET, and two URLs on one reused connection', async () => {
    const curl = promisify(execFile);
    const base = `http://127.0.0.1:${port}`;
    const one = await curl('curl', ['-s', '-i', `${base}/hello?name=curl`], { encoding: 'latin1' });
    expect(one.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(one.stdout.endsWith('\r\n\r\nHello, curl\n')).toBe(true);
    const two = await curl('curl', ['-s', '-v', `${base}/hello?name=a`, `${base}/nope`], { encoding: 'latin1' });
    expect(two.stdout).toBe('Hello, a\nNothing here: the only resource is /hello.\n');
    expect(two.stderr).toMatch(/Re-using existing connection|Reusing existing/i);
  });
});

describe('--test-protocols', () => {
  test('turns the hello listener on, and the offset must leave room for 8080', async () => {
    const { parseArgs, usage } = await import('../../src/lab/options.ts');
    const { httpListenerPlan } = await import('../../src/lab/config.ts');
    expect(parseArgs(['--test-protocols'])).toMatchObject({ ok: true, options: { testProtocols: true } });
    expect(parseArgs(['--test-protocols', '--offset', '60000'])).toEqual({ ok: false, error: '--offset must be at most 57455 with --test-protocols, not 60000' });
    expect(parseArgs(['--offset', '60000'])).toMatchObject({ ok: true });
    expect(usage()).toContain('--test-protocols');
    const hello = (testProtocols: boolean) => httpListenerPlan(10_000, testProtocols).filter((p) => p.protocol === 'hello');
    expect(hello(false)).toEqual([]);
    expect(hello(true).map((p) => p.port)).toEqual([18080]);
  });
});
