/** What each basic SMTP reply code means: RFC 5321 §4.2.1 (digits) and §4.2.3 (codes), plus the extensions' codes. */

/** One code's meaning: a short title, one or two plain sentences, and where the RFC defines it. */
export interface CodeMeaning {
  title: string;
  text: string;
  rfc: string;
}

/** The first digit (RFC 5321 §4.2.1), keyed as the RFC writes it: "2yz". */
export const REPLY_CLASSES: Record<string, CodeMeaning> = {
  '2yz': { title: 'Positive completion', text: 'The command worked; the client may send the next one.', rfc: 'RFC 5321 §4.2.1' },
  '3yz': { title: 'Positive intermediate', text: 'The command was accepted but the server needs more: the message text after 354, a SASL response after 334.', rfc: 'RFC 5321 §4.2.1' },
  '4yz': { title: 'Transient negative completion', text: 'The command failed this time but may work later; the client should try again unchanged.', rfc: 'RFC 5321 §4.2.1' },
  '5yz': { title: 'Permanent negative completion', text: 'The command failed and will fail again if repeated unchanged; the client must not simply retry.', rfc: 'RFC 5321 §4.2.1' },
};

/** The second digit (RFC 5321 §4.2.1), keyed "x0z". */
export const REPLY_CATEGORIES: Record<string, CodeMeaning> = {
  x0z: { title: 'Syntax', text: 'The reply is about syntax: a command that is wrong, unknown or not implemented.', rfc: 'RFC 5321 §4.2.1' },
  x1z: { title: 'Information', text: 'The reply answers a request for information, such as status or help.', rfc: 'RFC 5321 §4.2.1' },
  x2z: { title: 'Connections', text: 'The reply is about the transmission channel: opening or closing it.', rfc: 'RFC 5321 §4.2.1' },
  x3z: { title: 'Unspecified', text: 'RFC 5321 leaves this second digit unassigned; the AUTH extension uses it (235, 334, 530, 535).', rfc: 'RFC 5321 §4.2.1' },
  x4z: { title: 'Unspecified', text: 'RFC 5321 leaves this second digit unassigned; STARTTLS and AUTH use it for temporary failures (454).', rfc: 'RFC 5321 §4.2.1' },
  x5z: { title: 'Mail system', text: 'The reply is about the receiver mail system: a mailbox, the message, or the transaction.', rfc: 'RFC 5321 §4.2.1' },
};

