/**
 * Postfix's count of bad commands in one SMTP session (smtpd.c, smtpd_proto()): every command answered with a
 * 4xx or 5xx counts, and so does each HELO, EHLO, NOOP, RSET or VRFY beyond smtpd_junk_command_limit; a message
 * accepted after DATA forgives them all. Once the count reaches smtpd_hard_error_limit the server says 421 and
 * hangs up, before it reads another command.
 */
import { HARD_ERROR_LIMIT, JUNK_COMMAND_LIMIT } from './limits.ts';
import { TOO_MANY_ERRORS } from './replies.ts';

// The commands Postfix flags SMTPD_CMD_FLAG_LIMIT (ETRN too, which this server answers 502, an error anyway).
const JUNK = new Set(['HELO', 'EHLO', 'NOOP', 'RSET', 'VRFY', 'ETRN']);
const QUEUED = /^250 2\.0\.0 Ok: queued as /;

/** One session's error and junk counts. */
export class SmtpErrorCount {
  #errors = 0;
  #junk = 0;

  /** Bad commands counted so far. */
  get errors(): number {
    return this.#errors;
  }

  /**
   * Takes one client line's verb ('' for a line of message or SASL text) and the replies it got; returns the
   * farewell when the session must end now, else undefined. Lines without a reply (inside DATA) count nothing.
   */
  observe(verb: string, replies: readonly string[]): string[] | undefined {
    const first = replies[0];
    if (first === undefined) return undefined;
    if (QUEUED.test(first)) {
      // smtpd.c data_cmd(): "Forgive any previous client errors when a message was received successfully."
      this.#errors = 0;
      this.#junk = 0;
      return undefined;
    }
    if (first[0] === '4' || first[0] === '5') this.#errors += 1;
    if (JUNK.has(verb) && this.#junk++ > JUNK_COMMAND_LIMIT) this.#errors += 1;
    return this.#errors >= HARD_ERROR_LIMIT ? [TOO_MANY_ERRORS] : undefined;
  }
}
