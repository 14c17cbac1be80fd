/**
 * Parsing POP3 command lines (RFC 1939 §3, RFC 2449 §3–§4). Nothing here throws: every input, however odd,
 * gives a result or an -ERR reply. Argument errors follow Dovecot 2.3's `get_msgnum()`/`get_size()` wording.
 */
import { POP3_VERBS, type Pop3Verb } from './types.ts';
import { echo } from './format.ts';

/** The longest command line in octets without CRLF: 255 with CRLF (RFC 2449 §4). */
export const MAX_COMMAND_OCTETS = 253;

/** The longest SASL response accepted, as Dovecot's login buffer (RFC 5034 §4 sets no limit for responses). */
export const MAX_SASL_RESPONSE_OCTETS = 8192;

/** Upper-cases ASCII letters only: keywords are ASCII and case-insensitive (RFC 1939 §3). */
export function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (s) => s.toUpperCase());
}

/** A command line split at its first space, as Dovecot does: the verb upper-cased, the rest unparsed. */
export interface CommandLine {
  verb: string;
  args: string;
  /** The verb when the server knows it. */
  known: Pop3Verb | undefined;
}

/** Splits a command line into verb and arguments (RFC 1939 §3: keyword, then arguments after a space). */
export function parseCommandLine(line: string): CommandLine {
  const space = line.indexOf(' ');
  const verb = asciiUpper(space < 0 ? line : line.slice(0, space));
  const args = space < 0 ? '' : line.slice(space + 1);
  const known = (POP3_VERBS as readonly string[]).includes(verb) ? (verb as Pop3Verb) : undefined;
  return { verb, args, known };
}

/** A parsed number argument, or the -ERR line that rejects it. */
export type NumberParse = { ok: true; value: number; rest: string } | { ok: false; reply: string };

const UINT_MAX = 4294967295;

/**
 * Reads a message number (RFC 1939 §5: "msg"), then expects a space when `thenSpace` (TOP) or the end of the
 * line. The number is not yet checked against the maildrop; see `checkMessageNumber`.
 */
export function parseMessageNumber(args: string, thenSpace: boolean): NumberParse {
  const m = /^[0-9]+/.exec(args);
  if (!m) return { ok: false, reply: `-ERR Invalid message number: ${echo(args)}` };
  const digits = m[0].replace(/^0+(?=.)/, '');
  // Dovecot reads the number as a 32-bit unsigned int.
  const value = digits.length > 10 ? Infinity : Number(digits);
  if (value > UINT_MAX) return { ok: false, reply: `-ERR Message number too large: ${echo(args)}` };
  const after = args.slice(m[0].length);
  if (thenSpace ? !after.startsWith(' ') : after !== '') {
    return { ok: false, reply: `-ERR Noise after message number: ${echo(after)}` };
  }
  return { ok: true, value, rest: after.replace(/^ +/, '') };
}

/** Reads TOP's line count (RFC 1939 §7: a non-negative number); huge counts mean "the whole body". */
export function parseLineCount(args: string): NumberParse {
  const m = /^[0-9]+/.exec(args);
  if (!m) return { ok: false, reply: `-ERR Invalid size: ${echo(args)}` };
  const digits = m[0].replace(/^0+(?=.)/, '');
  // Dovecot reads the count as a 64-bit unsigned number.
  if (digits.length > 20 || BigInt(digits) > 18446744073709551615n) {
    return { ok: false, reply: `-ERR Size too large: ${echo(args)}` };
  }
  const after = args.slice(m[0].length);
  if (after !== '') return { ok: false, reply: `-ERR Noise after size: ${echo(after)}` };
  return { ok: true, value: Number(digits), rest: '' };
}
