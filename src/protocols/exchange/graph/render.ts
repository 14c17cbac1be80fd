/**
 * The JSON Graph gives for a message and a mail folder (microsoft.graph.message and mailFolder resource types),
 * built from the world's stored message and mailbox, with $select applied: `id` and `@odata.etag` always come,
 * as Graph sends them.
 */
import type { Mailbox, MailUser, StoredMessage } from '../../shared/world.ts';
import { changeKey, displayName } from '../ids.ts';
import { summarize, type Address } from '../mime.ts';
import { mailFolderId, messageId } from './ids.ts';

/** Every message property the simulated Graph fills, in the order Graph writes them. */
export const MESSAGE_PROPERTIES = [
  'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime', 'hasAttachments', 'internetMessageId', 'subject',
  'bodyPreview', 'importance', 'parentFolderId', 'conversationId', 'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'isRead', 'isDraft', 'webLink',
  'inferenceClassification', 'body', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag',
] as const;

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const recipient = (a: Address) => ({ emailAddress: { name: a.name, address: a.address } });

/** A message as Graph shows it; `select` lists the properties asked for ($select), all when undefined. */
export function messageJson(user: MailUser, box: Mailbox, m: StoredMessage, select: readonly string[] | undefined): Record<string, unknown> {
  const s = summarize(m.raw);
  const id = messageId(user, box, m);
  const key = changeKey(m);
  const full: Record<string, unknown> = {
    createdDateTime: iso(m.internalDate),
    lastModifiedDateTime: iso(m.internalDate),
    changeKey: key,
    categories: [],
    receivedDateTime: iso(m.internalDate),
    sentDateTime: iso(s.date ?? m.internalDate),
    hasAttachments: s.hasAttachments,
    internetMessageId: s.messageId ?? null,
    subject: s.subject,
    // Graph's preview is the first 255 characters of the body as text.
    bodyPreview: s.body.replace(/\s+/g, ' ').trim().slice(0, 255),
    importance: 'normal',
    parentFolderId: mailFolderId(user, box),
    conversationId: id.slice(0, 24),
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: m.flags.has('\\Seen'),
    isDraft: m.flags.has('\\Draft'),
    webLink: `https://outlook.office365.test/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body: { contentType: s.bodyType === 'HTML' ? 'html' : 'text', content: s.body },
    sender: s.from ? recipient(s.from) : null,
    from: s.from ? recipient(s.from) : null,
    toRecipients: s.to.map(recipient),
    ccRecipients: s.cc.map(recipient),
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: m.flags.has('\\Flagged') ? 'flagged' : 'notFlagged' },
  };
  const out: Record<string, unknown> = { '@odata.etag': `W/"${key}"`, id };
  for (const p of MESSAGE_PROPERTIES) if (!select || select.includes(p)) out[p] = full[p];
  return out;
}

/** A mail folder as Graph shows it. */
export function folderJson(user: MailUser, box: Mailbox, rootId: string): Record<string, unknown> {
  return {
    id: mailFolderId(user, box),
    displayName: displayName({ kind: 'box', box }),
    parentFolderId: rootId,
    childFolderCount: 0,
    unreadItemCount: box.messages.filter((m) => !m.flags.has('\\Seen')).length,
    totalItemCount: box.messages.length,
    sizeInBytes: box.messages.reduce((n, m) => n + m.size, 0),
    isHidden: false,
  };
}

/** Reads $select: the known message properties named, or the unknown one Graph complains about. */
export function readSelect(value: string | undefined): { select: string[] | undefined } | { unknown: string } {
  if (value === undefined) return { select: undefined };
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const known = new Map<string, string>([...MESSAGE_PROPERTIES, 'id'].map((p) => [p.toLowerCase(), p]));
  const select: string[] = [];
  for (const n of names) {
    const p = known.get(n.toLowerCase());
    if (!p) return { unknown: n };
    select.push(p);
  }
  return { select };
}
