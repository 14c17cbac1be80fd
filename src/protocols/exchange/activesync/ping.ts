/**
 * Ping ([MS-ASCMD] §2.2.1.13), ActiveSync's push: the device names folders and a heartbeat; the server answers
 * Status 2 with the folders that changed as soon as one does, or Status 1 when the heartbeat runs out. A pure server
 * cannot hold a request open, so a Ping with nothing to report yet comes back as a `HeldPing`: whoever holds the
 * connection (a session, a scenario, the lab) calls `check()` after a delivery or a clock step.
 */
import type { MailUser, MailWorld } from '../../shared/world.ts';
import { all, element, first, leaf, textOf, type WbxmlElement } from '../wbxml/tree.ts';
import { mailboxOfId, type DeviceState } from './state.ts';
import { hasChanges } from './sync.ts';

const P = 'Ping';
/** Ping Status ([MS-ASCMD] §2.2.3.177.11). */
export const PING_STATUS = { expired: 1, changes: 2, missing: 3, syntax: 4, heartbeatRange: 5, tooMany: 6, hierarchy: 7 } as const;
/** The heartbeat range Exchange accepts, in seconds ([MS-ASCMD] §2.2.3.90.1: 60 to 3540). */
export const HEARTBEAT = { min: 60, max: 3540 } as const;
/** The most folders one Ping may watch in this simulation (Status 6 names it in MaxFolders). */
export const MAX_FOLDERS = 300;

/** A Ping waiting for a change or its heartbeat's end. */
export interface HeldPing {
  /** The world-clock instant (ms) at which the heartbeat runs out. */
  deadline: number;
  /** The folder ids it watches. */
  folders: readonly string[];
  /** The answer now: Status 2 if a watched folder changed, Status 1 if the heartbeat ran out, else undefined. */
  check(): WbxmlElement | undefined;
}

const status = (s: number, ...rest: WbxmlElement[]) => element(P, 'Ping', leaf(P, 'Status', s), ...rest);

/** The folders among `ids` that differ from what the device last synced (a folder never synced counts if not empty). */
function changed(user: MailUser, device: DeviceState, ids: readonly string[]): string[] {
  return ids.filter((id) => {
    const st = device.collections.get(id);
    if (st) return hasChanges(st);
    return (mailboxOfId(device, user.mailboxes, id)?.messages.length ?? 0) > 0;
  });
}

/** Answers a Ping at once, or holds it. `root` is undefined for an empty body, which repeats the last Ping. */
export function ping(world: MailWorld, user: MailUser, device: DeviceState, root: WbxmlElement | undefined): { answer: WbxmlElement } | { held: HeldPing } {
  if (root && (root.name !== 'Ping' || root.ns !== P)) return { answer: status(PING_STATUS.syntax) };
  const heartbeatText = textOf(root, 'HeartbeatInterval');
  const folderEls = all(first(root, 'Folders'), 'Folder');
  const heartbeat = heartbeatText !== undefined ? Number(heartbeatText) : device.lastPing?.heartbeat;
  const folders = folderEls.length > 0 ? folderEls.map((f) => textOf(f, 'Id') ?? '') : device.lastPing?.folders;
  if (heartbeat === undefined || folders === undefined) return { answer: status(PING_STATUS.missing) };
  if (!Number.isInteger(heartbeat) || folders.some((id) => id === '')) return { answer: status(PING_STATUS.syntax) };
  if (heartbeat < HEARTBEAT.min || heartbeat > HEARTBEAT.max) {
    return { answer: status(PING_STATUS.heartbeatRange, leaf(P, 'HeartbeatInterval', heartbeat < HEARTBEAT.min ? HEARTBEAT.min : HEARTBEAT.max)) };
  }
  if (folders.length > MAX_FOLDERS) return { answer: status(PING_STATUS.tooMany, leaf(P, 'MaxFolders', MAX_FOLDERS)) };
  if (folders.some((id) => !mailboxOfId(device, user.mailboxes, id))) return { answer: status(PING_STATUS.hierarchy) };
  device.lastPing = { heartbeat, folders };
  const deadline = world.clock.peek().getTime() + heartbeat * 1000;
  const check = (): WbxmlElement | undefined => {
    const ids = changed(user, device, folders);
    if (ids.length > 0) return status(PING_STATUS.changes, element(P, 'Folders', ...ids.map((id) => leaf(P, 'Folder', id))));
    return world.clock.peek().getTime() >= deadline ? status(PING_STATUS.expired) : undefined;
  };
  const now = check();
  return now ? { answer: now } : { held: { deadline, folders, check } };
}
