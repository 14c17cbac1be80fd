/** Test helpers for the lab: start it on a free port offset, and a small line-reading TCP/TLS client. */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { startLab, type Lab, type LabOptions } from '../../src/lab/server.ts';

/** Starts a quiet lab on a random offset between 20000 and 60000, trying again if a port is taken. */
export async function startTestLab(options: LabOptions = {}): Promise<Lab> {
  let last: unknown;
  for (let attempt = 0; attempt < 8; attempt++) {
    const offset = 20_000 + Math.floor(Math.random() * 400) * 100;
    try {
      return await startLab({ quiet: true, ...options, offset });
    } catch (error) {
      last = error;
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw last;
}

/** The listening port for a standard port. */
export function portOf(lab: Lab, standardPort: number): number {
  const found = lab.ports.find((p) => p.standardPort === standardPort);
  if (!found) throw new Error(`no listener for ${standardPort}`);
  return found.port;
}

/** A client that reads CRLF lines, over TCP or TLS, and can upgrade to TLS in place. */
export class LineClient {
  socket: Socket;
  #buffer = '';
  #lines: string[] = [];
  #waiters: Array<() => void> = [];
  #ended = false;

  constructor(socket: Socket) {
    this.socket = socket;
    this.#listen(socket);
  }

  #listen(socket: Socket): void {
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      this.#buffer += text;
      let i: number;
      while ((i = this.#buffer.indexOf('\r\n')) !== -1) {
        this.#lines.push(this.#buffer.slice(0, i));
        this.#buffer = this.#buffer.slice(i + 2);
      }
      this.#wake();
    });
    socket.on('close', () => {
      this.#ended = true;
      this.#wake();
    });
    socket.on('error', () => {});
  }

  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }

  /** Whether the server closed the connection. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Sends raw text (add CRLF yourself). */
  write(text: string): void {
    this.socket.write(Buffer.from(text, 'latin1'));
  }

  /** The next line, or undefined if the connection closes first. */
  async line(timeoutMs = 5000): Promise<string | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.#lines.length === 0) {
      if (this.#ended) return undefined;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a line');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.#lines.shift();
  }

  /** Sends a line with CRLF and returns the next reply line. */
  async command(line: string): Promise<string | undefined> {
    this.write(`${line}\r\n`);
    return this.line();
  }

  /** Resolves once the server has closed the connection. */
  async closed(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#ended) {
      if (Date.now() > deadline) throw new Error('timed out waiting for close');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.#waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Runs the TLS handshake on the same socket (after STARTTLS), not checking the self-signed certificate. */
  async upgrade(): Promise<TLSSocket> {
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('close');
    const secure = tlsConnect({ socket: plain, rejectUnauthorized: false, servername: 'mail.example.test' });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    this.socket = secure;
    this.#listen(secure);
    return secure;
  }

  /** Closes the connection. */
  destroy(): void {
    this.socket.destroy();
  }
}

