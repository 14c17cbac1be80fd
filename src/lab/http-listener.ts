/** What an HTTP listener of the lab says itself, before any session: the refusal of a connection over the caps. */
import { textResponse } from '../protocols/shared/http-errors.ts';
import { statusLine, withLength } from '../protocols/shared/http-text.ts';

/**
 * The whole response to a connection over the lab's caps, as one string: 503 with Retry-After (RFC 9110
 * §15.6.4, §10.2.3) and Connection: close, sent before the request is read, then the connection closes.
 */
export function httpRefusal(address: string | undefined): string[] {
  const why = address === undefined ? 'Too many connections' : `Too many connections from ${address}`;
  const response = textResponse(503, `${why}, try again later.`, [['Retry-After', '2'], ['Connection', 'close']]);
  const head = [statusLine(response), ...withLength(response).map(([n, v]) => `${n}: ${v}`), `Date: ${new Date().toUTCString()}`].join('\r\n');
  return [`${head}\r\n\r\n${response.body}`];
}

/**
 * The answer to a plaintext HTTP request on an HTTPS port, which OpenSSL recognises in the first record
 * (ERR_SSL_HTTP_REQUEST): 400 in plaintext, then close, as nginx answers it ("The plain HTTP request was sent to
 * HTTPS port", its error 497), so a client that forgot https:// learns why instead of seeing a reset.
 */
export function plainHttpOnTls(): string {
  const response = textResponse(400, 'The plain HTTP request was sent to HTTPS port.', [['Connection', 'close']]);
  const head = [statusLine(response), ...withLength(response).map(([n, v]) => `${n}: ${v}`), `Date: ${new Date().toUTCString()}`].join('\r\n');
  return `${head}\r\n\r\n${response.body}`;
}
