/** The status a scenario step observes in POP3's replies. */
import type { ObservedCode } from '../shared/profile.ts';

/** The status of the first line, or "+" for a SASL continuation (RFC 5034 §4). */
export const pop3Observed: ObservedCode = (server) => /^(\+OK|-ERR|\+)(?: |$)/.exec(server[0] ?? '')?.[1];
