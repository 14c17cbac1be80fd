/**
 * FETCH (RFC 3501 §6.4.5) and the FETCH response's data items (§7.4.2): parsing what the client asks for and
 * rendering one message's items. renderFetch returns the inside of `* n FETCH (...)`; literals in it carry CRLF
 * and their octets, so the caller splits the result into lines at CRLF when it needs lines.
 */
import { imapDateTime } from '../shared/clock.ts';
import type { StoredMessage } from '../shared/world.ts';
import type { FetchItem } from './fetch-types.ts';
import { sectionData, sectionName } from './fetch-section.ts';
import { imapAstring, imapFlagList, imapString } from './format.ts';
import { mimeOf } from './mime.ts';
import { bodyStructure } from './mime-bodystructure.ts';
import { envelope } from './mime-envelope.ts';

export type { FetchItem, FetchPartial, FetchSection, SimpleFetchKind } from './fetch-types.ts';
export { parseFetchItems } from './fetch-parse.ts';

/** What the session knows about the message beyond the store: UID FETCH, \Recent, and the flags to show. */
export interface FetchOptions {
  /** UID FETCH: every response carries the UID (RFC 3501 §6.4.8). */
  uid: boolean;
  /** The message is \Recent in this session. */
  recent: boolean;
  /** The flags to show (the stored flags, after any implicit \Seen). */
  flags: Iterable<string>;
}

// ENVELOPE, BODY and BODYSTRUCTURE of a stored message never change (its octets do not): each is written once.
const structures = new WeakMap<StoredMessage, Map<string, string>>();

function structure(message: StoredMessage, name: 'ENVELOPE' | 'BODY' | 'BODYSTRUCTURE'): string {
  let known = structures.get(message);
  if (!known) structures.set(message, (known = new Map()));
  let value = known.get(name);
  if (value === undefined) {
    const mime = mimeOf(message);
    value = name === 'ENVELOPE' ? envelope(mime.fields) : bodyStructure(mime, name === 'BODYSTRUCTURE');
    known.set(name, value);
  }
  return value;
}

/** One item's name and value; undefined for an item this module does not know (a caller-made object). */
function renderItem(message: StoredMessage, item: FetchItem, options: FetchOptions): [string, string] | undefined {
  switch (item.kind) {
    case 'UID':
      return ['UID', String(message.uid)];
    case 'FLAGS':
      return ['FLAGS', imapFlagList(options.flags, options.recent)];
    case 'INTERNALDATE':
      return ['INTERNALDATE', `"${imapDateTime(message.internalDate)}"`];
    case 'RFC822.SIZE':
      return ['RFC822.SIZE', String(message.size)];
    case 'ENVELOPE':
    case 'BODY':
    case 'BODYSTRUCTURE':
      return [item.kind, structure(message, item.kind)];
    case 'RFC822':
      return ['RFC822', imapString(message.raw)];
    case 'RFC822.HEADER':
      return ['RFC822.HEADER', imapString(mimeOf(message).header)];
    case 'RFC822.TEXT':
      return ['RFC822.TEXT', imapString(mimeOf(message).body)];
    case 'BODY[section]': {
      let data = sectionData(mimeOf(message), item.section);
      let name = `BODY[${sectionName(item.section, imapAstring)}]`;
      if (item.partial) {
        // RFC 3501 §6.4.5: the response names only the origin octet; past the end the data is empty.
        const { start, count } = item.partial;
        data = data.slice(start, count === undefined ? undefined : start + count);
        name += `<${start}>`;
      }
      return [name, imapString(data)];
    }
    default:
      return undefined;
  }
}

/** The data items of one FETCH response, in the order asked, without the surrounding `* n FETCH (` and `)`. */
export function renderFetch(message: StoredMessage, items: FetchItem[], options: FetchOptions): string {
  // A FETCH names a handful of items, so a list is the cheapest way to keep track of the names already written.
  const names: string[] = [];
  let out = '';
  const add = (rendered: [string, string] | undefined) => {
    if (!rendered) return;
    const [name, value] = rendered;
    // Like Dovecot, an item asked twice (or BODY[x] next to BODY.PEEK[x]) is answered once.
    if (names.includes(name)) return;
    names.push(name);
    out += out === '' ? `${name} ${value}` : ` ${name} ${value}`;
  };
  if (options.uid && !items.some((i) => i.kind === 'UID')) add(['UID', String(message.uid)]);
  for (const item of items) add(renderItem(message, item, options));
  return out;
}

/** Whether the items set \Seen (RFC 3501 §6.4.5): BODY[…] without .PEEK, RFC822 and RFC822.TEXT. */
export function fetchSetsSeen(items: FetchItem[]): boolean {
  return items.some((i) => (i.kind === 'BODY[section]' && !i.peek) || i.kind === 'RFC822' || i.kind === 'RFC822.TEXT');
}
