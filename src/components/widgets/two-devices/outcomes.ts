/** One plain-language sentence per action: what happened on this device, and what it means for the other. */
import type { DeviceId } from '../../../machines/two-devices.machine.ts';
import type { IncomingMail } from './new-mail.ts';

const The = (d: DeviceId) => `The ${d}`;
const count = (n: number) => (n === 1 ? '1 message' : `${n} messages`);
const q = (subject: string) => `“${subject}”`;

/** The other device. */
export function otherOf(d: DeviceId): DeviceId {
  return d === 'laptop' ? 'phone' : 'laptop';
}

/** A POP3 "Check mail". `otherHas` is how many messages the other device holds. */
export function pop3Checked(d: DeviceId, r: { downloaded: number; onServer: number; deleted: number; error?: string | undefined }, deleteAfter: boolean, otherHas: number): string {
  const o = otherOf(d);
  if (r.error) return `${The(d)} could not check mail: the server answered “${r.error}”.`;
  if (r.downloaded > 0 && deleteAfter) {
    const left = r.onServer - r.deleted;
    const then = left === 0 ? `The ${o} will find nothing.` : `The ${o} will find only the ${count(left)} still there.`;
    return `${The(d)} downloaded ${count(r.downloaded)} and deleted ${r.deleted === 1 ? 'it' : 'them'} from the server. ${then}`;
  }
  if (r.downloaded > 0) return `${The(d)} downloaded ${count(r.downloaded)} and left ${r.downloaded === 1 ? 'it' : 'them'} on the server, so the ${o} can download its own copies.`;
  if (r.onServer === 0 && deleteAfter && otherHas > 0) return `${The(d)} found no messages: the ${o} downloaded them earlier, and the server deleted them.`;
  if (r.onServer === 0) return `${The(d)} found no messages: Alice's mailbox on the server is empty.`;
  return `${The(d)} found nothing new: it already has a copy of all ${count(r.onServer)} on the server (it remembers their UIDL ids).`;
}

/** A POP3 device marking its own copy read. `otherCopy` is the other device's copy, if it has one. */
export function pop3Read(d: DeviceId, subject: string, otherCopy: { seen: boolean } | undefined): string {
  const o = otherOf(d);
  const rest = !otherCopy ? `the server and the ${o} know nothing about it` : otherCopy.seen ? `the ${o}'s copy is not touched` : `the ${o}'s copy stays unread`;
  return `${The(d)} marked ${q(subject)} as read in its own copy only. POP3 cannot tell the server, so ${rest}.`;
}

/** A POP3 device flagging or unflagging its own copy. */
export function pop3Flag(d: DeviceId, subject: string, flagged: boolean, otherHasCopy: boolean): string {
  const o = otherOf(d);
  const rest = otherHasCopy ? `the ${o}'s copy does not change` : `no other device will ever see it`;
  return `${The(d)} ${flagged ? 'flagged' : 'removed the flag from'} its own copy of ${q(subject)}. POP3 keeps no flags on the server, so ${rest}.`;
}

/** A POP3 device deleting its own copy. */
export function pop3Delete(d: DeviceId, subject: string, deleteAfter: boolean, otherHasCopy: boolean): string {
  const o = otherOf(d);
  if (deleteAfter) return `${The(d)} deleted its copy of ${q(subject)}. The server had already deleted it after the download, so it is gone for good.`;
  const rest = otherHasCopy ? `and the ${o} keeps its copy` : `so the ${o} can still download it`;
  return `${The(d)} deleted its own copy of ${q(subject)}. The message stays on the server, ${rest}.`;
}

/** How the other IMAP device took a change: at once (IDLE), later, or not at all. */
export type OtherImap = 'pushed' | 'unchanged' | 'offline';

function imapOther(o: DeviceId, other: OtherImap, atOnce: string, later: string): string {
  if (other === 'pushed') return ` The ${o}, waiting in IDLE, ${atOnce} at once.`;
  if (other === 'offline') return ` The ${o} will ${later} when it checks mail.`;
  return '';
}

/** An IMAP "Check mail": the first one connects, later ones ask for news. */
export function imapChecked(d: DeviceId, first: boolean, listed: number, error?: string): string {
  if (error) return `${The(d)} could not check mail: the server answered “${error}”.`;
  if (first) return `${The(d)} logged in, opened the INBOX and listed ${count(listed)}. It stays connected and waits in IDLE, so the server can tell it about changes at once.`;
  if (listed > 0) return `${The(d)} asked the server for news (NOOP) and listed ${count(listed)} more.`;
  return `${The(d)} asked the server for news (NOOP): nothing new, because IDLE already brought every change.`;
}

/** An IMAP read, flag or delete on the server, and how the other device saw it. */
export function imapChanged(d: DeviceId, kind: 'read' | 'flag' | 'unflag' | 'delete', subject: string, other: OtherImap, error?: string): string {
  const o = otherOf(d);
  if (error) return `${The(d)} could not change ${q(subject)}: the server answered “${error}”.`;
  switch (kind) {
    case 'read':
      if (other === 'unchanged') return `${The(d)} opened ${q(subject)}. It was already marked \\Seen on the server, so nothing changed.`;
      return `${The(d)} opened ${q(subject)}, and the server marked it \\Seen.${imapOther(o, other, 'shows it as read', 'see it as read')}`;
    case 'flag':
    case 'unflag':
      return `${The(d)} ${kind === 'flag' ? 'flagged' : 'unflagged'} ${q(subject)} on the server.${imapOther(o, other, kind === 'flag' ? 'shows the flag' : 'drops the flag', kind === 'flag' ? 'see the flag' : 'see it unflagged')}`;
    case 'delete':
      return `${The(d)} moved ${q(subject)} to Trash on the server (UID MOVE).${imapOther(o, other, 'removed it from its list', 'no longer list it')}`;
  }
}

/** Someone else's mail arriving. `listedBy` are the IMAP devices that listed it at once through IDLE. */
export function delivered(mail: IncomingMail, imap: boolean, listedBy: DeviceId[]): string {
  const arrived = `${mail.name}'s message ${q(mail.subject)} reached Alice's mailbox on the server.`;
  if (!imap) return `${arrived} A POP3 device sees it only when it checks mail.`;
  if (listedBy.length === 2) return `${arrived} The laptop and the phone, waiting in IDLE, listed it at once.`;
  if (listedBy.length === 1) return `${arrived} The ${listedBy[0]}, waiting in IDLE, listed it at once; the ${otherOf(listedBy[0]!)} will see it when it checks mail.`;
  return `${arrived} Each device will list it when it checks mail.`;
}
