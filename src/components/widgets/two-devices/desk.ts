/**
 * The desk: one mail world (seed 1) and two devices reading alice's mail through real sessions on it. It runs
 * one job at a time, records the protocol lines each device sent and received, and says what happened.
 */
import { portsOf } from '../../../data/lookup.ts';
import { lineProtocolWith, profileOf, type LineProtocolName } from '../../../protocols/registry.ts';
import type { DeviceAction, DeviceId, Job, JobResult, Mode } from '../../../machines/two-devices.machine.ts';
import type { MailWorld } from '../../../protocols/shared/world.ts';
import type { TranscriptEntry } from '../../../protocols/shared/session-types.ts';
import { ImapClient } from '../../../protocols/imap/client/client.ts';
import { deliverIncoming } from './new-mail.ts';
import { MODE_CLIENT } from './modes.ts';
import * as say from './outcomes.ts';
import { Pop3Device } from '../../../protocols/pop3/client/device.ts';
import type { Connect, DeviceView, EngineParts, LogBlock } from './types.ts';

/** The protocols the two clients speak, as their profiles say: the download client's and the server-mailbox client's. */
const POP3 = lineProtocolWith('download');
const IMAP = lineProtocolWith('server-mailbox');

/** The protocol's implicit-TLS port from the data file (RFC 8314 §3.3): TLS first, so no STARTTLS step in the logs. */
export function implicitTlsPort(protocol: LineProtocolName): number {
  const fact = profileOf(protocol).dataIds.flatMap(portsOf).find((p) => p.security === 'implicit-tls');
  if (!fact) throw new Error(`the data file lists no implicit-TLS port for ${protocol}`);
  return fact.port;
}
/** How many action blocks each device's log keeps. */
export const LOG_LIMIT = 20;

const DEVICES: readonly DeviceId[] = ['laptop', 'phone'];

/** One mode's world and its two devices. */
export class Desk {
  readonly mode: Mode;
  readonly world: MailWorld;
  readonly #pop3 = new Map<DeviceId, Pop3Device>();
  readonly #imap = new Map<DeviceId, ImapClient>();
  readonly #connect: Connect;
  readonly #logs = new Map<DeviceId, LogBlock[]>(DEVICES.map((d) => [d, []]));
  /** This job's "while idling" block per device, so one job's pushes share one heading. */
  #pushBlocks = new Map<DeviceId, LogBlock>();
  #blockIds = 0;
  #delivered = 0;

  constructor(engine: EngineParts, mode: Mode) {
    this.mode = mode;
    const world = new engine.MailWorld({ seed: 1 });
    this.world = world;
    const imapPort = implicitTlsPort(IMAP);
    for (const d of DEVICES) {
      if (MODE_CLIENT[mode].staysConnected) {
        const client = new ImapClient(() => engine.openSession(world, IMAP, imapPort));
        client.onPush = (entries) => this.#pushed(d, entries);
        this.#imap.set(d, client);
      } else this.#pop3.set(d, new Pop3Device());
    }
    const pop3Port = implicitTlsPort(POP3);
    this.#connect = () => engine.openSession(world, POP3, pop3Port);
  }

