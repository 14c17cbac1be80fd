/**
 * XOAUTH2 against Microsoft's "Authenticate an IMAP, POP or SMTP connection using OAuth": the documented SASL
 * string, the documented success and failure replies per protocol, the token checks (audience, scope, expiry,
 * mailbox), and Basic authentication refused by Exchange Online on the data file's dates.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DAEMON_APP_ID, DAEMON_SECRET } from '../../../src/protocols/exchange/identity/platform.ts';
import { basicAuthRefusal, checkXoauth2, xoauth2Continuation, xoauth2Reply } from '../../../src/protocols/exchange/xoauth2-replies.ts';
import { parseXoauth2, xoauth2Message } from '../../../src/protocols/shared/xoauth2.ts';
import { delegatedToken, jsonOf, online, postForm } from './oauth-helpers.ts';

describe('the XOAUTH2 message', () => {
  test("Microsoft's example encodes to the documented base64 and parses back", () => {
    const b64 = xoauth2Message('test@contoso.onmicrosoft.com', 'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA');
    expect(b64).toBe('dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVyIEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ==');
    expect(parseXoauth2(b64)).toEqual({ user: 'test@contoso.onmicrosoft.com', token: 'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA' });
    // The IMAP sample's string from the same page.
    expect(parseXoauth2('dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==')).toEqual({ user: 'someuser@example.com', token: 'ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg' });
  });

  test('malformed messages are named, never thrown', () => {
    expect(parseXoauth2('%%%')).toBe('not-base64');
    expect(parseXoauth2(btoa('user=a\x01auth=Bearer x\x01'))).toBe('no-terminator');
    expect(parseXoauth2(btoa('auth=Bearer x\x01\x01'))).toBe('no-user');
    expect(parseXoauth2(btoa('user=a\x01auth=Basic x\x01\x01'))).toBe('no-bearer');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => typeof parseXoauth2(s) === 'string' || typeof parseXoauth2(s) === 'object'), { numRuns: 300 });
    // 300 generated runs: a guard against a hang, not a speed limit (it met the 5 s default once on a loaded machine).
  }, 30_000);
});

describe("Exchange Online's XOAUTH2 replies", () => {
  test('the documented replies for IMAP, POP3 and SMTP', () => {
    expect(xoauth2Continuation('pop3')).toBe('+');
    expect(xoauth2Continuation('smtp-submission')).toBe('334 ');
    expect(xoauth2Reply('imap', true, { tag: 'A01' })).toBe('A01 OK AUTHENTICATE completed.');
    expect(xoauth2Reply('imap', false, { tag: 'A01' })).toBe('A01 NO AUTHENTICATE failed.');
    expect(xoauth2Reply('pop3', true)).toBe('+OK User successfully authenticated.');
    expect(xoauth2Reply('pop3', false)).toBe('-ERR Authentication failure: unknown user name or bad password.');
    expect(xoauth2Reply('smtp-submission', true)).toBe('235 2.7.0 Authentication successful');
    expect(xoauth2Reply('smtp-submission', false, { host: 'SN2PR00CA0018.namprd00.prod.outlook.com' })).toBe('535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]');
  });

  test("a delegated token opens only its user's mailbox, only for the protocol its scope names, only until it expires", () => {
    const { world, idp } = online();
    const t = delegatedToken(idp, 'https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/POP.AccessAsUser.All').access_token;
    const ok = checkXoauth2(world, idp.authorizer, 'imap', xoauth2Message('alice@example.test', t), { tag: 'A01' });
    expect(ok).toMatchObject({ ok: true, appOnly: false, reply: 'A01 OK AUTHENTICATE completed.' });
    expect(checkXoauth2(world, idp.authorizer, 'pop3', xoauth2Message('alice@example.test', t)).ok).toBe(true);
    expect(checkXoauth2(world, idp.authorizer, 'smtp-submission', xoauth2Message('alice@example.test', t))).toMatchObject({ ok: false, why: 'missing-scope' });
    expect(checkXoauth2(world, idp.authorizer, 'imap', xoauth2Message('bob@example.test', t))).toMatchObject({ ok: false, why: 'wrong-mailbox' });
    expect(checkXoauth2(world, idp.authorizer, 'imap', xoauth2Message('alice@example.test', `${t}x`))).toMatchObject({ ok: false, why: 'unknown-token' });
    const graphToken = delegatedToken(idp, 'Mail.Read').access_token;
    expect(checkXoauth2(world, idp.authorizer, 'imap', xoauth2Message('alice@example.test', graphToken))).toMatchObject({ ok: false, why: 'wrong-audience' });
    world.clock.tick(3_599_000);
    expect(checkXoauth2(world, idp.authorizer, 'imap', xoauth2Message('alice@example.test', t), { tag: 'A02' })).toEqual({ ok: false, why: 'expired', reply: 'A02 NO AUTHENTICATE failed.' });
  });

  test('an app-only token (client credentials, https://outlook.office365.com/.default) opens any mailbox of the tenant', () => {
    const { world, idp } = online();
    const t = jsonOf(idp.handle(postForm('/common/oauth2/v2.0/token', { client_id: DAEMON_APP_ID, client_secret: DAEMON_SECRET, grant_type: 'client_credentials', scope: 'https://outlook.office365.com/.default' }))).access_token;
    expect(checkXoauth2(world, idp.authorizer, 'imap', xoauth2Message('bob@example.test', t))).toMatchObject({ ok: true, appOnly: true });
    expect(checkXoauth2(world, idp.authorizer, 'smtp-submission', xoauth2Message('alice@example.test', t)).reply).toBe('235 2.7.0 Authentication successful');
  });
});

describe('Basic authentication in Exchange Online', () => {
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  test('IMAP and POP3 refuse passwords since 1 October 2022, with the replies Exchange Online gives', () => {
    expect(basicAuthRefusal('imap', 'LOGIN', day('2022-09-30'))).toBeUndefined();
    expect(basicAuthRefusal('imap', 'LOGIN', day('2022-10-01'), { tag: 'a1' })).toBe('a1 NO LOGIN failed.');
    expect(basicAuthRefusal('imap', 'AUTHENTICATE', day('2026-11-21'), { tag: 'a2' })).toBe('a2 NO AUTHENTICATE failed.');
    expect(basicAuthRefusal('pop3', 'PASS', day('2026-11-21'))).toBe('-ERR Logon failure: unknown user name or bad password.');
    expect(basicAuthRefusal('pop3', 'AUTH', day('2026-11-21'))).toBe('-ERR Authentication failure: unknown user name or bad password.');
  });

  test('SMTP AUTH with a password works until the end of December 2026, then is off by default (535 5.7.139) unless the tenant turns it back on', () => {
    expect(basicAuthRefusal('smtp-submission', 'AUTH', day('2026-12-30'))).toBeUndefined();
    expect(basicAuthRefusal('smtp-submission', 'AUTH', day('2026-12-31'))).toBe('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.');
    expect(basicAuthRefusal('smtp-submission', 'AUTH', day('2027-02-01'), { smtpClientAuthenticationDisabled: false })).toBeUndefined();
    expect(basicAuthRefusal('smtp-submission', 'AUTH', day('2026-06-01'), { smtpClientAuthenticationDisabled: true })).toMatch(/^535 5\.7\.139 /);
  });
});
