/**
 * EWS's changing operations on the shared world: CreateItem (SaveOnly, SendOnly, SendAndSaveCopy through the
 * world's delivery, so IMAP and POP3 see the mail), UpdateItem (the read flag, which IMAP sees as \Seen),
 * MoveItem and DeleteItem. Every change is announced to the world under the EWS caller's origin.
 */
import type { Mailbox, StoredMessage } from '../shared/world.ts';
import { folderOf, required, SchemaViolation, type EwsContext, type EwsOperation } from './ews-context.ts';
import { idAttr } from './ews-read.ts';
import { itemIdElement } from './ews-render.ts';
import { distinguishedFolder, itemById } from './ids.ts';
import { compose } from './mime.ts';
import { M_NS, operationResponse, responseMessage, T_NS, type EwsErrorCode } from './soap.ts';
import { child, childrenNamed, type XmlElement } from './xml-read.ts';
import { el } from './xml-write.ts';

function oneOf(op: XmlElement, attr: string, allowed: readonly string[]): string {
  const value = op.attrs.get(attr) ?? '';
  if (!allowed.includes(value)) throw new SchemaViolation(`The '${attr}' attribute is invalid - The value '${value}' is not one of ${allowed.join(', ')}.`);
  return value;
}

/** The mailbox a folder reference names, or the error (the root holds no messages). */
function targetBox(ctx: EwsContext, container: XmlElement | undefined, fallback: string): Mailbox | EwsErrorCode {
  const ref = container?.children[0];
  const folder = ref ? folderOf(ctx, ref) : distinguishedFolder(ctx.user, fallback);
  if (typeof folder === 'string') return folder;
  return folder.kind === 'box' ? folder.box : 'ErrorFolderNotFound';
}

function addresses(message: XmlElement, list: string): string[] {
  const box = child(message, T_NS, list);
  return childrenNamed(box, T_NS, 'Mailbox').map((m) => child(m, T_NS, 'EmailAddress')?.text.trim() ?? '');
}

/** CreateItem for messages: saves a draft, sends, or sends and saves a copy (Sent Items unless told otherwise). */
export const createItem: EwsOperation = (ctx, op) => {
  const disposition = oneOf(op, 'MessageDisposition', ['SaveOnly', 'SendOnly', 'SendAndSaveCopy']);
  const items = required(child(op, M_NS, 'Items'), 'Items').children;
  const messages = items.map((item) => {
    if (item.ns !== T_NS || item.name !== 'Message') throw new SchemaViolation(`Only t:Message items are simulated, not '${item.name}'.`);
    const box = disposition === 'SendOnly' ? undefined : targetBox(ctx, child(op, M_NS, 'SavedItemFolderId'), disposition === 'SaveOnly' ? 'drafts' : 'sentitems');
    if (typeof box === 'string') return responseMessage('CreateItem', box, el('m:Items', {}));
    const to = addresses(item, 'ToRecipients');
    const cc = addresses(item, 'CcRecipients');
    const bcc = addresses(item, 'BccRecipients');
    const recipients = [...to, ...cc, ...bcc];
    const sending = disposition !== 'SaveOnly';
    if (sending && (recipients.length === 0 || recipients.some((r) => !/^[^\s@<>",]+@[^\s@<>",]+$/.test(r)))) {
      return responseMessage('CreateItem', 'ErrorInvalidRecipients', el('m:Items', {}));
    }
    const bodyEl = child(item, T_NS, 'Body');
    const raw = compose({
      from: { name: ctx.user.displayName, address: ctx.user.address },
      to,
      cc,
      subject: child(item, T_NS, 'Subject')?.text ?? '',
      body: bodyEl?.text ?? '',
      bodyType: bodyEl?.attrs.get('BodyType') === 'HTML' ? 'HTML' : 'Text',
      date: ctx.world.clock.tick(),
      messageId: `<${ctx.world.newQueueId()}@${ctx.config.host}>`,
    });
    if (sending) {
      // Exchange writes its own hops "with mapi"; the simulated world records the HTTPS submission as such.
      const result = ctx.world.deliver({ from: ctx.user.address, recipients, helo: ctx.config.host, clientAddress: '127.0.0.1', withProtocol: 'HTTPS' }, raw);
      if (result.refused) return responseMessage('CreateItem', 'ErrorQuotaExceeded', el('m:Items', {}));
    }
    if (!box) return responseMessage('CreateItem', undefined, el('m:Items', {}));
    const flags = sending ? ['\\Seen'] : ['\\Seen', '\\Draft'];
    if (ctx.world.refusal(ctx.user.name, raw.length)) return responseMessage('CreateItem', 'ErrorQuotaExceeded', el('m:Items', {}));
    const saved = ctx.world.append(ctx.user.name, box.name, raw, flags, undefined, ctx.origin)!;
    // Microsoft's example: a sent message's response carries no item; a saved draft's carries its id.
    const content = sending ? '' : el('t:Message', {}, itemIdElement(ctx.user, box, saved));
    return responseMessage('CreateItem', undefined, el('m:Items', {}, content));
  });
  return operationResponse('CreateItem', messages);
};

