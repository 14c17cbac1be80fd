/** SMTP's profile: the submission and relay engine (RFC 5321, RFC 6409), as widgets, scenarios and the lab see it. */
import type { LineProtocolProfile } from '../shared/profile.ts';
import { tokenizeSmtp } from './tokens.ts';

/** SMTP: one engine serves the data file's relay (25) and submission (587, 465) protocols. */
export const smtpProfile: LineProtocolProfile<'smtp'> = {
  id: 'smtp',
  label: 'SMTP',
  dataIds: ['smtp-relay', 'smtp-submission'],
  framing: 'line',
  mailModel: 'envelope',
  literals: false,
  tokenize: tokenizeSmtp,
  expectPattern: /^(?:[2-5]\d\d|-)$/,
  // RFC 5321 §4.5.3.2: a server should wait at least 5 minutes for the next command.
  idleTimeoutSeconds: 300,
  // RFC 6409 §3.1: submission on 587.
  clientPort: 587,
  replyTextSource: 'RFC 5321 §4.2',
  input: { tagged: false },
};
