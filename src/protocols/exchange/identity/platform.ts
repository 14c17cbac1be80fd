/**
 * The simulated Microsoft identity platform (Entra ID's v2.0 endpoints) on the shared mail world:
 * `/{tenant}/oauth2/v2.0/authorize`, `/devicecode` and `/token`, and the `/devicelogin` page, on the world's clock, with ids from the world's
 * random source. Its `authorizer` is the hook Exchange Online's servers take (config.ts `Authorizer`): it accepts
 * only tokens this platform issued. Pure: one request in, one response out, never throws.
 */
import { LOCAL_DOMAIN } from '../../shared/host.ts';
import { headerValue, type HttpRequest, type HttpResponse } from '../../shared/http-types.ts';
import type { MailWorld } from '../../shared/world.ts';
import { plain } from '../plain.ts';
import { defaultApps, TENANT_ID, type AppRegistration } from './apps.ts';
import { knownTenant, type IdentityContext } from './context.ts';
import { authorizeEndpoint } from './authorize.ts';
import { deviceCodeEndpoint, enterUserCode, type UserCodeResult } from './device.ts';
import { tokenEndpoint } from './grants.ts';
import { formBody, parseForm, stsError, type Form } from './http.ts';
import { deviceLoginPage } from './pages.ts';
import { TokenStore } from './tokens.ts';

export { DAEMON_APP_ID, DAEMON_SECRET, MAIL_APP_ID, OTHER_APP_ID, TENANT_ID } from './apps.ts';
export { EXCHANGE_RESOURCE, GRAPH_RESOURCE } from './scopes.ts';
export { VERIFICATION_URI } from './device.ts';

/** Form bodies larger than this are refused before they are read (a token request is a few hundred octets). */
export const MAX_FORM_OCTETS = 64 * 1024;

const ENDPOINT = /^\/([^/?#]+)\/oauth2\/v2\.0\/(authorize|token|devicecode)$/i;

/** One tenant's identity platform. */
export class IdentityPlatform {
  readonly #ctx: IdentityContext;

  constructor(world: MailWorld, apps: readonly AppRegistration[] = defaultApps()) {
    this.#ctx = { world, apps: new Map(apps.map((a) => [a.clientId, a])), tokens: new TokenStore(world), codes: new Map(), devices: new Map(), refreshTokens: new Map() };
  }

  /** The hook for exchangeServer's `authorizer` option: the tokens this platform issued, and no others. */
  get authorizer(): TokenStore {
    return this.#ctx.tokens;
  }

  /** The verification page's step: the user enters the code and signs in (and approves, unless told not to). */
  enterUserCode(userCode: string, login: string, password: string, approve = true): UserCodeResult {
    return enterUserCode(this.#ctx, userCode, login, password, approve);
  }

  /** Answers one HTTP request to the platform. Never throws. */
  handle(request: HttpRequest): HttpResponse {
    try {
      return this.#route(request);
    } catch {
      return stsError(this.#ctx.world, 'server_error', 90100, 'An unexpected error occurred.', 400);
    }
  }

  #route(request: HttpRequest): HttpResponse {
    const q = request.target.indexOf('?');
    const path = q < 0 ? request.target : request.target.slice(0, q);
    if (path.toLowerCase() === '/devicelogin') {
      if (request.body.length > MAX_FORM_OCTETS) return plain(413, 'Content Too Large', 'The request is larger than this server accepts.\r\n');
      const form = request.method === 'POST' ? formBody(request.body) : parseForm('');
      if (!form) return plain(400, 'Bad Request', 'AADSTS900144: The request could not be read.\r\n');
      return deviceLoginPage(this.#ctx, request.method, path, form);
    }
    const m = ENDPOINT.exec(path);
    if (!m) return plain(404, 'Not Found', 'Not Found\r\n');
    const [, tenant, endpoint] = m as unknown as [string, string, string];
    const world = this.#ctx.world;
    if (!knownTenant(tenant, TENANT_ID, LOCAL_DOMAIN)) {
      return stsError(world, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    }
    if (request.body.length > MAX_FORM_OCTETS) return plain(413, 'Content Too Large', 'The request is larger than this server accepts.\r\n');
    const query = parseForm(q < 0 ? '' : request.target.slice(q + 1));
    if (endpoint.toLowerCase() === 'authorize') {
      if (request.method !== 'GET' && request.method !== 'POST') return plain(405, 'Method Not Allowed', 'Method Not Allowed\r\n', [['Allow', 'GET, POST']]);
      const form = request.method === 'POST' ? merge(query, formBody(request.body)) : query;
      if (!form) return plain(400, 'Bad Request', 'AADSTS900144: The request could not be read.\r\n');
      return authorizeEndpoint(this.#ctx, request.method, form, path);
    }
    if (request.method !== 'POST') return stsError(world, 'invalid_request', 900561, `The endpoint only accepts POST, OPTIONS requests. Received a ${request.method.slice(0, 16)} request.`);
    const type = (headerValue(request.headers, 'Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    // A body of another type is not read at all, so every parameter is missing, as Entra ID answers.
    const form = type === 'application/x-www-form-urlencoded' ? formBody(request.body) : parseForm('');
    if (!form) return stsError(world, 'invalid_request', 9002313, 'Invalid request. Request is malformed or invalid.');
    return endpoint.toLowerCase() === 'token' ? tokenEndpoint(this.#ctx, form) : deviceCodeEndpoint(this.#ctx, form);
  }
}

function merge(a: Form | undefined, b: Form | undefined): Form | undefined {
  if (!a || !b) return undefined;
  return { fields: new Map([...a.fields, ...b.fields]), repeated: a.repeated || b.repeated };
}
