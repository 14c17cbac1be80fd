/**
 * `/{tenant}/oauth2/v2.0/token` (RFC 6749 §4–6): authorization_code (with the PKCE check, RFC 7636 §4.6),
 * the device code grant (RFC 8628 §3.4), client_credentials (a `/.default` scope and a client secret) and
 * refresh_token. Errors carry the AADSTS codes Entra ID gives for each case.
 */
import type { HttpResponse } from '../../shared/http-types.ts';
import type { MailUser } from '../../shared/world.ts';
import type { AppRegistration } from './apps.ts';
import { lifetimes, type IdentityContext } from './context.ts';
import { json, opaque, stsError, type Form } from './http.ts';
import { readScopes, scopeString, type Resource } from './scopes.ts';
import { s256Challenge } from './sha256.ts';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

type Result = HttpResponse;

/** The successful token response Microsoft documents; a refresh token only when offline_access was granted. */
function tokenResponse(ctx: IdentityContext, app: AppRegistration, user: MailUser | undefined, resource: Resource, permissions: readonly string[], consent: ReadonlyMap<Resource, readonly string[]> | undefined): Result {
  const issued = ctx.tokens.issue({ user, appId: app.clientId, audience: resource.audience, scopes: permissions, lifetimeSeconds: lifetimes.accessTokenSeconds });
  const body: Record<string, unknown> = { token_type: 'Bearer', scope: scopeString(resource, permissions), expires_in: lifetimes.accessTokenSeconds, ext_expires_in: lifetimes.accessTokenSeconds, access_token: issued.token };
  if (user && consent) {
    const refresh = opaque(ctx.world, '1.AXcA');
    ctx.refreshTokens.set(refresh, { clientId: app.clientId, user, consent, expiresAt: ctx.world.clock.peek().getTime() + lifetimes.refreshTokenDays * 86_400_000 });
    body.refresh_token = refresh;
  }
  return json(200, 'OK', body);
}

