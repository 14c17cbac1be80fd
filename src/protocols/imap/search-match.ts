/**
 * Whether a message matches parsed SEARCH criteria (RFC 3501 §6.4.4). String keys match substrings of the
 * octets as stored (no RFC 2047 or transfer decoding), ignoring ASCII case as the RFC asks; UTF-8 search strings
 * therefore match UTF-8 header and body bytes as they are.
 */
import type { StoredMessage } from '../shared/world.ts';
import { fieldValue } from './mime-header.ts';
import { mimeOf } from './mime.ts';
import { internalDay, sentDay } from './search-date.ts';
import { inSequenceSet } from './sequence-set.ts';
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

/** ASCII-only lower case, so 8-bit octets of UTF-8 text are compared unchanged. */
const fold = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

function contains(haystack: string, needle: string): boolean {
  return needle === '' || fold(haystack).includes(fold(needle));
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

/** Whether the message matches. Unknown criteria (not made by parseSearch) match nothing. */
export function searchMatches(criteria: SearchCriteria, m: SearchSubject): boolean {
  const key = criteria as SearchKey;
  switch (key.kind) {
    case 'all':
      return true;
    case 'and':
      return key.keys.every((k) => searchMatches(k, m));
    case 'or':
      return searchMatches(key.left, m) || searchMatches(key.right, m);
    case 'not':
      return !searchMatches(key.key, m);
    case 'flag':
      return hasFlag(m.message.flags, key.flag) === key.set;
    case 'recent':
      return m.recent === key.set;
    case 'header': {
      const name = key.field.toLowerCase();
      const fields = mimeOf(m.message).fields.filter((f) => f.name.toLowerCase() === name);
      // RFC 3501 §6.4.4: HEADER with an empty string matches every message that has the field.
      return fields.some((f) => contains(f.value, key.value));
    }
    case 'body':
      return contains(mimeOf(m.message).body, key.value);
    case 'text':
      return contains(m.message.raw, key.value);
    case 'date': {
      const day = key.sent ? sentDay(fieldValue(mimeOf(m.message).fields, 'Date')) : internalDay(m.message.internalDate);
      return compareDay(day, key.op, key.day);
    }
    case 'size':
      return key.op === 'larger' ? m.message.size > key.octets : m.message.size < key.octets;
    case 'sequence':
      return inSequenceSet(m.seq, key.ranges, m.maxSeq);
    case 'uid':
      return inSequenceSet(m.uid, key.ranges, m.maxUid);
    default:
      return false;
  }
}
