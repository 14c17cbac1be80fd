/** A plain-text HTTP answer, for requests that never reach SOAP, POX or JSON. */
import type { HttpResponse } from '../shared/http-types.ts';

/** A text/plain response with any extra header fields. */
export function plain(status: number, reason: string, text: string, headers: readonly (readonly [string, string])[] = []): HttpResponse {
  return { status, reason, headers: [['Content-Type', 'text/plain; charset=utf-8'], ...headers], body: text };
}
