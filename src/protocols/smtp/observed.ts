/** The code a scenario step observes in SMTP's replies. */
import type { ObservedCode } from '../shared/profile.ts';

/** The 3-digit code of the last line: a multi-line reply ends with "250 " (RFC 5321 §4.2.1). */
export const smtpObserved: ObservedCode = (server) => /^([2-5]\d\d)(?:[ -]|$)/.exec(server.at(-1) ?? '')?.[1];
