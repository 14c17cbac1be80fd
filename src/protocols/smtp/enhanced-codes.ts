/** What enhanced status codes mean (RFC 3463, RFC 4954 §6), as the reference sheet's §2.2 lists them. */
import type { CodeMeaning } from './codes.ts';

/** The first number, the class (RFC 3463 §3.1). */
export const STATUS_CLASSES: Record<string, CodeMeaning> = {
  '2': { title: 'Success', text: 'The action succeeded.', rfc: 'RFC 3463 §3.1' },
  '4': { title: 'Persistent transient failure', text: 'The action failed for now; the same message may succeed later.', rfc: 'RFC 3463 §3.1' },
  '5': { title: 'Permanent failure', text: 'The action failed and will keep failing unless something changes.', rfc: 'RFC 3463 §3.1' },
};

/** The second number, the subject (RFC 3463 §3.2–§3.8). */
export const STATUS_SUBJECTS: Record<string, CodeMeaning> = {
  '0': { title: 'Other or undefined', text: 'No more specific subject applies.', rfc: 'RFC 3463 §3.1' },
  '1': { title: 'Addressing', text: 'About the sender or recipient address.', rfc: 'RFC 3463 §3.2' },
  '2': { title: 'Mailbox', text: 'About the recipient mailbox.', rfc: 'RFC 3463 §3.3' },
  '3': { title: 'Mail system', text: 'About the receiving mail system.', rfc: 'RFC 3463 §3.4' },
  '4': { title: 'Network and routing', text: 'About the network or message routing.', rfc: 'RFC 3463 §3.5' },
  '5': { title: 'Mail delivery protocol', text: 'About the SMTP dialogue itself.', rfc: 'RFC 3463 §3.6' },
  '6': { title: 'Message content or media', text: 'About the message content.', rfc: 'RFC 3463 §3.7' },
  '7': { title: 'Security or policy', text: 'About security, authentication or policy.', rfc: 'RFC 3463 §3.8' },
};

/** Subject and detail ("X.1.1"), whose meaning is the same in every class (RFC 3463 §2). */
export const STATUS_DETAILS: Record<string, CodeMeaning> = {
  'X.0.0': { title: 'Other undefined status', text: 'Nothing more specific to say: for a 2 class, simply "done".', rfc: 'RFC 3463 §3.1' },
  'X.1.0': { title: 'Other address status', text: 'About an address, here the sender of MAIL FROM.', rfc: 'RFC 3463 §3.2' },
  'X.1.1': { title: 'Bad destination mailbox address', text: 'No such mailbox: the local part is unknown at this domain.', rfc: 'RFC 3463 §3.2' },
  'X.1.3': { title: 'Bad destination mailbox address syntax', text: 'The recipient address is not a valid address.', rfc: 'RFC 3463 §3.2' },
  'X.1.5': { title: 'Destination address valid', text: 'The recipient address was accepted.', rfc: 'RFC 3463 §3.2' },
  'X.1.7': { title: "Bad sender's mailbox address syntax", text: 'The sender address is not a valid address.', rfc: 'RFC 3463 §3.2' },
  'X.2.2': { title: 'Mailbox full', text: 'The recipient has used up the quota of the mailbox; the message may go through once mail there is deleted.', rfc: 'RFC 3463 §3.3' },
  'X.3.0': { title: 'Other or undefined mail system status', text: 'Something went wrong inside the receiving mail system.', rfc: 'RFC 3463 §3.4' },
  'X.3.1': { title: 'Mail system full', text: 'The receiving system has no room for the message right now; try again later.', rfc: 'RFC 3463 §3.4' },
  'X.3.4': { title: 'Message too big for system', text: 'The message is larger than the server accepts.', rfc: 'RFC 3463 §3.4' },
  'X.4.2': { title: 'Bad connection', text: 'The connection broke down, e.g. the client went silent and the server timed out.', rfc: 'RFC 3463 §3.5' },
  'X.5.1': { title: 'Invalid command', text: 'The command is not valid here: out of sequence, not supported, or not implemented.', rfc: 'RFC 3463 §3.6' },
  'X.5.2': { title: 'Syntax error', text: 'The command could not be parsed.', rfc: 'RFC 3463 §3.6' },
  'X.5.3': { title: 'Too many recipients', text: 'More recipients than the server takes in one transaction; send the rest separately.', rfc: 'RFC 3463 §3.6' },
  'X.5.4': { title: 'Invalid command arguments', text: 'The command is valid but an argument or parameter is not.', rfc: 'RFC 3463 §3.6' },
  'X.5.6': { title: 'Authentication exchange line too long', text: 'A SASL response line was longer than the server accepts.', rfc: 'RFC 4954 §6' },
  'X.6.0': { title: 'Other or undefined media error', text: 'Something about the content made it unacceptable, here a line longer than 1000 octets.', rfc: 'RFC 3463 §3.7, RFC 5321 §4.5.3.1.6' },
  'X.7.0': { title: 'Other or undefined security status', text: 'A security or policy matter: authentication or TLS is needed, or (235 2.7.0) was satisfied, or (421 4.7.0) the client sent so many bad commands that the server hangs up.', rfc: 'RFC 3463 §3.8, RFC 4954 §6' },
  'X.7.1': { title: 'Delivery not authorized, message refused', text: 'Policy refuses the message or recipient, e.g. relaying is denied.', rfc: 'RFC 3463 §3.8' },
  'X.7.8': { title: 'Authentication credentials invalid', text: 'The user name or password was wrong.', rfc: 'RFC 4954 §6' },
  'X.7.9': { title: 'Authentication mechanism too weak', text: 'Policy requires a stronger SASL mechanism.', rfc: 'RFC 4954 §6' },
  'X.7.11': { title: 'Encryption required for mechanism', text: 'This mechanism may only be used over TLS.', rfc: 'RFC 4954 §6' },
  'X.7.12': { title: 'Password transition needed', text: 'The user must take one step, such as a password change, before this works.', rfc: 'RFC 4954 §6' },
};