/** Every code of RFC 5321 §4.2.3 and the codes STARTTLS (RFC 3207 §4) and AUTH (RFC 4954) add. */
export const REPLY_CODES: Record<string, CodeMeaning> = {
  '211': { title: 'System status', text: 'A system status or help reply.', rfc: 'RFC 5321 §4.2.3' },
  '214': { title: 'Help message', text: 'Help for a human reader, answering HELP.', rfc: 'RFC 5321 §4.1.1.8, §4.2.3' },
  '220': { title: 'Service ready', text: 'The greeting: the server is ready. After STARTTLS it means "start the TLS handshake now".', rfc: 'RFC 5321 §4.2.3, RFC 3207 §4' },
  '221': { title: 'Closing', text: 'The server closes the connection, usually answering QUIT.', rfc: 'RFC 5321 §4.1.1.10, §4.2.3' },
  '235': { title: 'Authentication successful', text: 'AUTH worked: the session is now authenticated as that user.', rfc: 'RFC 4954 §6' },
  '250': { title: 'OK', text: 'The requested action was completed. After the final dot of DATA it means the server took responsibility for the message.', rfc: 'RFC 5321 §4.2.3, §4.2.5' },
  '251': { title: 'User not local; will forward', text: 'The recipient is elsewhere and the server will forward the message.', rfc: 'RFC 5321 §3.4, §4.2.3' },
  '252': { title: 'Cannot verify, will try', text: 'The server will not say whether the mailbox exists but will accept mail for it and try to deliver.', rfc: 'RFC 5321 §3.5.3, §7.3' },
  '334': { title: 'SASL challenge', text: 'The server sends a base64 challenge (possibly empty) and waits for the client\'s base64 response, or "*" to cancel.', rfc: 'RFC 4954 §4' },
  '354': { title: 'Start mail input', text: 'Send the message now, line by line, and end it with a line holding only a dot.', rfc: 'RFC 5321 §4.1.1.4, §4.2.3' },
  '421': { title: 'Service not available', text: 'The server is closing the connection, for example after an idle timeout.', rfc: 'RFC 5321 §3.8, §4.2.3' },
  '432': { title: 'Password transition needed', text: 'The user must change password or use a stronger mechanism once before this one works.', rfc: 'RFC 4954 §6' },
  '450': { title: 'Mailbox unavailable (temporary)', text: 'The mailbox is busy or temporarily blocked by policy; try later.', rfc: 'RFC 5321 §4.2.3' },
  '451': { title: 'Local error', text: 'The server failed while processing; the action was aborted and may be retried later.', rfc: 'RFC 5321 §4.2.3' },
  '452': { title: 'Insufficient storage / too many recipients', text: 'The server cannot take this now; after RCPT it means too many recipients, so send the rest in another transaction.', rfc: 'RFC 5321 §4.2.3, §4.5.3.1.10' },
  '454': { title: 'Temporary TLS or authentication failure', text: 'TLS is not available right now (STARTTLS) or authentication failed for a temporary reason (AUTH).', rfc: 'RFC 3207 §4, RFC 4954 §6' },
  '455': { title: 'Cannot accommodate parameters', text: 'The server cannot accept the MAIL or RCPT parameters at this time.', rfc: 'RFC 5321 §4.2.3' },
  '500': { title: 'Syntax error, command unrecognized', text: 'The server does not know this command, or the line was too long.', rfc: 'RFC 5321 §4.2.3, §4.2.4' },
  '501': { title: 'Syntax error in arguments', text: 'The command is known but its arguments are wrong or missing.', rfc: 'RFC 5321 §4.2.3' },
  '502': { title: 'Command not implemented', text: 'The server recognises the command but does not implement it.', rfc: 'RFC 5321 §4.2.3, §4.2.4' },
  '503': { title: 'Bad sequence of commands', text: 'The command is not allowed at this point of the dialogue, e.g. RCPT before MAIL.', rfc: 'RFC 5321 §4.1.4, §4.2.3' },
  '504': { title: 'Parameter not implemented', text: 'A command parameter is not implemented, e.g. an AUTH mechanism the server does not offer.', rfc: 'RFC 5321 §4.2.3, RFC 4954 §4' },
  '530': { title: 'Authentication or TLS required', text: 'The server requires STARTTLS or AUTH before this command.', rfc: 'RFC 4954 §6, RFC 3207 §4' },
  '534': { title: 'Mechanism too weak', text: 'The server\'s policy does not allow this SASL mechanism.', rfc: 'RFC 4954 §6' },
  '535': { title: 'Credentials invalid', text: 'The user name or password was wrong.', rfc: 'RFC 4954 §6' },
  '538': { title: 'Encryption required for mechanism', text: 'This SASL mechanism is allowed only over an encrypted connection.', rfc: 'RFC 4954 §6' },
  '550': { title: 'Mailbox unavailable', text: 'The mailbox does not exist or the server refuses it by policy; do not retry unchanged.', rfc: 'RFC 5321 §4.2.3' },
  '551': { title: 'User not local', text: 'The recipient is not here; the reply may say where to try instead.', rfc: 'RFC 5321 §3.4, §4.2.3' },
  '552': { title: 'Exceeded storage allocation', text: 'The message is too big for the server\'s limit.', rfc: 'RFC 5321 §4.2.3, RFC 1870 §6' },
  '553': { title: 'Mailbox name not allowed', text: 'The mailbox name is not acceptable, e.g. bad syntax.', rfc: 'RFC 5321 §4.2.3' },
  '554': { title: 'Transaction failed', text: 'The command or message was refused, e.g. relaying denied or no valid recipients. As a greeting it means "no SMTP service here".', rfc: 'RFC 5321 §3.1, §4.2.3' },
  '555': { title: 'Parameters not recognized', text: 'A MAIL FROM or RCPT TO parameter is unknown or not implemented.', rfc: 'RFC 5321 §4.1.1.11, §4.2.3' },
};
