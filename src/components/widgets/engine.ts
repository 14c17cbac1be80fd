/**
 * Loads one protocol's engine for a widget: the session API, the mail world, that protocol's server driver and
 * its reply catalogue. Each protocol is its own dynamic import, so a page with an SMTP widget never downloads
 * the IMAP server; the promise is cached, so two widgets on one page share one download.
 */
import type { AnyStateMachine } from 'xstate';
import { loadDriver } from '../../machines/driver-loaders.ts';
import type { openSession } from '../../machines/session.ts';
import { loadCatalogue } from '../../protocols/catalogue-loaders.ts';
import { isLineProtocol, UnknownProtocolError } from '../../protocols/registry.ts';
import type { ContextEntry, ContextNote } from '../../protocols/shared/reply-context.ts';
import type { LineProtocolName, SessionView } from '../../protocols/shared/session-types.ts';
import type { MailWorld } from '../../protocols/shared/world.ts';

/** One entry of a reply catalogue: what a code or token means, and where the RFC says so. */
export interface Explanation {
  token: string;
  title: string;
  text: string;
  rfc: string;
}

/** What a widget needs to run sessions of one protocol. */
export interface Engine {
  openSession: typeof openSession;
  MailWorld: typeof MailWorld;
  /** The protocol's reply catalogue: a code, status or response code to its explanation. */
  explain(token: string): Explanation | undefined;
  /** What to say first about the latest reply in `entries`, given the session's view after it (the protocol's context rules). */
  inContext?(entries: readonly ContextEntry[], view: SessionView): ContextNote | undefined;
  /** The protocol's server machine, for drawing its state diagram. */
  machine: AnyStateMachine;
  /** The ports each protocol is served on (a reconnect may choose one). */
  ports: Record<LineProtocolName, readonly number[]>;
}

async function core() {
  const [session, world] = await Promise.all([import('../../machines/session.ts'), import('../../protocols/shared/world.ts')]);
  return { openSession: session.openSession, MailWorld: world.MailWorld, ports: session.SESSION_PORTS };
}

/** The engine of one protocol: its driver (a chunk of its own) and its catalogue (another), over the shared core. */
async function load(protocol: LineProtocolName): Promise<Engine> {
  const [base, driver, catalogue] = await Promise.all([core(), loadDriver(protocol), loadCatalogue(protocol)]);
  return { ...base, explain: catalogue.explain, inContext: catalogue.inContext, machine: driver.machine };
}

const cache = new Map<LineProtocolName, Promise<Engine>>();

/**
 * The engine for `protocol`, downloaded on first use and shared afterwards; a failed download may be retried.
 * Rejects with UnknownProtocolError for a name no profile carries.
 */
export function loadEngine(protocol: LineProtocolName): Promise<Engine> {
  if (!isLineProtocol(protocol)) return Promise.reject(new UnknownProtocolError(protocol, 'line '));
  let pending = cache.get(protocol);
  if (!pending) {
    pending = load(protocol);
    cache.set(protocol, pending);
    pending.catch(() => cache.delete(protocol));
  }
  return pending;
}

export { isLineProtocol };
