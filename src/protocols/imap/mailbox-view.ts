/**
 * A selected mailbox as one session sees it. The session keeps its own sequence-number map (RFC 3501 §2.3.1.2):
 * changes made by other sessions are queued and the numbers stay as the client knows them until the server
 * reports the change (§5.2, §7.4.1). \Recent belongs to exactly one session (§2.3.2): the first that selects the
 * mailbox or learns of the message claims it; EXAMINE never claims. The numbering is kept in UID order, so a UID
 * is found by binary search, and every update costs what it touches, not the size of the mailbox.
 */
import type { Mailbox, MailWorld, StoredMessage, WorldChange } from '../shared/world.ts';
import { findByUid, indexOfUid } from '../shared/uid-order.ts';
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
  /** The messages in the client's numbering, in UID order: index + 1 is the sequence number. */
  messages: StoredMessage[];
  /** UIDs that are \Recent in this session. */
  readonly recent = new Set<number>();
  readonly #pendingNew: StoredMessage[] = [];
  readonly #pendingExpunge = new Set<number>();
  readonly #pendingFlags = new Set<number>();
  #announcedKeywords: string[] = [];
  readonly #announced = new Set<string>();
  /** A message showed a keyword the client has not been told of: the next newKeywordLines() looks. */
  #keywordsDirty = false;
  #reportedRecent = 0;
  /** Flags this session's current command will store (effects.ts), by UID, shown until they are stored. */
  readonly #planned = new Map<number, ReadonlySet<string>>();

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
    for (const k of this.#announcedKeywords) this.#announced.add(k);
    selectMailbox(world, sessionId, { user, box, readOnly });
  }

  /** The flags this session shows for a message: those its current command plans to store, else the stored ones. */
  flagsOf(m: StoredMessage): ReadonlySet<string> {
    return this.#planned.get(m.uid) ?? m.flags;
  }

  /** Flags a command will store once it is recorded (a `flags` effect): shown from now on; returns them as a set. */
  plan(m: StoredMessage, flags: Iterable<string>): ReadonlySet<string> {
    const planned = new Set(flags);
    const now = this.flagsOf(m);
    // The same flags in another order change nothing in the store (MailWorld.setFlags), so nothing is planned.
    if (planned.size === now.size && [...planned].every((f) => now.has(f))) return now;
    this.#planned.set(m.uid, planned);
    return planned;
  }

  /** The planned flags of `uid` are stored now (or, without a UID, every plan is dropped): the store's flags show again. */
  settled(uid?: number): void {
    if (uid === undefined) this.#planned.clear();
    else this.#planned.delete(uid);
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

  /** Every keyword in use, in message order: a full pass, made only when a keyword may be new to the client. */
  #keywords(): string[] {
    const seen = new Set<string>();
    for (const list of [this.messages, this.#pendingNew]) for (const m of list) for (const f of this.flagsOf(m)) if (!f.startsWith('\\')) seen.add(f);
    return [...seen];
  }

  /** Notes a message whose flags the client may not know: a keyword never announced makes the next check look. */
  touched(m: StoredMessage): void {
    if (this.#keywordsDirty) return;
    for (const f of this.flagsOf(m)) {
      if (!f.startsWith('\\') && !this.#announced.has(f)) {
        this.#keywordsDirty = true;
        return;
      }
    }
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
    return imapFlagList(this.flagsOf(m), this.recent.has(m.uid));
  }

  /** The sequence number of a UID in the client's numbering, or 0. */
  seqOf(uid: number): number {
    return indexOfUid(this.messages, uid) + 1;
  }

  /** Notes a change another session (or SMTP delivery) made; reported later by `flush`. */
  note(change: WorldChange): void {
    if (change.kind === 'mailboxes' || change.user !== this.user || change.mailbox !== this.box.name) return;
    if (change.kind === 'append') {
      const m = findByUid(this.box.messages, change.uid);
      if (!m) return;
      this.#takeRecent(m, originClaims(this.world, change.origin, this.user, this.box));
      this.#pendingNew.push(m);
      this.touched(m);
    } else if (change.kind === 'expunge') {
      this.expunged([change.uid]);
    } else {
      const seq = this.seqOf(change.uid);
      if (seq > 0) {
        this.#pendingFlags.add(change.uid);
        this.touched(this.messages[seq - 1]!);
      } else {
        const waiting = findByUid(this.#pendingNew, change.uid);
        if (waiting) this.touched(waiting);
      }
    }
  }

  /** A message this session added to its own mailbox (APPEND, COPY, MOVE): it claims \Recent, as first to know. */
  learn(m: StoredMessage): void {
    this.#takeRecent(m, false);
    this.#pendingNew.push(m);
    this.touched(m);
  }

  /**
   * Messages gone from the mailbox: those the client knows are reported with a later flush; those it was never
   * told of are simply dropped, as no EXISTS announced them.
   */
  expunged(uids: Iterable<number>): void {
    let dropped: Set<number> | undefined;
    for (const uid of uids) {
      if (this.#pendingNew.length > 0 && indexOfUid(this.#pendingNew, uid) >= 0) {
        (dropped ??= new Set()).add(uid);
        this.recent.delete(uid);
      } else if (this.seqOf(uid) > 0) this.#pendingExpunge.add(uid);
    }
    if (dropped) {
      const gone = dropped;
      const kept = this.#pendingNew.filter((m) => !gone.has(m.uid));
      this.#pendingNew.length = 0;
      for (const m of kept) this.#pendingNew.push(m);
    }
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
    if (expunges && this.#pendingExpunge.size > 0) this.#flushExpunges(out);
    for (const line of this.newKeywordLines()) out.push(line);
    // UID order is sequence order, so sorting UIDs sorts the lines by sequence number.
    for (const uid of [...this.#pendingFlags].sort((a, b) => a - b)) {
      const seq = this.seqOf(uid);
      if (seq > 0) out.push(`* ${seq} FETCH (FLAGS ${this.flagText(this.messages[seq - 1]!)})`);
    }
    this.#pendingFlags.clear();
    if (this.#pendingNew.length > 0) {
      for (const m of this.#pendingNew) this.messages.push(m);
      this.#pendingNew.length = 0;
      out.push(`* ${this.messages.length} EXISTS`);
    }
    // Every UID in `recent` is in the numbering once the new messages are in it, so its size is the count.
    const recent = this.recent.size;
    if (recent !== this.#reportedRecent) {
      out.push(`* ${recent} RECENT`);
      this.#reportedRecent = recent;
    }
    return out;
  }

  /**
   * One "* n EXPUNGE" per removed message in ascending order, each number counted after the removals before it
   * (RFC 3501 §7.4.1), and the numbering rebuilt in one pass instead of one splice per message.
   */
  #flushExpunges(out: string[]): void {
    const gone = new Set<number>();
    for (const uid of [...this.#pendingExpunge].sort((a, b) => a - b)) {
      const seq = this.seqOf(uid);
      if (seq === 0) continue;
      out.push(`* ${seq - gone.size} EXPUNGE`);
      gone.add(uid);
      this.recent.delete(uid);
      this.#pendingFlags.delete(uid);
    }
    this.#pendingExpunge.clear();
    if (gone.size > 0) this.messages = this.messages.filter((m) => !gone.has(m.uid));
  }

  /** Lines announcing keywords the session just stored that the client has not been told of yet. */
  newKeywordLines(): string[] {
    if (!this.#keywordsDirty) return [];
    this.#keywordsDirty = false;
    const fresh = this.#keywords().filter((k) => !this.#announced.has(k));
    if (fresh.length === 0) return [];
    for (const k of fresh) this.#announced.add(k);
    this.#announcedKeywords = [...this.#announcedKeywords, ...fresh];
    return this.flagLines();
  }
}