  /** What the panel of device `d` shows. */
  view(d: DeviceId): DeviceView {
    const imap = this.#imap.get(d);
    const messages = imap ? imap.messages() : (this.#pop3.get(d)?.messages() ?? []);
    // Copies, so a rendered view never changes under the UI's feet.
    const log = (this.#logs.get(d) ?? []).map((b) => ({ ...b, entries: [...b.entries] }));
    return { id: d, messages, log, idling: imap?.idling ?? false };
  }

  /** Runs one job and returns its outcome sentence. */
  run(job: Job): JobResult {
    this.#pushBlocks = new Map();
    const outcome = job.kind === 'deliver' ? this.#deliver() : this.#imap.size > 0 ? this.#imapAction(job.device, job.action) : this.#pop3Action(job.device, job.action);
    // New mail announced by a push is fetched now, after the job, never from inside another session's command.
    for (const [d, client] of this.#imap) {
      const entries = client.catchUp();
      if (entries.length > 0) this.#pushBlock(d).entries.push(...entries);
    }
    return { outcome };
  }

  /** Closes every connection silently; the widget is about to forget this world. */
  dispose(): void {
    for (const client of this.#imap.values()) client.drop();
  }

  #log(d: DeviceId, heading: string, entries: TranscriptEntry[], note?: string): LogBlock {
    this.#blockIds += 1;
    const block: LogBlock = note === undefined ? { id: this.#blockIds, heading, entries } : { id: this.#blockIds, heading, entries, note };
    const log = this.#logs.get(d)!;
    log.push(block);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
    return block;
  }

  #pushBlock(d: DeviceId): LogBlock {
    let block = this.#pushBlocks.get(d);
    if (!block) {
      block = this.#log(d, 'While waiting in IDLE: the server pushed a change', []);
      this.#pushBlocks.set(d, block);
    }
    return block;
  }

  #pushed(d: DeviceId, entries: TranscriptEntry[]): void {
    this.#pushBlock(d).entries.push(...entries);
  }

  #pop3Action(d: DeviceId, action: DeviceAction): string {
    const device = this.#pop3.get(d)!;
    const other = this.#pop3.get(say.otherOf(d))!;
    const deleteAfter = this.mode === 'pop3-delete';
    if (action.kind === 'check') {
      const r = device.check(this.#connect, deleteAfter);
      this.#log(d, `Check mail: connect to port ${implicitTlsPort(POP3)}, TLS from the start`, r.entries);
      return say.pop3Checked(d, { downloaded: r.downloaded.length, onServer: r.onServer, deleted: r.deleted, error: r.error }, deleteAfter, other.messages().length);
    }
    const copy = other.find(action.key);
    const note = 'Nothing goes to the server: POP3 has no command for this, so only this device’s own copy changes.';
    if (action.kind === 'read') {
      device.markRead(action.key);
      this.#log(d, `Read “${action.subject}”`, [], note);
      return say.pop3Read(d, action.subject, copy);
    }
    if (action.kind === 'flag') {
      const flagged = device.toggleFlag(action.key);
      this.#log(d, `${flagged ? 'Flag' : 'Unflag'} “${action.subject}”`, [], note);
      return say.pop3Flag(d, action.subject, flagged, copy !== undefined);
    }
    device.remove(action.key);
    this.#log(d, `Delete “${action.subject}”`, [], note);
    return say.pop3Delete(d, action.subject, deleteAfter, copy !== undefined);
  }

  #imapAction(d: DeviceId, action: DeviceAction): string {
    const client = this.#imap.get(d)!;
    const otherId = say.otherOf(d);
    const other = this.#imap.get(otherId)!;
    const before = client.messages().length;
    if (action.kind === 'check') {
      const first = !client.connected;
      const step = client.check();
      this.#log(d, first ? `Check mail: connect to port ${implicitTlsPort(IMAP)}, TLS from the start, and list the INBOX` : 'Check mail: ask for news', step.entries);
      return say.imapChecked(d, first, client.messages().length - before, step.error);
    }
    const uid = Number(action.key);
    const flagged = client.messages().find((m) => m.key === action.key)?.flagged ?? false;
    const kind = action.kind === 'flag' ? (flagged ? 'unflag' : 'flag') : action.kind;
    const step = action.kind === 'read' ? client.read(uid) : action.kind === 'flag' ? client.toggleFlag(uid) : client.remove(uid);
    const heading = { read: 'Read', flag: 'Flag', unflag: 'Unflag', delete: 'Delete' }[kind];
    this.#log(d, `${heading} “${action.subject}”`, step.entries);
    const seen: say.OtherImap = this.#pushBlocks.has(otherId) ? 'pushed' : other.connected ? 'unchanged' : 'offline';
    return say.imapChanged(d, kind, action.subject, seen, step.error);
  }

  #deliver(): string {
    const mail = deliverIncoming(this.world, this.#delivered);
    this.#delivered += 1;
    const listedBy = DEVICES.filter((d) => this.#pushBlocks.has(d));
    return say.delivered(mail, this.#imap.size > 0, listedBy);
  }
}
