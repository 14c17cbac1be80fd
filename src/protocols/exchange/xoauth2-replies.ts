/**
 * Exchange Online's side of XOAUTH2 on IMAP, POP3 and SMTP submission, as pure functions the protocol machines
 * call: the token check (issued by the identity platform, unexpired, audience Exchange Online, the protocol's
 * delegated scope or app role, for the mailbox named in user=) and the replies Microsoft documents in
 * "Authenticate an IMAP, POP or SMTP connection using OAuth". Exchange Online gives no JSON error challenge
 * (that is Gmail's XOAUTH2): a refused token gets the protocol's plain failure at once. Also the answers to Basic
 * authentication (LOGIN, PLAIN, USER/PASS) where Exchange Online refuses it, on the dates of src/data/exchange.ts.
 */
import { exchangeFacts } from '../../data/exchange.ts';
import type { MailUser, MailWorld } from '../shared/world.ts';
import { parseXoauth2 } from '../shared/xoauth2.ts';
import { EXCHANGE_RESOURCE } from './identity/scopes.ts';
import type { TokenStore } from './identity/tokens.ts';
import { basicRefused, dayStart } from './policy.ts';

/** The mail protocols Exchange Online offers XOAUTH2 on. */
export type XoauthProtocol = 'imap' | 'pop3' | 'smtp-submission';

/** The delegated scope and the app role that open each protocol. */
export const XOAUTH2_PERMISSIONS: Readonly<Record<XoauthProtocol, readonly [string, string]>> = {
  imap: ['IMAP.AccessAsUser.All', 'IMAP.AccessAsApp'],
  pop3: ['POP.AccessAsUser.All', 'POP.AccessAsApp'],
  'smtp-submission': ['SMTP.Send', 'SMTP.SendAsApp'],
};

/** Where the reply goes: the IMAP tag, and the host name SMTP puts in its 535. */
export interface ReplyContext {
  tag?: string;
  host?: string;
}

/** The empty challenge before the client's XOAUTH2 message (IMAP "+ ", POP3 "+", SMTP "334 "; RFC 3501, 5034, 4954). */
export function xoauth2Continuation(protocol: XoauthProtocol): string {
  return protocol === 'imap' ? '+ ' : protocol === 'pop3' ? '+' : '334 ';
}

/** Microsoft's documented success and failure replies for each protocol. */
export function xoauth2Reply(protocol: XoauthProtocol, ok: boolean, at: ReplyContext = {}): string {
  const host = at.host ?? 'SN2PR00CA0018.namprd00.prod.outlook.test';
  if (protocol === 'imap') return `${at.tag ?? 'A01'} ${ok ? 'OK AUTHENTICATE completed.' : 'NO AUTHENTICATE failed.'}`;
  if (protocol === 'pop3') return ok ? '+OK User successfully authenticated.' : '-ERR Authentication failure: unknown user name or bad password.';
  return ok ? '235 2.7.0 Authentication successful' : `535 5.7.3 Authentication unsuccessful [${host}]`;
}

/** Why a token was refused (for the transcript's explanation; the wire shows only the failure reply). */
export type Xoauth2Refusal = 'malformed' | 'unknown-token' | 'expired' | 'wrong-audience' | 'missing-scope' | 'wrong-mailbox';

/** The outcome of one XOAUTH2 message: the mailbox opened, or why not; `reply` is what the server sends. */
export type Xoauth2Outcome = { ok: true; user: MailUser; appOnly: boolean; reply: string } | { ok: false; why: Xoauth2Refusal; reply: string };

/** Checks a client's XOAUTH2 message against the identity platform's tokens, on the world's clock. */
export function checkXoauth2(world: MailWorld, tokens: TokenStore, protocol: XoauthProtocol, message: string, at: ReplyContext = {}): Xoauth2Outcome {
  const refuse = (why: Xoauth2Refusal): Xoauth2Outcome => ({ ok: false, why, reply: xoauth2Reply(protocol, false, at) });
  const creds = parseXoauth2(message);
  if (typeof creds === 'string') return refuse('malformed');
  const checked = tokens.check(creds.token, EXCHANGE_RESOURCE, XOAUTH2_PERMISSIONS[protocol]);
  if (checked === 'invalid') return refuse('unknown-token');
  if (checked === 'expired') return refuse('expired');
  if (checked === 'audience') return refuse('wrong-audience');
  if (checked === 'scope') return refuse('missing-scope');
  // The mailbox in user=: the token's own for a delegated token (no shared mailboxes in the world); any mailbox of
  // the tenant for an app token, whose service principal the simulated tenant gave FullAccess.
  const mailbox = world.localRecipient(creds.user) ?? world.user(creds.user);
  if (!mailbox || (!checked.appOnly && mailbox.name !== checked.subject)) return refuse('wrong-mailbox');
  return { ok: true, user: mailbox, appOnly: checked.appOnly, reply: xoauth2Reply(protocol, true, at) };
}

/** Whether SMTP AUTH with a password is off for the tenant at `now` (off by default from the data file's date). */
export function smtpBasicDisabled(now: Date, tenantSetting?: boolean): boolean {
  if (tenantSetting !== undefined) return tenantSetting;
  const fact = exchangeFacts.basicAuth.find((b) => b.deployment === 'online' && b.protocol === 'smtp-submission');
  const from = fact?.refusedFrom ?? fact?.defaultOffFrom;
  return from !== undefined && now.getTime() >= dayStart(from);
}

/**
 * The reply Exchange Online gives to Basic authentication (IMAP LOGIN or AUTHENTICATE PLAIN, POP3 USER/PASS or
 * AUTH PLAIN, SMTP AUTH PLAIN or LOGIN) when it refuses it at `now`; undefined when Basic is still allowed, and
 * the server checks the password as usual. `command` is the IMAP or POP3 command that carried the password.
 */
export function basicAuthRefusal(protocol: XoauthProtocol, command: 'LOGIN' | 'AUTHENTICATE' | 'PASS' | 'AUTH', now: Date, at: ReplyContext & { smtpClientAuthenticationDisabled?: boolean } = {}): string | undefined {
  if (protocol === 'smtp-submission') {
    if (!smtpBasicDisabled(now, at.smtpClientAuthenticationDisabled)) return undefined;
    return '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.';
  }
  if (!basicRefused('online', protocol, now)) return undefined;
  // Exchange Online still advertises AUTH=PLAIN and USER, then fails the login as if the password were wrong.
  if (protocol === 'imap') return `${at.tag ?? 'A01'} NO ${command === 'LOGIN' ? 'LOGIN' : 'AUTHENTICATE'} failed.`;
  return command === 'PASS' ? '-ERR Logon failure: unknown user name or bad password.' : '-ERR Authentication failure: unknown user name or bad password.';
}
