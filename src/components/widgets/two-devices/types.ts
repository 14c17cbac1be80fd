/** Shapes the two-devices widget's mail clients and panels share: plain data, easy to render and compare. */
import type { DeviceId, Mode } from '../../../machines/two-devices.machine.ts';
import type { Engine } from '../engine.ts';
import type { TranscriptEntry } from '../../../protocols/shared/session-types.ts';
import type { Connect, LocalMessage } from '../../../protocols/shared/client-types.ts';

export type { Connect, DeviceId, LocalMessage, Mode };

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


/** What the desk needs from the lazily loaded engine (see ../engine.ts). */
export type EngineParts = Pick<Engine, 'openSession' | 'MailWorld'>;
