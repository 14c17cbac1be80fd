/**
 * EWS identifiers on the shared mail world. Item and folder ids are opaque to clients (Microsoft: "EWS
 * identifiers in Exchange"): here base64 of the world's own coordinates, so they are stable while the message
 * stays where it is and change when it moves, as Exchange's do. Distinguished folder names map to the world's
 * special-use mailboxes (RFC 6154): sentitems is the \Sent mailbox IMAP sees, and so on.
 */
import type { Mailbox, MailUser, MailWorld, SpecialUse, StoredMessage } from '../shared/world.ts';
import type { EwsErrorCode } from './soap.ts';
import { base64, fromOctets, toOctets, unbase64 } from './xml-write.ts';

/** Every DistinguishedFolderId value Microsoft documents; other values fail schema validation. */
const DOCUMENTED = new Set(
  'calendar contacts deleteditems drafts inbox journal notes outbox sentitems tasks msgfolderroot root junkemail searchfolders voicemail recoverableitemsroot recoverableitemsdeletions recoverableitemsversions recoverableitemspurges archiveroot archivemsgfolderroot archivedeleteditems archiveinbox archiverecoverableitemsroot archiverecoverableitemsdeletions archiverecoverableitemsversions archiverecoverableitemspurges syncissues conflicts localfailures serverfailures recipientcache quickcontacts conversationhistory adminauditlogs todosearch mycontacts directory imcontactlist peopleconnect favorites'.split(' '),
);

/** The world mailbox behind each distinguished folder the world has. */
const DISTINGUISHED: Readonly<Record<string, 'INBOX' | SpecialUse>> = {
  inbox: 'INBOX',
  sentitems: '\\Sent',
  drafts: '\\Drafts',
  deleteditems: '\\Trash',
  junkemail: '\\Junk',
};

/** The names Exchange shows for its default folders. */
const DISPLAY: Readonly<Record<string, string>> = { '\\Sent': 'Sent Items', '\\Drafts': 'Drafts', '\\Trash': 'Deleted Items', '\\Archive': 'Archive', '\\Junk': 'Junk Email' };

/** A folder as EWS sees it: the mailbox root (msgfolderroot), or one world mailbox. */
export type Folder = { kind: 'root' } | { kind: 'box'; box: Mailbox };

const SEP = '\u0000';

function encode(parts: readonly (string | number)[]): string {
  return base64(toOctets(parts.join(SEP)));
}

function decode(id: string, tag: string, count: number): string[] | undefined {
  const octets = unbase64(id);
  const parts = octets === undefined ? undefined : fromOctets(octets)?.split(SEP);
  return parts && parts.length === count && parts[0] === tag ? parts : undefined;
}

/** The id of a folder of `user`. */
export function folderId(user: MailUser, folder: Folder): string {
  return folder.kind === 'root' ? encode(['R', user.name]) : encode(['F', user.name, folder.box.name, folder.box.uidValidity]);
}

/** The id of a message in a mailbox of `user`. */
export function itemId(user: MailUser, box: Mailbox, m: StoredMessage): string {
  return encode(['I', user.name, box.name, box.uidValidity, m.uid]);
}

/** A change key: changes whenever the item's flags do, so a client can tell its copy is stale. */
export function changeKey(m: StoredMessage): string {
  let h = 0x811c9dc5;
  for (const ch of `${m.uid} ${[...m.flags].sort().join(' ')}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return base64(`CQ${String.fromCharCode(h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255)}`);
}

/** The name Exchange shows for a folder. */
export function displayName(folder: Folder): string {
  if (folder.kind === 'root') return 'Top of Information Store';
  if (folder.box.name === 'INBOX') return 'Inbox';
  return (folder.box.specialUse && DISPLAY[folder.box.specialUse]) ?? folder.box.name;
}

/** Whether a distinguished folder name is one Microsoft documents (else the request fails schema validation). */
export function isDocumentedFolderName(name: string): boolean {
  return DOCUMENTED.has(name);
}

/** The folder a DistinguishedFolderId names, or the error EWS gives. */
export function distinguishedFolder(user: MailUser, name: string): Folder | EwsErrorCode {
  if (name === 'msgfolderroot' || name === 'root') return { kind: 'root' };
  const target = DISTINGUISHED[name];
  const box = target === 'INBOX' ? user.mailboxes.get('INBOX') : [...user.mailboxes.values()].find((b) => b.specialUse === target);
  return box ? { kind: 'box', box } : 'ErrorFolderNotFound';
}

/** The folder a FolderId names, or the error EWS gives (another user's folder is not found, as Exchange says). */
export function folderById(world: MailWorld, user: MailUser, id: string): Folder | EwsErrorCode {
  const root = decode(id, 'R', 2);
  if (root) return root[1] === user.name ? { kind: 'root' } : 'ErrorFolderNotFound';
  const parts = decode(id, 'F', 4);
  if (!parts) return 'ErrorInvalidIdMalformed';
  const box = parts[1] === user.name ? world.mailbox(user.name, parts[2]!) : undefined;
  return box && String(box.uidValidity) === parts[3] ? { kind: 'box', box } : 'ErrorFolderNotFound';
}

/** The message an ItemId names, or the error EWS gives. */
export function itemById(world: MailWorld, user: MailUser, id: string): { box: Mailbox; message: StoredMessage } | EwsErrorCode {
  const parts = decode(id, 'I', 5);
  if (!parts || !/^[1-9]\d{0,9}$/.test(parts[4]!)) return 'ErrorInvalidIdMalformed';
  const box = parts[1] === user.name ? world.mailbox(user.name, parts[2]!) : undefined;
  const message = box && String(box.uidValidity) === parts[3] ? world.message(box, Number(parts[4])) : undefined;
  return box && message ? { box, message } : 'ErrorItemNotFound';
}
