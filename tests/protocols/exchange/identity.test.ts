/**
 * The simulated Microsoft identity platform against Microsoft's documented requests and responses (authorization
 * code with PKCE, device code, client credentials, refresh token; the token endpoint's error shape with AADSTS
 * codes), and a model-based test of the flows with fast-check commands.
 */
import { describe, expect, test } from 'vitest';
import { exchangeFacts } from '../../../src/data/exchange.ts';
import { DAEMON_APP_ID, DAEMON_SECRET, IdentityPlatform, MAIL_APP_ID } from '../../../src/protocols/exchange/identity/platform.ts';
import { isCodeVerifier, sha256 } from '../../../src/protocols/exchange/identity/sha256.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { authorizationCode, CHALLENGE, delegatedToken, jsonOf, postForm, REDIRECT, s256Challenge, VERIFIER } from './oauth-helpers.ts';

const TOKEN = '/common/oauth2/v2.0/token';
const setup = () => {
  const world = new MailWorld();
  return { world, idp: new IdentityPlatform(world) };
};
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));

describe('PKCE', () => {
  test('S256 of RFC 7636 Appendix B verifier is its challenge; SHA-256 matches FIPS 180-4 vectors', () => {
    expect(s256Challenge(VERIFIER)).toBe(CHALLENGE);
    const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(isCodeVerifier(VERIFIER)).toBe(true);
    expect(isCodeVerifier('short')).toBe(false);
  });
});

describe('authorization code flow (Microsoft: v2-oauth2-auth-code-flow)', () => {
  test('GET authorize shows the sign-in page; POST with the password redirects with code and state', () => {
    const { idp } = setup();
    const page = idp.handle({ method: 'GET', target: `/common/oauth2/v2.0/authorize?client_id=${MAIL_APP_ID}&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=Mail.Read`, headers: [], body: '' });
    expect(page.status).toBe(200);
    expect(authorizationCode(idp, 'Mail.Read offline_access')).toMatch(/^0\.AXcA/);
  });

  test('the token response has the documented fields; the token is an unsigned JWT with aud, scp, appid, exp', () => {
    const { world, idp } = setup();
    const t = delegatedToken(idp, 'https://graph.microsoft.com/Mail.Read offline_access');
    expect(Object.keys(t).sort()).toEqual(['access_token', 'expires_in', 'ext_expires_in', 'refresh_token', 'scope', 'token_type']);
    expect(t).toMatchObject({ token_type: 'Bearer', expires_in: exchangeFacts.identityLifetimes.accessTokenSeconds, scope: 'Mail.Read' });
    const c = claims(t.access_token);
    expect(c).toMatchObject({ aud: 'https://graph.microsoft.test', scp: 'Mail.Read', appid: MAIL_APP_ID, upn: 'alice@example.test' });
    expect(c.exp - c.iat).toBe(3599);
    expect(JSON.parse(Buffer.from(t.access_token.split('.')[0], 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'none' });
    expect(idp.authorizer.lookup(t.access_token)?.expiresAt).toBe(world.clock.peek().getTime() + 3_599_000);
  });

  test('a code is used once (AADSTS54005), a wrong verifier is refused (AADSTS50148), an old code has expired (AADSTS70008)', () => {
    const { world, idp } = setup();
    const redeem = (code: string, verifier = VERIFIER) => idp.handle(postForm(TOKEN, { client_id: MAIL_APP_ID, grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier }));
    const code = authorizationCode(idp, 'Mail.Read');
    expect(redeem(code, VERIFIER.replace('d', 'e')).status).toBe(400);
    const wrong = jsonOf(redeem(authorizationCode(idp, 'Mail.Read'), VERIFIER.replace('d', 'e')));
    expect(wrong.error).toBe('invalid_grant');
    expect(wrong.error_codes).toEqual([50148]);
    expect(wrong.error_description).toMatch(/^AADSTS50148: The code_verifier does not match the code_challenge supplied in the authorization request for PKCE\.\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    const fresh = authorizationCode(idp, 'Mail.Read');
    expect(redeem(fresh).status).toBe(200);
    expect(jsonOf(redeem(fresh)).error_codes).toEqual([54005]);
    const old = authorizationCode(idp, 'Mail.Read');
    world.clock.tick(exchangeFacts.identityLifetimes.authorizationCodeSeconds * 1000);
    expect(jsonOf(redeem(old)).error_codes).toEqual([70008]);
  });

  test('the authorize endpoint shows client errors on its page and sends the others back to the app', () => {
    const { idp } = setup();
    const get = (q: string) => idp.handle({ method: 'GET', target: `/common/oauth2/v2.0/authorize?${q}`, headers: [], body: '' });
    expect(get('client_id=nobody&response_type=code').status).toBe(400);
    expect(get(`client_id=${MAIL_APP_ID}&response_type=code&redirect_uri=https%3A%2F%2Fevil.example`).status).toBe(400);
    const bad = get(`client_id=${MAIL_APP_ID}&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=https%3A%2F%2Ffoo.microsoft.com%2Fmail.read&state=s`);
    expect(bad.status).toBe(302);
    const loc = new URL(bad.headers[0]![1]);
    expect(loc.searchParams.get('error')).toBe('invalid_scope');
    expect(loc.searchParams.get('error_description')).toContain('AADSTS70011');
    expect(loc.searchParams.get('state')).toBe('s');
  });

  test('refresh_token gets a new access token, also for another consented resource; unknown ones are invalid_grant', () => {
    const { idp } = setup();
    const t = delegatedToken(idp, 'Mail.Read https://outlook.office.com/IMAP.AccessAsUser.All offline_access');
    const r = jsonOf(idp.handle(postForm(TOKEN, { client_id: MAIL_APP_ID, grant_type: 'refresh_token', refresh_token: t.refresh_token, scope: 'https://outlook.office.com/IMAP.AccessAsUser.All' })));
    expect(claims(r.access_token)).toMatchObject({ aud: 'https://outlook.office365.test', scp: 'IMAP.AccessAsUser.All' });
    expect(r.scope).toBe('https://outlook.office.com/IMAP.AccessAsUser.All');
    const notConsented = jsonOf(idp.handle(postForm(TOKEN, { client_id: MAIL_APP_ID, grant_type: 'refresh_token', refresh_token: t.refresh_token, scope: 'Mail.Send' })));
    expect(notConsented).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });
    expect(jsonOf(idp.handle(postForm(TOKEN, { client_id: MAIL_APP_ID, grant_type: 'refresh_token', refresh_token: 'nope' }))).error).toBe('invalid_grant');
  });
});

