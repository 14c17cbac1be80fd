/**
 * Exchange's profile, as widgets, scenarios and the lab see it: small data only. The server (http-server.ts,
 * with every Exchange service behind it) loads apart from this, so a page that asks the registry does not
 * download Exchange.
 */
import type { HttpProtocolProfile } from '../shared/profile.ts';
import { tokenizeHttpStatus } from '../shared/http-status.ts';

/** Exchange: Autodiscover, EWS, ActiveSync, Graph and the identity platform over HTTPS on 443 (80 redirects). */
export const exchangeProfile: HttpProtocolProfile<'exchange'> = {
  id: 'exchange',
  label: 'Exchange',
  dataIds: ['exchange'],
  framing: 'http',
  tokenize: tokenizeHttpStatus,
  expectPattern: /^\d{3}$/,
  // IIS's connectionTimeout default, as exchangeHttpServer.idleSeconds (tests/protocols/registry.test.ts holds them equal).
  idleTimeoutSeconds: 120,
  input: { tagged: false },
};
