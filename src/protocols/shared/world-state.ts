/**
 * A mail world as plain data: users, mailboxes, messages, the outbound queue and the counters that keep ids and
 * UIDVALIDITY going where they stopped. world-snapshot.ts turns it into text and back; `new MailWorld({ restore })`
 * rebuilds the world. `checkState` reads untrusted data (a browser's saved copy) and never throws: anything the
 * engine could trip over later (UIDs out of order, a mailbox without INBOX, an unknown flag type) is refused here.
 */
import type { MailWorld, SpecialUse } from './world.ts';

/** One stored message; `claimed` says an IMAP session already saw it as \Recent (RFC 3501 §2.3.2). */
export interface SavedMessage {
  uid: number;
  flags: string[];
  /** Internal date, ms since the epoch. */
  internalDate: number;
  raw: string;
  claimed: boolean;
}

/** One mailbox, its UIDVALIDITY and UIDNEXT kept (RFC 3501 §2.3.1.1). */
export interface SavedMailbox {
  name: string;
  specialUse?: SpecialUse;
  uidValidity: number;
  uidNext: number;
  subscribed: boolean;
  messages: SavedMessage[];
}

/** One user and their mailboxes, INBOX first. */
export interface SavedUser {
  name: string;
  password: string;
  displayName: string;
  mailboxes: SavedMailbox[];
}

/** One entry of the outbound queue. */
export interface SavedQueued {
  queueId: string;
  from: string;
  to: string[];
  domain: string;
  size: number;
  queuedAt: number;
  nextHop: string;
}

/** The counters of a world: its seed, how many random numbers it drew, its clock and its id counters. */
export interface WorldCounters {
  seed: number;
  draws: number;
  clock: number;
  uidValidity: number;
  sessions: number;
}

/** A whole world as plain, JSON-ready data. */
export interface WorldState extends WorldCounters {
  users: SavedUser[];
  outbound: SavedQueued[];
}

/** The world as plain data (what `new MailWorld({ restore })` rebuilds). */
export function captureState(world: MailWorld): WorldState {
  const users = [...world.users.values()].map((u) => ({
    name: u.name,
    password: u.password,
    displayName: u.displayName,
    mailboxes: [...u.mailboxes.values()].map((b) => ({
      name: b.name,
      ...(b.specialUse ? { specialUse: b.specialUse } : {}),
      uidValidity: b.uidValidity,
      uidNext: b.uidNext,
      subscribed: b.subscribed,
      messages: b.messages.map((m) => ({ uid: m.uid, flags: [...m.flags], internalDate: m.internalDate.getTime(), raw: m.raw, claimed: m.recentOwner !== undefined })),
    })),
  }));
  const outbound = world.outbound.map((q) => ({ ...q, to: [...q.to], queuedAt: q.queuedAt.getTime() }));
  return { ...world.counters(), users, outbound };
}

// Far more than a tab's world ever draws (11 per queue id); bounds the replay of the random generator.
const MAX_DRAWS = 1_000_000;
const SPECIAL_USES = new Set(['\\Sent', '\\Drafts', '\\Trash', '\\Archive', '\\Junk']);
const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

type Check<T> = (value: unknown, at: string) => T;

class Bad extends Error {}
const fail = (at: string, what: string): never => {
  throw new Bad(`${at} is not ${what}`);
};
const obj = (v: unknown, at: string) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(at, 'an object'));
const str: Check<string> = (v, at) => (typeof v === 'string' ? v : fail(at, 'text'));
const bool: Check<boolean> = (v, at) => (typeof v === 'boolean' ? v : fail(at, 'true or false'));
const count = (max: number): Check<number> => (v, at) => (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= max ? (v as number) : fail(at, `a whole number from 0 to ${max}`));
const time: Check<number> = (v, at) => (Number.isFinite(v) && Math.abs(v as number) <= 8.64e15 ? (v as number) : fail(at, 'a time'));
const list = <T>(item: Check<T>): Check<T[]> => (v, at) => (Array.isArray(v) ? v.map((x, i) => item(x, `${at}[${i}]`)) : fail(at, 'a list'));
const u32 = count(0xffffffff);

