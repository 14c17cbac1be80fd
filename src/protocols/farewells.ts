/**
 * Every protocol's farewells (src/protocols/<p>/farewells.ts): what its server says when it ends a connection on
 * its own. Part of the protocol's profile, kept apart so a page's first load does not carry the lab's words.
 * Keyed by LineProtocolName, so a profile without farewells does not compile.
 */
import { imapFarewells } from './imap/farewells.ts';
import { pop3Farewells } from './pop3/farewells.ts';
import { lineProfileOf, type LineProtocolName } from './registry.ts';
import type { Farewells } from './shared/profile.ts';
import { smtpFarewells } from './smtp/farewells.ts';

const FAREWELLS: Record<LineProtocolName, Farewells> = { smtp: smtpFarewells, pop3: pop3Farewells, imap: imapFarewells };

/** The farewells of `protocol`; throws UnknownProtocolError for a name no profile carries. */
export function farewellsOf(protocol: string): Farewells {
  return FAREWELLS[lineProfileOf(protocol).id];
}
