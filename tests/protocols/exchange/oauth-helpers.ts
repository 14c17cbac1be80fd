/** Requests to the simulated identity platform and Graph, shared by the OAuth, XOAUTH2 and Graph tests. */
import { expect } from 'vitest';
import { IdentityPlatform, MAIL_APP_ID } from '../../../src/protocols/exchange/identity/platform.ts';
import { s256Challenge } from '../../../src/protocols/exchange/identity/sha256.ts';
import { exchangeServer } from '../../../src/protocols/exchange/server.ts';
import { fromOctets, toOctets } from '../../../src/protocols/exchange/xml-write.ts';
import type { HttpRequest, HttpResponse } from '../../../src/protocols/shared/http-types.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';

/** RFC 7636 Appendix B's verifier and its S256 challenge. */
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
export const REDIRECT = 'http://localhost/callback';

/** A form-encoded body. */
export const formOf = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** A POST of a form to the identity platform. */
export function postForm(target: string, fields: Record<string, string>): HttpRequest {
  return { method: 'POST', target, headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: toOctets(formOf(fields)) };
}

/** A response body parsed as JSON. */
export function jsonOf(res: HttpResponse): Record<string, any> {
  const text = fromOctets(res.body);
  expect(text, `body of ${res.status}`).toBeDefined();
  return JSON.parse(text!);
}

/** A world, its identity platform, and Exchange Online taking the platform's tokens. */
export function online(seed = 1) {
  const world = new MailWorld({ seed });
  const idp = new IdentityPlatform(world);
  const server = exchangeServer(world, 'online', { authorizer: idp.authorizer });
  return { world, idp, server };
}

/** The code the authorization endpoint redirects with, after alice signs in (PKCE S256 with RFC 7636's example). */
export function authorizationCode(idp: IdentityPlatform, scope: string, login = 'alice@example.test', password = 'wonderland'): string {
  const query = formOf({ client_id: MAIL_APP_ID, response_type: 'code', redirect_uri: REDIRECT, scope, state: '12345', code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  const res = idp.handle({ method: 'POST', target: `/common/oauth2/v2.0/authorize?${query}`, headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: formOf({ login, passwd: password }) });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.find(([n]) => n === 'Location')![1]);
  expect(location.searchParams.get('state')).toBe('12345');
  return location.searchParams.get('code')!;
}

/** A delegated access token for alice through the authorization code flow with PKCE. */
export function delegatedToken(idp: IdentityPlatform, scope: string): Record<string, any> {
  const code = authorizationCode(idp, scope);
  const res = idp.handle(postForm('/common/oauth2/v2.0/token', { client_id: MAIL_APP_ID, grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER }));
  expect(res.status).toBe(200);
  return jsonOf(res);
}

/** A Graph request with a bearer token and an optional JSON body. */
export function graph(method: string, target: string, token: string | undefined, body?: unknown, headers: [string, string][] = []): HttpRequest {
  const h: [string, string][] = [...headers];
  if (token !== undefined) h.push(['Authorization', `Bearer ${token}`]);
  if (body !== undefined) h.push(['Content-Type', 'application/json']);
  return { method, target, headers: h, body: body === undefined ? '' : toOctets(JSON.stringify(body)) };
}

export { s256Challenge };