/** UpdateItem: SetItemField of message:IsRead; other fields are not simulated and answer as not valid. */
export const updateItem: EwsOperation = (ctx, op) => {
  const changes = childrenNamed(required(child(op, M_NS, 'ItemChanges'), 'ItemChanges'), T_NS, 'ItemChange');
  const messages = changes.map((change) => {
    const found = itemById(ctx.world, ctx.user, idAttr(required(child(change, T_NS, 'ItemId'), 'ItemId')));
    if (typeof found === 'string') return responseMessage('UpdateItem', found, el('m:Items', {}));
    const flags = new Set(found.message.flags);
    for (const update of required(child(change, T_NS, 'Updates'), 'Updates').children) {
      const uri = child(update, T_NS, 'FieldURI')?.attrs.get('FieldURI');
      const value = child(child(update, T_NS, 'Message'), T_NS, 'IsRead')?.text.trim();
      if (update.name !== 'SetItemField' || uri !== 'message:IsRead' || (value !== 'true' && value !== 'false')) {
        return responseMessage('UpdateItem', 'ErrorInvalidPropertyRequest', el('m:Items', {}));
      }
      if (value === 'true') flags.add('\\Seen');
      else flags.delete('\\Seen');
    }
    ctx.world.setFlags(ctx.user.name, found.box.name, found.message.uid, flags, ctx.origin);
    return responseMessage('UpdateItem', undefined, el('m:Items', {}, el('t:Message', {}, itemIdElement(ctx.user, found.box, found.message))));
  });
  return operationResponse('UpdateItem', messages);
};

/** Moves a message: a copy appended to the target, the original expunged; the moved item gets a new id. */
function move(ctx: EwsContext, from: Mailbox, m: StoredMessage, to: Mailbox): StoredMessage {
  if (from === to) return m;
  const moved = ctx.world.append(ctx.user.name, to.name, m.raw, m.flags, m.internalDate, ctx.origin)!;
  ctx.world.expunge(ctx.user.name, from.name, [m.uid], ctx.origin);
  return moved;
}

/** MoveItem: each item to the ToFolderId folder; the response gives the new ids. */
export const moveItem: EwsOperation = (ctx, op) => {
  const target = targetBox(ctx, required(child(op, M_NS, 'ToFolderId'), 'ToFolderId'), 'inbox');
  const refs = required(child(op, M_NS, 'ItemIds'), 'ItemIds').children;
  const messages = refs.map((ref) => {
    const found = itemById(ctx.world, ctx.user, idAttr(ref));
    if (typeof found === 'string') return responseMessage('MoveItem', found, el('m:Items', {}));
    if (typeof target === 'string') return responseMessage('MoveItem', target, el('m:Items', {}));
    const moved = move(ctx, found.box, found.message, target);
    return responseMessage('MoveItem', undefined, el('m:Items', {}, el('t:Message', {}, itemIdElement(ctx.user, target, moved))));
  });
  return operationResponse('MoveItem', messages);
};

/** DeleteItem: HardDelete and SoftDelete remove the message; MoveToDeletedItems moves it to Deleted Items. */
export const deleteItem: EwsOperation = (ctx, op) => {
  const type = oneOf(op, 'DeleteType', ['HardDelete', 'SoftDelete', 'MoveToDeletedItems']);
  const refs = required(child(op, M_NS, 'ItemIds'), 'ItemIds').children;
  const messages = refs.map((ref) => {
    const found = itemById(ctx.world, ctx.user, idAttr(ref));
    if (typeof found === 'string') return responseMessage('DeleteItem', found);
    const trash = distinguishedFolder(ctx.user, 'deleteditems');
    if (type === 'MoveToDeletedItems' && typeof trash !== 'string' && trash.kind === 'box' && trash.box !== found.box) move(ctx, found.box, found.message, trash.box);
    else ctx.world.expunge(ctx.user.name, found.box.name, [found.message.uid], ctx.origin);
    return responseMessage('DeleteItem', undefined);
  });
  return operationResponse('DeleteItem', messages);
};

/** The operations this module answers. */
export const writeOperations: Readonly<Record<string, EwsOperation>> = { CreateItem: createItem, UpdateItem: updateItem, MoveItem: moveItem, DeleteItem: deleteItem };
