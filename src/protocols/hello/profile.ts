/** The hello test protocol's profile: HTTP-framed, served on a test port only, never shown in lessons. */
import type { HttpProtocolProfile } from '../shared/profile.ts';
import { tokenizeHttpStatus } from '../shared/http-status.ts';

/** hello: `GET /hello` answered over HTTP/1.1, to prove the HTTP framing end to end. */
export const helloProfile: HttpProtocolProfile<'hello'> = {
  id: 'hello',
  label: 'hello',
  // No data-file protocol: hello is served on a test port only (hello.ts HELLO_PORT).
  dataIds: [],
  framing: 'http',
  tokenize: tokenizeHttpStatus,
  expectPattern: /^\d{3}$/,
  // Apache's KeepAliveTimeout default; nginx's keepalive_timeout is 75 s. helloServer reads it from here.
  idleTimeoutSeconds: 5,
  input: { tagged: false },
};