describe('device code flow (Microsoft: v2-oauth2-device-code)', () => {
  test('devicecode answers the documented fields; polling is pending until the user signs in, then grants', () => {
    const { idp } = setup();
    const dc = jsonOf(idp.handle(postForm('/organizations/oauth2/v2.0/devicecode', { client_id: MAIL_APP_ID, scope: 'Mail.Read offline_access' })));
    expect(Object.keys(dc).sort()).toEqual(['device_code', 'expires_in', 'interval', 'message', 'user_code', 'verification_uri']);
    expect(dc).toMatchObject({ expires_in: 900, interval: 5, verification_uri: 'https://microsoft.test/devicelogin' });
    expect(dc.message).toBe(`To sign in, use a web browser to open the page https://microsoft.test/devicelogin and enter the code ${dc.user_code} to authenticate.`);
    const poll = () => idp.handle(postForm(TOKEN, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: MAIL_APP_ID, device_code: dc.device_code }));
    expect(jsonOf(poll())).toMatchObject({ error: 'authorization_pending', error_codes: [70016] });
    expect(idp.enterUserCode(dc.user_code, 'alice', 'wrong')).toBe('bad-credentials');
    expect(idp.enterUserCode(dc.user_code, 'alice@example.test', 'wonderland')).toBe('approved');
    const granted = jsonOf(poll());
    expect(granted).toMatchObject({ token_type: 'Bearer', scope: 'Mail.Read' });
    expect(granted.refresh_token).toBeDefined();
    expect(jsonOf(poll()).error).toBe('bad_verification_code');
  });

  test('after expires_in the device code is expired_token (AADSTS70019); a declined one is authorization_declined', () => {
    const { world, idp } = setup();
    const start = () => jsonOf(idp.handle(postForm('/common/oauth2/v2.0/devicecode', { client_id: MAIL_APP_ID, scope: 'Mail.Read' })));
    const poll = (d: string) => jsonOf(idp.handle(postForm(TOKEN, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: MAIL_APP_ID, device_code: d })));
    const declined = start();
    idp.enterUserCode(declined.user_code, 'alice', 'wonderland', false);
    expect(poll(declined.device_code).error).toBe('authorization_declined');
    const late = start();
    world.clock.tick(900_000);
    expect(poll(late.device_code)).toMatchObject({ error: 'expired_token', error_codes: [70019] });
    expect(idp.enterUserCode(late.user_code, 'alice', 'wonderland')).toBe('expired');
  });
});

