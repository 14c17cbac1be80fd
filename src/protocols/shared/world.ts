/**
 * The mail world: users, mailboxes and messages shared by every session opened on it. SMTP delivers into it,
 * POP3 and IMAP read it, and every change is announced to subscribers so other sessions can report it.
 * Deterministic under a seed: the clock, queue ids and UIDVALIDITY values depend only on the seed.
 */
import { SimClock } from './clock.ts';
import { StoreAccount, worldLimits, type StoreRefusal, type WorldLimits } from './limits.ts';
import { LOCAL_DOMAIN } from './host.ts';
import { deliver, type DeliveryResult, type Envelope, type QueuedMessage } from './delivery.ts';
import { octets, type RawMessage } from './message.ts';
import { hexId, seededRandom } from './random.ts';
import { seedMail } from './seed-mail.ts';
import { findByUid } from './uid-order.ts';
import type { WorldCounters, WorldState } from './world-state.ts';

export type { StoreRefusal, WorldLimits } from './limits.ts';
export type { DeliveryRefusal, DeliveryResult, Envelope, QueuedMessage } from './delivery.ts';

/** RFC 6154 special-use attributes of the standard mailboxes. */
export type SpecialUse = '\\Sent' | '\\Drafts' | '\\Trash' | '\\Archive' | '\\Junk';

/** A stored message (RFC 3501 §2.3). */
export interface StoredMessage {
  /** Unique identifier, strictly ascending within the mailbox (RFC 3501 §2.3.1.1). */
  readonly uid: number;
  /** System flags (\Seen, \Answered, \Flagged, \Deleted, \Draft) and keywords; never \Recent, which is per session. */
  readonly flags: Set<string>;
  /** When the server received it (RFC 3501 §2.3.3). */
  readonly internalDate: Date;
  /** The message octets, lines ending in CRLF. */
  readonly raw: RawMessage;
  /** Size in octets (RFC 3501 §2.3.4). */
  readonly size: number;
  /** The IMAP session that sees this message as \Recent (RFC 3501 §2.3.2: at most one), once one has claimed it. */
  recentOwner: string | undefined;
}

/** A mailbox (RFC 3501 §5.1). */
export interface Mailbox {
  /** Name; INBOX is always spelled INBOX. */
  name: string;
  /** Special use (RFC 6154), if any. */
  specialUse: SpecialUse | undefined;
  /** UIDVALIDITY (RFC 3501 §2.3.1.1). */
  readonly uidValidity: number;
  /** The UID the next message will get. */
  uidNext: number;
  /** Messages in UID order. */
  messages: StoredMessage[];
  /** Whether the user subscribed to it (RFC 3501 §6.3.6). */
  subscribed: boolean;
}

/** A user of the world. */
export interface MailUser {
  /** Login name, e.g. "alice". */
  readonly name: string;
  /** Password (a simulation: stored in clear on purpose, to show what PLAIN carries). */
  readonly password: string;
  /** Mail address, e.g. "alice@example.test". */
  readonly address: string;
  /** Display name for headers. */
  readonly displayName: string;
  /** Mailboxes by name (INBOX first). */
  readonly mailboxes: Map<string, Mailbox>;
}

/** A change another session may need to report. `origin` is the session that made it. */
export type WorldChange =
  | { kind: 'append'; user: string; mailbox: string; uid: number; origin: string | undefined }
  | { kind: 'expunge'; user: string; mailbox: string; uid: number; origin: string | undefined }
  | { kind: 'flags'; user: string; mailbox: string; uid: number; origin: string | undefined }
  | { kind: 'mailboxes'; user: string; origin: string | undefined };

/** Options for a new world. */
export interface WorldOptions {
  /** Seed for ids and UIDVALIDITY; the same seed gives the same world and transcripts. */
  seed?: number;
  /** Start instant (ms since the epoch). */
  start?: number;
  /** Message size, quota and store limits; any not given keep their defaults (limits.ts). */
  limits?: Partial<WorldLimits>;
  /** A saved world to rebuild instead of the starting one (checked by world-state.ts `checkState`); its counters replace `seed` and `start`. */
  restore?: WorldState;
}

// A login name is a local part (RFC 5321 §4.5.3.1.1: at most 64 octets) that needs no quoting anywhere.
const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

export { LOCAL_DOMAIN, SERVER_HOST } from './host.ts';

const STANDARD_MAILBOXES: Array<[string, SpecialUse | undefined]> = [
  ['INBOX', undefined],
  ['Sent', '\\Sent'],
  ['Drafts', '\\Drafts'],
  ['Trash', '\\Trash'],
  ['Archive', '\\Archive'],
];

