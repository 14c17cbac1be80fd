/**
 * Sync for email collections ([MS-ASCMD] §2.2.1.21): SyncKey 0 starts a collection and returns only a new key; the
 * current key applies the device's changes (Email:Read, Delete) to the shared world and returns the server's
 * differences since the last Sync (Add, Change of the read flag, Delete), at most WindowSize of them, with
 * MoreAvailable when more wait. Any other key gets collection Status 3, and the device starts over from 0.
 */
import type { MailUser, MailWorld, Mailbox } from '../../shared/world.ts';
import { all, element, first, leaf, textOf, type WbxmlElement } from '../wbxml/tree.ts';
import { applicationData, bodyPreference } from './email.ts';
import { mailboxOfId, type CollectionState, type DeviceState } from './state.ts';

const A = 'AirSync';
/** Sync Status ([MS-ASCMD] §2.2.3.177.16): 3 invalid sync key, 4 protocol error, 6 conversion error, 8 not found, 12 hierarchy changed. */
export const SYNC_STATUS = { ok: 1, invalidKey: 3, protocolError: 4, conversion: 6, notFound: 8, hierarchyChanged: 12 } as const;
/** WindowSize when the device sends none, and its largest value ([MS-ASCMD] §2.2.3.199). */
const DEFAULT_WINDOW = 100;
const MAX_WINDOW = 512;

/** Who is syncing: the world, the user and device, and the origin the world's change events carry. */
export interface SyncContext {
  world: MailWorld;
  user: MailUser;
  device: DeviceState;
  origin: string;
}

const uidOf = (collectionId: string, serverId: string | undefined): number | undefined => {
  const m = serverId === undefined ? null : /^(.+):(\d{1,10})$/.exec(serverId);
  return m && m[1] === collectionId ? Number(m[2]) : undefined;
};

function trashOf(user: MailUser): Mailbox | undefined {
  return [...user.mailboxes.values()].find((b) => b.specialUse === '\\Trash');
}

/** Applies the device's Commands; returns the Responses for those that failed. */
function clientCommands(ctx: SyncContext, id: string, st: CollectionState, collection: WbxmlElement): WbxmlElement[] {
  const { world, user, origin } = ctx;
  const responses: WbxmlElement[] = [];
  const asMoves = textOf(collection, 'DeletesAsMoves') !== '0';
  for (const cmd of first(collection, 'Commands')?.children ?? []) {
    const serverId = textOf(cmd, 'ServerId');
    const uid = uidOf(id, serverId);
    const m = uid === undefined ? undefined : world.message(st.box, uid);
    const fail = (status: number) => responses.push(element(A, cmd.name, serverId !== undefined && leaf(A, 'ServerId', serverId), cmd.name === 'Add' && leaf(A, 'ClientId', textOf(cmd, 'ClientId') ?? ''), leaf(A, 'Status', status)));
    if (cmd.name === 'Add') fail(SYNC_STATUS.conversion);
    else if (cmd.name !== 'Change' && cmd.name !== 'Delete') continue;
    else if (!m) fail(SYNC_STATUS.notFound);
    else if (cmd.name === 'Change') {
      const read = textOf(first(cmd, 'ApplicationData'), 'Read', 'Email');
      if (read !== '0' && read !== '1') continue;
      const flags = new Set(m.flags);
      if (read === '1') flags.add('\\Seen');
      else flags.delete('\\Seen');
      world.setFlags(user.name, st.box.name, m.uid, flags, origin);
      st.known.set(m.uid, read === '1');
    } else {
      // DeletesAsMoves absent or 1: the message goes to Deleted Items, as Exchange does; 0 deletes it for good.
      const trash = trashOf(user);
      if (asMoves && trash && trash !== st.box) world.append(user.name, trash.name, m.raw, m.flags, m.internalDate, origin);
      world.expunge(user.name, st.box.name, [m.uid], origin);
      st.known.delete(m.uid);
    }
  }
  return responses;
}

