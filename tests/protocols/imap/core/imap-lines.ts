/**
 * Test helpers that read server lines as IMAP responses (RFC 3501 §7, §9), independently of the server code:
 * a line grammar that follows literals across lines, and the "shape" of a reply (tag, status, response code,
 * untagged response name) for comparing the simulator with the reference captures.
 */

const TAG = /^[\x21\x23\x24\x26\x27\x2c-\x5b\x5d-\x7a\x7c-\x7e]+$/;
const CODE = /^\[[A-Z][A-Z0-9-]*(?: [^\]]*)?\]$/;
const STATUS = /^(OK|NO|BAD|BYE|PREAUTH)(?: (\[[^\]]*\]))?(?: .*)?$/;
const NUMBERED = /^\d+ (EXISTS|RECENT|EXPUNGE)$/;
const FETCH = /^\d+ FETCH \(/;
const DATA = /^(CAPABILITY|LIST|LSUB|STATUS|SEARCH|FLAGS|NAMESPACE|ID|ENABLED)(?: .*)?$/;
const LITERAL_END = /\{(\d+)\}$/;

/** One response: its first line, with any literal octets and continuation lines attached. */
export interface Response {
  first: string;
  lines: string[];
}

/** Groups lines into responses: a line ending in "{n}" carries n octets over the following lines (CRLF counted). */
export function responses(lines: readonly string[]): Response[] {
  const out: Response[] = [];
  let current: Response | undefined;
  let need = 0;
  // The literal ended with a CRLF: the next line is the rest of the same response.
  let restPending = false;
  const literalAt = (text: string) => {
    const m = LITERAL_END.exec(text);
    need = m ? Number(m[1]) : 0;
    restPending = m !== null && need === 0;
  };
  for (const line of lines) {
    if (current && need > 0) {
      current.lines.push(line);
      if (line.length + 2 <= need) {
        need -= line.length + 2;
        restPending = need === 0;
      } else {
        literalAt(line.slice(need));
      }
    } else if (current && restPending) {
      current.lines.push(line);
      literalAt(line);
    } else {
      current = { first: line, lines: [line] };
      out.push(current);
      literalAt(line);
    }
  }
  return out;
}

/** Why a reply line breaks the response grammar, or undefined when it fits. `tags` are the tags the client sent. */
export function grammarError(r: Response, tags: ReadonlySet<string>): string | undefined {
  const line = r.first;
  if (/[\r\n\0]/.test(line)) return `CR, LF or NUL inside a response line: ${JSON.stringify(line)}`;
  if (line === '+' || line.startsWith('+ ')) return undefined;
  if (line.startsWith('* ')) {
    const rest = line.slice(2);
    const status = STATUS.exec(rest);
    if (status) return status[2] === undefined || CODE.test(status[2]) ? undefined : `bad response code in ${line}`;
    if (NUMBERED.test(rest) || FETCH.test(rest) || DATA.test(rest)) return undefined;
    return `unknown untagged response: ${line}`;
  }
  const sp = line.indexOf(' ');
  const tag = line.slice(0, sp);
  if (sp < 1 || !TAG.test(tag)) return `no tag: ${line}`;
  if (!tags.has(tag)) return `tag never sent: ${line}`;
  const status = /^(OK|NO|BAD)(?: (\[[^\]]*\]))?(?: .+)$/.exec(line.slice(sp + 1));
  if (!status) return `bad tagged status: ${line}`;
  return status[2] === undefined || CODE.test(status[2]) ? undefined : `bad response code in ${line}`;
}

/** "a011 OK [READ-WRITE]", "* OK [UNSEEN]", "* EXISTS", "* FETCH", "+": what must match the capture. */
export function shape(r: Response): string {
  const line = r.first;
  if (line.startsWith('+')) return '+';
  const sp = line.indexOf(' ');
  const who = line.slice(0, sp);
  const rest = line.slice(sp + 1);
  const numbered = /^\d+ ([A-Z]+)/.exec(rest);
  if (who === '*' && numbered) return `* ${numbered[1]}`;
  const status = /^([A-Z]+)(?: \[([A-Z][A-Z0-9-]*))?/.exec(rest);
  if (!status) return who;
  return status[2] ? `${who} ${status[1]} [${status[2]}]` : `${who} ${status[1]}`;
}

/** Shapes of a reply with runs of the same shape folded into one (lists and FETCH runs differ in length only). */
export function shapes(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of responses(lines).map(shape)) if (out.at(-1) !== s) out.push(s);
  return out;
}
