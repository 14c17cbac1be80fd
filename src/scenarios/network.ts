/**
 * A scenario's network: a port it blocks never answers. Nothing reaches a server, so no server says anything;
 * the client only sees silence until it gives up. A connection attempt to such a port is a session that is
 * closed from the start, whose only entry says so. No xstate and no engine here: the player's page may import it.
 */
import type { Session, SessionStep, SessionView, TranscriptEntry } from '../protocols/shared/session-types.ts';
import type { ScenarioNetwork } from './scenario.ts';

/** Whether the network drops connections to `port`. */
export function isBlocked(network: ScenarioNetwork | undefined, port: number): boolean {
  return network?.blocked.includes(port) ?? false;
}

/** What the client sees of a connection attempt nothing answers: an event, never a server line. */
export function noAnswerEntry(port: number): TranscriptEntry {
  return {
    kind: 'event',
    event: 'closed',
    text:
      `No answer on port ${port}: the connection attempt got no reply at all, not even a refusal; no server said ` +
      'anything. After a while the client gives up and reports “Connection timed out”',
  };
}

const NOTHING: SessionStep = { replies: [], entries: [], startTls: false, closed: true };

/**
 * The "session" of a connection attempt to a blocked port. `closed` is the view of a closed session on that port
 * (the server's state name for a closed connection, the port's security); the attempt never got TLS or a login.
 */
export function noAnswerSession(closed: SessionView): Session {
  const view: SessionView = { ...closed, tls: false, closed: true, allowedCommands: [], user: undefined };
  return {
    framingKind: 'line',
    id: `no-answer-${view.port}`,
    protocol: view.protocol,
    port: view.port,
    greeting: [noAnswerEntry(view.port)],
    // There is no connection to send on: nothing leaves the client, nothing comes back.
    send: () => ({ ...NOTHING, replies: [], entries: [] }),
    view: () => ({ ...view, allowedCommands: [] }),
    onPush: () => () => {},
    timeout: () => ({ ...NOTHING, replies: [], entries: [] }),
    drop: () => {},
    internalErrors: 0,
    // Nothing is ever read on a connection that never opened.
    framing: () => ({ maxLineOctets: 0, literalOctets: 0 }),
  };
}
