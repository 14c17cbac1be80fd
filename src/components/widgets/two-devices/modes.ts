/** The words for the widget's three modes: radio labels, the reset message, and the no-JavaScript table. */
import type { Mode } from '../../../machines/two-devices.machine.ts';
import { lineProtocolWith, type LineProtocolName } from '../../../protocols/registry.ts';

/** How the widget names and explains one mode. */
export interface ModeText {
  /** The radio button's label. */
  label: string;
  /** What a device does on "Check mail". */
  check: string;
  /** What reading, flagging or deleting on one device does to the other. */
  otherDevice: string;
  /** What the learner should try. */
  tryThis: string;
}

/** Words per mode. */
export const MODE_TEXT: Record<Mode, ModeText> = {
  'pop3-delete': {
    label: 'POP3, delete after download',
    check: 'Downloads every message, then deletes it from the server when the session ends.',
    otherDevice: 'Nothing: the first device to check takes the mail, and the other finds an empty mailbox.',
    tryThis: 'Check mail on the laptop, then on the phone.',
  },
  'pop3-keep': {
    label: 'POP3, leave messages on the server',
    check: 'Downloads a copy of each message it has not seen before (it remembers their UIDL ids) and leaves the mail on the server.',
    otherDevice: 'Nothing: each device has its own copy, so reading, flagging or deleting on one leaves the other as it was.',
    tryThis: 'Check mail on both devices, then read a message on the laptop and look at the phone.',
  },
  imap: {
    label: 'IMAP',
    check: 'Logs in once, lists the mailbox on the server, and stays connected, waiting in IDLE.',
    otherDevice: 'Shows at once: there is one mailbox on the server, and it tells every waiting device what changed.',
    tryThis: 'Check mail on both devices, then flag a message on the laptop and delete one on the phone.',
  },
};

/** How a mode's devices talk to the server: the protocol, and whether they stay connected and are told of changes. */
export interface ModeClient {
  protocol: LineProtocolName;
  /** True for a client that keeps its session open and waits in IDLE (RFC 2177); false for download-and-leave. */
  staysConnected: boolean;
}

/** The client of each mode. */
export const MODE_CLIENT: Record<Mode, ModeClient> = {
  'pop3-delete': { protocol: lineProtocolWith('download'), staysConnected: false },
  'pop3-keep': { protocol: lineProtocolWith('download'), staysConnected: false },
  imap: { protocol: lineProtocolWith('server-mailbox'), staysConnected: true },
};

/** The status sentence after switching to (or restarting) a mode. */
export function modeStarted(mode: Mode): string {
  return `${MODE_TEXT[mode].label}: the mail world was reset. Alice's mailbox on the server holds its starting messages again, and both devices start empty. ${MODE_TEXT[mode].tryThis}`;
}
