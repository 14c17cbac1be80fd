/**
 * What an HTTP-framed protocol gives the session and the lab: a pure handler from request to response on the
 * mail world, the limits its framing enforces, and the ports it is served on. Exchange's handlers and the "hello"
 * test protocol take this shape; the registry of protocol profiles lists them by their `protocol`.
 */
import type { HttpRequest, HttpResponse } from './http-types.ts';
import type { HttpLimits, HttpProtocolName } from './session-types.ts';
import type { MailWorld } from './world.ts';

/**
 * A pure HTTP request handler: never throws for any request, however odd (the session still guards it). `port`
 * is the standard port the request came in on (a server may answer 80 and 443 differently).
 */
export type HttpHandler = (world: MailWorld, request: HttpRequest, port: number) => HttpResponse;

/** One port an HTTP protocol is served on, and how it is protected there. */
export interface HttpPort {
  port: number;
  /** plaintext: HTTP from the first octet; https: TLS before the first request (RFC 9110 §4.2.2). */
  security: 'plaintext' | 'https';
}

/** One lab listener of an HTTP server, as its start-up lines describe it. */
export interface HttpBannerListener {
  /** The port the lab listens on. */
  port: number;
  /** The port the server plays (443, 80, …). */
  standardPort: number;
  security: 'plaintext' | 'https';
}

/** An HTTP-framed protocol's server. */
export interface HttpServer {
  protocol: HttpProtocolName;
  /** Framing: requests and responses, not lines. */
  framing: 'http';
  /** The host names it answers as in the simulated world (what a scenario may address). */
  hosts: readonly string[];
  /** Ports and their protection; a port the data file lists must agree with it (443 is https). */
  ports: readonly HttpPort[];
  /** A protocol for tests only: lessons, the playground and the scenario list never show it. */
  testOnly: boolean;
  /** The methods the server knows (what a form offers; a 405 names what one path allows). */
  methods: readonly string[];
  limits: HttpLimits;
  handle: HttpHandler;
  /**
   * What the lab's start-up text says about this server's listeners on `host` (how to reach it, its accounts);
   * `deployment` is the lab's --exchange choice, for servers that have deployments. None: the lab's default line.
   */
  bannerLines?(listeners: readonly HttpBannerListener[], host: string, deployment?: 'server-se' | 'online'): string[];
  /** Seconds a kept-alive connection may stay silent before the server closes it. */
  idleSeconds: number;
}
