/** Registers every HTTP-framed protocol's server with the HTTP session module; import this once before opening one. */
import { exchangeHttpServer } from '../protocols/exchange/http-server.ts';
import { helloServer } from '../protocols/hello/hello.ts';
import { registerHttpServer } from './http-session.ts';

registerHttpServer(exchangeHttpServer);
registerHttpServer(helloServer);
