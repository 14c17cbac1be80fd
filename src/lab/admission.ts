/**
 * Which connections the lab serves: every accepted socket is counted from accept to close, per client address
 * and in all, and one past a cap is refused (in words while few refusals are under way, else closed at once).
 * Sockets bound to no session (TLS handshakes, refusals) are kept apart, so stopping the lab closes them at once.
 */
import type { Socket } from 'node:net';

/** Refusals under way at once that still get words; past these, new connections over a cap are closed without one. */
export const REFUSING_AT_ONCE = 64;
/** The same from one address, so one client's flood does not leave the others' refusals without words. */
export const REFUSING_PER_ADDRESS = 8;

/** What to do with a new connection. */
export type Verdict = { serve: true; address: string } | { serve: false; address: string; perAddress: boolean; words: boolean };

/** The lab's count of open sockets and its caps. */
export class Admission {
  readonly #maxConnections: number;
  readonly #perAddress: number;
  readonly #sockets = new Set<Socket>();
  readonly #byAddress = new Map<string, number>();
  readonly #loose = new Set<Socket>();
  #refusing = 0;
  readonly #refusingFrom = new Map<string, number>();
  #emptied: Array<() => void> = [];

  constructor(maxConnections: number, perAddress: number) {
    this.#maxConnections = maxConnections;
    this.#perAddress = perAddress;
  }

  /** Sockets open now, from accept to close. */
  get size(): number {
    return this.#sockets.size;
  }

  /** Counts a socket just accepted (until its 'close') and says whether it is served or refused. */
  admit(raw: Socket): Verdict {
    const address = normalize(raw.remoteAddress);
    this.#sockets.add(raw);
    const here = (this.#byAddress.get(address) ?? 0) + 1;
    this.#byAddress.set(address, here);
    raw.once('close', () => this.#forget(raw, address));
    const perAddress = here > this.#perAddress;
    if (!perAddress && this.#sockets.size <= this.#maxConnections) return { serve: true, address };
    const from = this.#refusingFrom.get(address) ?? 0;
    const words = this.#refusing < REFUSING_AT_ONCE && from < REFUSING_PER_ADDRESS;
    if (words) {
      this.#refusing += 1;
      this.#refusingFrom.set(address, from + 1);
      raw.once('close', () => {
        this.#refusing -= 1;
        const left = (this.#refusingFrom.get(address) ?? 1) - 1;
        if (left > 0) this.#refusingFrom.set(address, left);
        else this.#refusingFrom.delete(address);
      });
    }
    return { serve: false, address, perAddress, words };
  }

  /** A socket with no session (a TLS handshake, a refusal): closed at once when the lab stops. */
  loose(socket: Socket): void {
    this.#loose.add(socket);
    socket.once('close', () => this.#loose.delete(socket));
  }

  /** It has a session now: the session says goodbye when the lab stops. */
  bound(socket: Socket): void {
    this.#loose.delete(socket);
  }

  /** Closes every socket with no session. */
  closeLoose(): void {
    for (const s of [...this.#loose]) s.destroy();
  }

  /** Closes every socket. */
  destroyAll(): void {
    for (const s of [...this.#sockets]) s.destroy();
  }

  /** Resolves once no socket is open (a server's own close can come before its sockets' close events). */
  whenEmpty(): Promise<void> {
    if (this.#sockets.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#emptied.push(resolve));
  }

  #forget(raw: Socket, address: string): void {
    this.#sockets.delete(raw);
    this.#loose.delete(raw);
    const left = (this.#byAddress.get(address) ?? 1) - 1;
    if (left > 0) this.#byAddress.set(address, left);
    else this.#byAddress.delete(address);
    if (this.#sockets.size === 0) for (const resolve of this.#emptied.splice(0)) resolve();
  }
}

/** IPv4 clients of a dual-stack listener show up as ::ffff:a.b.c.d; they are the same client as a.b.c.d. */
function normalize(address: string | undefined): string {
  if (!address) return '?';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
