/**
 * Graph ids on the shared world: the same coordinates as EWS ids (../ids.ts), written base64url so they sit in
 * a URL path, as Graph's own ids do. Well-known folder names (inbox, sentitems, …) work wherever an id does. A
 * user's id is a GUID derived from the login name, stable for the world's life.
 */
import type { Mailbox, MailUser, MailWorld, StoredMessage } from '../../shared/world.ts';
import { distinguishedFolder, folderId, folderById, itemById, itemId, type Folder } from '../ids.ts';

const toUrl = (id: string) => id.replace(/\+/g, '-').replace(/\//g, '_');
const fromUrl = (id: string) => id.replace(/-/g, '+').replace(/_/g, '/');

/** The Graph id of a message. */
export function messageId(user: MailUser, box: Mailbox, m: StoredMessage): string {
  return toUrl(itemId(user, box, m));
}

/** The Graph id of a mailbox. */
export function mailFolderId(user: MailUser, box: Mailbox): string {
  return toUrl(folderId(user, { kind: 'box', box }));
}

/** Graph's well-known folder names that the world has, with the archive folder EWS names differently. */
const WELL_KNOWN: Readonly<Record<string, string>> = { inbox: 'inbox', sentitems: 'sentitems', drafts: 'drafts', deleteditems: 'deleteditems', junkemail: 'junkemail' };

/** The mailbox a folder id or well-known name names, or undefined. */
export function folderOf(world: MailWorld, user: MailUser, id: string): Mailbox | undefined {
  const lower = id.toLowerCase();
  let folder: Folder | string;
  if (Object.hasOwn(WELL_KNOWN, lower)) folder = distinguishedFolder(user, WELL_KNOWN[lower]!);
  else if (lower === 'archive') {
    const box = [...user.mailboxes.values()].find((b) => b.specialUse === '\\Archive');
    folder = box ? { kind: 'box', box } : 'ErrorFolderNotFound';
  } else folder = folderById(world, user, fromUrl(id));
  return typeof folder !== 'string' && folder.kind === 'box' ? folder.box : undefined;
}

/** The message a Graph id names, or whether the id is malformed or names nothing. */
export function messageOf(world: MailWorld, user: MailUser, id: string): { box: Mailbox; message: StoredMessage } | 'malformed' | 'not-found' {
  const found = itemById(world, user, fromUrl(id));
  if (found === 'ErrorInvalidIdMalformed') return 'malformed';
  return typeof found === 'string' ? 'not-found' : found;
}

/** A user's Graph id: a GUID made from the login name (FNV-1a, four rounds), stable across runs. */
export function userId(user: MailUser): string {
  let hex = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (const ch of `${round}:${user.name}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
