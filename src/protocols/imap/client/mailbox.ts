/**
 * The selected INBOX as an IMAP client knows it: message sequence numbers mapped to UIDs, and each message's
 * subject, sender and flags, kept up to date only from the server's untagged responses (RFC 9051 §7).
 */
import { parseUpdate, responses, type Update } from './parse.ts';
import type { LocalMessage } from '../../shared/client-types.ts';

/** A client's copy of the selected mailbox. */
export class ClientMailbox {
  /** UIDs in message sequence number order: the server's numbering of the mailbox (RFC 9051 §2.3.1.2). */
  #seq: number[] = [];
  #byUid = new Map<number, LocalMessage>();
  #exists = 0;

  /** How many messages the client has listed. */
  get listed(): number {
    return this.#seq.length;
  }

  /** Whether the server announced messages (EXISTS) the client has not fetched yet. */
  get behind(): boolean {
    return this.#exists > this.#seq.length;
  }

  /** The messages, in mailbox order, as copies. */
  messages(): LocalMessage[] {
    return this.#seq.flatMap((uid) => {
      const m = this.#byUid.get(uid);
      return m ? [{ ...m }] : [];
    });
  }

  /** The message with this UID, if listed. */
  find(uid: number): LocalMessage | undefined {
    return this.#byUid.get(uid);
  }

  /** Takes in every update found in these server lines. */
  apply(lines: readonly string[]): void {
    for (const response of responses(lines)) {
      const update = parseUpdate(response);
      if (update) this.#update(update);
    }
  }

  #update(u: Update): void {
    if (u.kind === 'exists') {
      this.#exists = u.count;
      return;
    }
    if (u.kind === 'expunge') {
      // Every later message moves down one sequence number (RFC 9051 §7.5.1).
      const [uid] = this.#seq.splice(u.seq - 1, 1);
      if (uid !== undefined) this.#byUid.delete(uid);
      this.#exists = Math.max(0, this.#exists - 1);
      return;
    }
    // Pushed FETCH responses carry no UID: the sequence number says which message changed.
    const uid = u.uid ?? this.#seq[u.seq - 1];
    if (uid === undefined) return;
    if (u.seq === this.#seq.length + 1) this.#seq.push(uid);
    const message: LocalMessage = this.#byUid.get(uid) ?? { key: String(uid), subject: u.subject ?? '(no subject)', from: u.from ?? '', seen: false, flagged: false };
    if (u.flags) {
      message.seen = u.flags.includes('\\Seen');
      message.flagged = u.flags.includes('\\Flagged');
    }
    this.#byUid.set(uid, message);
  }
}
