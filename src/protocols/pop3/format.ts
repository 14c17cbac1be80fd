/**
 * Formatting POP3 responses (RFC 1939 §3): single lines, multi-line responses ending in a lone ".", and
 * byte-stuffing of data lines that begin with ".".
 */

/** The line that ends every multi-line response (RFC 1939 §3). */
export const TERMINATOR = '.';

/**
 * Client text echoed inside a reply. Control characters become "?" so that a reply stays one line on the
 * wire however the client's line was built (Dovecot never sees them: it splits input at LF).
 */
export function echo(text: string): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '?');
}

/** Byte-stuffs one data line: a line that begins with "." gets one more "." in front (RFC 1939 §3). */
export function byteStuff(line: string): string {
  return line.startsWith('.') ? `.${line}` : line;
}

/** Removes byte-stuffing, as a client does (RFC 1939 §3); the inverse of `byteStuff`. */
export function unstuff(line: string): string {
  return line.startsWith('.') ? line.slice(1) : line;
}

/** A multi-line response: the status line, the data lines byte-stuffed, then the terminator (RFC 1939 §3). */
export function multiLine(status: string, data: readonly string[]): string[] {
  return [status, ...data.map(byteStuff), TERMINATOR];
}

/** The lines of a stored message. A bare LF also ends a line, as Dovecot adds the missing CR when sending. */
export function messageLines(raw: string): string[] {
  const lines = raw.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * What TOP sends (RFC 1939 §7): the header lines, the empty line after them, then at most `bodyLines` lines
 * of the body. A message without an empty line is all header.
 */
export function topLines(raw: string, bodyLines: number): string[] {
  const lines = messageLines(raw);
  const blank = lines.indexOf('');
  return blank < 0 ? lines : lines.slice(0, blank + 1 + bodyLines);
}

/**
 * A UIDL unique-id (RFC 1939 §7) in Dovecot's default format `%08Xu%08Xv`: the UID and UIDVALIDITY as eight
 * hex digits each (lower case, as the captures show). It survives across sessions because both parts do.
 */
export function uidlString(uid: number, uidValidity: number): string {
  const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex8(uid)}${hex8(uidValidity)}`;
}
