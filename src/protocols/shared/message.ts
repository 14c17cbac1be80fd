/** Minimal RFC 5322 message handling shared by the servers: header/body split and header lookup. */

/** A message as stored: its raw octets as a string (one char per octet), lines ending in CRLF. */
export type RawMessage = string;

/** Splits a message at the first empty line (RFC 5322 §2.1): the header keeps its final CRLF. */
export function splitMessage(raw: RawMessage): { header: string; body: string } {
  if (raw.startsWith('\r\n')) return { header: '', body: raw.slice(2) };
  const at = raw.indexOf('\r\n\r\n');
  if (at < 0) return { header: raw.endsWith('\r\n') ? raw : `${raw}\r\n`, body: '' };
  return { header: raw.slice(0, at + 2), body: raw.slice(at + 4) };
}

/** Header fields in order, unfolded (RFC 5322 §2.2.3), with names as written. */
export function headerFields(header: string): Array<{ name: string; value: string }> {
  const fields: Array<{ name: string; value: string }> = [];
  for (const line of header.split('\r\n')) {
    if (line === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && fields.length > 0) {
      fields[fields.length - 1]!.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) fields.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

/** The first value of a header field, matched case-insensitively, or undefined. */
export function headerValue(raw: RawMessage, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headerFields(splitMessage(raw).header).find((f) => f.name.toLowerCase() === lower)?.value;
}

/** Joins lines into a stored message: every line ends in CRLF. */
export function fromLines(lines: readonly string[]): RawMessage {
  return lines.map((l) => `${l}\r\n`).join('');
}

/** The message's lines without their CRLF (the last, empty piece after the final CRLF dropped). */
export function toLines(raw: RawMessage): string[] {
  const lines = raw.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Size in octets, as RFC822.SIZE, POP3 LIST and SMTP SIZE count it. */
export function octets(raw: RawMessage): number {
  return raw.length;
}

/**
 * Pieces joined into one flat string. Text built by repeated `+` is a rope in JavaScript engines, which costs
 * about twice its octets until something flattens it; a stored message is joined once instead.
 */
export function joinOctets(pieces: readonly string[]): RawMessage {
  return pieces.join('');
}
