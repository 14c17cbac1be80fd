/**
 * A message's MIME tree (RFC 2045, RFC 2046): headers, content type and parameters, transfer encoding,
 * disposition, multipart children and encapsulated message/rfc822 messages. Built once per stored message and
 * cached. Never throws: a syntactically invalid Content-Type, or a multipart without a usable boundary, falls back
 * to text/plain as RFC 2045 §5.2 recommends.
 */
import type { StoredMessage } from '../shared/world.ts';
import { fieldValue, paramValue, parseFields, parseParamHeader, splitEntity, type HeaderField, type MimeParam } from './mime-header.ts';
import { splitMultipart } from './mime-multipart.ts';

export type { HeaderField, MimeParam } from './mime-header.ts';

/** One MIME entity: a whole message, a body part, or a message encapsulated in a message/rfc822 part. */
export interface MimePart {
  /** The entity's octets (header and body). */
  raw: string;
  /** Header octets, including the empty line that ends them when present. */
  header: string;
  /** Body octets; for a multipart, the preamble, the parts with their delimiters and the epilogue. */
  body: string;
  hasBlankLine: boolean;
  fields: HeaderField[];
  /** Media type and subtype as written (Dovecot keeps the case), e.g. "text" and "plain". */
  type: string;
  subtype: string;
  /** Content-Type parameters as written, without the default charset (the renderer adds it). */
  params: MimeParam[];
  id: string | undefined;
  description: string | undefined;
  /** Content-Transfer-Encoding token, or undefined for the 7bit default. */
  encoding: string | undefined;
  md5: string | undefined;
  disposition: { value: string; params: MimeParam[] } | undefined;
  language: string[] | undefined;
  location: string | undefined;
  /** Whether the part is a multipart (its children are in `parts`, possibly none when no delimiter was found). */
  multipart: boolean;
  parts: MimePart[];
  /** The encapsulated message of a message/rfc822 part. */
  message: MimePart | undefined;
}

// Dovecot's defaults for message_max_nested_mime_parts and message_max_total_mime_parts: beyond them a multipart
// or message/rfc822 part is kept as a leaf, which also bounds recursion on hostile input.
const MAX_DEPTH = 100;
const MAX_PARTS = 10000;

interface Budget {
  parts: number;
}

/** Parses a message into its MIME tree. */
export function parseMime(raw: string): MimePart {
  return parseEntity(raw, { mime: false, defaultType: ['text', 'plain'], depth: 0 }, { parts: 0 });
}

const cache = new WeakMap<StoredMessage, MimePart>();

/** The MIME tree of a stored message, parsed once (stored octets never change). */
export function mimeOf(message: StoredMessage): MimePart {
  let tree = cache.get(message);
  if (!tree) {
    tree = parseMime(message.raw);
    cache.set(message, tree);
  }
  return tree;
}

interface Context {
  /** Whether Content-* fields count without a MIME-Version field: true inside a multipart or encapsulated message. */
  mime: boolean;
  /** text/plain, or message/rfc822 inside multipart/digest (RFC 2046 §5.1.5). */
  defaultType: [string, string];
  depth: number;
}

function parseEntity(raw: string, ctx: Context, budget: Budget): MimePart {
  budget.parts += 1;
  const { header, body, hasBlankLine } = splitEntity(raw);
  const fields = parseFields(header);
  // RFC 2045 §4: without MIME-Version a top-level message is not MIME; Dovecot then ignores its Content-* fields.
  const isMime = ctx.mime || fieldValue(fields, 'MIME-Version') !== undefined;
  const get = (name: string) => (isMime ? fieldValue(fields, name) : undefined);
  const part: MimePart = {
    raw, header, body, hasBlankLine, fields,
    type: ctx.defaultType[0], subtype: ctx.defaultType[1], params: [],
    id: get('Content-ID'), description: get('Content-Description'), encoding: undefined, md5: get('Content-MD5'),
    disposition: undefined, language: undefined, location: get('Content-Location'),
    multipart: false, parts: [], message: undefined,
  };
  const contentType = get('Content-Type');
  const ct = contentType === undefined ? undefined : parseParamHeader(contentType, true);
  if (ct) {
    const slash = ct.value.indexOf('/');
    part.type = ct.value.slice(0, slash);
    part.subtype = ct.value.slice(slash + 1);
    part.params = ct.params;
  } else if (contentType !== undefined) {
    part.type = 'text';
    part.subtype = 'plain';
  }
  const cte = get('Content-Transfer-Encoding');
  // Like Dovecot, an encoding that is not a token (e.g. "?invalid") leaves the 7bit default.
  if (cte !== undefined) part.encoding = parseParamHeader(cte, false)?.value;
  const dsp = get('Content-Disposition');
  const disposition = dsp === undefined ? undefined : parseParamHeader(dsp, false);
  if (disposition) part.disposition = { value: disposition.value, params: disposition.params };
  const language = get('Content-Language');
  if (language !== undefined) {
    const tags = language.split(',').map((t) => t.trim()).filter((t) => /^[A-Za-z0-9-]+$/.test(t));
    if (tags.length > 0) part.language = tags;
  }
  const type = part.type.toLowerCase();
  const deeper = ctx.depth < MAX_DEPTH && budget.parts < MAX_PARTS;
  if (type === 'multipart') {
    const boundary = paramValue(part.params, 'boundary');
    if (boundary === undefined || boundary === '') {
      // RFC 2046 §5.1.1 makes boundary mandatory: without one the type is invalid, so RFC 2045 §5.2's default applies.
      part.type = 'text';
      part.subtype = 'plain';
      part.params = [];
      return part;
    }
    part.multipart = true;
    if (!deeper) return part;
    const child: Context = {
      mime: true,
      defaultType: part.subtype.toLowerCase() === 'digest' ? ['message', 'rfc822'] : ['text', 'plain'],
      depth: ctx.depth + 1,
    };
    for (const content of splitMultipart(body, boundary)) {
      if (budget.parts >= MAX_PARTS) break;
      part.parts.push(parseEntity(content, child, budget));
    }
  } else if (type === 'message' && part.subtype.toLowerCase() === 'rfc822' && deeper) {
    part.message = parseEntity(body, { mime: true, defaultType: ['text', 'plain'], depth: ctx.depth + 1 }, budget);
  }
  return part;
}

/** Number of lines in a body as IMAP counts them for text and message/rfc822 (Dovecot counts line feeds). */
export function lineCount(body: string): number {
  let n = 0;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) n += 1;
  return n;
}
