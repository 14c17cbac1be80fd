/**
 * How the simulator shows an HTTP message: the start line, the header fields worth reading, and the body made
 * readable (JSON and XML indented; text as it is; anything else by its size). Hop-by-hop and bookkeeping fields
 * that say nothing about the exchange are left out of the view (they stay in the copied transcript). A long body
 * is shown up to SHOWN_OCTETS: the view of a 10 MB body must not be 10 MB of page.
 */
import { bodyLines, isTextBody, requestLine, statusLine } from '../../../protocols/shared/http-text.ts';
import { indentXml } from './xml-pretty.ts';
import { headerValue, type HeaderField, type HttpRequest, type HttpResponse } from '../../../protocols/shared/http-types.ts';
import type { TranscriptEntry } from '../../../protocols/shared/session-types.ts';

/** Finds the explainable parts of an HTTP request or response: what each shows, and its catalogue key. */
export type HttpParts = (entry: Extract<TranscriptEntry, { kind: 'request' | 'response' }>) => { text: string; key: string }[];

/** One HTTP message as the transcript row draws it. */
export interface MessageView {
  /** "GET /hello HTTP/1.1" or "HTTP/1.1 200 OK". */
  start: string;
  /** The status code of a response, for its colour and its announcement. */
  status?: number;
  headers: readonly HeaderField[];
  /** The body as lines to show (indented when JSON or XML), empty when there is none. */
  body: string[];
  /** Octets of the body left out of `body` (0 when all of it is there). */
  cut: number;
}

/** The most of a body the view reads; the rest is counted, not shown (the copied transcript has it all). */
export const SHOWN_OCTETS = 64 * 1024;

/** Fields a learner does not need to see on every message: the framing (Content-Length) and the server's clock. */
const QUIET = new Set(['content-length', 'date']);

/** The body for reading: JSON and XML indented two spaces, other text as sent, binary by its size. */
export function prettyBody(body: string, contentType: string | undefined): string[] {
  if (body === '') return [];
  if (isTextBody(body) && /\bxml\b/i.test(contentType ?? '')) return indentXml(decodeUtf8(body));
  if (isTextBody(body) && /\bjson\b/i.test(contentType ?? '')) {
    try {
      return JSON.stringify(JSON.parse(decodeUtf8(body)), null, 2).split('\n');
    } catch {
      // Not JSON after all: shown as it is.
    }
  }
  return bodyLines(isTextBody(body) ? decodeUtf8(body) : body);
}

/** Octets (one char each) read as UTF-8; left as they are when they are not UTF-8. */
function decodeUtf8(octets: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(octets, (c) => c.charCodeAt(0)));
  } catch {
    return octets;
  }
}

/** A request as the row shows it. */
export function requestView(request: HttpRequest): MessageView {
  const headers = request.headers.filter(([n]) => !QUIET.has(n.toLowerCase()));
  const body = prettyBody(request.body.slice(0, SHOWN_OCTETS), headerValue(request.headers, 'content-type'));
  return { start: requestLine(request), headers, body, cut: Math.max(0, request.body.length - SHOWN_OCTETS) };
}

/** A response as the row shows it. */
export function responseView(response: HttpResponse): MessageView {
  const headers = response.headers.filter(([n]) => !QUIET.has(n.toLowerCase()));
  const body = prettyBody(response.body.slice(0, SHOWN_OCTETS), headerValue(response.headers, 'content-type'));
  return { start: statusLine(response), status: response.status, headers, body, cut: Math.max(0, response.body.length - SHOWN_OCTETS) };
}
