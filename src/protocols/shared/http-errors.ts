/**
 * The answers every simulated HTTP server gives the same way: the reason phrases (RFC 9110 §15) and the error
 * responses for requests a server cannot take (bad syntax, too large), each a short plain-text body that says why.
 */
import type { HttpResponse } from './http-types.ts';
import type { HttpFramingProblem } from './session-types.ts';

/** Reason phrases of the statuses the simulated servers send (RFC 9110 §15, RFC 6585 §5). */
export const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A plain-text response: the status, its reason phrase and `text` as the body (with a final LF). */
export function textResponse(status: number, text: string, headers: ReadonlyArray<readonly [string, string]> = []): HttpResponse {
  return {
    status,
    reason: REASONS[status] ?? 'Unknown',
    headers: [['Content-Type', 'text/plain; charset=utf-8'], ...headers],
    body: `${text}\n`,
  };
}

/** The status for each way a transport fails to frame a request. */
export const PROBLEM_STATUS: Readonly<Record<HttpFramingProblem, number>> = {
  'bad-request': 400,
  'uri-too-long': 414,
  'header-too-large': 431,
  'body-too-large': 413,
};

const PROBLEM_TEXT: Readonly<Record<HttpFramingProblem, string>> = {
  'bad-request': 'The request could not be read as HTTP/1.1.',
  'uri-too-long': 'The request target is longer than this server reads.',
  'header-too-large': 'The header fields are larger than this server reads.',
  'body-too-large': 'The request body is larger than this server takes.',
};

/**
 * The answer to a request that could not be framed, which ends the connection: after a framing error the server
 * cannot tell where the next request starts (RFC 9112 §2.2, §6.3), and it may close after a 413 (RFC 9110 §15.5.14).
 */
export function problemResponse(problem: HttpFramingProblem, detail?: string): HttpResponse {
  const text = detail ? `${PROBLEM_TEXT[problem]} ${detail}` : PROBLEM_TEXT[problem];
  return textResponse(PROBLEM_STATUS[problem], text, [['Connection', 'close']]);
}

/** RFC 9110 §5.6.2: a method is a token. */
export const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** An origin-form target: an absolute path and an optional query, visible ASCII only (RFC 9112 §3.2.1). */
export const ORIGIN_FORM = /^\/[\x21-\x7e]*$/;

/** Why a request cannot be taken as it is, or undefined when method and target are well formed. */
export function malformed(request: { method: string; target: string }): string | undefined {
  if (!METHOD_TOKEN.test(request.method)) return 'The method is not a token (RFC 9110 §9.1).';
  if (!ORIGIN_FORM.test(request.target)) return 'The request target must be a path starting with "/" (RFC 9112 §3.2.1).';
  return undefined;
}
