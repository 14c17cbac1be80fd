/**
 * Splitting a multipart body at its boundary delimiters (RFC 2046 §5.1.1). The line end before a delimiter line
 * belongs to the delimiter, so a part's content stops before it; the preamble and epilogue are dropped. Like
 * Dovecot, a delimiter line only needs to start with "--" and the boundary, and a body that never closes its last
 * part ends that part at the end of the body. One pass over the lines: linear in the body's length.
 */

/** The contents of the body parts, in order (none if no delimiter line appears). */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let start = -1;
  let pos = 0;
  while (pos <= body.length) {
    const nl = body.indexOf('\n', pos);
    const next = nl < 0 ? body.length : nl + 1;
    if (body.startsWith(delimiter, pos)) {
      if (start >= 0) parts.push(body.slice(start, contentEnd(body, pos)));
      if (body.startsWith('--', pos + delimiter.length)) return parts;
      start = next;
    }
    if (nl < 0) break;
    pos = next;
  }
  if (start >= 0) parts.push(body.slice(Math.min(start, body.length)));
  return parts;
}

/** Where a part's content ends: before the CRLF (or bare LF) that precedes the delimiter line at `line`. */
function contentEnd(body: string, line: number): number {
  if (line > 0 && body[line - 1] === '\n') return line > 1 && body[line - 2] === '\r' ? line - 2 : line - 1;
  return line;
}
