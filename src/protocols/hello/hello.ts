/**
 * "hello": a test protocol that proves the HTTP framing end to end (session, widget, scenario, static
 * transcript, lab). It is not a mail protocol and lessons never show it. `GET /hello?name=ada` answers
 * "Hello, ada"; everything else gets the status RFC 9110 gives it. Pure: no framework, no I/O.
 */
import { textResponse } from '../shared/http-errors.ts';
import type { HttpServer } from '../shared/http-server.ts';
import type { HttpRequest, HttpResponse } from '../shared/http-types.ts';
import { SERVER_HOST } from '../shared/host.ts';
import { helloProfile } from './profile.ts';

/** The one resource. */
export const HELLO_PATH = '/hello';

/**
 * The limits. The request line takes 8000 octets, the least RFC 9112 §3 asks every server to read; the header
 * section 16 KiB, Node's own default (`--max-http-header-size`); a body 1 KiB: hello reads none, and a small
 * limit makes the 413 easy to reach.
 */
export const HELLO_LIMITS = { requestLineOctets: 8000, headerOctets: 16 * 1024, bodyOctets: 1024 } as const;

/** The plaintext port the lab serves hello on (plus its offset: 18080); no data-file port, a test port only. */
export const HELLO_PORT = 8080;

const encoder = new TextEncoder();

/** A JavaScript string as UTF-8 octets, one char per octet (the bodies' convention). */
function utf8Octets(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** The `name` query parameter, percent-decoded; "world" when absent or empty. */
export function nameOf(target: string): string {
  const query = target.includes('?') ? target.slice(target.indexOf('?') + 1) : '';
  let name: string | null;
  try {
    name = new URLSearchParams(query).get('name');
  } catch {
    name = null;
  }
  // Control characters would let a name forge lines in the response body: they are dropped.
  const clean = (name ?? '').replace(/[\x00-\x1f\x7f]/g, '');
  return clean === '' ? 'world' : clean;
}

/** Answers one request: 200 for GET /hello, 404 for any other path, 405 with Allow for another method. */
export function helloHandle(_world: unknown, request: HttpRequest): HttpResponse {
  const path = request.target.split('?')[0];
  if (path !== HELLO_PATH) return textResponse(404, `Nothing here: the only resource is ${HELLO_PATH}.`);
  // RFC 9110 §15.5.6: a 405 MUST list the methods the resource allows.
  if (request.method !== 'GET') return textResponse(405, `${HELLO_PATH} answers GET only.`, [['Allow', 'GET']]);
  return textResponse(200, utf8Octets(`Hello, ${nameOf(request.target)}`));
}

/** The hello server as the session and the lab take it. */
export const helloServer: HttpServer = {
  protocol: 'hello',
  framing: 'http',
  hosts: [SERVER_HOST],
  ports: [{ port: HELLO_PORT, security: 'plaintext' }],
  testOnly: true,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
  limits: HELLO_LIMITS,
  handle: helloHandle,
  idleSeconds: helloProfile.idleTimeoutSeconds,
};
