/**
 * `/{tenant}/oauth2/v2.0/authorize`: the authorization code request (RFC 6749 §4.1.1, with PKCE, RFC 7636).
 * GET shows the sign-in page; the page POSTs back the same parameters with the user's login and password (the
 * simulated browser step), and success redirects to the redirect URI with `code` and `state`. Errors about the
 * client or its redirect URI are shown on the page and never redirected (RFC 6749 §4.1.2.1); the others go back
 * to the app as `error` and `error_description` in the query, as Microsoft documents.
 */
import type { HttpResponse } from '../../shared/http-types.ts';
import type { AuthCode, IdentityContext } from './context.ts';
import { lifetimes } from './context.ts';
import { opaque, type Form } from './http.ts';
import { htmlPage, type PageForm } from './pages.ts';
import { readScopes, RESOURCES, type Resource } from './scopes.ts';

function page(status: number, reason: string, title: string, text: string, form?: PageForm): HttpResponse {
  return htmlPage(status, reason, title, [text], form);
}

function redirect(uri: string, params: Record<string, string>): HttpResponse {
  const query = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return { status: 302, reason: 'Found', headers: [['Location', `${uri}${uri.includes('?') ? '&' : '?'}${query}`]], body: '' };
}

/**
 * Answers GET (the sign-in page) and POST (the page's form with `login` and `passwd`) to the endpoint; the page's
 * form posts to `action` with the request's parameters as hidden fields.
 */
export function authorizeEndpoint(ctx: IdentityContext, method: string, form: Form, action = ''): HttpResponse {
  const f = (name: string) => form.fields.get(name);
  const clientId = f('client_id') ?? '';
  const app = ctx.apps.get(clientId);
  if (!app) return page(400, 'Bad Request', 'Sign in', `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`);
  const redirectUri = f('redirect_uri') ?? app.redirectUris[0] ?? '';
  if (!app.redirectUris.includes(redirectUri)) {
    return page(400, 'Bad Request', 'Sign in', `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`);
  }
  const state = f('state');
  const back = (error: string, description: string) => redirect(redirectUri, { error, error_description: description, ...(state === undefined ? {} : { state }) });
  if (f('response_type') !== 'code') return back('unsupported_response_type', `AADSTS700054: response_type '${f('response_type') ?? ''}' is not enabled for the application.`);
  const scopes = readScopes(f('scope') ?? '', false);
  if (!scopes.ok) return back('invalid_scope', `AADSTS${scopes.code}: ${scopes.text}`);
  const challenge = f('code_challenge');
  const method_ = f('code_challenge_method') ?? (challenge === undefined ? undefined : 'plain');
  if (method_ !== undefined && method_ !== 'S256' && method_ !== 'plain') return back('invalid_request', `AADSTS501491: Invalid size of Code_Challenge parameter or unsupported code_challenge_method '${method_}'.`);
  if (challenge !== undefined && !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge)) return back('invalid_request', 'AADSTS501491: Invalid size of Code_Challenge parameter.');
  const signIn: PageForm = { action, hidden: [...form.fields].filter(([n]) => n !== 'login' && n !== 'passwd' && n !== 'consent') };
  if (method === 'GET') return page(200, 'OK', 'Sign in', `Sign in to ${app.displayName} with your work account. It asks for: ${f('scope') ?? ''}`, signIn);
  const login = f('login') ?? '';
  const user = ctx.world.localRecipient(login) ?? ctx.world.user(login);
  if (!user || !ctx.world.authenticate(user.name, f('passwd') ?? '')) {
    return page(200, 'OK', 'Sign in', 'AADSTS50126: Error validating credentials due to invalid username or password.', signIn);
  }
  if (f('consent') === 'deny') return back('access_denied', 'AADSTS65004: User declined to consent to access the app.');
  // The user consents to everything asked for, each resource's permissions kept apart.
  const consent = new Map<Resource, readonly string[]>();
  for (const item of (f('scope') ?? '').split(' ').filter((s) => s !== '')) {
    const one = readScopes(item, true);
    if (one.ok && one.oidc.length === 0 && one.permissions.length > 0) consent.set(one.resource, [...new Set([...(consent.get(one.resource) ?? []), ...one.permissions])]);
  }
  if (consent.size === 0) consent.set(RESOURCES[0]!, ['User.Read']);
  const code = opaque(ctx.world, '0.AXcA');
  const grant: AuthCode = {
    clientId,
    redirectUri,
    user,
    consent,
    resource: [...consent.keys()][0]!,
    offline: scopes.oidc.includes('offline_access'),
    challenge: challenge === undefined ? undefined : { value: challenge, method: method_ as 'S256' | 'plain' },
    expiresAt: ctx.world.clock.peek().getTime() + lifetimes.authorizationCodeSeconds * 1000,
    redeemed: false,
  };
  ctx.codes.set(code, grant);
  return redirect(redirectUri, { code, ...(state === undefined ? {} : { state }) });
}
