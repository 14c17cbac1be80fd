/**
 * The identity platform's pages for a person, as pure request → response (the curl tests drive them over HTTPS):
 * the device-code page's every outcome, the sign-in form's hidden fields, and that whatever is echoed is escaped.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { IdentityPlatform, MAIL_APP_ID } from '../../src/protocols/exchange/identity/platform.ts';
import { htmlPage, PAGE_HEADERS } from '../../src/protocols/exchange/identity/pages.ts';
import type { HttpRequest } from '../../src/protocols/shared/http-types.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

const form = (target: string, body: Record<string, string>): HttpRequest => ({
  method: 'POST',
  target,
  headers: [['Content-Type', 'application/x-www-form-urlencoded']],
  body: new URLSearchParams(body).toString(),
});

function deviceCode(idp: IdentityPlatform): { user_code: string; device_code: string } {
  const res = idp.handle(form('/common/oauth2/v2.0/devicecode', { client_id: MAIL_APP_ID, scope: 'Mail.Read' }));
  return JSON.parse(res.body) as { user_code: string; device_code: string };
}

const text = (body: string) => Buffer.from(body, 'latin1').toString('utf8');

describe('the device-code page (/devicelogin)', () => {
  test('GET is the form; POST approves, declines, or shows the form again with why', () => {
    const world = new MailWorld();
    const idp = new IdentityPlatform(world);
    const get = idp.handle({ method: 'GET', target: '/devicelogin', headers: [], body: '' });
    expect(get.status).toBe(200);
    expect(get.headers).toEqual(PAGE_HEADERS);
    for (const name of ['otc', 'login', 'passwd', 'consent']) expect(text(get.body)).toContain(`name="${name}"`);

    const a = deviceCode(idp);
    const wrongPassword = text(idp.handle(form('/devicelogin', { otc: a.user_code, login: 'alice', passwd: 'nope' })).body);
    expect(wrongPassword).toContain('AADSTS50126');
    expect(wrongPassword).toContain('name="otc"');
    expect(text(idp.handle(form('/devicelogin', { otc: a.user_code.toLowerCase(), login: 'alice', passwd: 'wonderland' })).body)).toContain('You are signed in');
    // The code is used up: entering it again is an unknown code.
    expect(text(idp.handle(form('/devicelogin', { otc: a.user_code, login: 'alice', passwd: 'wonderland' })).body)).toContain('AADSTS70000');

    const b = deviceCode(idp);
    expect(text(idp.handle(form('/devicelogin', { otc: b.user_code, login: 'bob', passwd: 'builder', consent: 'deny' })).body)).toContain('Sign-in declined');
    const poll = idp.handle(form('/common/oauth2/v2.0/token', { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: MAIL_APP_ID, device_code: b.device_code }));
    expect(JSON.parse(poll.body).error).toBe('authorization_declined');

    const c = deviceCode(idp);
    world.clock.tick(901_000);
    expect(text(idp.handle(form('/devicelogin', { otc: c.user_code, login: 'alice', passwd: 'wonderland' })).body)).toContain('AADSTS70019');
  });

  test('other methods are 405 with Allow; a body that is not a form is 400', () => {
    const idp = new IdentityPlatform(new MailWorld());
    const put = idp.handle({ method: 'PUT', target: '/devicelogin', headers: [], body: '' });
    expect(put.status).toBe(405);
    expect(put.headers).toContainEqual(['Allow', 'GET, POST']);
    expect(idp.handle({ method: 'POST', target: '/devicelogin', headers: [], body: 'otc=%zz' }).status).toBe(400);
  });
});

describe('the sign-in form of the authorization code flow', () => {
  test('carries every request parameter as a hidden field, escaped, and posts to the endpoint', () => {
    const idp = new IdentityPlatform(new MailWorld());
    const q = new URLSearchParams({ client_id: MAIL_APP_ID, response_type: 'code', redirect_uri: 'http://localhost', scope: 'Mail.Read', state: '"><script>alert(1)</script>' });
    const page = text(idp.handle({ method: 'GET', target: `/common/oauth2/v2.0/authorize?${q}`, headers: [], body: '' }).body);
    expect(page).toContain('<form method="post" action="/common/oauth2/v2.0/authorize">');
    expect(page).toContain('<input type="hidden" name="state" value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;">');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain(`<input type="hidden" name="client_id" value="${MAIL_APP_ID}">`);
  });
});

describe('escaping', () => {
  test('property: no text put on a page can open a tag, an entity or leave an attribute', () => {
    const page = (a: string, b: string) => text(htmlPage(200, 'OK', a, [b], { action: b, hidden: [[a, b]], userCode: true }).body);
    const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;
    const plain = page('a', 'b');
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const html = page(a, b);
        // The page's own tags in the same order, its own quotes only, and every ampersand the start of an escape.
        expect(html.match(/<[^\s>]*/g)).toEqual(plain.match(/<[^\s>]*/g));
        expect(count(html, /"/g)).toBe(count(plain, /"/g));
        expect(count(html, /'/g)).toBe(count(plain, /'/g));
        expect(count(html, /&/g)).toBe(count(html, /&#\d+;/g));
      }),
    );
  });
});
