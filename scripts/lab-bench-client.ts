/**
 * The benchmark's mail client: one connection over TCP or TLS (implicit or after STARTTLS), reading replies the
 * way each protocol ends them, and judging them: a refusal or an error reply is a failure, never "done".
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** The three line protocols. */
export type Protocol = 'smtp' | 'pop3' | 'imap';

/** How to connect. */
export interface OpenOptions {
  tls: boolean;
  /** Source address on loopback (127.x.y.z), so per-address limits see distinct clients. */
  localAddress?: string;
  /** How long any one reply may take before the session counts as failed. */
  replyTimeoutMs?: number;
}

/** One client session. */
export class BenchClient {
  socket: Socket;
  #buffer = '';
  #lines: string[] = [];
  #wake: (() => void) | undefined;
  #closed = false;
  readonly #timeoutMs: number;

  constructor(socket: Socket, timeoutMs: number) {
    this.socket = socket;
    this.#timeoutMs = timeoutMs;
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
      this.#wake?.();
    });
    socket.on('close', () => {
      this.#closed = true;
      this.#wake?.();
    });
    socket.on('error', () => {});
  }

  /** Whether the server closed the connection. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Sends one line with CRLF. */
  send(line: string): void {
    this.socket.write(`${line}\r\n`, 'latin1');
  }

  /** The next line; throws if the connection closes or the reply takes too long. */
  async line(): Promise<string> {
    while (this.#lines.length === 0) {
      if (this.#closed) throw new Error('connection closed');
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('reply timed out')), this.#timeoutMs);
        this.#wake = () => {
          clearTimeout(t);
          this.#wake = undefined;
          resolve();
        };
      });
    }
    return this.#lines.shift()!;
  }

  /** Every line of the reply to `command` ('' for the greeting). */
  async reply(protocol: Protocol, command: string): Promise<string[]> {
    const lines = [await this.line()];
    const verb = (command.split(' ')[protocol === 'imap' ? 1 : 0] ?? '').toUpperCase();
    if (protocol === 'smtp') {
      while (!/^\d{3}( |$)/.test(lines.at(-1)!)) lines.push(await this.line());
    } else if (protocol === 'pop3') {
      const multi = ['CAPA', 'RETR', 'TOP'].includes(verb) || (['LIST', 'UIDL'].includes(verb) && !command.trim().includes(' '));
      if (lines[0]!.startsWith('+OK') && multi) while (lines.at(-1) !== '.') lines.push(await this.line());
    } else if (command !== '') {
      const tag = `${command.split(' ')[0]} `;
      while (!lines.at(-1)!.startsWith(tag)) {
        try {
          lines.push(await this.line());
        } catch (error) {
          // A server that says BYE and hangs up has answered, if not with success.
          if (lines.some((l) => l.startsWith('* BYE'))) return lines;
          throw error;
        }
      }
    }
    return lines;
  }

  /** Sends a command and returns its reply; throws with the reply if it is a refusal or an error. */
  async expect(protocol: Protocol, command: string): Promise<string[]> {
    if (command !== '') this.send(command);
    const lines = await this.reply(protocol, command);
    if (!succeeded(protocol, command, lines)) throw new Error(`${command.split(' ').slice(0, 2).join(' ') || 'greeting'} → ${lines.at(-1)}`);
    return lines;
  }

  /** TLS on the same socket, after the server's STARTTLS/STLS reply. */
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

  /** Closes without a word. */
  destroy(): void {
    this.socket.destroy();
  }
}

/** Whether a reply is the success the command hoped for (greetings included). */
export function succeeded(protocol: Protocol, command: string, lines: readonly string[]): boolean {
  const last = lines.at(-1) ?? '';
  if (protocol === 'smtp') return command === '' ? /^220[ -]/.test(lines[0] ?? '') : /^[23]\d\d[ -]/.test(last);
  if (protocol === 'pop3') return (lines[0] ?? '').startsWith('+OK');
  if (command === '') return last.startsWith('* OK');
  return last.startsWith(`${command.split(' ')[0]} OK`);
}

/** Connects (and finishes the TLS handshake on implicit-TLS ports). */
export async function openClient(port: number, options: OpenOptions): Promise<BenchClient> {
  const where = { port, host: '127.0.0.1', localAddress: options.localAddress };
  const socket: Socket = options.tls
    ? tlsConnect({ ...where, rejectUnauthorized: false, servername: 'mail.example.test' })
    : netConnect(where);
  await new Promise<void>((resolve, reject) => {
    socket.once(options.tls ? 'secureConnect' : 'connect', () => resolve());
    socket.once('error', reject);
  });
  socket.setNoDelay(true);
  return new BenchClient(socket, options.replyTimeoutMs ?? 30_000);
}

/** The value at quantile q (0..1) of the samples, or NaN when there are none. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** Whether this machine routes the whole of 127.0.0.0/8 to loopback (Linux does), so clients can have distinct addresses. */
export async function loopbackAliases(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = netConnect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
