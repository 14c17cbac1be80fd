/**
 * HTTP messages as text lines, for transcripts (static, the lab's log, the copy button): the start line, the
 * header fields, an empty line and the body's lines (RFC 9112 §2.1). Bodies are octets one char per octet; a
 * body that is not text is shown by its size, never as raw octets.
 */
import type { HttpRequest, HttpResponse } from './http-types.ts';
import type { TranscriptEntry } from './session-types.ts';

/** The version every simulated HTTP server speaks (RFC 9112). */
export const HTTP_VERSION = 'HTTP/1.1';

/** The request line: method, target, version (RFC 9112 §3). */
export function requestLine(request: Pick<HttpRequest, 'method' | 'target'>): string {
  return `${request.method} ${request.target} ${HTTP_VERSION}`;
}

/** The status line: version, status code, reason phrase (RFC 9112 §4). */
export function statusLine(response: Pick<HttpResponse, 'status' | 'reason'>): string {
  return `${HTTP_VERSION} ${response.status} ${response.reason}`;
}

/** Whether a body reads as text: no control characters other than tab, CR and LF. */
export function isTextBody(body: string): boolean {
  return !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(body);
}

/** A body as lines: text split at its line ends, anything else as one line naming its size. */
export function bodyLines(body: string): string[] {
  if (body === '') return [];
  if (!isTextBody(body)) return [`[${body.length.toLocaleString('en-US')} octets of binary data]`];
  return body.replace(/\r?\n$/, '').split(/\r?\n/);
}

/** A request as lines: request line, header fields, and after an empty line the body, if any. */
export function requestLines(request: HttpRequest): string[] {
  const body = bodyLines(request.body);
  return [requestLine(request), ...request.headers.map(([n, v]) => `${n}: ${v}`), ...(body.length > 0 ? ['', ...body] : [])];
}

/** A response as lines: status line, header fields (with Content-Length), an empty line and the body. */
export function responseLines(response: HttpResponse): string[] {
  const body = bodyLines(response.body);
  return [statusLine(response), ...withLength(response).map(([n, v]) => `${n}: ${v}`), ...(body.length > 0 ? ['', ...body] : [])];
}

/** The header fields as sent: Content-Length added when the server left it to the framing (RFC 9110 §8.6). */
export function withLength(response: HttpResponse): ReadonlyArray<readonly [string, string]> {
  if (response.headers.some(([n]) => n.toLowerCase() === 'content-length')) return response.headers;
  return [...response.headers, ['Content-Length', String(response.body.length)]];
}

/** The code an HTTP exchange shows a scenario (its "observed code"): the status of its response, or "-" when nothing answered. */
export function httpObserved(entries: readonly TranscriptEntry[]): string {
  const response = entries.find((e) => e.kind === 'response');
  return response ? String(response.response.status) : '-';
}

