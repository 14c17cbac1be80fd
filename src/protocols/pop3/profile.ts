/** POP3's profile (RFC 1939), as widgets, scenarios and the lab see it. */
import type { ProtocolProfile } from '../shared/profile.ts';
import { tokenizePop3 } from './tokens.ts';

/** POP3: download from one maildrop, on 110 (STLS) and 995 (implicit TLS). */
export const pop3Profile: ProtocolProfile<'pop3'> = {
  id: 'pop3',
  label: 'POP3',
  dataIds: ['pop3'],
  framing: 'line',
  literals: false,
  tokenize: tokenizePop3,
  // The status of the first line, or "+" for a SASL continuation (RFC 5034 §4).
  observedCode: (server) => /^(\+OK|-ERR|\+)(?: |$)/.exec(server[0] ?? '')?.[1],
  expectPattern: /^(?:\+OK|-ERR|\+|-)$/,
  // RFC 1939 §3: an inactivity autologout timer of at least 10 minutes.
  idleTimeoutSeconds: 600,
  farewells: {
    // RFC 1939 §3 defines no unsolicited reply: a POP3 client just sees the connection close.
    shutdown: [],
    // -ERR with RFC 3206's SYS/TEMP: the failure is the server's and passes.
    refusal: (address) => [`-ERR [SYS/TEMP] ${address === undefined ? 'Too many connections' : `Too many connections from ${address}`}, try again later.`],
    // RFC 3206 §4 SYS/TEMP, close to Dovecot's "Internal error occurred".
    internalError: ['-ERR [SYS/TEMP] Internal error occurred. Refer to the lab transcript for more information.'],
    closingPrefix: '-ERR ',
  },
  input: { tagged: false },
};
