/** POP3's profile (RFC 1939), as widgets, scenarios and the lab see it. */
import type { LineProtocolProfile } from '../shared/profile.ts';
import { tokenizePop3 } from './tokens.ts';

/** POP3: download from one maildrop, on 110 (STLS) and 995 (implicit TLS). */
export const pop3Profile: LineProtocolProfile<'pop3'> = {
  id: 'pop3',
  label: 'POP3',
  dataIds: ['pop3'],
  framing: 'line',
  mailModel: 'download',
  literals: false,
  tokenize: tokenizePop3,
  expectPattern: /^(?:\+OK|-ERR|\+|-)$/,
  // RFC 1939 §3: an inactivity autologout timer of at least 10 minutes.
  idleTimeoutSeconds: 600,
  // RFC 8314 §3.3: implicit TLS.
  clientPort: 995,
  replyTextSource: 'RFC 1939 §3',
  input: { tagged: false },
};
