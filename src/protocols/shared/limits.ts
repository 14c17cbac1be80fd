/**
 * How much mail a world holds: the largest message, a quota per user and a limit for the whole store, with the
 * bookkeeping that enforces them. The servers ask before they store (SMTP at MAIL, RCPT and the final dot, IMAP
 * at APPEND and COPY) and answer in their own words; the store limit is what bounds the lab's memory.
 */

/** The limits of one mail world, in octets. */
export interface WorldLimits {
  /** Largest message SMTP and IMAP APPEND accept: SMTP advertises it as SIZE (RFC 1870 §4). */
  messageOctets: number;
  /** Octets one user's mailboxes may hold together (what an IMAP QUOTA STORAGE resource limits, RFC 9208). */
  userQuotaOctets: number;
  /** Octets the whole world may hold, each message counting its size plus MESSAGE_OVERHEAD. */
  storeOctets: number;
}

/**
 * The defaults: Postfix's message_size_limit (10,240,000, the SIZE SMTP has always advertised here), room for
 * five messages of that size per user, and about twenty in all, which keeps the lab well inside Node's heap.
 */
export const DEFAULT_LIMITS: WorldLimits = { messageOctets: 10_240_000, userQuotaOctets: 52_428_800, storeOctets: 209_715_200 };

/**
 * What one stored message costs in memory beyond its octets (its record, flags and index entries), charged to the
 * store limit so that a flood of tiny messages is bounded as surely as a few big ones.
 */
export const MESSAGE_OVERHEAD = 512;

/** Why a message cannot be stored: larger than any message may be, over its user's quota, or the store is full. */
export type StoreRefusal = 'tooBig' | 'overQuota' | 'storeFull';

/** The octets stored, per user and in total. */
export class StoreAccount {
  readonly limits: WorldLimits;
  readonly #users = new Map<string, number>();
  #total = 0;

  constructor(limits: WorldLimits) {
    this.limits = limits;
  }

  /** Octets in all of a user's mailboxes (what a quota counts). */
  usage(user: string): number {
    return this.#users.get(user) ?? 0;
  }

  /** Octets charged to the store, overhead included. */
  get total(): number {
    return this.#total;
  }

  /** Octets the store can still take, overhead included. */
  get free(): number {
    return Math.max(0, this.limits.storeOctets - this.#total);
  }

  /** Records a stored message of `octets` for `user`. */
  add(user: string, octets: number): void {
    this.#users.set(user, this.usage(user) + octets);
    this.#total += octets + MESSAGE_OVERHEAD;
  }

  /** Records that a message of `octets` left `user`'s mailboxes. */
  remove(user: string, octets: number): void {
    this.#users.set(user, Math.max(0, this.usage(user) - octets));
    this.#total = Math.max(0, this.#total - octets - MESSAGE_OVERHEAD);
  }

  /** Whether the user already has all the quota allows (Dovecot's STATUS_CHECK_OVER_QUOTA test before delivery). */
  isFull(user: string): boolean {
    return this.usage(user) >= this.limits.userQuotaOctets;
  }

  /** Why `count` messages of `octets` in all (the largest `largest`) cannot go to `user` now, or undefined. */
  refusal(user: string, octets: number, largest = octets, count = 1): StoreRefusal | undefined {
    if (largest > this.limits.messageOctets) return 'tooBig';
    if (this.#total + octets + count * MESSAGE_OVERHEAD > this.limits.storeOctets) return 'storeFull';
    return this.usage(user) + octets > this.limits.userQuotaOctets ? 'overQuota' : undefined;
  }
}

/** The limits with any of them overridden; each must be a positive whole number of octets. */
export function worldLimits(overrides: Partial<WorldLimits> = {}): WorldLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`world limit ${name} must be a positive whole number of octets, not ${value}`);
  }
  return limits;
}
