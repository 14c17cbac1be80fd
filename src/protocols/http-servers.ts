/**
 * Every HTTP-framed protocol's server, loaded at once: for the build, the lab, scenario checks and the tests (the
 * HTTP session module takes them through src/machines/http-servers.ts). Keyed by HttpProtocolName, so an HTTP
 * profile without a server does not compile. Exchange's server is large: browser code that needs one server only
 * must not import this.
 */
import { exchangeHttpServer } from './exchange/http-server.ts';
import { helloServer } from './hello/hello.ts';
import { httpProfileOf, type HttpProtocolName } from './registry.ts';
import type { HttpServer } from './shared/http-server.ts';

/** Every HTTP protocol's server, by name. */
export const HTTP_SERVERS: Readonly<Record<HttpProtocolName, HttpServer>> = { exchange: exchangeHttpServer, hello: helloServer };

/** The server of an HTTP protocol; throws UnknownProtocolError for a name no HTTP profile carries. */
export function httpServerOf(protocol: string): HttpServer {
  return HTTP_SERVERS[httpProfileOf(protocol).id];
}
