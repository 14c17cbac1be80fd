/** Shapes the two-devices widget's mail clients and panels share: plain data, easy to render and compare. */
import type { DeviceId, Mode } from '../../../machines/two-devices.machine.ts';
import type { Engine } from '../engine.ts';
import type { Session, TranscriptEntry } from '../../../protocols/shared/session-types.ts';

export type { DeviceId, Mode };

/** One message as a device holds it in its own list. */
export interface LocalMessage {
  /** The server's id for it: the POP3 UIDL or the IMAP UID, as text. */
  key: string;
  subject: string;
  /** The sender's display name, or the address when there is none. */
  from: string;
  seen: boolean;
  flagged: boolean;
}

/** The protocol lines one action caused on one device, under a heading. */
export interface LogBlock {
  /** Unique within the widget, for keyed rendering. */
  id: number;
  heading: string;
  entries: TranscriptEntry[];
  /** Why an action sent nothing, e.g. a POP3 device marking its own copy read. */
  note?: string;
}

/** What a panel renders for one device. */
export interface DeviceView {
  id: DeviceId;
  messages: LocalMessage[];
  log: LogBlock[];
  /** IMAP only: the device keeps a connection open and waits in IDLE. */
  idling: boolean;
}

/** Opens a session on the shared world: the only way a client reaches the server. */
export type Connect = () => Session;

/** What the desk needs from the lazily loaded engine (see ../engine.ts). */
export type EngineParts = Pick<Engine, 'openSession' | 'MailWorld'>;
