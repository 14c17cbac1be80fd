/** SMTP replies as text: building reply lines (RFC 5321 §4.2) and reading them back. */
/** One reply line: `250 2.1.0 Ok` is code 250, separator ' ', enhanced code 2.1.0, text "Ok". */
export interface ReplyLine {
  code: number;
  /** '-' on every line of a multi-line reply but the last; ' ' (or nothing) on the last (RFC 5321 §4.2.1). */
  separator: '-' | ' ' | '';
  /** The RFC 3463 enhanced status code, when the text starts with one. */
  enhanced: string | undefined;
  text: string;
}

/** A single-line reply: code, then the enhanced status code (RFC 2034, RFC 3463) when given, then the text. */
export function line(code: number, enhanced: string | undefined, text: string): string {
  return enhanced ? `${code} ${enhanced} ${text}` : `${code} ${text}`;
}

/**
 * A reply of several lines with the same code: '-' after the code on all but the last line (RFC 5321 §4.2.1).
 * With an enhanced code, every line repeats it (RFC 2034).
 */
export function multiline(code: number, enhanced: string | undefined, texts: readonly string[]): string[] {
  return texts.map((text, i) => {
    const sep = i < texts.length - 1 ? '-' : ' ';
    return `${code}${sep}${enhanced ? `${enhanced} ` : ''}${text}`;
  });
}

const REPLY = /^([2-5][0-9]{2})(?:([ -])(.*))?$/;
const ENHANCED = /^([245]\.[0-9]{1,3}\.[0-9]{1,3})(?: (.*))?$/;

/** Reads a reply line back into its parts, or undefined if it is not one (the inverse of `line`). */
export function parseReplyLine(text: string): ReplyLine | undefined {
  const m = REPLY.exec(text);
  if (!m) return undefined;
  const rest = m[3] ?? '';
  const e = ENHANCED.exec(rest);
  return {
    code: Number(m[1]),
    separator: (m[2] ?? '') as ReplyLine['separator'],
    enhanced: e ? e[1] : undefined,
    text: e ? (e[2] ?? '') : rest,
  };
}

const ECHO_MAX = 100;

/**
 * Client text made safe to repeat inside a reply: reply text is printable US-ASCII (RFC 5321 §4.2, textstring),
 * so anything else becomes '?'; cut short so the reply line stays well under 512 octets (§4.5.3.1.5).
 */
export function echo(text: string): string {
  const cut = text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX)}...` : text;
  let out = '';
  for (let i = 0; i < cut.length; i++) {
    const c = cut.charCodeAt(i);
    out += c >= 32 && c <= 126 ? cut[i] : '?';
  }
  return out;
}
