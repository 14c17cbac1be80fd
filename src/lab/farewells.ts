/**
 * What the lab itself says before it closes a connection, in each protocol's own words
 * (src/protocols/<p>/farewells.ts): when it stops (Ctrl-C), when it refuses a connection over its limits, and when
 * something inside it failed. The sessions' own replies (timeouts, errors) come from the protocol servers.
 */
import { farewellsOf } from '../protocols/farewells.ts';
import type { LineProtocolName } from '../protocols/shared/session-types.ts';

/** The farewell before closing because the lab stops: SMTP 421, IMAP an untagged BYE, POP3 nothing (RFC 1939 §3). */
export function shutdownReply(protocol: LineProtocolName): string[] {
  return [...farewellsOf(protocol).shutdown];
}

/** The greeting that refuses a connection over the lab's caps (from `address`, when known), then closes. */
export function refusalReply(protocol: LineProtocolName, address: string | undefined): string[] {
  return farewellsOf(protocol).refusal(address);
}

/** The farewell after a failure inside the lab (never the client's fault): the session ends, the lab goes on. */
export function internalErrorReply(protocol: LineProtocolName): string[] {
  return [...farewellsOf(protocol).internalError];
}

/**
 * What the lab adds when a failure inside the engine closed the session after its own error reply: the
 * protocol's farewell, unless that reply already said it (a 421, a BYE, POP3's -ERR).
 */
export function farewellAfterFailure(protocol: LineProtocolName, replies: readonly string[]): string[] {
  const said = farewellsOf(protocol).closingPrefix;
  return replies.some((r) => r.startsWith(said)) ? [] : internalErrorReply(protocol);
}
