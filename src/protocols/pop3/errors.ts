/**
 * Dovecot's count of bad POP3 commands, which ends a session that sends little else. Before login the pop3-login
 * process counts unknown commands only and hangs up at the third in a row (src/pop3-login/client.c,
 * CLIENT_MAX_BAD_COMMANDS 3); after login the pop3 process counts every command that failed and hangs up after
 * the twentieth in a row (src/pop3/pop3-client.c, CLIENT_MAX_BAD_COMMANDS 20, `++bad_counter > 20`). A command
 * that works starts the count again; AUTH and its SASL lines are outside it; logging in starts a new process.
 */
import { REPLY } from './replies.ts';

/** Unknown commands in a row before login that end the session. */
export const PRE_LOGIN_BAD_LIMIT = 3;
/** Failed commands in a row after login that the server still answers; one more ends the session. */
export const BAD_LIMIT = 20;

/** What the session knew about one client line. */
export interface Pop3LineFacts {
  loggedInBefore: boolean;
  loggedInAfter: boolean;
  /** The line was AUTH or a SASL response. */
  sasl: boolean;
  replies: readonly string[];
}

/** One session's count of bad commands in a row. */
export class Pop3ErrorCount {
  #bad = 0;

  /** Takes one client line; returns the farewell when the session must end now, else undefined. */
  observe(f: Pop3LineFacts): string[] | undefined {
    const first = f.replies[0] ?? '';
    if (!f.loggedInBefore) {
      if (f.loggedInAfter) this.#bad = 0;
      if (f.sasl || f.loggedInAfter) return undefined;
      const unknown = first === REPLY.unknownBeforeLogin || first === REPLY.lineTooLong;
      this.#bad = unknown ? this.#bad + 1 : 0;
      return this.#bad >= PRE_LOGIN_BAD_LIMIT ? [REPLY.tooManyBadBeforeLogin] : undefined;
    }
    // Dovecot counts a repeated RETR of an expunged message only; every other -ERR after login counts here.
    this.#bad = first.startsWith('-ERR') ? this.#bad + 1 : 0;
    return this.#bad > BAD_LIMIT ? [REPLY.tooManyBad] : undefined;
  }
}
