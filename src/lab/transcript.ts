/**
 * The lab's transcript on stdout: one line per protocol line or event, tagged with the listening port and the
 * session id, e.g. `[10587 s3] C: EHLO laptop`. `C:`/`S:` are plaintext lines, `C*:`/`S*:` lines that
 * travelled inside TLS, `--` events (connect, TLS handshake, close).
 */
import { requestLines, responseLines } from '../protocols/shared/http-text.ts';
import type { TranscriptEntry } from '../protocols/shared/session-types.ts';

/** Lines longer than this are shortened in the log (the session still gets every octet). */
export const LOG_LINE_CHARS = 400;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The prefix of every log line of one session: listening port and session id. */
export function sessionTag(port: number, sessionId: string): string {
  return `[${port} ${sessionId}]`;
}

/** A count of octets or lines as the transcript shows it: 9,437,184. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A binary-string line made safe for a terminal: valid UTF-8 is shown decoded, other octets above 0x7f as
 * `\xNN`, control characters (which could drive the terminal) as `\xNN` too; a line over `maxOctets` is cut
 * and says how much was left out, e.g. `[… 9,437,184 more octets]`.
 */
export function printable(line: string, maxOctets = LOG_LINE_CHARS): string {
  const cut = line.length > maxOctets;
  const bytes = Buffer.from(cut ? line.slice(0, maxOctets) : line, 'latin1');
  let text: string | undefined;
  let used = bytes.length;
  // A cut may split a UTF-8 sequence: give back up to three octets before falling back to escapes.
  for (let drop = 0; text === undefined && drop <= (cut ? Math.min(3, bytes.length) : 0); drop++) {
    try {
      text = utf8.decode(bytes.subarray(0, bytes.length - drop));
      used = bytes.length - drop;
    } catch {
      text = undefined;
    }
  }
  text ??= bytes.toString('latin1').replace(/[\x80-\xff]/g, (c) => hex(c));
  text = text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, (c) => hex(c));
  return cut ? `${text} [… ${count(line.length - used)} more octets]` : text;
}

function hex(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** One protocol line: `C:`/`S:` in plaintext, `C*:`/`S*:` inside TLS. */
export function formatLine(tag: string, who: 'client' | 'server', text: string, encrypted: boolean, maxOctets = LOG_LINE_CHARS): string {
  return `${tag} ${who === 'client' ? 'C' : 'S'}${encrypted ? '*' : ''}: ${printable(text, maxOctets)}`;
}

/** An event line, e.g. `[10587 s3] -- TLS handshake (TLSv1.3) --`. */
export function formatEvent(tag: string, text: string): string {
  return `${tag} -- ${text} --`;
}

/**
 * Log lines for a session's transcript entries. The session's own TLS and close events are left out: the lab
 * logs the real handshake and the real close itself, with what actually happened on the socket.
 */
export function formatEntries(tag: string, entries: readonly TranscriptEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    if (e.kind === 'client' || e.kind === 'server') out.push(formatLine(tag, e.kind, e.text, e.encrypted));
    // An HTTP message is shown as it went over the wire: start line, header fields, empty line, body.
    else if (e.kind === 'request') out.push(...requestLines(e.request).map((l) => formatLine(tag, 'client', l, e.encrypted)));
    else if (e.kind === 'response') out.push(...responseLines(e.response).map((l) => formatLine(tag, 'server', l, e.encrypted)));
  }
  return out;
}
