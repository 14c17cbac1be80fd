/**
 * Hostile requests to the identity platform and to Graph never throw and get their documented errors: bad JSON,
 * bad forms, huge bodies, bad tokens, arbitrary paths and methods (fast-check properties, bounded by counts).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { GRAPH_MAX_BODY_OCTETS } from '../../../src/protocols/exchange/graph/graph.ts';
import { MAX_FORM_OCTETS } from '../../../src/protocols/exchange/identity/platform.ts';
import { fromOctets, toOctets } from '../../../src/protocols/exchange/xml-write.ts';
import type { HttpResponse } from '../../../src/protocols/shared/http-types.ts';
import { delegatedToken, graph, online } from './oauth-helpers.ts';

/** A response is well-formed: a known status, and a JSON body whenever it says it has one. */
function wellFormed(res: HttpResponse): boolean {
  if (!(res.status >= 200 && res.status < 600)) return false;
  const type = res.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!type.startsWith('application/json')) return true;
  const text = fromOctets(res.body);
  if (text === undefined) return false;
  JSON.parse(text);
  return true;
}

const methods = fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'get', '');
const segment = fc.oneof(fc.constantFrom('v1.0', 'me', 'users', 'messages', 'mailFolders', 'inbox', 'delta', '$value', 'move', 'sendMail', 'subscriptions', '%', '%zz', '..', 'alice@example.test'), fc.string({ maxLength: 12 }));
const target = fc.tuple(fc.array(segment, { maxLength: 6 }), fc.string({ maxLength: 30 })).map(([s, q]) => `/v1.0/${s.join('/')}${q === '' ? '' : `?${q}`}`);
const body = fc.oneof(fc.constant(''), fc.string(), fc.string({ unit: 'binary' }), fc.json(), fc.constantFrom('{', '[]', 'null', '{"isRead":"yes"}', '{"destinationId":{}}', '{"message":{"toRecipients":[{"emailAddress":null}]}}'));

describe('Graph never throws', () => {
  test('property: arbitrary paths, methods, JSON and non-JSON bodies with a valid token get a well-formed answer', () => {
    const { idp, server, world } = online();
    const token = delegatedToken(idp, 'Mail.ReadWrite Mail.Send').access_token;
    const before = world.inventory().length;
    fc.assert(
      fc.property(methods, target, body, fc.boolean(), (method, t, b, asJson) => {
        const res = server({ method, target: t, headers: [['Authorization', `Bearer ${token}`], ...(asJson ? [['Content-Type', 'application/json'] as [string, string]] : [])], body: toOctets(b) });
        return wellFormed(res) && res.status !== 500;
      }),
      { numRuns: 600 },
    );
    // Hostile sendMail bodies may have sent mail; nothing was lost.
    expect(world.inventory().length).toBeGreaterThanOrEqual(before - 3);
  });

  test('property: bad Authorization headers always get 401 InvalidAuthenticationToken with WWW-Authenticate', () => {
    const { server } = online();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `Bearer ${s}`), fc.constantFrom('Bearer', 'Bearer ', 'Basic YWxpY2U6d29uZGVybGFuZA==', 'bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.')), (auth) => {
        const res = server({ method: 'GET', target: '/v1.0/me/messages', headers: [['Authorization', auth]], body: '' });
        return res.status === 401 && res.headers.some(([n, v]) => n === 'WWW-Authenticate' && v.startsWith('Bearer ')) && JSON.parse(fromOctets(res.body)!).error.code === 'InvalidAuthenticationToken';
      }),
      { numRuns: 300 },
    );
  });

  test('a body past 4 MB is 413; broken JSON is 400 with Microsoft\'s message', () => {
    const { idp, server } = online();
    const token = delegatedToken(idp, 'Mail.ReadWrite Mail.Send').access_token;
    expect(server({ ...graph('POST', '/v1.0/me/sendMail', token, {}), body: 'x'.repeat(GRAPH_MAX_BODY_OCTETS + 1) }).status).toBe(413);
    const broken = server({ ...graph('POST', '/v1.0/me/sendMail', token, {}), body: '{"message":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(fromOctets(broken.body)!).error.message).toBe('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  });
});

describe('the identity platform never throws', () => {
  test('property: arbitrary forms to every endpoint get 2xx, 3xx or an OAuth error object, never a crash', () => {
    const { idp } = online();
    const field = fc.constantFrom('grant_type', 'client_id', 'client_secret', 'code', 'code_verifier', 'redirect_uri', 'scope', 'device_code', 'refresh_token', 'response_type', 'login', 'passwd', 'code_challenge', 'code_challenge_method');
    const value = fc.oneof(fc.string(), fc.constantFrom('authorization_code', 'client_credentials', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code', '3f5e9d2a-8c1b-4e7f-a6d0-2b9c4e1f7a53', 'Mail.Read', 'https://outlook.office365.com/.default', '.default', 'code', 'S256', '%'));
    const form = fc.array(fc.tuple(field, value), { maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
    const endpoint = fc.constantFrom('/common/oauth2/v2.0/token', '/organizations/oauth2/v2.0/devicecode', '/common/oauth2/v2.0/authorize', '/nope/oauth2/v2.0/token', '/common/oauth2/token');
    fc.assert(
      fc.property(endpoint, methods, form, fc.oneof(form, fc.string({ unit: 'binary' })), (path, method, query, b) => {
        const res = idp.handle({ method, target: `${path}?${query}`, headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: toOctets(b) });
        if (!wellFormed(res)) return false;
        if (res.status >= 400 && res.headers.some(([, v]) => v.startsWith('application/json'))) {
          const e = JSON.parse(fromOctets(res.body)!);
          return typeof e.error === 'string' && /^AADSTS\d+: /.test(e.error_description) && Array.isArray(e.error_codes);
        }
        return true;
      }),
      { numRuns: 600 },
    );
  });

  test('a form past 64 KiB is 413 before it is read', () => {
    const { idp } = online();
    expect(idp.handle({ method: 'POST', target: '/common/oauth2/v2.0/token', headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: `grant_type=${'a'.repeat(MAX_FORM_OCTETS)}` }).status).toBe(413);
  });
});
