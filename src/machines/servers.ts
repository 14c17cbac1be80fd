/** Registers every protocol's driver with the session module; import this once before opening sessions (Node, the build). */
import { lineProfileOf, type LineProtocolName } from '../protocols/registry.ts';
import { imapDriver } from './imap-session.driver.ts';
import './personalities.ts';
import { pop3Driver } from './pop3-session.driver.ts';
import type { ProtocolDriver } from './session.ts';
import { smtpDriver } from './smtp-session.driver.ts';

/** Every protocol's server driver, keyed by LineProtocolName: a profile without a server does not compile. */
const DRIVERS: Record<LineProtocolName, ProtocolDriver> = { smtp: smtpDriver, pop3: pop3Driver, imap: imapDriver };

/** The server driver of `protocol` (its machine, verbs, limits); throws UnknownProtocolError for a name no profile carries. */
export function driverOf(protocol: string): ProtocolDriver {
  return DRIVERS[lineProfileOf(protocol).id];
}
