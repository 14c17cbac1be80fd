/** Registers every HTTP-framed protocol's server with the HTTP session module; import this once before opening one. */
import { exchangeHttpServer } from '../protocols/exchange/http-server.ts';
import { helloServer } from '../protocols/hello/hello.ts';
import type { HttpServer } from '../protocols/shared/http-server.ts';
import type { HttpProtocolName } from '../protocols/registry.ts';
import { registerHttpServer } from './http-session.ts';

/** Every HTTP protocol's server, keyed by HttpProtocolName: an HTTP profile without a server does not compile. */
const HTTP_SERVERS: Record<HttpProtocolName, HttpServer> = { exchange: exchangeHttpServer, hello: helloServer };

for (const server of Object.values(HTTP_SERVERS)) registerHttpServer(server);
