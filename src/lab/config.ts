/**
 * What the lab listens on and its defaults. The standard ports, their protocols and their security come from
 * the protocol profiles (`SERVED_PORTS`, derived from the data file) and the data file (`portFact`), never retyped here.
 */
import { EXCHANGE_ONLINE_PORTS } from '../protocols/exchange/online-ports.ts';
import { portFact, securityLabels, type PortRole, type SecurityMode } from '../data/lookup.ts';
import '../machines/http-servers.ts';
import { httpServers } from '../machines/http-session.ts';
import { LINE_PROFILES, type LineProtocolName } from '../protocols/registry.ts';
import { SERVED_PORTS } from '../protocols/served-ports.ts';
import type { ServerPersonalityId } from '../protocols/shared/personality.ts';
import type { HttpProtocolName } from '../protocols/shared/session-types.ts';

/** Loopback only by default: the lab is for one student's machine, not a network. */
export const DEFAULT_HOST = '127.0.0.1';
/** Listening port = offset + standard port, so no root rights are needed (10025, 10587, …). */
export const DEFAULT_OFFSET = 10_000;

/**
 * Idle timeouts in seconds, each protocol's RFC minimum from its profile: SMTP server 5 min (RFC 5321 §4.5.3.2),
 * POP3 10 min (RFC 1939 §3), IMAP 30 min (RFC 3501 §5.4). `--idle-timeout` replaces them all.
 */
export const IDLE_DEFAULTS = Object.fromEntries(LINE_PROFILES.map((p) => [p.id, p.idleTimeoutSeconds])) as Readonly<Record<LineProtocolName, number>>;

/**
 * Seconds a command line may take from its first octet to its line end, whatever trickles in between (more
 * octets do not restart it), and a TLS handshake from its start. A minute is plenty for a person typing; a
 * slowloris client that sends one octet at a time is closed. Postfix's smtpd_timeout (300 s) and
 * smtpd_starttls_timeout (300 s) are similar, but restart with every read.
 */
export const COMMAND_TIMEOUT = 60;

/**
 * Seconds the lab waits for a client to take any of its output before it hangs up (or the idle timeout, if
 * shorter): Dovecot's CLIENT_OUTPUT_TIMEOUT_MSECS (imap-common.h) is 5 minutes, Postfix's smtpd_timeout 300 s.
 */
export const OUTPUT_TIMEOUT = 300;

/** Open connections at most, over every port (Dovecot's default_client_limit is 1000). Past it: refused. */
export const MAX_CONNECTIONS = 1000;

/**
 * Open connections at most from one client address, over every port (Postfix's
 * smtpd_client_connection_count_limit is 50, per service). Past it: refused with the protocol's words.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 100;

/** One listener of the lab. */
export interface ListenerPlan {
  protocol: LineProtocolName;
  /** The IANA port the simulated server believes it runs on (25, 587, …). */
  standardPort: number;
  /** The port the lab really listens on: offset + standard port. */
  port: number;
  security: SecurityMode;
  /** Learner-facing security name from the data file, e.g. "STARTTLS" or "Implicit TLS". */
  securityLabel: string;
  role: PortRole;
  /** Another vendor's server on this listener (Exchange Online); absent: the course's own. */
  server?: ServerPersonalityId;
}

/**
 * Exchange Online's listeners sit this far above the course's own, at offset + 1000 + the standard port
 * (11993, 11995, 11587 by default), so both servers are reachable at once on their real port numbers' ends.
 */
export const EXCHANGE_ONLINE_DISTANCE = 1000;

export { EXCHANGE_ONLINE_PORTS };

/** The highest port above the offset the lab listens on (Exchange Online's POP3), for checking that an offset still fits below 65536. */
export const HIGHEST_STANDARD_PORT = Math.max(...Object.values(SERVED_PORTS).flat(), ...EXCHANGE_ONLINE_PORTS.map(([, p]) => EXCHANGE_ONLINE_DISTANCE + p));

/** Every listener for an offset, in the contract's order (SMTP 25, 587, 465, POP3 110, 995, IMAP 143, 993). */
export function listenerPlan(offset: number): ListenerPlan[] {
  const plan: ListenerPlan[] = [];
  for (const [protocol, ports] of Object.entries(SERVED_PORTS) as Array<[LineProtocolName, readonly number[]]>) {
    for (const standardPort of ports) {
      const fact = portFact(standardPort);
      if (!fact) throw new Error(`the data file has no entry for port ${standardPort}`);
      plan.push({
        protocol,
        standardPort,
        port: offset + standardPort,
        security: fact.security,
        securityLabel: securityLabels[fact.security],
        role: fact.role,
      });
    }
  }
  return plan;
}

/** Exchange Online's listeners for an offset: its three ports, each at offset + EXCHANGE_ONLINE_DISTANCE + port. */
export function exchangeOnlinePlan(offset: number): ListenerPlan[] {
  return EXCHANGE_ONLINE_PORTS.map(([protocol, standardPort]) => {
    const fact = portFact(standardPort);
    if (!fact) throw new Error(`the data file has no entry for port ${standardPort}`);
    const port = offset + EXCHANGE_ONLINE_DISTANCE + standardPort;
    return { protocol, standardPort, port, security: fact.security, securityLabel: securityLabels[fact.security], role: fact.role, server: 'exchange-online' as const };
  });
}

/** One HTTP listener of the lab. */
export interface HttpListenerPlan {
  protocol: HttpProtocolName;
  /** The port the simulated server believes it runs on (8080 for the hello test protocol). */
  standardPort: number;
  /** offset + standardPort. */
  port: number;
  /** https: TLS from the first octet, before any request (RFC 9110 §4.2.2). */
  security: 'plaintext' | 'https';
  /** A test protocol, served only with `--test-protocols`. */
  testOnly: boolean;
}

/** The HTTP listeners for an offset: the registered HTTP servers, test protocols only when asked for. */
export function httpListenerPlan(offset: number, testProtocols: boolean): HttpListenerPlan[] {
  return httpServers()
    .filter((s) => testProtocols || !s.testOnly)
    .flatMap((s) => s.ports.map((p) => ({ protocol: s.protocol, standardPort: p.port, port: offset + p.port, security: p.security, testOnly: s.testOnly })));
}

/** The highest standard port with the test protocols on (the hello test protocol plays 8080). */
export const HIGHEST_TEST_PORT = Math.max(HIGHEST_STANDARD_PORT, ...httpListenerPlan(0, true).map((p) => p.standardPort));
