/**
 * Whether a message matches parsed SEARCH criteria (RFC 3501 §6.4.4). String keys match substrings of the
 * octets as stored (no RFC 2047 or transfer decoding), ignoring ASCII case as the RFC asks; UTF-8 search strings
 * therefore match UTF-8 header and body bytes as they are.
 *
 * The criteria are compiled once per command: every TEXT string goes into one NeedleSet scanned over the whole
 * message, every BODY string into one scanned over the body, the strings of each header field into one scanned
 * over that field's values, and sequence sets are merged. A message is read at most once per kind of key, when a
 * key first needs it, however many keys the command has: SEARCH costs the mail plus the keys, not their product.
 */
import type { StoredMessage } from '../shared/world.ts';
import { fieldValue } from './mime-header.ts';
import { mimeOf } from './mime.ts';
import { internalDay, sentDay } from './search-date.ts';
import { NeedleSet } from './search-text.ts';
import { prescanned, sharedSet } from './search-prescan.ts';
import { stringKeys } from './search-keys.ts';
import { inIntervals, mergedIntervals } from './sequence-set.ts';
import type { SearchCriteria, SearchKey } from './search.ts';

/** A message as SEARCH sees it in the selected mailbox. */
export interface SearchSubject {
  message: StoredMessage;
  seq: number;
  uid: number;
  maxSeq: number;
  maxUid: number;
  recent: boolean;
  now: Date;
}

/** What one command's criteria need from the mailbox as a whole: the largest sequence number and UID ("*"). */
export interface SearchScope {
  maxSeq: number;
  maxUid: number;
}

function hasFlag(flags: ReadonlySet<string>, flag: string): boolean {
  if (flags.has(flag)) return true;
  const lower = flag.toLowerCase();
  for (const f of flags) if (f.toLowerCase() === lower) return true;
  return false;
}

function compareDay(day: number | undefined, op: 'before' | 'on' | 'since', wanted: number): boolean {
  if (day === undefined) return false;
  return op === 'before' ? day < wanted : op === 'on' ? day === wanted : day >= wanted;
}

/** What the criteria look for, gathered once. */
interface Plan {
  text: NeedleSet;
  body: NeedleSet;
  headers: Map<string, NeedleSet>;
  /** Each string key's index in its set (-1 for the empty string), found once instead of per message. */
  ids: Map<SearchKey, number>;
  intervals: Map<SearchKey, Array<[number, number]>>;
}

function plan(criteria: SearchKey, scope: SearchScope): Plan {
  const { text, body, headers } = stringKeys(criteria);
  const intervals = new Map<SearchKey, Array<[number, number]>>();
  const visit = (k: SearchKey): void => {
    if (k.kind === 'and') k.keys.forEach(visit);
    else if (k.kind === 'or') (visit(k.left), visit(k.right));
    else if (k.kind === 'not') visit(k.key);
    else if (k.kind === 'sequence' || k.kind === 'uid') intervals.set(k, mergedIntervals(k.ranges, k.kind === 'uid' ? scope.maxUid : scope.maxSeq));
  };
  visit(criteria);
  const p: Plan = {
    // Sets a prescan built for the same strings are used as they are (search-prescan.ts): built once, in its slices.
    text: sharedSet('text', text) ?? new NeedleSet(text),
    body: sharedSet('body', body) ?? new NeedleSet(body),
    headers: new Map([...headers].map(([n, v]) => [n, sharedSet(`header ${n}`, v) ?? new NeedleSet(v)])),
    ids: new Map(),
    intervals,
  };
  const index = (k: SearchKey): void => {
    if (k.kind === 'and') k.keys.forEach(index);
    else if (k.kind === 'or') (index(k.left), index(k.right));
    else if (k.kind === 'not') index(k.key);
    else if (k.kind === 'text' || k.kind === 'body') p.ids.set(k, p[k.kind].indexOf(k.value));
    else if (k.kind === 'header') p.ids.set(k, p.headers.get(k.field.toLowerCase())!.indexOf(k.value));
  };
  index(criteria);
  return p;
}

