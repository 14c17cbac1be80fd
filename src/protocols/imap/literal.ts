/**
 * Literals across lines (RFC 3501 §4.3, RFC 7888). A command line ending in "{n}" or "{n+}" continues with
 * exactly n octets, counted over the following lines with their CRLFs, and then with the rest of the command
 * line, which may sit on the line where the octets end or, when they end with a CRLF, on the next line.
 */
import type { PendingLiteral } from './session-state.ts';
import type { OpenLiteral } from './tokenize.ts';

/** The longest command line the server reads, literals included: Dovecot's imap_max_line_length is 64 KiB. */
export const MAX_COMMAND_OCTETS = 65536;

/** Starts waiting for a literal's octets; `discard` reads them only to keep them from being taken for commands. */
export function beginLiteral(c: { tag: string; verb: string; line: string }, text: string, open: OpenLiteral, discard: boolean): PendingLiteral {
  return { tag: c.tag, verb: c.verb, line: c.line, text: discard ? '' : `${text}\r\n`, need: open.size, awaitingRest: open.size === 0, discard };
}

/**
 * Takes one more line. Either the literal still needs octets (`pending`), or the command line is complete and
 * `done` holds its arguments with the literal in place (which may end in a further open literal).
 */
export function feedLiteral(p: PendingLiteral, line: string): { pending: PendingLiteral } | { done: string } {
  let text = p.text;
  let rest: string;
  if (p.awaitingRest) {
    rest = line;
  } else {
    const available = line.length + 2;
    if (p.need >= available) {
      if (!p.discard) text += `${line}\r\n`;
      const need = p.need - available;
      return { pending: { ...p, text, need, awaitingRest: need === 0 } };
    }
    if (!p.discard) text += `${line}\r\n`.slice(0, p.need);
    // If the octets end between CR and LF, the lone LF that follows ends the command line.
    rest = p.need <= line.length ? line.slice(p.need) : '';
  }
  return { done: p.discard ? rest : text + rest };
}

/** The octets a pending literal can still take on one line, so a long literal line is not refused as too long. */
export function literalLineLimit(p: PendingLiteral | undefined): number {
  return MAX_COMMAND_OCTETS + (p && !p.awaitingRest ? p.need : 0);
}
