/**
 * Sessions of the HTTP-framed protocols: one request in, one response out, on a connection that stays open
 * between requests (RFC 9112 §9.3). The protocol's pure handler decides every answer; this module frames the
 * contract around it (limits, Host, Connection: close, TLS on https ports) and never throws.
 */
import { portFact } from '../data/lookup.ts';
import { malformed, problemResponse, textResponse } from '../protocols/shared/http-errors.ts';
import type { HttpServer } from '../protocols/shared/http-server.ts';
import { requestLine, statusLine } from '../protocols/shared/http-text.ts';
import { headerValue, type HttpRequest, type HttpResponse } from '../protocols/shared/http-types.ts';
import type { HttpFramingProblem, HttpLimits, HttpProtocolName, HttpSession, HttpSessionView, HttpStep, TranscriptEntry } from '../protocols/shared/session-types.ts';
import type { MailWorld } from '../protocols/shared/world.ts';

const servers = new Map<HttpProtocolName, HttpServer>();

/** Makes an HTTP protocol available to `openHttpSession`; each protocol's module is registered once. */
export function registerHttpServer(server: HttpServer): void {
  servers.set(server.protocol, server);
}

/** Every registered HTTP server, in the order registered. */
export function httpServers(): HttpServer[] {
  return [...servers.values()];
}

/** The registered server of an HTTP protocol; throws a named error for one that is not registered. */
export function httpServer(protocol: HttpProtocolName): HttpServer {
  const server = servers.get(protocol);
  if (!server) throw new RangeError(`no HTTP server for protocol "${protocol}" is registered (import src/machines/http-servers.ts)`);
  return server;
}

/**
 * How a port protects an HTTP connection. Where the data file lists the port its word decides, and 443 is always
 * https: an HTTP session on 443 starts TLS before its first request and is never plaintext (RFC 9110 §4.2.2).
 */
export function httpSecurity(server: HttpServer, port: number): 'plaintext' | 'https' {
  const declared = server.ports.find((p) => p.port === port);
  if (!declared) throw new RangeError(`${server.protocol} is not served on port ${port}; use one of ${server.ports.map((p) => p.port).join(', ')}`);
  const fact = portFact(port);
  const fromData = fact === undefined ? undefined : fact.security === 'https' ? 'https' : fact.security === 'plaintext' ? 'plaintext' : undefined;
  if (fact !== undefined && (fact.role !== 'http' || fromData === undefined)) throw new RangeError(`port ${port} is a ${fact.role} port in the data file, not an HTTP port`);
  const security = port === 443 ? 'https' : (fromData ?? declared.security);
  if (security !== declared.security) throw new RangeError(`${server.protocol} declares port ${port} ${declared.security}, but it is ${security}`);
  return security;
}

/** Octets of a header section as sent: each field line with ": " and its CRLF (RFC 9112 §5). */
export function headerOctets(request: HttpRequest): number {
  return request.headers.reduce((n, [name, value]) => n + name.length + value.length + 4, 0);
}

class FramedHttpSession implements HttpSession {
  readonly framingKind = 'http';
  readonly id: string;
  readonly protocol: HttpProtocolName;
  readonly port: number;
  readonly greeting: TranscriptEntry[];
  internalErrors = 0;
  readonly #server: HttpServer;
  readonly #world: MailWorld;
  readonly #tls: boolean;
  #closed = false;

  constructor(world: MailWorld, server: HttpServer, port: number) {
    this.#world = world;
    this.#server = server;
    this.protocol = server.protocol;
    this.port = port;
    this.id = world.newSessionId();
    this.#tls = httpSecurity(server, port) === 'https';
    this.greeting = this.#tls ? [{ kind: 'event', event: 'tls', text: 'TLS handshake before the first request (https); everything after this is encrypted' }] : [];
  }

  exchange(request: HttpRequest): HttpStep {
    const sent: TranscriptEntry = { kind: 'request', text: requestLine(request), request, encrypted: this.#tls };
    if (this.#closed) return { response: undefined, entries: [sent], closed: true };
    const problem = this.#problem(request);
    if (problem) return this.#answer(sent, problemResponse(problem.kind, problem.detail), true);
    // RFC 9112 §3.2: an HTTP/1.1 request without Host gets 400; the message itself was framed, so the connection stays.
    if (headerValue(request.headers, 'host') === undefined) return this.#answer(sent, textResponse(400, 'An HTTP/1.1 request needs a Host header field (RFC 9112 §3.2).'), false);
    let response: HttpResponse;
    try {
      response = this.#server.handle(this.#world, request, this.port);
    } catch {
      this.internalErrors += 1;
      return this.#answer(sent, textResponse(500, 'Internal error; the connection closes.', [['Connection', 'close']]), true);
    }
    // RFC 9112 §9.6: "Connection: close" from the client means this is the last response on the connection.
    const close = /(?:^|,)\s*close\s*(?:,|$)/i.test(headerValue(request.headers, 'connection') ?? '');
    return this.#answer(sent, close ? { ...response, headers: [...response.headers, ['Connection', 'close']] } : response, close);
  }

  refuse(problem: HttpFramingProblem, detail?: string): HttpStep {
    if (this.#closed) return { response: undefined, entries: [], closed: true };
    return this.#answer(undefined, problemResponse(problem, detail), true);
  }

  #problem(request: HttpRequest): { kind: HttpFramingProblem; detail?: string } | undefined {
    const limits = this.#server.limits;
    const bad = malformed(request);
    if (bad) return { kind: 'bad-request', detail: bad };
    if (requestLine(request).length > limits.requestLineOctets) return { kind: 'uri-too-long' };
    if (headerOctets(request) > limits.headerOctets) return { kind: 'header-too-large' };
    if (request.body.length > limits.bodyOctets) return { kind: 'body-too-large' };
    return undefined;
  }

  #answer(sent: TranscriptEntry | undefined, response: HttpResponse, close: boolean): HttpStep {
    const entries: TranscriptEntry[] = [...(sent ? [sent] : []), { kind: 'response', text: statusLine(response), response, encrypted: this.#tls }];
    if (close) this.#close(entries);
    return { response, entries, closed: close };
  }

  #close(entries: TranscriptEntry[]): void {
    if (this.#closed) return;
    this.#closed = true;
    entries.push({ kind: 'event', event: 'closed', text: 'Connection closed' });
  }

  view(): HttpSessionView {
    return {
      protocol: this.protocol,
      port: this.port,
      state: this.#closed ? 'closed' : 'open',
      tls: this.#tls,
      security: this.#tls ? 'https' : 'plaintext',
      closed: this.#closed,
      allowedCommands: this.#closed ? [] : [...this.#server.methods],
      expects: 'request',
      user: undefined,
    };
  }

  limits(): HttpLimits {
    return this.#server.limits;
  }

  timeout(): { entries: TranscriptEntry[]; closed: true } {
    const entries: TranscriptEntry[] = [];
    // RFC 9112 §9.8: a server may close an idle persistent connection at any time, without a response.
    this.#close(entries);
    return { entries, closed: true };
  }

  drop(): void {
    this.#closed = true;
  }
}

/** Opens a session with the HTTP server for `protocol` on `port`; throws a RangeError for a port it is not served on. */
export function openHttpSession(world: MailWorld, protocol: HttpProtocolName, port: number): HttpSession {
  return openServerSession(world, httpServer(protocol), port);
}

/** Opens a session with this server object itself, registered or not (tests of a handler, a server in the making). */
export function openServerSession(world: MailWorld, server: HttpServer, port: number): HttpSession {
  return new FramedHttpSession(world, server, port);
}
