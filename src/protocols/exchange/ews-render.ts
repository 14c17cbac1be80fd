/**
 * Items and folders as EWS writes them (types namespace, prefix t), from the shared world: a message's ItemId and
 * ChangeKey, its properties per BaseShape (IdOnly, Default, AllProperties), its MIME when asked, and a folder's
 * counts. Element order follows Microsoft's GetItem (email message) and GetFolder examples.
 */
import type { Mailbox, MailUser, MailWorld, StoredMessage } from '../shared/world.ts';
import { changeKey, displayName, folderId, itemId, type Folder } from './ids.ts';
import { summarize, type Address } from './mime.ts';
import { base64, el, leaf } from './xml-write.ts';

/** How much of an item a response carries (ItemShape/BaseShape). */
export type BaseShape = 'IdOnly' | 'Default' | 'AllProperties';

/** Whether a BaseShape value is one EWS documents. */
export function isBaseShape(value: string | undefined): value is BaseShape {
  return value === 'IdOnly' || value === 'Default' || value === 'AllProperties';
}

/** An xs:dateTime in UTC without fractions, as EWS writes them, e.g. 2026-11-21T09:00:01Z. */
export function ewsDate(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

const mailbox = (a: Address) => el('t:Mailbox', {}, leaf('t:Name', a.name), leaf('t:EmailAddress', a.address), leaf('t:RoutingType', 'SMTP'));
const recipients = (name: string, list: readonly Address[]) => (list.length === 0 ? undefined : el(name, {}, ...list.map(mailbox)));

/** The ItemId element of a message. */
export function itemIdElement(user: MailUser, box: Mailbox, m: StoredMessage): string {
  return el('t:ItemId', { Id: itemId(user, box, m), ChangeKey: changeKey(m) });
}

/** What a response adds to the shape: the MIME (IncludeMimeContent) and the body (GetItem, never FindItem). */
export interface RenderOptions {
  mime: boolean;
  body: boolean;
}

/** A message as a t:Message element in the given shape. */
export function renderMessage(user: MailUser, box: Mailbox, m: StoredMessage, shape: BaseShape, options: RenderOptions): string {
  const id = itemIdElement(user, box, m);
  const mime = options.mime ? el('t:MimeContent', { CharacterSet: 'UTF-8' }, base64(m.raw)) : undefined;
  if (shape === 'IdOnly') return el('t:Message', {}, mime, id);
  const s = summarize(m.raw);
  const sent = s.date ?? m.internalDate;
  const all = shape === 'AllProperties';
  return el(
    't:Message',
    {},
    mime,
    id,
    el('t:ParentFolderId', { Id: folderId(user, { kind: 'box', box }) }),
    leaf('t:ItemClass', 'IPM.Note'),
    leaf('t:Subject', s.subject),
    leaf('t:Sensitivity', 'Normal'),
    options.body ? leaf('t:Body', s.body, { BodyType: s.bodyType }) : undefined,
    leaf('t:DateTimeReceived', ewsDate(m.internalDate)),
    leaf('t:Size', m.size),
    leaf('t:DateTimeSent', ewsDate(sent)),
    leaf('t:DateTimeCreated', ewsDate(m.internalDate)),
    leaf('t:HasAttachments', s.hasAttachments),
    all ? leaf('t:InternetMessageId', s.messageId) : undefined,
    recipients('t:ToRecipients', s.to),
    recipients('t:CcRecipients', s.cc),
    s.from ? el('t:From', {}, mailbox(s.from)) : undefined,
    leaf('t:IsRead', m.flags.has('\\Seen')),
  );
}

/** Direct children of a folder: the root holds the top-level mailboxes; a mailbox those named "<it>/…" once. */
export function childFolders(user: MailUser, folder: Folder): Mailbox[] {
  const boxes = [...user.mailboxes.values()];
  if (folder.kind === 'root') return boxes.filter((b) => !b.name.includes('/'));
  const prefix = `${folder.box.name}/`;
  return boxes.filter((b) => b.name.startsWith(prefix) && !b.name.slice(prefix.length).includes('/'));
}

/** A folder as a t:Folder element (FolderShape Default: id, name, counts). */
export function renderFolder(world: MailWorld, user: MailUser, folder: Folder, idOnly: boolean): string {
  const id = el('t:FolderId', { Id: folderId(user, folder), ChangeKey: 'AQAAAA==' });
  if (idOnly) return el('t:Folder', {}, id);
  const messages = folder.kind === 'box' ? world.mailbox(user.name, folder.box.name)?.messages ?? [] : [];
  return el(
    't:Folder',
    {},
    id,
    leaf('t:DisplayName', displayName(folder)),
    leaf('t:TotalCount', messages.length),
    leaf('t:ChildFolderCount', childFolders(user, folder).length),
    leaf('t:UnreadCount', messages.filter((m) => !m.flags.has('\\Seen')).length),
  );
}
