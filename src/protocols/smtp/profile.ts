/** SMTP's profile: the submission and relay engine (RFC 5321, RFC 6409), as widgets, scenarios and the lab see it. */
import { SERVER_HOST } from '../shared/host.ts';
import type { ProtocolProfile } from '../shared/profile.ts';
import { tokenizeSmtp } from './tokens.ts';

/** SMTP: one engine serves the data file's relay (25) and submission (587, 465) protocols. */
export const smtpProfile: ProtocolProfile<'smtp'> = {
  id: 'smtp',
  label: 'SMTP',
  dataIds: ['smtp-relay', 'smtp-submission'],
  framing: 'line',
  literals: false,
  tokenize: tokenizeSmtp,
  // The 3-digit code of the last line: a multi-line reply ends with "250 " (RFC 5321 §4.2.1).
  observedCode: (server) => /^([2-5]\d\d)(?:[ -]|$)/.exec(server.at(-1) ?? '')?.[1],
  expectPattern: /^(?:[2-5]\d\d|-)$/,
  // RFC 5321 §4.5.3.2: a server should wait at least 5 minutes for the next command.
  idleTimeoutSeconds: 300,
  farewells: {
    // RFC 5321 §3.8: a server that is shut down should send 421.
    shutdown: [`421 4.3.2 ${SERVER_HOST} Service shutting down, closing transmission channel`],
    // Postfix's words for smtpd_client_connection_count_limit; 421 may be the greeting (RFC 5321 §3.1).
    refusal: (address) => [`421 4.7.0 ${SERVER_HOST} Error: ${(address === undefined ? 'Too many connections' : `Too many connections from ${address}`).toLowerCase()}`],
    // 421 closes the channel (RFC 5321 §3.8); 4.3.0 is "other or undefined mail system status" (RFC 3463).
    internalError: [`421 4.3.0 ${SERVER_HOST} Error: internal error, closing transmission channel`],
    closingPrefix: '421 ',
  },
  input: { tagged: false },
};
