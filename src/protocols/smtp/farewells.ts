/** What an SMTP server says when it ends a connection on its own (the lab's words; the profile's farewells). */
import { SERVER_HOST } from '../shared/host.ts';
import type { Farewells } from '../shared/profile.ts';

/** SMTP's farewells: 421 in every case, as RFC 5321 §3.8 asks of a server that closes the channel. */
export const smtpFarewells: Farewells = {
  // RFC 5321 §3.8: a server that is shut down should send 421.
  shutdown: [`421 4.3.2 ${SERVER_HOST} Service shutting down, closing transmission channel`],
  // Postfix's words for smtpd_client_connection_count_limit; 421 may be the greeting (RFC 5321 §3.1).
  refusal: (address) => [`421 4.7.0 ${SERVER_HOST} Error: ${(address === undefined ? 'Too many connections' : `Too many connections from ${address}`).toLowerCase()}`],
  // 421 closes the channel (RFC 5321 §3.8); 4.3.0 is "other or undefined mail system status" (RFC 3463).
  internalError: [`421 4.3.0 ${SERVER_HOST} Error: internal error, closing transmission channel`],
  closingPrefix: '421 ',
};
