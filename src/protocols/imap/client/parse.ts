/**
 * Reading IMAP server responses as a client must (RFC 9051 §7, RFC 3501 §7): split the reply lines into
 * responses (a literal `{n}` carries the next n octets, across line breaks), then read the untagged updates a
 * mail list needs: EXISTS, EXPUNGE and FETCH with UID, FLAGS and ENVELOPE.
 */

/** A parsed value: an atom or number (string), a quoted string or literal (`{ s }`), NIL (null) or a list. */
export type Value = string | { s: string } | null | Value[];

/** What one untagged response tells a client about the selected mailbox. */
export type Update =
  | { kind: 'exists'; count: number }
  | { kind: 'expunge'; seq: number }
  | { kind: 'fetch'; seq: number; uid: number | undefined; flags: string[] | undefined; subject: string | undefined; from: string | undefined };

/** Joins reply lines back into responses: a line ending in `{n}` continues with n octets, then the rest. */
export function responses(lines: readonly string[]): string[] {
  const stream = lines.map((l) => `${l}\r\n`).join('');
  const out: string[] = [];
  let pos = 0;
  while (pos < stream.length) {
    let response = '';
    for (;;) {
      const eol = stream.indexOf('\r\n', pos);
      const line = stream.slice(pos, eol < 0 ? undefined : eol);
      response += line;
      pos = eol < 0 ? stream.length : eol + 2;
      const literal = /\{(\d+)\+?\}$/.exec(line);
      if (!literal || pos >= stream.length) break;
      const n = Number(literal[1]);
      response += `\r\n${stream.slice(pos, pos + n)}`;
      pos += n;
    }
    out.push(response);
  }
  return out;
}

/** Reads one value at `at`; returns it and the position after it. Tolerant: never throws. */
export function readValue(text: string, at: number): [Value, number] {
  let i = at;
  while (text[i] === ' ') i++;
  const c = text[i];
  if (c === '(') {
    const list: Value[] = [];
    i++;
    while (i < text.length && text[i] !== ')') {
      const before = i;
      const [v, next] = readValue(text, i);
      if (next === before) break;
      list.push(v);
      i = next;
      while (text[i] === ' ') i++;
    }
    return [list, i + 1];
  }
  if (c === '"') {
    let s = '';
    for (i++; i < text.length && text[i] !== '"'; i++) s += text[i] === '\\' ? text[++i] : text[i];
    return [{ s }, i + 1];
  }
  const literal = /^\{(\d+)\+?\}\r\n/.exec(text.slice(i, i + 24));
  if (literal) {
    const start = i + literal[0].length;
    const n = Number(literal[1]);
    return [{ s: text.slice(start, start + n) }, start + n];
  }
  // An atom; brackets may hold spaces, as in BODY[HEADER.FIELDS (SUBJECT)].
  let depth = 0;
  const start = i;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (depth <= 0 && (ch === ' ' || ch === '(' || ch === ')')) break;
  }
  const atom = text.slice(start, i);
  return [atom.toUpperCase() === 'NIL' ? null : atom, i];
}

const str = (v: Value | undefined): string | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? v.s : typeof v === 'string' ? v : undefined);

/** The first address of an ENVELOPE address list: its name, else mailbox@host (RFC 9051 §7.5.2). */
function firstAddress(v: Value | undefined): string | undefined {
  const addr = Array.isArray(v) ? v[0] : undefined;
  if (!Array.isArray(addr)) return undefined;
  const [name, , mailbox, host] = addr.map(str);
  return name || (mailbox && host ? `${mailbox}@${host}` : undefined);
}

/** The data items of a FETCH response, by upper-case name. */
function fetchItems(list: Value): Map<string, Value> {
  const items = new Map<string, Value>();
  if (!Array.isArray(list)) return items;
  for (let i = 0; i + 1 < list.length; i += 2) {
    const name = list[i];
    if (typeof name === 'string') items.set(name.toUpperCase(), list[i + 1]!);
  }
  return items;
}

/** The mailbox update an untagged response carries, or undefined for anything else. */
export function parseUpdate(response: string): Update | undefined {
  const m = /^\* (\d+) (EXISTS|EXPUNGE|FETCH)\b/i.exec(response);
  if (!m) return undefined;
  const n = Number(m[1]);
  const verb = m[2]!.toUpperCase();
  if (verb === 'EXISTS') return { kind: 'exists', count: n };
  if (verb === 'EXPUNGE') return { kind: 'expunge', seq: n };
  const items = fetchItems(readValue(response, m[0].length)[0]);
  const uid = str(items.get('UID'));
  const flags = items.get('FLAGS');
  const envelope = items.get('ENVELOPE');
  const env = Array.isArray(envelope) ? envelope : undefined;
  return {
    kind: 'fetch',
    seq: n,
    uid: uid === undefined ? undefined : Number(uid),
    flags: Array.isArray(flags) ? flags.map((f) => str(f) ?? '') : undefined,
    subject: env ? (str(env[1]) ?? '(no subject)') : undefined,
    from: env ? (firstAddress(env[2]) ?? '(unknown sender)') : undefined,
  };
}

/** The tagged status of a command: OK, NO or BAD, with the rest of the line. */
export function tagged(lines: readonly string[], tag: string): { status: string; text: string } | undefined {
  for (const line of responses(lines)) {
    const m = /^(\S+) (OK|NO|BAD)\b ?(.*)$/i.exec(line);
    if (m && m[1] === tag) return { status: m[2]!.toUpperCase(), text: m[3]! };
  }
  return undefined;
}
