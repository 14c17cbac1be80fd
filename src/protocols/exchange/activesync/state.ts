/**
 * What an ActiveSync server remembers per user and device (DeviceId): the policy keys of Provision, the folder
 * hierarchy's sync key and folder ids of FolderSync, and per collection the sync key and the items the device
 * holds, with their read state, so the next Sync sends only the differences ([MS-ASCMD] §2.2.1.21, §2.2.1.5).
 */
import type { Mailbox } from '../../shared/world.ts';

/** One folder the device syncs: its sync key and the UIDs it holds, each with its read flag. */
export interface CollectionState {
  box: Mailbox;
  key: number;
  known: Map<number, boolean>;
}

/** The state of one device of one user. */
export interface DeviceState {
  /** The key a first Provision handed out, until the device acknowledges it. */
  temporaryKey: string | undefined;
  /** The key the device must send in X-MS-PolicyKey, once it acknowledged the policy. */
  policyKey: string | undefined;
  /** The hierarchy's sync key; 0 before the first FolderSync. */
  folderKey: number;
  /** The folder ids the device holds, by mailbox name. */
  folderIds: Map<string, string>;
  nextFolderId: number;
  collections: Map<string, CollectionState>;
  /** The last Ping's parameters, which an empty Ping repeats ([MS-ASCMD] §2.2.1.13). */
  lastPing: { heartbeat: number; folders: string[] } | undefined;
}

/** Every device's state for one server. */
export class EasState {
  readonly #devices = new Map<string, DeviceState>();
  #keys = 0;

  /** The state of this user's device, created empty on first use. */
  device(user: string, deviceId: string): DeviceState {
    const id = `${user}\n${deviceId.toLowerCase()}`;
    let d = this.#devices.get(id);
    if (!d) {
      d = { temporaryKey: undefined, policyKey: undefined, folderKey: 0, folderIds: new Map(), nextFolderId: 1, collections: new Map(), lastPing: undefined };
      this.#devices.set(id, d);
    }
    return d;
  }

  /** A new policy key: a non-zero 32-bit number in decimal ([MS-ASPROV] §2.2.2.42), reproducible per server. */
  newPolicyKey(): string {
    this.#keys += 1;
    return String(Math.imul(this.#keys, 0x9e3779b1) >>> 0 || 1);
  }
}

/** The mailbox a collection id names for this device, if the device knows the id and the mailbox still exists. */
export function mailboxOfId(device: DeviceState, mailboxes: ReadonlyMap<string, Mailbox>, id: string): Mailbox | undefined {
  for (const [name, fid] of device.folderIds) if (fid === id) return mailboxes.get(name);
  return undefined;
}
