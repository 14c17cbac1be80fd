/**
 * SMTP AUTH (RFC 4954) on another vendor's submission server (Exchange Online): the mechanisms it offers, XOAUTH2
 * checked by its identity platform, and LOGIN refused with its own reply where it no longer takes passwords. The
 * vendor's words come from the personality (src/protocols/shared/personality.ts); the exchange is SMTP's.
 */
import { decodeBase64, SASL_CANCEL } from '../shared/sasl.ts';
import type { MailPersonality } from '../shared/personality.ts';
import type { MailWorld } from '../shared/world.ts';
import type { AuthStep } from './auth.ts';
import { SASL_LINE_OCTETS } from './limits.ts';
import { SMTP } from './replies.ts';

/** What AUTH or a SASL response leads to on a personality: an AuthStep, or XOAUTH2 waiting for its message. */
export type PersonalityAuthStep = AuthStep | { kind: 'xoauth2'; reply: string };

const fail = (reply: string): AuthStep => ({ kind: 'failure', reply });

/** The XOAUTH2 message checked; the reply is the vendor's (235, or 535 5.7.3 for Exchange Online). */
export function xoauth2Answer(server: MailPersonality, message: string): AuthStep {
  if (message === SASL_CANCEL) return fail(SMTP.authAborted);
  const out = server.xoauth2('smtp-submission', message);
  return out.ok ? { kind: 'success', reply: out.reply, user: out.user } : fail(out.reply);
}

/** `AUTH mechanism [initial-response]` on the personality's server. */
export function startPersonalityAuth(server: MailPersonality, args: string, world: MailWorld): PersonalityAuthStep {
  const parts = args.split(' ').filter((p) => p !== '');
  if (parts.length < 1 || parts.length > 2) return fail(SMTP.authSyntax);
  const mechanism = parts[0]!.toUpperCase();
  if (!server.smtp.mechanisms.includes(mechanism)) return fail(server.smtp.unknownMechanism);
  const initial = parts[1] === '=' ? '' : parts[1];
  if (mechanism === 'XOAUTH2') return initial === undefined ? { kind: 'xoauth2', reply: '334 ' } : xoauth2Answer(server, initial);
  if (initial === undefined) return { kind: 'challenge', reply: SMTP.loginUsername, wait: 'username', username: undefined };
  return personalityLogin(server, 'username', initial, undefined, world);
}

/** LOGIN's user name, then its password: the vendor's refusal of passwords comes after the password, as Exchange answers. */
export function personalityLogin(server: MailPersonality, wait: 'username' | 'password', response: string, username: string | undefined, world: MailWorld): AuthStep {
  if (response === SASL_CANCEL) return fail(SMTP.authAborted);
  if (response.length + 2 > SASL_LINE_OCTETS) return fail(SMTP.saslLineTooLong);
  const decoded = decodeBase64(response);
  if (decoded === undefined) return fail(SMTP.cannotDecode);
  if (wait === 'username') return { kind: 'challenge', reply: SMTP.loginPassword, wait: 'password', username: decoded };
  const refusal = server.basicRefusal('smtp-submission', 'AUTH');
  if (refusal) return fail(refusal);
  const user = world.authenticate(username ?? '', decoded);
  return user ? { kind: 'success', reply: SMTP.authOk, user: user.name } : fail(server.smtp.loginFailed);
}