/** One shared, in-memory mail system. */
export class MailWorld {
  readonly clock: SimClock;
  /** What the world may hold; the servers refuse what would go past it. */
  readonly limits: WorldLimits;
  readonly users = new Map<string, MailUser>();
  /** Mail for other domains, as an MTA's queue would hold it before relaying. */
  readonly outbound: QueuedMessage[] = [];
  readonly #next: () => number;
  readonly #listeners = new Set<(change: WorldChange) => void>();
  readonly #locks = new Map<string, string>();
  readonly #store: StoreAccount;
  readonly #seed: number;
  #draws = 0;
  #uidValidity: number;
  #sessions = 0;

  constructor(options: WorldOptions = {}) {
    const { restore } = options;
    const seed = restore?.seed ?? options.seed ?? 1;
    this.#seed = seed;
    this.clock = new SimClock(restore?.clock ?? options.start);
    this.limits = worldLimits(options.limits);
    this.#store = new StoreAccount(this.limits);
    const random = seededRandom(seed);
    // Draws are counted, so a restored world replays them and goes on with the ids it would have made next.
    this.#next = () => {
      this.#draws += 1;
      return random();
    };
    if (restore) {
      for (let i = 0; i < restore.draws; i++) this.#next();
      this.#uidValidity = restore.uidValidity;
      this.#load(restore);
      return;
    }
    // Like Dovecot, a UIDVALIDITY near the creation time in seconds; the seed shifts it.
    this.#uidValidity = Math.floor(this.clock.peek().getTime() / 1000) + Math.floor(this.#next() * 1000);
    this.#addUser('alice', 'wonderland', 'Alice');
    this.#addUser('bob', 'builder', 'Bob');
    for (const m of seedMail()) {
      this.append(m.user, 'INBOX', m.raw, m.flags, new Date(m.receivedAt), undefined);
    }
  }

  /** Rebuilds a saved world's users, mailboxes, messages and queue (no change is announced: nobody listens yet). */
  #load(state: WorldState): void {
    this.#sessions = state.sessions;
    for (const u of state.users) {
      const mailboxes = new Map<string, Mailbox>();
      this.users.set(u.name, { name: u.name, password: u.password, address: `${u.name}@${LOCAL_DOMAIN}`, displayName: u.displayName, mailboxes });
      for (const b of u.mailboxes) {
        const messages = b.messages.map((m): StoredMessage => {
          this.#store.add(u.name, octets(m.raw));
          // A session of an earlier page saw it as \Recent; no session of this one will (RFC 3501 §2.3.2).
          return { uid: m.uid, flags: new Set(m.flags), internalDate: new Date(m.internalDate), raw: m.raw, size: octets(m.raw), recentOwner: m.claimed ? 's0' : undefined };
        });
        mailboxes.set(b.name, { name: b.name, specialUse: b.specialUse, uidValidity: b.uidValidity, uidNext: b.uidNext, messages, subscribed: b.subscribed });
      }
    }
    for (const q of state.outbound) this.outbound.push({ ...q, queuedAt: new Date(q.queuedAt) });
  }

  /** The seed, draws, clock and id counters, which a saved world keeps (world-state.ts). */
  counters(): WorldCounters {
    return { seed: this.#seed, draws: this.#draws, clock: this.clock.peek().getTime(), uidValidity: this.#uidValidity, sessions: this.#sessions };
  }

  #addUser(name: string, password: string, displayName: string): MailUser {
    const mailboxes = new Map<string, Mailbox>();
    const user: MailUser = { name, password, address: `${name}@${LOCAL_DOMAIN}`, displayName, mailboxes };
    this.users.set(name, user);
    for (const [box, use] of STANDARD_MAILBOXES) this.#newMailbox(user, box, use);
    return user;
  }

  /**
   * Creates a user with the standard mailboxes, all empty, e.g. one per simulated client of a benchmark. The name
   * must be a plain local part (letters, digits, ".", "_", "-"; at most 64); undefined when it is not or is taken.
   */
  addUser(name: string, password: string, displayName: string = name): MailUser | undefined {
    if (!USER_NAME.test(name) || this.users.has(name) || name.toLowerCase() === 'postmaster') return undefined;
    return this.#addUser(name, password, displayName);
  }

  /** Octets in all of a user's mailboxes, as the quota counts them. */
  usage(user: string): number {
    return this.#store.usage(user);
  }

  /** Octets the whole store holds, each message's bookkeeping overhead included. */
  get storedOctets(): number {
    return this.#store.total;
  }

  /** Whether the user's mailboxes already hold all the quota allows. */
  isOverQuota(user: string): boolean {
    return this.#store.isFull(user);
  }

  /**
   * Why `count` messages of `octets` in all, the largest `largest`, cannot be stored for `user` now, or undefined
   * when they can. Nothing is reserved: ask again just before storing.
   */
  refusal(user: string, octets: number, largest = octets, count = 1): StoreRefusal | undefined {
    return this.#store.refusal(user, octets, largest, count);
  }

  /** Octets the store can still take, overhead included (what Postfix checks at MAIL, smtpd_check_queue()). */
  get freeOctets(): number {
    return this.#store.free;
  }

  #newMailbox(user: MailUser, name: string, specialUse: SpecialUse | undefined): Mailbox {
    const box: Mailbox = { name, specialUse, uidValidity: this.#uidValidity++, uidNext: 1, messages: [], subscribed: true };
    user.mailboxes.set(name, box);
    return box;
  }

  /** A fresh session id: "s1", "s2", … in opening order. */
  newSessionId(): string {
    this.#sessions += 1;
    return `s${this.#sessions}`;
  }

  /** A Postfix-style queue id (11 hex digits). */
  newQueueId(): string {
    return hexId(this.#next, 11);
  }

  /** The user with this login name, or undefined. */
  user(name: string): MailUser | undefined {
    return this.users.get(name);
  }

  /** The user if the password matches, else undefined. */
  authenticate(name: string, password: string): MailUser | undefined {
    const user = this.users.get(name);
    return user && user.password === password ? user : undefined;
  }

  /** Whether this world accepts mail for the domain (RFC 5321 §2.3.5: domains compare case-insensitively). */
  isLocalDomain(domain: string): boolean {
    return domain.toLowerCase() === LOCAL_DOMAIN;
  }

  /**
   * The local user an address delivers to, or undefined. Local parts are case-sensitive (RFC 5321 §2.4), so
   * "Alice@example.test" is not alice. "postmaster" must be accepted (RFC 5321 §4.5.1); it reaches alice.
   */
  localRecipient(address: string): MailUser | undefined {
    const at = address.lastIndexOf('@');
    if (at < 1 || !this.isLocalDomain(address.slice(at + 1))) return undefined;
    const local = address.slice(0, at);
    if (local.toLowerCase() === 'postmaster') return this.users.get('alice');
    return this.users.get(local);
  }

  /** The mailbox, with INBOX matched case-insensitively (RFC 3501 §5.1), or undefined. */
  mailbox(user: string, name: string): Mailbox | undefined {
    const boxes = this.users.get(user)?.mailboxes;
    if (!boxes) return undefined;
    return boxes.get(name.toUpperCase() === 'INBOX' ? 'INBOX' : name);
  }

  /** Creates a mailbox; false if it exists or the user is unknown. */
  createMailbox(user: string, name: string, origin?: string): boolean {
    const u = this.users.get(user);
    if (!u || this.mailbox(user, name)) return false;
    this.#newMailbox(u, name, undefined);
    this.#emit({ kind: 'mailboxes', user, origin });
    return true;
  }

  /** Deletes a mailbox (never INBOX); false if it does not exist. */
  deleteMailbox(user: string, name: string, origin?: string): boolean {
    const u = this.users.get(user);
    const box = this.mailbox(user, name);
    if (!u || !box || box.name === 'INBOX') return false;
    u.mailboxes.delete(box.name);
    for (const m of box.messages) this.#store.remove(user, m.size);
    this.#emit({ kind: 'mailboxes', user, origin });
    return true;
  }

  /**
   * Renames a mailbox, keeping its messages and UIDVALIDITY. Renaming INBOX moves its messages to a new
   * mailbox and leaves INBOX empty (RFC 3501 §6.3.5).
   */
  renameMailbox(user: string, from: string, to: string, origin?: string): boolean {
    const u = this.users.get(user);
    const box = this.mailbox(user, from);
    if (!u || !box || this.mailbox(user, to)) return false;
    if (box.name === 'INBOX') {
      const moved = this.#newMailbox(u, to, undefined);
      for (const m of box.messages) this.append(user, moved.name, m.raw, [...m.flags], m.internalDate, origin);
      this.expunge(user, 'INBOX', box.messages.map((m) => m.uid), origin);
    } else {
      u.mailboxes.delete(box.name);
      box.name = to;
      u.mailboxes.set(to, box);
    }
    this.#emit({ kind: 'mailboxes', user, origin });
    return true;
  }

  /** Adds a message to a mailbox and announces it; undefined if the mailbox does not exist. */
  append(user: string, mailbox: string, raw: RawMessage, flags: Iterable<string> = [], internalDate?: Date, origin?: string): StoredMessage | undefined {
    const message = this.planMessage(user, mailbox, raw, flags, internalDate);
    if (message) this.storePlanned(user, mailbox, message, internalDate !== undefined, origin);
    return message;
  }

  /**
   * The message `append` would add to a mailbox now, made but not stored: what a pure step plans (IMAP APPEND and
   * COPY). Its UID is the mailbox's next plus `ahead` (messages planned before it in the same step); without a
   * date it takes the instant the clock's next tick gives (so one undated plan per step). Reads the world only;
   * undefined if the mailbox does not exist.
   */
  planMessage(user: string, mailbox: string, raw: RawMessage, flags: Iterable<string> = [], internalDate?: Date, ahead = 0): StoredMessage | undefined {
    const box = this.mailbox(user, mailbox);
    if (!box) return undefined;
    const date = internalDate ?? new Date(this.clock.peek().getTime() + 1000);
    return { uid: box.uidNext + ahead, flags: new Set(flags), internalDate: date, raw, size: octets(raw), recentOwner: undefined };
  }

  /**
   * Stores a planned message, as `append` does, and announces it; an undated plan (`dated` false) ticks the clock
   * to the instant it took. Throws when the plan no longer fits (its UID is not the mailbox's next): an engine fault.
   */
  storePlanned(user: string, mailbox: string, message: StoredMessage, dated: boolean, origin?: string): void {
    const box = this.mailbox(user, mailbox);
    if (!box || message.uid !== box.uidNext) throw new Error(`the planned message ${message.uid} no longer fits ${user}'s ${mailbox}`);
    if (!dated) this.clock.tick();
    box.uidNext += 1;
    box.messages.push(message);
    this.#store.add(user, message.size);
    this.#emit({ kind: 'append', user, mailbox: box.name, uid: message.uid, origin });
  }

  /** Replaces a message's flags and announces the change; false if there is no such message. */
  setFlags(user: string, mailbox: string, uid: number, flags: Iterable<string>, origin?: string): boolean {
    const box = this.mailbox(user, mailbox);
    const message = box && findByUid(box.messages, uid);
    if (!box || !message) return false;
    const next = new Set(flags);
    const same = next.size === message.flags.size && [...next].every((f) => message.flags.has(f));
    if (same) return true;
    message.flags.clear();
    for (const f of next) message.flags.add(f);
    this.#emit({ kind: 'flags', user, mailbox: box.name, uid, origin });
    return true;
  }

  /** Removes messages for good and announces each removal; returns the UIDs removed. */
  expunge(user: string, mailbox: string, uids: readonly number[], origin?: string): number[] {
    const box = this.mailbox(user, mailbox);
    if (!box) return [];
    const wanted = new Set(uids);
    const removed: number[] = [];
    const kept: StoredMessage[] = [];
    for (const m of box.messages) {
      if (!wanted.has(m.uid)) {
        kept.push(m);
        continue;
      }
      removed.push(m.uid);
      this.#store.remove(user, m.size);
    }
    if (removed.length === 0) return removed;
    box.messages = kept;
    for (const uid of removed) this.#emit({ kind: 'expunge', user, mailbox: box.name, uid, origin });
    return removed;
  }

  /**
   * Takes responsibility for a message accepted after DATA (RFC 5321 §4.2.5): local recipients get it in their
   * INBOX with trace headers, remote ones go to the outbound queue; when the local copies do not all fit (the
   * store, or a recipient's quota), nothing is stored and `refused` says why. See delivery.ts.
   */
  deliver(envelope: Envelope, content: RawMessage): DeliveryResult {
    return deliver(this, envelope, content);
  }

  /** Takes the POP3 maildrop lock (RFC 1939 §4); false if another session holds it. */
  lockMaildrop(user: string, session: string): boolean {
    const holder = this.#locks.get(user);
    if (holder && holder !== session) return false;
    this.#locks.set(user, session);
    return true;
  }

  /** Which session holds the POP3 maildrop lock of `user`, if any: a look, not a take. */
  maildropHolder(user: string): string | undefined {
    return this.#locks.get(user);
  }

  /** Releases the POP3 maildrop lock if this session holds it. */
  unlockMaildrop(user: string, session: string): void {
    if (this.#locks.get(user) === session) this.#locks.delete(user);
  }

  /** Calls `listener` for every change until the returned function is called. */
  subscribe(listener: (change: WorldChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(change: WorldChange): void {
    // A Set iterates safely while listeners leave it; no copy per change (STORE 1:* emits one per message).
    for (const l of this.#listeners) l(change);
  }

  /** The message with this UID in a mailbox, or undefined (a binary search: mailboxes are in UID order). */
  message(box: Mailbox, uid: number): StoredMessage | undefined {
    return findByUid(box.messages, uid);
  }

  /** Whether the message is still stored in this mailbox, and the mailbox still in the world. */
  holds(user: string, box: Mailbox, m: StoredMessage): boolean {
    return this.mailbox(user, box.name) === box && findByUid(box.messages, m.uid) === m;
  }

  /** Every message in the world as "user/mailbox/uid", for tests that check nothing is lost or duplicated. */
  inventory(): string[] {
    const out: string[] = [];
    for (const u of this.users.values()) {
      for (const box of u.mailboxes.values()) for (const m of box.messages) out.push(`${u.name}/${box.name}/${m.uid}`);
    }
    return out;
  }
}
