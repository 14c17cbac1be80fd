/** What an IMAP server says when it ends a connection on its own (the lab's words; the profile's farewells). */
import type { Farewells } from '../shared/profile.ts';

/** IMAP's farewells: an untagged BYE in every case. */
export const imapFarewells: Farewells = {
  // RFC 3501 §7.1.5: a server may send an untagged BYE at any time.
  shutdown: ['* BYE Server shutting down.'],
  refusal: (address) => [`* BYE ${address === undefined ? 'Too many connections' : `Too many connections from ${address}`}, try again later.`],
  internalError: ['* BYE Internal error occurred. Refer to the lab transcript for more information.'],
  closingPrefix: '* BYE ',
};
