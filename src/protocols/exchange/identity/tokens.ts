/**
 * The access tokens the simulated identity platform issues, and the `Authorizer` that checks them. A token is
 * JWT-shaped (RFC 7519: header, claims, signature) so a learner can decode it as jwt.ms does, but UNSIGNED
 * ("alg":"none", empty signature): the simulation trusts a token because it is in this store, never because of
 * what it says, so a forged or edited token is refused. Claims follow Microsoft's access token reference:
 * aud, iss, iat, nbf, exp, appid, tid, scp (delegated, space-separated) or roles (application), upn, uti.
 */
import { headerValue, type HttpRequest } from '../../shared/http-types.ts';
import type { MailUser, MailWorld } from '../../shared/world.ts';
import type { AccessToken, Authorizer } from '../config.ts';
import { toOctets } from '../xml-write.ts';
import { TENANT_ID } from './apps.ts';
import { guid } from './http.ts';
import { base64url } from './sha256.ts';

/** What the platform records of an access token it issued. */
export interface IssuedToken extends AccessToken {
  /** The token as sent in `Authorization: Bearer`. */
  token: string;
  /** Whether it carries app roles (client credentials) rather than delegated scopes. */
  appOnly: boolean;
  /** When it was issued, ms since the epoch. */
  issuedAt: number;
}

/** What to put in a new access token. */
export interface TokenRequest {
  user: MailUser | undefined;
  appId: string;
  audience: string;
  scopes: readonly string[];
  lifetimeSeconds: number;
}

/** Every access token issued, by its text. */
export class TokenStore implements Authorizer {
  readonly #issued = new Map<string, IssuedToken>();
  readonly #world: MailWorld;

  constructor(world: MailWorld) {
    this.#world = world;
  }

  /** Issues an access token on the world's clock. */
  issue(request: TokenRequest): IssuedToken {
    const now = this.#world.clock.peek().getTime();
    const seconds = Math.floor(now / 1000);
    const appOnly = request.user === undefined;
    const claims: Record<string, unknown> = {
      aud: request.audience,
      iss: `https://sts.windows.test/${TENANT_ID}/`,
      iat: seconds,
      nbf: seconds,
      exp: seconds + request.lifetimeSeconds,
      appid: request.appId,
      tid: TENANT_ID,
      ...(appOnly ? { roles: [...request.scopes] } : { scp: request.scopes.join(' '), upn: request.user!.address, name: request.user!.displayName }),
      uti: guid(this.#world),
      ver: '1.0',
    };
    const token = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'none' }))}.${base64url(toOctets(JSON.stringify(claims)))}.`;
    const issued: IssuedToken = {
      token,
      subject: request.user?.name ?? '',
      appId: request.appId,
      audience: request.audience,
      scopes: [...request.scopes],
      expiresAt: now + request.lifetimeSeconds * 1000,
      appOnly,
      issuedAt: now,
    };
    this.#issued.set(token, issued);
    return issued;
  }

  /** The token this text is, if this platform issued it (expiry is the resource's to check, on its clock). */
  lookup(token: string): IssuedToken | undefined {
    return this.#issued.get(token);
  }

  /** The bearer token of a request (RFC 6750 §2.1), if this platform issued it. */
  authorize(request: HttpRequest): IssuedToken | undefined {
    const m = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(headerValue(request.headers, 'Authorization') ?? '');
    return m ? this.lookup(m[1]!) : undefined;
  }

  /** Whether a token is known and unexpired at the world's now, for `audience`, with one of `scopes`. */
  check(token: string, audience: string, scopes: readonly string[]): IssuedToken | 'invalid' | 'expired' | 'audience' | 'scope' {
    const t = this.lookup(token);
    if (!t) return 'invalid';
    if (t.expiresAt <= this.#world.clock.peek().getTime()) return 'expired';
    if (t.audience !== audience) return 'audience';
    if (!t.scopes.some((s) => scopes.includes(s))) return 'scope';
    return t;
  }
}