/** What has been read of one message for one command, each part at most once. */
class Reading {
  readonly m: SearchSubject;
  readonly #plan: Plan;
  #text: Uint8Array | undefined;
  #body: Uint8Array | undefined;
  readonly #headers = new Map<string, Uint8Array | null>();
  #sent: number | undefined | null = null;

  constructor(m: SearchSubject, p: Plan) {
    this.m = m;
    this.#plan = p;
  }

  /** Whether a TEXT (whole message) or BODY key's string occurs; the empty string always does. */
  contains(key: SearchKey & { kind: 'text' | 'body' }): boolean {
    const kind = key.kind;
    const set = kind === 'text' ? this.#plan.text : this.#plan.body;
    const i = this.#plan.ids.get(key)!;
    if (i < 0) return true;
    // A scan done ahead in slices (search-prescan.ts, the lab) is read instead of scanning again: the same result.
    if (kind === 'text') this.#text ??= prescanned(this.m.message, set) ?? set.scan(this.m.message.raw);
    else this.#body ??= prescanned(this.m.message, set) ?? set.scan(mimeOf(this.m.message).body);
    return (kind === 'text' ? this.#text! : this.#body!)[i] === 1;
  }

  /** Whether a field of the key's name contains its value; HEADER with "" matches every message with the field. */
  header(key: SearchKey & { kind: 'header' }): boolean {
    const name = key.field.toLowerCase();
    const set = this.#plan.headers.get(name)!;
    let hits = this.#headers.get(name);
    if (hits === undefined) {
      // null: the message has no such field; else which of the set's strings some field of this name holds.
      hits = null;
      for (const f of mimeOf(this.m.message).fields) {
        if (!sameName(f.name, name)) continue;
        hits ??= new Uint8Array(set.needles.length);
        set.scan(f.value).forEach((hit, n) => (hits![n] ||= hit));
      }
      this.#headers.set(name, hits);
    }
    const i = this.#plan.ids.get(key)!;
    return hits !== null && (i < 0 || hits[i] === 1);
  }

  /** The day the Date field names (read once). */
  get sent(): number | undefined {
    if (this.#sent === null) this.#sent = sentDay(fieldValue(mimeOf(this.m.message).fields, 'Date'));
    return this.#sent;
  }

  intervals(key: SearchKey): Array<[number, number]> {
    return this.#plan.intervals.get(key)!;
  }
}

/** Whether a field name is `lower` (already lower case), ignoring ASCII case, without making a new string. */
function sameName(name: string, lower: string): boolean {
  if (name.length !== lower.length) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // A name outside ASCII (RFC 5322 §2.2 allows none, but a message may carry one) compares as toLowerCase() does.
    if (c > 127) return name.toLowerCase() === lower;
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function matches(key: SearchKey, r: Reading): boolean {
  const m = r.m;
  switch (key.kind) {
    case 'all':
      return true;
    case 'and':
      return key.keys.every((k) => matches(k, r));
    case 'or':
      return matches(key.left, r) || matches(key.right, r);
    case 'not':
      return !matches(key.key, r);
    case 'flag':
      return hasFlag(m.message.flags, key.flag) === key.set;
    case 'recent':
      return m.recent === key.set;
    case 'header':
      return r.header(key);
    case 'body':
    case 'text':
      return r.contains(key);
    case 'date':
      return compareDay(key.sent ? r.sent : internalDay(m.message.internalDate), key.op, key.day);
    case 'size':
      return key.op === 'larger' ? m.message.size > key.octets : m.message.size < key.octets;
    case 'sequence':
      return inIntervals(m.seq, r.intervals(key));
    case 'uid':
      return inIntervals(m.uid, r.intervals(key));
    default:
      return false;
  }
}

/** The criteria compiled for one command: call the result for each message. Unknown criteria match nothing. */
export function compileSearch(criteria: SearchCriteria, scope: SearchScope): (m: SearchSubject) => boolean {
  const key = criteria as SearchKey;
  const p = plan(key, scope);
  return (m) => matches(key, new Reading(m, p));
}

/** Whether one message matches (compiles the criteria for it alone; a command compiles once with compileSearch). */
export function searchMatches(criteria: SearchCriteria, m: SearchSubject): boolean {
  return compileSearch(criteria, m)(m);
}
