/**
 * Who is calling: HTTP Basic (RFC 7617) with a world user's password where the Exchange facts still allow it,
 * or a bearer token (RFC 6750) checked for audience, scope and expiry on the world's clock. Anything else gets
 * 401 with the challenge the deployment sends, or 403 for a token without the needed scope.
 */
import type { ExchangeProtocolId } from '../../data/schema-exchange.ts';
import { headerValue, type HttpRequest, type HttpResponse } from '../shared/http-types.ts';
import type { MailUser, MailWorld } from '../shared/world.ts';
import { EXCHANGE_ONLINE_APP_ID, IDENTITY_HOST, resourceOf, type ExchangeConfig } from './config.ts';
import { basicRefused } from './policy.ts';
import { fromOctets, unbase64 } from './xml-write.ts';

/** An authenticated caller: the mailbox user, and the app when a token said which. */
export interface Caller {
  user: MailUser;
  appId: string | undefined;
  via: 'basic' | 'bearer';
}

/** The delegated scope and the app role that let a token use EWS (and POX Autodiscover). */
export const EWS_SCOPES = ['EWS.AccessAsUser.All', 'full_access_as_app'] as const;

/** The 401 a deployment sends when credentials are missing or refused. */
export function unauthorized(config: ExchangeConfig, error?: 'invalid_token'): HttpResponse {
  // Exchange Server offers Basic here (its virtual directories can also offer Negotiate and NTLM, not simulated).
  // Exchange Online names its resource and where to get a token; RFC 6750 §3 adds error= for a bad token.
  const challenge =
    config.deployment === 'online'
      ? `Bearer client_id="${EXCHANGE_ONLINE_APP_ID}", authorization_uri="https://${IDENTITY_HOST}/common/oauth2/authorize"${error ? `, error="${error}"` : ''}`
      : `Basic realm="${config.host}"`;
  return { status: 401, reason: 'Unauthorized', headers: [['WWW-Authenticate', challenge]], body: '' };
}

/** Basic credentials from the header (RFC 7617 §2), or undefined when malformed. */
export function basicCredentials(header: string): { name: string; password: string } | undefined {
  const m = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  const decoded = m ? unbase64(m[1]!) : undefined;
  const text = decoded === undefined ? undefined : fromOctets(decoded);
  const colon = text?.indexOf(':') ?? -1;
  if (text === undefined || colon < 0) return undefined;
  return { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** The world user a login names: "alice" or the address "alice@example.test" (a user principal name). */
function loginUser(world: MailWorld, login: string): MailUser | undefined {
  const at = login.lastIndexOf('@');
  if (at < 0) return world.user(login);
  const user = world.localRecipient(login);
  return user && user.address === login ? user : undefined;
}

/** The caller, or the response that refuses the request. */
export function authenticate(world: MailWorld, config: ExchangeConfig, request: HttpRequest, protocol: ExchangeProtocolId): { caller: Caller } | { refused: HttpResponse } {
  const header = headerValue(request.headers, 'Authorization') ?? '';
  if (/^Basic /i.test(header)) {
    if (basicRefused(config.deployment, protocol, world.clock.peek())) return { refused: unauthorized(config) };
    const creds = basicCredentials(header);
    const user = creds && loginUser(world, creds.name);
    if (!user || !world.authenticate(user.name, creds!.password)) return { refused: unauthorized(config) };
    return { caller: { user, appId: undefined, via: 'basic' } };
  }
  if (/^Bearer /i.test(header) && config.deployment === 'online') {
    const token = config.authorizer?.authorize(request);
    const now = world.clock.peek().getTime();
    if (!token || token.audience !== resourceOf(config) || token.expiresAt <= now) return { refused: unauthorized(config, 'invalid_token') };
    const user = world.user(token.subject);
    if (!user) return { refused: unauthorized(config, 'invalid_token') };
    if (!token.scopes.some((s) => (EWS_SCOPES as readonly string[]).includes(s))) {
      const challenge = `Bearer error="insufficient_scope", scope="${EWS_SCOPES[0]}"`;
      return { refused: { status: 403, reason: 'Forbidden', headers: [['WWW-Authenticate', challenge]], body: '' } };
    }
    return { caller: { user, appId: token.appId, via: 'bearer' } };
  }
  return { refused: unauthorized(config) };
}
