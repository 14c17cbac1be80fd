/**
 * Every protocol's reading of a scenario step's replies (src/protocols/<p>/observed.ts): the code or status that
 * compares with the step's `expect`. Part of the protocol's profile, kept apart so a page's first load does not
 * carry it (the scenario runner loads it). Keyed by LineProtocolName, so a profile without one does not compile.
 */
import { imapObserved } from './imap/observed.ts';
import { pop3Observed } from './pop3/observed.ts';
import { lineProfileOf, type LineProtocolName } from './registry.ts';
import type { ObservedCode } from './shared/profile.ts';
import { smtpObserved } from './smtp/observed.ts';

const OBSERVED: Record<LineProtocolName, ObservedCode> = { smtp: smtpObserved, pop3: pop3Observed, imap: imapObserved };

/** How `protocol` reads a step's replies; throws UnknownProtocolError for a name no profile carries. */
export function observedCodeOf(protocol: string): ObservedCode {
  return OBSERVED[lineProfileOf(protocol).id];
}
