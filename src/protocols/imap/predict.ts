/**
 * The replies a learner may predict for an IMAP command: the tagged status that completes it, OK, NO or BAD
 * (RFC 3501 §7.1), and for the commands that wait for more from the client, a "+" continuation first
 * (RFC 3501 §7.5: AUTHENTICATE, IDLE, and APPEND with its literal).
 */

const STATUS = ['OK', 'NO', 'BAD'];
const WITH_CONTINUATION = ['+', 'OK', 'NO', 'BAD'];
const CONTINUED = new Set(['AUTHENTICATE', 'IDLE', 'APPEND']);

/** The replies a learner may predict for `line` (a tagged command, DONE, or a SASL response). */
export function imapReplyChoices(line: string, expects: string): readonly string[] {
  if (expects === 'sasl') return WITH_CONTINUATION;
  const verb = line.trim().split(/\s+/, 2)[1]?.toUpperCase() ?? '';
  return CONTINUED.has(verb) ? WITH_CONTINUATION : STATUS;
}

/** Whether a status means the command worked or goes on (OK, "+"); NO and BAD are failures (RFC 3501 §7.1). */
export const imapSucceeded = (status: string): boolean => status === 'OK' || status === '+';
