/**
 * A selected mailbox as one session sees it. The session keeps its own sequence-number map (RFC 3501 §2.3.1.2):
 * changes made by other sessions are queued and the numbers stay as the client knows them until the server
 * reports the change (§5.2, §7.4.1). \Recent belongs to exactly one session (§2.3.2): the first that selects the
 * mailbox or learns of the message claims it; EXAMINE never claims.
 */
import type { Mailbox, MailWorld, StoredMessage, WorldChange } from '../shared/world.ts';
import { originClaims, releaseSelection, selectMailbox } from './selections.ts';
import { SYSTEM_FLAGS } from './flags.ts';
import { imapFlagList } from './format.ts';

/** One session's view of its selected mailbox. */
export class MailboxView {
  readonly world: MailWorld;
  readonly user: string;
  readonly box: Mailbox;
  readonly readOnly: boolean;
  readonly sessionId: string;
  /** The messages in the client's numbering: index + 1 is the sequence number. */
  messages: StoredMessage[];
  /** UIDs that are \Recent in this session. */
  readonly recent = new Set<number>();
  readonly #pendingNew: StoredMessage[] = [];
  readonly #pendingExpunge = new Set<number>();
  readonly #pendingFlags = new Set<number>();
  #announcedKeywords: string[] = [];
  #reportedRecent = 0;

  constructor(world: MailWorld, user: string, box: Mailbox, sessionId: string, readOnly: boolean) {
    this.world = world;
    this.user = user;
    this.box = box;
    this.readOnly = readOnly;
    this.sessionId = sessionId;
    this.messages = [...box.messages];
    for (const m of this.messages) this.#takeRecent(m, false);
    this.#reportedRecent = this.recent.size;
    this.#announcedKeywords = this.#keywords();
    selectMailbox(world, sessionId, { user, box, readOnly });
  }

  /** Ends the selection (CLOSE, UNSELECT, another SELECT, LOGOUT): \Recent claims stay consumed. */
  close(): void {
    releaseSelection(this.world, this.sessionId, this.box);
  }

