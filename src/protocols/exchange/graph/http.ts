/**
 * Microsoft Graph's HTTP shapes: JSON bodies with `@odata.context`, the error object
 * `{"error":{"code","message","innerError":{date,request-id,client-request-id}}}`, and the query options the
 * mail endpoints read ($select, $top, $skip, delta's tokens). Base URL of the simulated Graph below.
 */
import { headerValue, type HttpRequest, type HttpResponse } from '../../shared/http-types.ts';
import type { MailWorld } from '../../shared/world.ts';
import { toOctets } from '../xml-write.ts';
import { guid, parseForm } from '../identity/http.ts';

/** The simulated Graph's service root (https://graph.microsoft.com/v1.0 in the real world). */
export const GRAPH_ROOT = 'https://graph.microsoft.test/v1.0';

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 410: 'Gone', 413: 'Content Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error', 507: 'Insufficient Storage',
};

/** A JSON response with the headers Graph sends on every answer. */
export function graphJson(world: MailWorld, status: number, value: unknown, headers: readonly (readonly [string, string])[] = []): HttpResponse {
  return {
    status,
    reason: REASONS[status] ?? 'OK',
    headers: [['Content-Type', 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8'], ['request-id', guid(world)], ...headers],
    body: toOctets(JSON.stringify(value)),
  };
}

/** A response without a body (202 for sendMail, 204 for DELETE). */
export function graphEmpty(world: MailWorld, status: 202 | 204): HttpResponse {
  return { status, reason: REASONS[status]!, headers: [['request-id', guid(world)]], body: '' };
}

/** Graph's error object. */
export function graphError(world: MailWorld, status: number, code: string, message: string, headers: readonly (readonly [string, string])[] = []): HttpResponse {
  const date = world.clock.peek().toISOString().replace(/\.\d{3}Z$/, '');
  const id = guid(world);
  return graphJson(world, status, { error: { code, message, innerError: { date, 'request-id': id, 'client-request-id': id } } }, headers);
}

/** The query options of a request, by lower-case name without "$"; undefined when the query cannot be read. */
export function queryOptions(request: HttpRequest): Map<string, string> | undefined {
  const q = request.target.indexOf('?');
  const form = parseForm(q < 0 ? '' : request.target.slice(q + 1));
  if (!form) return undefined;
  return new Map([...form.fields].map(([k, v]) => [k.replace(/^\$/, '').toLowerCase(), v]));
}

/** The path of a request, percent-decoded segment by segment; undefined when an escape is broken. */
export function pathSegments(request: HttpRequest): string[] | undefined {
  const q = request.target.indexOf('?');
  const path = q < 0 ? request.target : request.target.slice(0, q);
  try {
    return path.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/** Whether the request says its body is JSON. */
export function isJson(request: HttpRequest): boolean {
  return /^application\/json\b/i.test(headerValue(request.headers, 'Content-Type') ?? '');
}
