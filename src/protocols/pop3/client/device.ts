/**
 * A POP3 device's own mail store. POP3 only downloads (RFC 1939): read marks, flags and deletions live in the
 * device, and the server never hears of them.
 */
import { pop3CheckMail, type Pop3CheckResult } from './client.ts';
import type { Connect, LocalMessage } from '../../shared/client-types.ts';

/** The messages one POP3 device has downloaded, and every UIDL id it has seen (deleted ones too). */
export class Pop3Device {
  #messages: LocalMessage[] = [];
  // Remembering deleted ids too is what stops a "leave on server" client from downloading them again.
  readonly #seen = new Set<string>();

  /** The local list, as copies. */
  messages(): LocalMessage[] {
    return this.#messages.map((m) => ({ ...m }));
  }

  /** The local copy with this UIDL id, if the device has one. */
  find(key: string): LocalMessage | undefined {
    const m = this.#messages.find((x) => x.key === key);
    return m && { ...m };
  }

  /** Runs one "Check mail" session and keeps what it downloaded. */
  check(connect: Connect, deleteAfter: boolean): Pop3CheckResult {
    const result = pop3CheckMail(connect, this.#seen, deleteAfter);
    for (const m of result.downloaded) {
      this.#seen.add(m.key);
      this.#messages.push(m);
    }
    return result;
  }

  /** Marks the local copy read. */
  markRead(key: string): void {
    const m = this.#messages.find((x) => x.key === key);
    if (m) m.seen = true;
  }

  /** Flags or unflags the local copy; returns whether it is flagged now. */
  toggleFlag(key: string): boolean {
    const m = this.#messages.find((x) => x.key === key);
    if (m) m.flagged = !m.flagged;
    return m?.flagged ?? false;
  }

  /** Deletes the local copy only. */
  remove(key: string): void {
    this.#messages = this.#messages.filter((x) => x.key !== key);
  }
}
