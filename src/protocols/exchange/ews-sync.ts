/**
 * SyncFolderItems on the shared world: the changes to one folder since the client's SyncState, as Create,
 * Update, Delete and ReadFlagChange, at most MaxChangesReturned (1–512) at a time. The state is opaque to the
 * client; here it is base64 of the folder's UIDVALIDITY and each known message's UID and read flag, so a change
 * made over IMAP shows up in the next sync.
 */
import type { Mailbox, StoredMessage } from '../shared/world.ts';
import { folderOf, required, SchemaViolation, type EwsOperation } from './ews-context.ts';
import { baseShape } from './ews-read.ts';
import { renderMessage } from './ews-render.ts';
import { itemId } from './ids.ts';
import { M_NS, operationResponse, responseMessage } from './soap.ts';
import { child, type XmlElement } from './xml-read.ts';
import { base64, el, leaf, unbase64 } from './xml-write.ts';

/** What the client already knows: UID → read. */
type Known = Map<number, boolean>;

function encodeState(box: Mailbox, known: Known): string {
  return base64(`S1|${box.uidValidity}|${[...known].map(([uid, seen]) => `${uid}:${seen ? 1 : 0}`).join(',')}`);
}

function decodeState(text: string | undefined, box: Mailbox): Known | undefined {
  if (text === undefined || text === '') return new Map();
  const m = /^S1\|(\d+)\|((?:\d+:[01](?:,\d+:[01])*)?)$/.exec(unbase64(text) ?? '');
  if (!m || Number(m[1]) !== box.uidValidity) return undefined;
  return new Map(m[2] === '' ? [] : m[2]!.split(',').map((p) => [Number(p.slice(0, -2)), p.endsWith('1')] as const));
}

function maxChanges(op: XmlElement): number {
  const raw = required(child(op, M_NS, 'MaxChangesReturned'), 'MaxChangesReturned').text.trim();
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : 0;
  if (n < 1 || n > 512) throw new SchemaViolation(`The element 'MaxChangesReturned' is invalid - The value '${raw}' is not from 1 to 512.`);
  return n;
}

/** SyncFolderItems: one folder's changes since SyncState, oldest first. */
export const syncFolderItems: EwsOperation = (ctx, op) => {
  const shape = baseShape(child(op, M_NS, 'ItemShape'), 'ItemShape');
  const ref = required(child(op, M_NS, 'SyncFolderId'), 'SyncFolderId').children[0];
  const limit = maxChanges(op);
  const folder = ref ? folderOf(ctx, ref) : 'ErrorFolderNotFound';
  if (typeof folder === 'string' || folder.kind !== 'box') {
    return operationResponse('SyncFolderItems', [responseMessage('SyncFolderItems', typeof folder === 'string' ? folder : 'ErrorFolderNotFound')]);
  }
  const box = folder.box;
  const known = decodeState(child(op, M_NS, 'SyncState')?.text.trim(), box);
  if (!known) {
    const err = responseMessage('SyncFolderItems', 'ErrorInvalidSyncStateData', leaf('m:SyncState', ''), leaf('m:IncludesLastItemInRange', true));
    return operationResponse('SyncFolderItems', [err]);
  }
  const changes: { apply: () => void; xml: () => string }[] = [];
  const current = new Map<number, StoredMessage>(box.messages.map((m) => [m.uid, m]));
  for (const uid of known.keys()) {
    if (current.has(uid)) continue;
    const gone = { uid } as StoredMessage;
    changes.push({ apply: () => known.delete(uid), xml: () => el('t:Delete', {}, el('t:ItemId', { Id: itemId(ctx.user, box, gone) })) });
  }
  for (const m of box.messages) {
    const seen = m.flags.has('\\Seen');
    const was = known.get(m.uid);
    if (was === undefined) {
      changes.push({ apply: () => known.set(m.uid, seen), xml: () => el('t:Create', {}, renderMessage(ctx.user, box, m, shape, { mime: false, body: false })) });
    } else if (was !== seen) {
      const flag = el('t:ReadFlagChange', {}, el('t:ItemId', { Id: itemId(ctx.user, box, m) }), leaf('t:IsRead', seen));
      changes.push({ apply: () => known.set(m.uid, seen), xml: () => flag });
    }
  }
  const taken = changes.slice(0, limit);
  for (const c of taken) c.apply();
  const ok = responseMessage(
    'SyncFolderItems',
    undefined,
    leaf('m:SyncState', encodeState(box, known)),
    leaf('m:IncludesLastItemInRange', taken.length === changes.length),
    el('m:Changes', {}, ...taken.map((c) => c.xml())),
  );
  return operationResponse('SyncFolderItems', [ok]);
};