/** The app, after checking its client authentication: confidential clients must send their secret, public ones none. */
function client(ctx: IdentityContext, form: Form): AppRegistration | Result {
  const id = form.fields.get('client_id');
  if (id === undefined) return stsError(ctx.world, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  const app = ctx.apps.get(id);
  if (!app) return stsError(ctx.world, 'unauthorized_client', 700016, `Application with identifier '${id}' was not found in the directory.`);
  const secret = form.fields.get('client_secret');
  if (app.secret === undefined) {
    if (secret !== undefined) return stsError(ctx.world, 'invalid_request', 700025, 'Client is public so neither \'client_assertion\' nor \'client_secret\' should be presented.');
    return app;
  }
  if (secret === undefined) return stsError(ctx.world, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", 401);
  if (secret !== app.secret) return stsError(ctx.world, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`, 401);
  return app;
}

/** The permissions a token request asks for within what was consented; undefined scope keeps the default. */
function narrowed(ctx: IdentityContext, scope: string | undefined, consent: ReadonlyMap<Resource, readonly string[]>, fallback: Resource, app: AppRegistration): { resource: Resource; permissions: readonly string[] } | Result {
  if (scope === undefined) return { resource: fallback, permissions: consent.get(fallback) ?? [] };
  const asked = readScopes(scope, true);
  if (!asked.ok) return stsError(ctx.world, 'invalid_scope', asked.code, asked.text);
  const granted = consent.get(asked.resource) ?? [];
  const wanted = asked.permissions.length > 0 ? asked.permissions : granted;
  if (wanted.length === 0 || wanted.some((p) => !granted.includes(p))) {
    return stsError(ctx.world, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`);
  }
  return { resource: asked.resource, permissions: wanted };
}

function authorizationCode(ctx: IdentityContext, app: AppRegistration, form: Form): Result {
  const code = form.fields.get('code');
  if (code === undefined) return stsError(ctx.world, 'invalid_request', 900144, "The request body must contain the following parameter: 'code'.");
  const grant = ctx.codes.get(code);
  if (!grant) return stsError(ctx.world, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  if (grant.redeemed) return stsError(ctx.world, 'invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
  if (grant.clientId !== app.clientId) return stsError(ctx.world, 'invalid_grant', 70000, 'Provided grant is invalid or malformed: the code was issued to another client.');
  if (grant.expiresAt <= ctx.world.clock.peek().getTime()) return stsError(ctx.world, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
  // RFC 6749 §4.1.3: the redirect URI must be the one the code was sent to.
  if ((form.fields.get('redirect_uri') ?? '') !== grant.redirectUri) return stsError(ctx.world, 'invalid_grant', 50011, `The redirect URI '${form.fields.get('redirect_uri') ?? ''}' specified in the request does not match the redirect URI used in the authorization request.`);
  if (grant.challenge) {
    const verifier = form.fields.get('code_verifier') ?? '';
    const computed = grant.challenge.method === 'S256' ? s256Challenge(verifier) : verifier;
    if (computed !== grant.challenge.value) return stsError(ctx.world, 'invalid_grant', 50148, 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.');
  }
  const target = narrowed(ctx, form.fields.get('scope'), grant.consent, grant.resource, app);
  if ('status' in target) return target;
  grant.redeemed = true;
  return tokenResponse(ctx, app, grant.user, target.resource, target.permissions, grant.offline ? grant.consent : undefined);
}

function deviceCode(ctx: IdentityContext, app: AppRegistration, form: Form): Result {
  const grant = ctx.devices.get(form.fields.get('device_code') ?? '');
  if (!grant || grant.clientId !== app.clientId || grant.state.kind === 'redeemed') return stsError(ctx.world, 'bad_verification_code', 70000, 'Provided grant is invalid or malformed: the device_code was not recognized.');
  if (grant.expiresAt <= ctx.world.clock.peek().getTime()) return stsError(ctx.world, 'expired_token', 70019, 'Verification code expired.');
  if (grant.state.kind === 'pending') return stsError(ctx.world, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
  if (grant.state.kind === 'declined') return stsError(ctx.world, 'authorization_declined', 65004, 'User declined to consent to access the app.');
  const user = grant.state.user;
  grant.state = { kind: 'redeemed' };
  const consent = new Map([[grant.resource, grant.permissions]]);
  return tokenResponse(ctx, app, user, grant.resource, grant.permissions, grant.offline ? consent : undefined);
}

function clientCredentials(ctx: IdentityContext, app: AppRegistration, form: Form): Result {
  if (app.secret === undefined) return stsError(ctx.world, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", 401);
  const scope = form.fields.get('scope') ?? '';
  const asked = readScopes(scope, true);
  if (!asked.ok) return stsError(ctx.world, 'invalid_scope', asked.code, asked.text);
  if (!asked.dotDefault || asked.permissions.length > 0 || asked.oidc.length > 0) {
    return stsError(ctx.world, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  return tokenResponse(ctx, app, undefined, asked.resource, app.roles[asked.resource.audience] ?? [], undefined);
}

function refreshToken(ctx: IdentityContext, app: AppRegistration, form: Form): Result {
  const grant = ctx.refreshTokens.get(form.fields.get('refresh_token') ?? '');
  if (!grant) return stsError(ctx.world, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  if (grant.clientId !== app.clientId) return stsError(ctx.world, 'invalid_grant', 70000, 'Provided grant is invalid or malformed: the refresh token was issued to another client.');
  if (grant.expiresAt <= ctx.world.clock.peek().getTime()) return stsError(ctx.world, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.');
  const first = [...grant.consent.keys()][0]!;
  const target = narrowed(ctx, form.fields.get('scope'), grant.consent, first, app);
  if ('status' in target) return target;
  return tokenResponse(ctx, app, grant.user, target.resource, target.permissions, grant.consent);
}

const GRANTS: Readonly<Record<string, (ctx: IdentityContext, app: AppRegistration, form: Form) => Result>> = {
  authorization_code: authorizationCode,
  [DEVICE_GRANT]: deviceCode,
  client_credentials: clientCredentials,
  refresh_token: refreshToken,
};

/** POST /token with a form body. */
export function tokenEndpoint(ctx: IdentityContext, form: Form): HttpResponse {
  const type = form.fields.get('grant_type');
  if (type === undefined) return stsError(ctx.world, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
  const grant = Object.hasOwn(GRANTS, type) ? GRANTS[type] : undefined;
  if (!grant) return stsError(ctx.world, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${type}'.`);
  const app = client(ctx, form);
  if ('status' in app) return app;
  return grant(ctx, app, form);
}
