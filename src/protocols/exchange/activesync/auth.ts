/**
 * Who is calling ActiveSync: HTTP Basic with a world user's password where the Exchange facts still allow it
 * (Exchange Server; Exchange Online refused it on 1 October 2022), or, in Exchange Online, a bearer token from the
 * deployment's Authorizer with ActiveSync's delegated scope ([MS-ASHTTP] §2.2.1.1.2.2).
 */
import { headerValue, type HttpRequest, type HttpResponse } from '../../shared/http-types.ts';
import type { MailUser, MailWorld } from '../../shared/world.ts';
import { basicCredentials, unauthorized } from '../auth.ts';
import { resourceOf, type ExchangeConfig } from '../config.ts';
import { basicRefused } from '../policy.ts';

/** The delegated scope (and app role) that let a token use Exchange ActiveSync. */
export const EAS_SCOPES: readonly string[] = ['EAS.AccessAsUser.All', 'full_access_as_app'];

/** The mailbox user a login names: "alice", or the address "alice@example.test". */
function loginUser(world: MailWorld, login: string): MailUser | undefined {
  if (!login.includes('@')) return world.user(login);
  const user = world.localRecipient(login);
  return user && user.address === login ? user : undefined;
}

/** The caller's mailbox user, or the 401/403 that refuses the request. */
export function easCaller(world: MailWorld, config: ExchangeConfig, request: HttpRequest): { user: MailUser } | { refused: HttpResponse } {
  const header = headerValue(request.headers, 'Authorization') ?? '';
  if (/^Basic /i.test(header)) {
    if (basicRefused(config.deployment, 'activesync', world.clock.peek())) return { refused: unauthorized(config) };
    const creds = basicCredentials(header);
    const user = creds && loginUser(world, creds.name);
    return user && world.authenticate(user.name, creds!.password) ? { user } : { refused: unauthorized(config) };
  }
  if (/^Bearer /i.test(header) && config.deployment === 'online') {
    const token = config.authorizer?.authorize(request);
    const user = token && world.user(token.subject);
    if (!token || !user || token.audience !== resourceOf(config) || token.expiresAt <= world.clock.peek().getTime()) return { refused: unauthorized(config, 'invalid_token') };
    if (!token.scopes.some((s) => EAS_SCOPES.includes(s))) {
      return { refused: { status: 403, reason: 'Forbidden', headers: [['WWW-Authenticate', `Bearer error="insufficient_scope", scope="${EAS_SCOPES[0]}"`]], body: '' } };
    }
    return { user };
  }
  return { refused: unauthorized(config) };
}
