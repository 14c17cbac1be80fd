/**
 * The explainable parts of one HTTP message, as catalogue keys (explain.ts) in the order a reader meets them: the
 * status, the header fields, then the codes the body carries (EWS ResponseClass and ResponseCode, Graph's error
 * code and paging links, Autodiscover's error, the identity platform's OAuth error). Reads text only; never throws.
 */
import type { HttpRequest, HttpResponse } from '../shared/http-types.ts';
import { explainExchange } from './explain.ts';

/** One part: what the message shows, and its catalogue key. */
export interface MessagePart {
  text: string;
  key: string;
}

/** The most of a body searched for codes: enough for any answer's envelope, bounded for a 10 MB body. */
const SCAN_OCTETS = 256 * 1024;

const BODY_PATTERNS: readonly [RegExp, (m: RegExpExecArray) => MessagePart][] = [
  [/ResponseClass="(\w+)"/g, (m) => ({ text: m[1]!, key: `ews:${m[1]}` })],
  [/<(?:\w+:)?ResponseCode>(\w+)<\//g, (m) => ({ text: m[1]!, key: `ews:${m[1]}` })],
  [/"code"\s*:\s*"(\w+)"/g, (m) => ({ text: m[1]!, key: `graph:${m[1]}` })],
  [/<(?:\w+:)?ErrorCode>(\d+|[A-Z]\w+)<\//g, (m) => ({ text: m[1]!, key: `autodiscover:${m[1]}` })],
  [/"ErrorCode"\s*:\s*"(\w+)"/g, (m) => ({ text: m[1]!, key: `autodiscover:${m[1]}` })],
  [/"error"\s*:\s*"(\w+)"/g, (m) => ({ text: m[1]!, key: `oauth:${m[1]}` })],
  [/"(@odata\.nextLink|@odata\.deltaLink|@removed)"/g, (m) => ({ text: m[1]!, key: `header:${m[1]!.toLowerCase()}` })],
];

/** The parts of `message` the catalogue explains, each once. */
export function messageParts(message: HttpRequest | HttpResponse): MessagePart[] {
  const out: MessagePart[] = [];
  const add = (part: MessagePart) => {
    if (!out.some((p) => p.key === part.key) && explainExchange(part.key)) out.push(part);
  };
  if ('status' in message) add({ text: String(message.status), key: `status:${message.status}` });
  for (const [name] of message.headers) add({ text: name, key: `header:${name.toLowerCase()}` });
  const body = message.body.slice(0, SCAN_OCTETS);
  for (const [pattern, part] of BODY_PATTERNS) {
    for (const m of body.matchAll(pattern)) add(part(m));
  }
  return out;
}
