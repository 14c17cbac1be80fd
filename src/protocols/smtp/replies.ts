/**
 * Every reply the simulated SMTP server sends. Codes follow RFC 5321 §4.2.3 and the extensions' RFCs; enhanced
 * status codes follow RFC 3463 and RFC 4954 §6; the wording follows Postfix 3.7 where the reference sheet
 * captured it (Appendix A), so learners see what a real server says.
 */
import { SERVER_HOST } from '../shared/world.ts';
import { echo } from './format.ts';

/** The catalogue explaining every code these replies carry (it lives in explain.ts, with its tables). */
export { explainSmtp, type SmtpExplanation } from './explain.ts';
/** What to say first about a reply in its context (the command, the state, the port): context-rules.ts. */
export { smtpInContext } from './context-rules.ts';

/** Fixed replies, one line each. */
export const SMTP = {
  /** RFC 5321 §4.3.1: the greeting names the server host. */
  greeting: `220 ${SERVER_HOST} ESMTP Mailwire`,
  helo: `250 ${SERVER_HOST}`,
  ok: '250 2.0.0 Ok',
  mailOk: '250 2.1.0 Ok',
  rcptOk: '250 2.1.5 Ok',
  /** RFC 5321 §3.5.3 and §7.3: neither yes nor no, so VRFY cannot be used to harvest addresses. */
  vrfy: '252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery',
  dataGo: '354 End data with <CR><LF>.<CR><LF>',
  bye: '221 2.0.0 Bye',
  startTls: '220 2.0.0 Ready to start TLS',
  authOk: '235 2.7.0 Authentication successful',
  /** PLAIN without an initial response: an empty challenge (RFC 4954 §4). */
  plainChallenge: '334 ',
  loginUsername: '334 VXNlcm5hbWU6',
  loginPassword: '334 UGFzc3dvcmQ6',
  timeout: `421 4.4.2 ${SERVER_HOST} Error: timeout exceeded`,
  internalError: '451 4.3.0 Error: internal error',
  tooManyRecipients: '452 4.5.3 Error: too many recipients',
  /** Postfix's smtpd_check_queue() when the queue is short of room; RFC 5321 §4.2.3 452, RFC 3463 X.3.1. */
  insufficientStorage: '452 4.3.1 Insufficient system storage',
  notRecognized: '500 5.5.2 Error: command not recognized',
  lineTooLong: '500 5.5.2 Error: line too long',
  saslLineTooLong: '500 5.5.6 Authentication Exchange line is too long',
  ehloSyntax: '501 5.5.4 Syntax: EHLO hostname',
  heloSyntax: '501 5.5.4 Syntax: HELO hostname',
  startTlsSyntax: '501 5.5.4 Syntax: STARTTLS',
  mailSyntax: '501 5.5.4 Syntax: MAIL FROM:<address>',
  rcptSyntax: '501 5.5.4 Syntax: RCPT TO:<address>',
  dataSyntax: '501 5.5.4 Syntax: DATA',
  rsetSyntax: '501 5.5.4 Syntax: RSET',
  vrfySyntax: '501 5.5.4 Syntax: VRFY address',
  authSyntax: '501 5.5.4 Syntax: AUTH mechanism [initial-response]',
  badSender: '501 5.1.7 Bad sender address syntax',
  badRecipient: '501 5.1.3 Bad recipient address syntax',
  senderTooLong: '501 5.1.7 Sender path too long',
  recipientTooLong: '501 5.1.3 Recipient path too long',
  badSize: '501 5.5.4 Bad message size syntax',
  badBody: '501 5.5.4 Bad BODY keyword syntax',
  authAborted: '501 5.7.0 Authentication aborted',
  cannotDecode: '501 5.5.2 Cannot decode response',
  notImplemented: '502 5.5.1 Error: command not implemented',
  heloFirst: '503 5.5.1 Error: send HELO/EHLO first',
  needMail: '503 5.5.1 Error: need MAIL command',
  needRcpt: '503 5.5.1 Error: need RCPT command',
  nestedMail: '503 5.5.1 Error: nested MAIL command',
  authNotEnabled: '503 5.5.1 Error: authentication not enabled',
  alreadyAuthenticated: '503 5.5.1 Error: already authenticated',
  inTransaction: '503 5.5.1 Error: MAIL transaction in progress',
  badSequence: '503 5.5.1 Error: bad sequence of commands',
  unknownMechanism: '504 5.5.4 Unrecognized authentication type',
  startTlsFirst: '530 5.7.0 Must issue a STARTTLS command first',
  authRequired: '530 5.7.0 Authentication required',
  authFailed: '535 5.7.8 Error: authentication failed: authentication failure',
  sizeExceedsLimit: '552 5.3.4 Message size exceeds fixed limit',
  messageTooBig: '552 5.3.4 Error: message file too big',
  /** RFC 5321 §4.5.3.1.6 caps text lines at 1000 octets; X.6.0 is "other media error" (RFC 3463 §3.7). */
  dataLineTooLong: '554 5.6.0 Error: line too long',
  noValidRecipients: '554 5.5.1 Error: no valid recipients',
  tlsActive: '554 5.5.1 Error: TLS already active',
} as const;

/** After the final dot: the message is queued under this id (RFC 5321 §4.2.5: the server is now responsible). */
export function queued(queueId: string): string {
  return `250 2.0.0 Ok: queued as ${queueId}`;
}

/** RCPT for a domain this server does not serve, from a client that may not relay (RFC 5321 §3.6.2). */
export function relayDenied(address: string): string {
  return `554 5.7.1 <${address}>: Relay access denied`;
}

/** RCPT for a local mailbox that does not exist (RFC 5321 §3.3, RFC 3463 X.1.1). */
export function userUnknown(address: string): string {
  return `550 5.1.1 <${address}>: Recipient address rejected: User unknown in local recipient table`;
}

/**
 * RCPT for a mailbox already over its quota. RFC 3463 §3.3 wants X.2.2 "mailbox full" as a persistent transient
 * failure, so 452 4.2.2 (what Dovecot's LMTP answers with quota_full_tempfail = yes, lmtp-local.c; its default is
 * 552 5.2.2), in Postfix's framing of a recipient rejection and with Dovecot's quota_exceeded_message.
 */
export function mailboxFull(address: string): string {
  return `452 4.2.2 <${address}>: Recipient address rejected: Quota exceeded (mailbox for user is full)`;
}

/** After the final dot: the message would put this recipient over quota; nothing was stored (Dovecot LMTP's words). */
export function quotaExceeded(address: string): string {
  return `452 4.2.2 <${address}> Quota exceeded (mailbox for user is full)`;
}

/** The reply that ends a session after too many bad commands (Postfix smtpd.c, smtpd_hard_error_limit). */
export const TOO_MANY_ERRORS = `421 4.7.0 ${SERVER_HOST} Error: too many errors`;

/** A MAIL or RCPT parameter the server did not advertise (RFC 5321 §4.1.1.11, 555). */
export function unsupportedOption(raw: string): string {
  return `555 5.5.4 Unsupported option: ${echo(raw)}`;
}
