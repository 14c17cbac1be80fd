/**
 * FolderSync ([MS-ASCMD] §2.2.1.5): SyncKey 0 gives the whole folder hierarchy; the current key gives the folders
 * added and deleted since; any other key gets Status 9 and the device starts over with 0.
 */
import type { MailUser, Mailbox } from '../../shared/world.ts';
import { displayName } from '../ids.ts';
import { element, leaf, textOf, type WbxmlElement } from '../wbxml/tree.ts';
import type { DeviceState } from './state.ts';

const F = 'FolderHierarchy';
/** FolderSync Status ([MS-ASCMD] §2.2.3.177.5): 9 invalid or mismatched sync key, 10 incorrectly formatted request. */
const INVALID_KEY = 9;
const BAD_REQUEST = 10;

/** The folder Type ([MS-ASCMD] §2.2.3.186.3): 2 Inbox, 3 Drafts, 4 Deleted Items, 5 Sent Items, 12 user mail folder. */
export function folderType(box: Mailbox): number {
  if (box.name === 'INBOX') return 2;
  if (box.specialUse === '\\Drafts') return 3;
  if (box.specialUse === '\\Trash') return 4;
  if (box.specialUse === '\\Sent') return 5;
  return 12;
}

function add(device: DeviceState, box: Mailbox): WbxmlElement {
  const slash = box.name.lastIndexOf('/');
  const parent = slash > 0 ? device.folderIds.get(box.name.slice(0, slash)) : undefined;
  return element(F, 'Add', leaf(F, 'ServerId', device.folderIds.get(box.name)!), leaf(F, 'ParentId', parent ?? '0'), leaf(F, 'DisplayName', displayName({ kind: 'box', box })), leaf(F, 'Type', folderType(box)));
}

/** Answers one FolderSync request. */
export function folderSync(user: MailUser, device: DeviceState, root: WbxmlElement): WbxmlElement {
  const key = textOf(root, 'SyncKey');
  const answer = (status: number) => element(F, 'FolderSync', leaf(F, 'Status', status));
  if (root.name !== 'FolderSync' || root.ns !== F || key === undefined || !/^\d{1,10}$/.test(key)) return answer(BAD_REQUEST);
  const fresh = key === '0';
  if (!fresh && key !== String(device.folderKey)) return answer(INVALID_KEY);
  // A new hierarchy (key 0) lists every folder as an Add, and every collection must start again from SyncKey 0;
  // a folder keeps its id for as long as its mailbox exists.
  if (fresh) device.collections.clear();
  const changes: WbxmlElement[] = [];
  for (const [name, id] of [...device.folderIds]) {
    if (user.mailboxes.has(name)) continue;
    device.folderIds.delete(name);
    device.collections.delete(id);
    if (!fresh) changes.push(element(F, 'Delete', leaf(F, 'ServerId', id)));
  }
  for (const box of user.mailboxes.values()) {
    const known = device.folderIds.has(box.name);
    if (!known) device.folderIds.set(box.name, String(device.nextFolderId++));
    if (fresh || !known) changes.push(add(device, box));
  }
  if (key === '0') device.folderKey = 1;
  else if (changes.length > 0) device.folderKey += 1;
  return element(F, 'FolderSync', leaf(F, 'Status', 1), leaf(F, 'SyncKey', device.folderKey), element(F, 'Changes', leaf(F, 'Count', changes.length), ...changes));
}