describe('client credentials (Microsoft: v2-oauth2-client-creds-grant-flow)', () => {
  test('the daemon gets an app-only token with roles for {resource}/.default; without .default it is AADSTS1002012', () => {
    const { idp } = setup();
    const ok = jsonOf(idp.handle(postForm(TOKEN, { client_id: DAEMON_APP_ID, client_secret: DAEMON_SECRET, grant_type: 'client_credentials', scope: 'https://outlook.office365.com/.default' })));
    expect(ok.refresh_token).toBeUndefined();
    expect(claims(ok.access_token)).toMatchObject({ aud: 'https://outlook.office365.test', roles: ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp'] });
    const scp = jsonOf(idp.handle(postForm(TOKEN, { client_id: DAEMON_APP_ID, client_secret: DAEMON_SECRET, grant_type: 'client_credentials', scope: 'Mail.Read' })));
    expect(scp).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    const secret = idp.handle(postForm(TOKEN, { client_id: DAEMON_APP_ID, client_secret: 'guess', grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }));
    expect(secret.status).toBe(401);
    expect(jsonOf(secret)).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(jsonOf(idp.handle(postForm(TOKEN, { client_id: MAIL_APP_ID, grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }))).error).toBe('invalid_client');
  });

  test('missing grant_type, unknown grant types, unknown tenants, GET and two resources get their AADSTS errors', () => {
    const { idp } = setup();
    expect(jsonOf(idp.handle(postForm(TOKEN, { client_id: MAIL_APP_ID }))).error_codes).toEqual([900144]);
    expect(jsonOf(idp.handle(postForm(TOKEN, { grant_type: 'password', client_id: MAIL_APP_ID }))).error).toBe('unsupported_grant_type');
    expect(jsonOf(idp.handle(postForm('/contoso.example/oauth2/v2.0/token', { grant_type: 'client_credentials' }))).error_codes).toEqual([90002]);
    expect(jsonOf(idp.handle({ method: 'GET', target: TOKEN, headers: [], body: '' })).error_codes).toEqual([900561]);
    const two = jsonOf(idp.handle(postForm('/common/oauth2/v2.0/devicecode', { client_id: MAIL_APP_ID, scope: 'Mail.Read https://outlook.office.com/SMTP.Send' })));
    expect(two).toMatchObject({ error: 'invalid_scope', error_codes: [28000] });
  });
});

describe("slice 1's Authorizer hook", () => {
  test('EWS in Exchange Online (app allow-listed) accepts a token the platform issued for EWS.AccessAsUser.All, and refuses a Graph token', async () => {
    const { ews, textOf, xmlOf } = await import('./helpers.ts');
    const { exchangeServer } = await import('../../../src/protocols/exchange/server.ts');
    const world = new MailWorld();
    const idp = new IdentityPlatform(world);
    const server = exchangeServer(world, 'online', { authorizer: idp.authorizer, ewsEnabled: true, ewsAllowedAppIds: [MAIL_APP_ID] });
    const op = '<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>';
    const ewsToken = delegatedToken(idp, 'https://outlook.office365.com/EWS.AccessAsUser.All').access_token;
    const ok = server(ews(op, `Bearer ${ewsToken}`));
    expect(ok.status).toBe(200);
    expect(textOf(xmlOf(ok), 'DisplayName')).toBe('Inbox');
    expect(server(ews(op, `Bearer ${delegatedToken(idp, 'Mail.Read').access_token}`)).status).toBe(401);
  });
});

describe('a token for ActiveSync (EAS.AccessAsUser.All, a delegated permission of Office 365 Exchange Online)', () => {
  test('is issued with EWS in one token for Exchange Online, and opens ActiveSync there', async () => {
    const { online } = await import('./oauth-helpers.ts');
    const { idp, server } = online();
    const token = delegatedToken(idp, 'https://outlook.office365.com/EWS.AccessAsUser.All https://outlook.office365.com/EAS.AccessAsUser.All');
    expect(String(token.scope)).toContain('EAS.AccessAsUser.All');
    const options = (bearer: string) => server({ method: 'OPTIONS', target: '/Microsoft-Server-ActiveSync', headers: [['Host', 'outlook.office365.test'], ['Authorization', `Bearer ${bearer}`]], body: '' });
    expect(options(token.access_token).status).toBe(200);
    const ewsOnly = delegatedToken(idp, 'https://outlook.office365.com/EWS.AccessAsUser.All');
    const refused = options(ewsOnly.access_token);
    expect(refused.status).toBe(403);
    expect(refused.headers.find(([n]) => n === 'WWW-Authenticate')?.[1]).toContain('insufficient_scope');
  });
});