  #takeRecent(m: StoredMessage, originWillClaim: boolean): void {
    if (this.readOnly) {
      if (m.recentOwner === undefined && !originWillClaim) this.recent.add(m.uid);
      return;
    }
    if (m.recentOwner === undefined && !originWillClaim) m.recentOwner = this.sessionId;
    if (m.recentOwner === this.sessionId) this.recent.add(m.uid);
  }

  #keywords(): string[] {
    const out: string[] = [];
    for (const m of [...this.messages, ...this.#pendingNew]) for (const f of m.flags) if (!f.startsWith('\\') && !out.includes(f)) out.push(f);
    return out;
  }

  /** FLAGS and PERMANENTFLAGS lines (RFC 3501 §6.3.1), as SELECT sends them and again when a keyword appears. */
  flagLines(): string[] {
    const known = [...SYSTEM_FLAGS, ...this.#announcedKeywords];
    const permanent = this.readOnly ? '()' : imapFlagList([...known, '\\*'], false);
    return [`* FLAGS ${imapFlagList(known, false)}`, `* OK [PERMANENTFLAGS ${permanent}] ${this.readOnly ? 'Read-only mailbox.' : 'Flags permitted.'}`];
  }

  /** The untagged lines of SELECT/EXAMINE, IMAP4rev1 form (reference §4.3, RFC 3501 §6.3.1). */
  selectLines(): string[] {
    const firstUnseen = this.messages.findIndex((m) => !m.flags.has('\\Seen'));
    return [
      ...this.flagLines(),
      `* ${this.messages.length} EXISTS`,
      `* ${this.recent.size} RECENT`,
      ...(firstUnseen >= 0 ? [`* OK [UNSEEN ${firstUnseen + 1}] First unseen.`] : []),
      `* OK [UIDVALIDITY ${this.box.uidValidity}] UIDs valid`,
      `* OK [UIDNEXT ${this.box.uidNext}] Predicted next UID`,
    ];
  }

  /** The flag list to report for a message, e.g. "(\Seen \Recent)": \Recent when it is recent here. */
  flagText(m: StoredMessage): string {
    return imapFlagList(m.flags, this.recent.has(m.uid));
  }

  /** The sequence number of a UID in the client's numbering, or 0. */
  seqOf(uid: number): number {
    return this.messages.findIndex((m) => m.uid === uid) + 1;
  }

  /** Notes a change another session (or SMTP delivery) made; reported later by `flush`. */
  note(change: WorldChange): void {
    if (change.kind === 'mailboxes' || change.user !== this.user || change.mailbox !== this.box.name) return;
    if (change.kind === 'append') {
      const m = this.box.messages.find((x) => x.uid === change.uid);
      if (!m) return;
      this.#takeRecent(m, originClaims(this.world, change.origin, this.user, this.box));
      this.#pendingNew.push(m);
    } else if (change.kind === 'expunge') {
      this.expunged([change.uid]);
    } else if (this.seqOf(change.uid) > 0) {
      this.#pendingFlags.add(change.uid);
    }
  }

  /** A message this session added to its own mailbox (APPEND, COPY, MOVE): it claims \Recent, as first to know. */
  learn(m: StoredMessage): void {
    this.#takeRecent(m, false);
    this.#pendingNew.push(m);
  }

  /**
   * Messages gone from the mailbox: those the client knows are reported with a later flush; those it was never
   * told of are simply dropped, as no EXISTS announced them.
   */
  expunged(uids: Iterable<number>): void {
    for (const uid of uids) {
      const waiting = this.#pendingNew.findIndex((m) => m.uid === uid);
      if (waiting >= 0) {
        this.#pendingNew.splice(waiting, 1);
        this.recent.delete(uid);
      } else if (this.seqOf(uid) > 0) this.#pendingExpunge.add(uid);
    }
  }

  /** Finds messages the world no longer has (e.g. after RENAME INBOX moved them) and queues their EXPUNGE. */
  reconcile(): void {
    this.expunged(this.messages.filter((m) => !this.box.messages.includes(m)).map((m) => m.uid));
  }

  /** Whether anything waits to be reported. */
  get hasPending(): boolean {
    return this.#pendingNew.length + this.#pendingExpunge.size + this.#pendingFlags.size > 0;
  }

  /**
   * The untagged updates due now, in an order that keeps sequence numbers right: EXPUNGEs (unless withheld, as
   * during FETCH, STORE and SEARCH, RFC 3501 §7.4.1), new keywords, flag changes, EXISTS, then RECENT if the
   * count changed.
   */
  flush(expunges: boolean): string[] {
    const out: string[] = [];
    if (expunges && this.#pendingExpunge.size > 0) {
      for (const uid of [...this.#pendingExpunge].sort((a, b) => this.seqOf(a) - this.seqOf(b))) {
        const seq = this.seqOf(uid);
        if (seq === 0) continue;
        out.push(`* ${seq} EXPUNGE`);
        this.messages.splice(seq - 1, 1);
        this.recent.delete(uid);
        this.#pendingFlags.delete(uid);
      }
      this.#pendingExpunge.clear();
    }
    out.push(...this.newKeywordLines());
    for (const uid of [...this.#pendingFlags].sort((a, b) => this.seqOf(a) - this.seqOf(b))) {
      const seq = this.seqOf(uid);
      if (seq > 0) out.push(`* ${seq} FETCH (FLAGS ${this.flagText(this.messages[seq - 1]!)})`);
    }
    this.#pendingFlags.clear();
    if (this.#pendingNew.length > 0) {
      this.messages.push(...this.#pendingNew.splice(0));
      out.push(`* ${this.messages.length} EXISTS`);
    }
    const recent = this.messages.filter((m) => this.recent.has(m.uid)).length;
    if (recent !== this.#reportedRecent) {
      out.push(`* ${recent} RECENT`);
      this.#reportedRecent = recent;
    }
    return out;
  }

  /** Lines announcing keywords the session just stored that the client has not been told of yet. */
  newKeywordLines(): string[] {
    const keywords = this.#keywords();
    if (!keywords.some((k) => !this.#announcedKeywords.includes(k))) return [];
    this.#announcedKeywords = [...this.#announcedKeywords, ...keywords.filter((k) => !this.#announcedKeywords.includes(k))];
    return this.flagLines();
  }
}
