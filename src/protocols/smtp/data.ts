/**
 * The message text after DATA (RFC 5321 §4.1.1.4, §4.5.2): a line holding only "." ends it, and one leading dot
 * is removed from any other line that starts with a dot. Memory stays bounded: once the message is over the
 * size limit, or a line broke the 1000-octet limit, the text is no longer kept, only counted.
 */
import { MESSAGE_SIZE_LIMIT, TEXT_LINE_OCTETS } from './limits.ts';

/** The message received so far. */
export interface MessageBuffer {
  /** The text, lines ending in CRLF, dots unstuffed; emptied once the message cannot be accepted. */
  content: string;
  /** Octets received, CRLFs counted, transparency dots not (RFC 1870 §6). */
  octets: number;
  /** Over MESSAGE_SIZE_LIMIT: refuse with 552 (RFC 1870 §6). */
  overSize: boolean;
  /** A line over TEXT_LINE_OCTETS (RFC 5321 §4.5.3.1.6): refuse with 554. */
  lineTooLong: boolean;
}

/** A buffer with nothing in it. */
export const EMPTY_MESSAGE: MessageBuffer = { content: '', octets: 0, overSize: false, lineTooLong: false };

/** Whether the line ends the message (RFC 5321 §4.1.1.4). */
export function isEndOfData(line: string): boolean {
  return line === '.';
}

/** The buffer with one more text line. */
export function appendLine(buffer: MessageBuffer, line: string, limit = MESSAGE_SIZE_LIMIT): MessageBuffer {
  const text = line.startsWith('.') ? line.slice(1) : line;
  const octets = buffer.octets + text.length + 2;
  const overSize = buffer.overSize || octets > limit;
  const lineTooLong = buffer.lineTooLong || text.length + 2 > TEXT_LINE_OCTETS;
  const keep = !overSize && !lineTooLong;
  return { content: keep ? `${buffer.content}${text}\r\n` : '', octets, overSize, lineTooLong };
}

/** How the message ends: accepted, or which limit it broke (size first, as the bigger problem). */
export function messageOutcome(buffer: MessageBuffer): 'ok' | 'tooBig' | 'lineTooLong' {
  if (buffer.overSize) return 'tooBig';
  return buffer.lineTooLong ? 'lineTooLong' : 'ok';
}
