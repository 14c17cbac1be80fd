/**
 * The identity platform's pages for the steps that need a person: the sign-in form of the authorization code flow
 * and the device-code verification page (`/devicelogin`). Plain HTML forms, no script and no style, so they work
 * with a text browser or with curl; everything echoed is escaped, and the Content-Security-Policy allows nothing
 * but posting the form back to the same origin.
 */
import type { HttpResponse } from '../../shared/http-types.ts';
import { toOctets } from '../xml-write.ts';
import type { IdentityContext } from './context.ts';
import { enterUserCode, type UserCodeResult } from './device.ts';
import type { Form } from './http.ts';

/** The page's security headers: nothing loads, nothing frames it, nothing caches it, forms post only back here. */
export const PAGE_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Type', 'text/html; charset=utf-8'],
  ['Content-Security-Policy', "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"],
  ['X-Content-Type-Options', 'nosniff'],
  ['Cache-Control', 'no-store'],
];

/** Text made safe inside HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a form on a page holds: where it posts, hidden fields, and whether it asks for a user code. */
export interface PageForm {
  action: string;
  hidden: ReadonlyArray<readonly [string, string]>;
  userCode?: boolean;
}

/** A whole page: a title, paragraphs of text, and optionally the sign-in form (login, passwd, accept or deny). */
export function htmlPage(status: number, reason: string, title: string, paragraphs: readonly string[], form?: PageForm): HttpResponse {
  const p = paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`).join('');
  const fields = form
    ? [
        ...form.hidden.map(([n, v]) => `<input type="hidden" name="${escapeHtml(n)}" value="${escapeHtml(v)}">`),
        ...(form.userCode ? ['<p><label>Code <input name="otc" autocomplete="off" required></label></p>'] : []),
        '<p><label>Email or user name <input name="login" autocomplete="username" required></label></p>',
        '<p><label>Password <input name="passwd" type="password" autocomplete="current-password" required></label></p>',
        '<p><button name="consent" value="accept">Sign in and accept</button> <button name="consent" value="deny">Cancel</button></p>',
      ].join('')
    : '';
  const body = form ? `${p}<form method="post" action="${escapeHtml(form.action)}">${fields}</form>` : p;
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return { status, reason, headers: PAGE_HEADERS.map(([n, v]) => [n, v] as [string, string]), body: toOctets(html) };
}

const RESULT_TEXT: Record<Exclude<UserCodeResult, 'approved' | 'declined'>, string> = {
  'unknown-code': "AADSTS70000: That code didn't work. Check the code and try again.",
  expired: 'AADSTS70019: The code you entered has expired. Get a new code from the device you are trying to sign in to and try again.',
  'bad-credentials': 'AADSTS50126: Error validating credentials due to invalid username or password.',
};

/**
 * `/devicelogin`: GET shows the form (the code, then the user's login and password); POST enters the code as the
 * user (RFC 8628 §3.3). A failed attempt shows the form again with why, as Microsoft's page does.
 */
export function deviceLoginPage(ctx: IdentityContext, method: string, action: string, form: Form): HttpResponse {
  const title = 'Enter code';
  const ask = 'Enter the code displayed on your app or device, then sign in with your work account.';
  const again = { action, hidden: [], userCode: true };
  if (method === 'GET') return htmlPage(200, 'OK', title, [ask], again);
  if (method !== 'POST') {
    const r = htmlPage(405, 'Method Not Allowed', title, ['This page takes GET and POST.']);
    return { ...r, headers: [...r.headers, ['Allow', 'GET, POST']] };
  }
  const f = (name: string) => form.fields.get(name) ?? '';
  const approve = f('consent') !== 'deny';
  const result = enterUserCode(ctx, f('otc'), f('login'), f('passwd'), approve);
  if (result === 'approved') return htmlPage(200, 'OK', 'You are signed in', ['You have signed in to the application on your device. You may now close this window.']);
  if (result === 'declined') return htmlPage(200, 'OK', 'Sign-in declined', ['You declined to sign in to the application on your device. You may now close this window.']);
  return htmlPage(200, 'OK', title, [RESULT_TEXT[result], ask], again);
}
