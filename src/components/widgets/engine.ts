/**
 * Loads one protocol's engine for a widget: the session API, the mail world, that protocol's server driver and
 * its reply catalogue. Each protocol is its own dynamic import, so a page with an SMTP widget never downloads
 * the IMAP server; the promise is cached, so two widgets on one page share one download.
 */
import type { AnyStateMachine } from 'xstate';
import type { openSession } from '../../machines/session.ts';
import type { ContextEntry, ContextNote } from '../../protocols/shared/reply-context.ts';
import type { ProtocolName, SessionView } from '../../protocols/shared/session-types.ts';
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
  ports: Record<ProtocolName, readonly number[]>;
}

async function core() {
  const [session, world] = await Promise.all([import('../../machines/session.ts'), import('../../protocols/shared/world.ts')]);
  return { openSession: session.openSession, MailWorld: world.MailWorld, ports: session.SESSION_PORTS };
}

// One literal import() per protocol, so the bundler makes one chunk each (a template string would pull all three).
const importers: Record<ProtocolName, () => Promise<Engine>> = {
  async smtp() {
    const [base, driver, replies] = await Promise.all([core(), import('../../machines/smtp-session.driver.ts'), import('../../protocols/smtp/replies.ts')]);
    return { ...base, explain: replies.explainSmtp, inContext: replies.smtpInContext, machine: driver.smtpDriver.machine };
  },
  async pop3() {
    const [base, driver, replies] = await Promise.all([core(), import('../../machines/pop3-session.driver.ts'), import('../../protocols/pop3/replies.ts')]);
    return { ...base, explain: replies.explainPop3, inContext: replies.pop3InContext, machine: driver.pop3Driver.machine };
  },
  async imap() {
    const [base, driver, replies] = await Promise.all([core(), import('../../machines/imap-session.driver.ts'), import('../../protocols/imap/replies.ts')]);
    return { ...base, explain: replies.explainImap, inContext: replies.imapInContext, machine: driver.imapDriver.machine };
  },
};

const cache = new Map<ProtocolName, Promise<Engine>>();

/** The engine for `protocol`, downloaded on first use and shared afterwards; a failed download may be retried. */
export function loadEngine(protocol: ProtocolName): Promise<Engine> {
  const importer = importers[protocol];
  if (!importer) return Promise.reject(new RangeError(`unknown protocol "${String(protocol)}"; use smtp, pop3 or imap`));
  let pending = cache.get(protocol);
  if (!pending) {
    pending = importer();
    cache.set(protocol, pending);
    pending.catch(() => cache.delete(protocol));
  }
  return pending;
}

/** Whether a value names a protocol the engine serves. */
export function isProtocol(value: unknown): value is ProtocolName {
  return value === 'smtp' || value === 'pop3' || value === 'imap';
}
