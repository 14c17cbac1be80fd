/**
 * The replies a learner may predict for a POP3 command. Every POP3 response starts with +OK or -ERR (RFC 1939
 * §3); AUTH and each SASL response may also get a "+ " continuation with a challenge (RFC 5034 §4).
 */

const STATUS = ['+OK', '-ERR'];
const WITH_CHALLENGE = ['+', '+OK', '-ERR'];

/** The statuses a learner may predict for `line`, sent while the server `expects` a command or a SASL response. */
export function pop3ReplyChoices(line: string, expects: string): readonly string[] {
  if (expects === 'sasl') return WITH_CHALLENGE;
  return line.trim().split(/\s+/, 1)[0]!.toUpperCase() === 'AUTH' ? WITH_CHALLENGE : STATUS;
}

/** Whether a status means the command worked or goes on (+OK, "+"), RFC 1939 §3, RFC 5034 §4. */
export const pop3Succeeded = (status: string): boolean => status.startsWith('+');
