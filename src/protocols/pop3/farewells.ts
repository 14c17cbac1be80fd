/** What a POP3 server says when it ends a connection on its own (the lab's words; the profile's farewells). */
import type { Farewells } from '../shared/profile.ts';

/** POP3's farewells: -ERR with RFC 3206 response codes; nothing at all on shutdown. */
export const pop3Farewells: Farewells = {
  // RFC 1939 §3 defines no unsolicited reply: a POP3 client just sees the connection close.
  shutdown: [],
  // -ERR with RFC 3206's SYS/TEMP: the failure is the server's and passes.
  refusal: (address) => [`-ERR [SYS/TEMP] ${address === undefined ? 'Too many connections' : `Too many connections from ${address}`}, try again later.`],
  // RFC 3206 §4 SYS/TEMP, close to Dovecot's "Internal error occurred".
  internalError: ['-ERR [SYS/TEMP] Internal error occurred. Refer to the lab transcript for more information.'],
  closingPrefix: '-ERR ',
};
