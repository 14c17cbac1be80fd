/**
 * The replies a learner may predict for an SMTP command: the codes RFC 5321 §4.3.2 lists for it (success,
 * intermediate and error), narrowed to those a learner could reasonably expect, with the codes the extensions
 * add where they apply (STARTTLS: RFC 3207 §4; AUTH and "authentication required": RFC 4954 §4, §6).
 */

/** Codes a learner may expect for each command verb. */
const BY_VERB: Record<string, readonly string[]> = {
  // §4.3.2: "S: 250  E: 504, 550, 502"; 501 for a missing or bad domain (§4.3.2's "any command" codes).
  EHLO: ['250', '501', '502', '550'],
  HELO: ['250', '501', '502', '550'],
  // RFC 3207 §4: 220 ready, 501 syntax, 454 TLS not available; 503 (or Postfix's 554) when TLS is already on.
  STARTTLS: ['220', '454', '501', '503', '554'],
  // RFC 4954 §4, §6: 235 done, 334 a challenge follows; 503 AUTH not offered or already done, 504 unknown
  // mechanism, 530 TLS first, 535 bad credentials.
  AUTH: ['235', '334', '503', '504', '530', '535'],
  // §4.3.2: "S: 250  E: 552, 451, 452, 550, 553, 503, 455, 555"; RFC 4954 §6: 530 on a port that needs a login.
  MAIL: ['250', '451', '503', '530', '550', '552', '553'],
  // §4.3.2: "S: 250, 251  E: 550, 551, 552, 553, 450, 451, 452, 503, 455, 555"; 554 for relaying denied (§3.6.2).
  RCPT: ['250', '251', '450', '452', '503', '550', '554'],
  // §4.3.2: "I: 354  E: 503, 554" (554: no valid recipients, §3.3); 530 before a login on a submission port.
  DATA: ['354', '451', '503', '530', '554'],
  // §4.3.2: RSET and NOOP only succeed; 501 if arguments are given (RSET takes none).
  RSET: ['250', '501', '503'],
  NOOP: ['250', '500', '502'],
  // §4.3.2: "S: 250, 251, 252  E: 550, 551, 553, 502, 504".
  VRFY: ['250', '252', '502', '550', '551'],
  // §4.3.2: "S: 250, 252  E: 550, 500, 502, 504".
  EXPN: ['250', '252', '500', '502', '550'],
  // §4.3.2: "S: 211, 214  E: 502, 504".
  HELP: ['211', '214', '502', '504'],
  // §4.3.2 lists only "S: 221"; 250 is offered because learners often expect a plain "OK" to a goodbye.
  QUIT: ['221', '250', '421', '500'],
};

// After "DATA" and its 354: the lone "." ends the message. §4.3.2: "S: 250  E: 552, 554, 451, 452, 450, 550".
const END_OF_DATA = ['250', '450', '451', '452', '552', '554'];
// A SASL response (RFC 4954 §4): another challenge, success, bad credentials, undecodable base64, aborted.
const SASL_RESPONSE = ['235', '334', '501', '535'];
// Anything else: the codes §4.3.2 says any command may get (500, 501, 421), and 502 for a known, unimplemented one.
const UNKNOWN = ['250', '421', '500', '501', '502'];

/**
 * The codes a learner may predict for `line`, sent while the server `expects` a command, message data or a
 * SASL response. Undefined for a line inside the message text, which gets no reply at all (§4.1.1.4).
 */
export function smtpReplyChoices(line: string, expects: string): readonly string[] | undefined {
  if (expects === 'data') return line === '.' ? END_OF_DATA : undefined;
  if (expects === 'sasl') return SASL_RESPONSE;
  const verb = line.trim().split(/[\s:]/, 1)[0]!.toUpperCase();
  return Object.hasOwn(BY_VERB, verb) ? BY_VERB[verb] : UNKNOWN;
}

/** Whether a reply code means the command worked (2yz) or was accepted pending more (3yz), RFC 5321 §4.2.1. */
export const smtpSucceeded = (code: string): boolean => code.startsWith('2') || code.startsWith('3');
