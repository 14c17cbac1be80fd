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