/** Connects in plaintext. */
export async function connectPlain(port: number): Promise<LineClient> {
  const socket = netConnect({ port, host: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return new LineClient(socket);
}

/** Connects with TLS from the first byte, not checking the self-signed certificate. */
export async function connectTls(port: number): Promise<LineClient> {
  const socket = tlsConnect({ port, host: '127.0.0.1', rejectUnauthorized: false, servername: 'mail.example.test' });
  await new Promise<void>((resolve, reject) => {
    socket.once('secureConnect', resolve);
    socket.once('error', reject);
  });
  return new LineClient(socket);
}

/** How a ByteClient reads: at full speed, or pausing `pauseMs` after every `pauseEvery` octets (a slow reader). */
export interface ReadPace {
  pauseEvery?: number;
  pauseMs?: number;
}

/**
 * A client that reads octets exactly, for literals and replies of any size: lines, counted octets, or octets
 * counted and thrown away. A wait fails only after `quietMs` with no octet arriving, never on a total time.
 */
export class ByteClient {
  socket: Socket;
  /** Octets received so far. */
  received = 0;
  #chunks: Buffer[] = [];
  #held = 0;
  #wake: (() => void) | undefined;
  #ended = false;
  readonly #pace: ReadPace;
  #sincePause = 0;

  constructor(socket: Socket, pace: ReadPace = {}) {
    this.socket = socket;
    this.#pace = pace;
    this.#listen(socket);
  }

  #listen(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => {
      this.#chunks.push(chunk);
      this.#held += chunk.length;
      this.received += chunk.length;
      this.#sincePause += chunk.length;
      const { pauseEvery, pauseMs } = this.#pace;
      if (pauseEvery && pauseMs && this.#sincePause >= pauseEvery) {
        this.#sincePause = 0;
        socket.pause();
        setTimeout(() => socket.resume(), pauseMs);
      }
      this.#wake?.();
    });
    socket.on('close', () => {
      this.#ended = true;
      this.#wake?.();
    });
    socket.on('error', () => {});
  }

  /** Whether the server closed the connection. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Sends raw octets (add CRLF yourself). */
  write(data: string | Buffer): void {
    this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  async #more(quietMs: number): Promise<boolean> {
    if (this.#ended) return false;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no data for ${quietMs} ms (${this.received} octets so far)`)), quietMs);
      this.#wake = () => {
        clearTimeout(t);
        this.#wake = undefined;
        resolve();
      };
    });
    return true;
  }

  #take(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.#chunks[0]!;
      const used = Math.min(head.length, n - filled);
      head.copy(out, filled, 0, used);
      filled += used;
      if (used === head.length) this.#chunks.shift();
      else this.#chunks[0] = head.subarray(used);
    }
    this.#held -= n;
    return out;
  }

  /** The next line without CRLF (latin1), or undefined if the connection closes first. */
  async line(quietMs = 10_000): Promise<string | undefined> {
    for (;;) {
      let offset = 0;
      for (const chunk of this.#chunks) {
        const lf = chunk.indexOf(0x0a);
        if (lf !== -1) {
          const line = this.#take(offset + lf + 1).toString('latin1');
          return line.endsWith('\r\n') ? line.slice(0, -2) : line.slice(0, -1);
        }
        offset += chunk.length;
      }
      if (!(await this.#more(quietMs))) return undefined;
    }
  }

  /** Exactly n octets, or what came before the connection closed. */
  async octets(n: number, quietMs = 10_000): Promise<Buffer> {
    while (this.#held < n) if (!(await this.#more(quietMs))) return this.#take(this.#held);
    return this.#take(n);
  }

  /** Reads n octets without keeping them; returns how many arrived (fewer if the connection closed). */
  async discard(n: number, quietMs = 10_000): Promise<number> {
    let left = n;
    for (;;) {
      const used = Math.min(left, this.#held);
      if (used > 0) this.#take(used);
      left -= used;
      if (left === 0 || !(await this.#more(quietMs))) return n - left;
    }
  }

  /** Runs the TLS handshake on the same socket (after STARTTLS), not checking the self-signed certificate. */
  async upgrade(): Promise<void> {
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('close');
    const secure = tlsConnect({ socket: plain, rejectUnauthorized: false, servername: 'mail.example.test' });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    this.socket = secure;
    this.#listen(secure);
  }

  /** Resolves once the server has closed the connection (fails after `quietMs` of silence). */
  async closed(quietMs = 10_000): Promise<void> {
    while (await this.#more(quietMs)) this.#take(this.#held);
  }

  /** Closes the connection. */
  destroy(): void {
    this.socket.destroy();
  }
}

/** Connects and reads octets, over TCP or with implicit TLS, from an optional loopback source address. */
export async function connectBytes(port: number, tls: boolean, pace: ReadPace = {}, localAddress?: string): Promise<ByteClient> {
  const where = { port, host: '127.0.0.1', localAddress };
  const socket: Socket = tls ? tlsConnect({ ...where, rejectUnauthorized: false, servername: 'mail.example.test' }) : netConnect(where);
  await new Promise<void>((resolve, reject) => {
    socket.once(tls ? 'secureConnect' : 'connect', () => resolve());
    socket.once('error', reject);
  });
  return new ByteClient(socket, pace);
}

/** Polls `predicate` every 20 ms until it holds, failing after `tries` polls. */
export async function eventually(predicate: () => boolean, tries = 500): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition never held');
}
