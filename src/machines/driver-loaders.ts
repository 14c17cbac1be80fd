/**
 * Loads one protocol's server driver on demand, for browser code: one literal import() per protocol, so the
 * bundler makes one chunk each (servers.ts registers all three at once, for Node). Keyed by LineProtocolName, so a
 * profile without a server does not compile; importing a driver module also registers it with session.ts.
 */
import { lineProfileOf, type LineProtocolName } from '../protocols/registry.ts';
import type { ProtocolDriver } from './session.ts';

const LOADERS: Record<LineProtocolName, () => Promise<ProtocolDriver>> = {
  smtp: () => import('./smtp-session.driver.ts').then((m) => m.smtpDriver),
  pop3: () => import('./pop3-session.driver.ts').then((m) => m.pop3Driver),
  imap: () => import('./imap-session.driver.ts').then((m) => m.imapDriver),
};

/** The driver of `protocol`, downloaded and registered; rejects with UnknownProtocolError for a name no profile carries. */
export function loadDriver(protocol: string): Promise<ProtocolDriver> {
  try {
    return LOADERS[lineProfileOf(protocol).id]();
  } catch (error) {
    return Promise.reject(error);
  }
}