/** The server's changes since the device's state, at most `window`, recorded as sent. */
function serverChanges(id: string, st: CollectionState, collection: WbxmlElement): { commands: WbxmlElement[]; more: boolean } {
  const pref = bodyPreference(first(collection, 'Options'));
  const window = Math.min(Math.max(Number(textOf(collection, 'WindowSize') ?? DEFAULT_WINDOW) || DEFAULT_WINDOW, 1), MAX_WINDOW);
  const present = new Map(st.box.messages.map((m) => [m.uid, m]));
  const pending: (() => WbxmlElement)[] = [];
  for (const uid of st.known.keys()) {
    if (!present.has(uid)) pending.push(() => (st.known.delete(uid), element(A, 'Delete', leaf(A, 'ServerId', `${id}:${uid}`))));
  }
  for (const [uid, read] of st.known) {
    const m = present.get(uid);
    const now = m?.flags.has('\\Seen');
    if (m && now !== read) pending.push(() => (st.known.set(uid, !!now), element(A, 'Change', leaf(A, 'ServerId', `${id}:${uid}`), element(A, 'ApplicationData', leaf('Email', 'Read', now ? 1 : 0)))));
  }
  // New mail newest first, so a phone with a small window shows the latest messages at once.
  for (const m of [...st.box.messages].reverse()) {
    if (!st.known.has(m.uid)) pending.push(() => (st.known.set(m.uid, m.flags.has('\\Seen')), element(A, 'Add', leaf(A, 'ServerId', `${id}:${m.uid}`), applicationData(m, pref))));
  }
  return { commands: pending.slice(0, window).map((f) => f()), more: pending.length > window };
}

/** Whether a collection the device holds differs from its mailbox now (what Ping watches). */
export function hasChanges(st: CollectionState): boolean {
  if (st.box.messages.length !== st.known.size) return true;
  return st.box.messages.some((m) => st.known.get(m.uid) !== m.flags.has('\\Seen'));
}

function syncCollection(ctx: SyncContext, collection: WbxmlElement): WbxmlElement {
  const id = textOf(collection, 'CollectionId');
  const key = textOf(collection, 'SyncKey');
  // A refused collection carries SyncKey 0, the key the device must start again from.
  const answer = (status: number, newKey: number | string, ...rest: (WbxmlElement | false)[]) =>
    element(A, 'Collection', leaf(A, 'SyncKey', newKey), id !== undefined && leaf(A, 'CollectionId', id), leaf(A, 'Status', status), ...rest);
  if (id === undefined || key === undefined) return answer(SYNC_STATUS.protocolError, 0);
  const box = mailboxOfId(ctx.device, ctx.user.mailboxes, id);
  if (!box) return answer(SYNC_STATUS.hierarchyChanged, 0);
  if (key === '0') {
    ctx.device.collections.set(id, { box, key: 1, known: new Map() });
    return answer(SYNC_STATUS.ok, 1);
  }
  const st = ctx.device.collections.get(id);
  if (!st || st.box !== box || key !== String(st.key)) return answer(SYNC_STATUS.invalidKey, 0);
  const responses = clientCommands(ctx, id, st, collection);
  const { commands, more } = first(collection, 'GetChanges')?.text === '0' ? { commands: [], more: false } : serverChanges(id, st, collection);
  st.key += 1;
  return answer(SYNC_STATUS.ok, st.key, more && element(A, 'MoreAvailable'), commands.length > 0 && element(A, 'Commands', ...commands), responses.length > 0 && element(A, 'Responses', ...responses));
}

/** Answers one Sync request with a body. */
export function sync(ctx: SyncContext, root: WbxmlElement): WbxmlElement {
  const collections = all(first(root, 'Collections'), 'Collection');
  if (root.name !== 'Sync' || root.ns !== A || collections.length === 0) return element(A, 'Sync', leaf(A, 'Status', SYNC_STATUS.protocolError));
  return element(A, 'Sync', element(A, 'Collections', ...collections.map((c) => syncCollection(ctx, c))));
}
