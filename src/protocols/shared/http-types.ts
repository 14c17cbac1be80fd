/**
 * The messages of the HTTP-framed protocols (a test protocol, Exchange's Autodiscover, EWS, Graph, ActiveSync):
 * one request in, one response out (RFC 9110 §3.9, RFC 9112 §2.1). Bodies are octets as a string, one char per
 * octet, like the line protocols' lines, so a WBXML body survives unchanged and the lab writes them as they are.
 */

/** One header field as sent: name as written, value without surrounding whitespace (RFC 9110 §5). */
export type HeaderField = readonly [name: string, value: string];

/** An HTTP request as a simulated server receives it. */
export interface HttpRequest {
  /** The method, case-sensitive (RFC 9110 §9.1): "GET", "POST", … */
  method: string;
  /** The request target in origin form: path and query, e.g. "/hello?name=ada" (RFC 9112 §3.2.1). */
  target: string;
  /** Header fields in the order sent. */
  headers: readonly HeaderField[];
  /** The body octets (one char per octet), "" when there is none. */
  body: string;
}

/** An HTTP response as a simulated server sends it. */
export interface HttpResponse {
  /** The status code (RFC 9110 §15). */
  status: number;
  /** The reason phrase (RFC 9112 §4), e.g. "OK". */
  reason: string;
  /** Header fields in the order sent; Content-Length is added by whoever frames the response. */
  headers: readonly HeaderField[];
  /** The body octets (one char per octet), "" when there is none. */
  body: string;
}

/** The value of the first header field with this name, compared case-insensitively (RFC 9110 §5.1). */
export function headerValue(headers: readonly HeaderField[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find(([field]) => field.toLowerCase() === wanted)?.[1];
}
