/** Registers every HTTP-framed protocol's server with the HTTP session module; import this once before opening one. */
import { HTTP_SERVERS } from '../protocols/http-servers.ts';
import { registerHttpServer } from './http-session.ts';

for (const server of Object.values(HTTP_SERVERS)) registerHttpServer(server);