const message: Check<SavedMessage> = (v, at) => {
  const o = obj(v, at);
  const flags = list(str)(o.flags, `${at}.flags`);
  // \Recent is per session and never stored (RFC 3501 §2.3.2).
  if (flags.some((f) => f === '' || /[\s()]/.test(f) || f.toLowerCase() === '\\recent')) fail(`${at}.flags`, 'a list of flags');
  return { uid: u32(o.uid, `${at}.uid`), flags, internalDate: time(o.internalDate, `${at}.internalDate`), raw: str(o.raw, `${at}.raw`), claimed: bool(o.claimed, `${at}.claimed`) };
};

const mailbox: Check<SavedMailbox> = (v, at) => {
  const o = obj(v, at);
  const name = str(o.name, `${at}.name`);
  if (name === '' || /[\r\n\0]/.test(name)) fail(`${at}.name`, 'a mailbox name');
  const specialUse = o.specialUse === undefined ? undefined : str(o.specialUse, `${at}.specialUse`);
  if (specialUse !== undefined && !SPECIAL_USES.has(specialUse)) fail(`${at}.specialUse`, 'a special use (RFC 6154)');
  const messages = list(message)(o.messages, `${at}.messages`);
  const uidNext = u32(o.uidNext, `${at}.uidNext`);
  // UIDs strictly ascend and stay below UIDNEXT (RFC 3501 §2.3.1.1); lookups rely on it.
  messages.forEach((m, i) => {
    if (m.uid < 1 || m.uid >= uidNext || (i > 0 && m.uid <= messages[i - 1]!.uid)) fail(`${at}.messages[${i}].uid`, 'ascending and below uidNext');
  });
  const box: SavedMailbox = { name, uidValidity: u32(o.uidValidity, `${at}.uidValidity`), uidNext, subscribed: bool(o.subscribed, `${at}.subscribed`), messages };
  return specialUse === undefined ? box : { ...box, specialUse: specialUse as SpecialUse };
};

const user: Check<SavedUser> = (v, at) => {
  const o = obj(v, at);
  const name = str(o.name, `${at}.name`);
  if (!USER_NAME.test(name)) fail(`${at}.name`, 'a login name');
  const mailboxes = list(mailbox)(o.mailboxes, `${at}.mailboxes`);
  if (mailboxes[0]?.name !== 'INBOX') fail(`${at}.mailboxes`, 'a list that starts with INBOX');
  const names = mailboxes.map((b) => (b.name.toUpperCase() === 'INBOX' ? 'INBOX' : b.name));
  if (new Set(names).size !== names.length) fail(`${at}.mailboxes`, 'a list of different mailboxes');
  return { name, password: str(o.password, `${at}.password`), displayName: str(o.displayName, `${at}.displayName`), mailboxes };
};

const queued: Check<SavedQueued> = (v, at) => {
  const o = obj(v, at);
  return {
    queueId: str(o.queueId, `${at}.queueId`), from: str(o.from, `${at}.from`), to: list(str)(o.to, `${at}.to`), domain: str(o.domain, `${at}.domain`),
    size: u32(o.size, `${at}.size`), queuedAt: time(o.queuedAt, `${at}.queuedAt`), nextHop: str(o.nextHop, `${at}.nextHop`),
  };
};

/** Reads untrusted data as a world state: the state, or the first problem in words. Never throws. */
export function checkState(value: unknown): { state: WorldState } | { problem: string } {
  try {
    const o = obj(value, 'the world');
    const users = list(user)(o.users, 'users');
    if (!users.some((u) => u.name === 'alice')) fail('users', 'a list with alice');
    if (new Set(users.map((u) => u.name.toLowerCase())).size !== users.length) fail('users', 'a list of different users');
    const state: WorldState = {
      seed: u32(o.seed, 'seed'), draws: count(MAX_DRAWS)(o.draws, 'draws'), clock: time(o.clock, 'clock'),
      uidValidity: u32(o.uidValidity, 'uidValidity'), sessions: count(Number.MAX_SAFE_INTEGER)(o.sessions, 'sessions'),
      users, outbound: list(queued)(o.outbound, 'outbound'),
    };
    return { state };
  } catch (error) {
    if (error instanceof Bad) return { problem: error.message };
    return { problem: 'its data could not be read' };
  }
}
