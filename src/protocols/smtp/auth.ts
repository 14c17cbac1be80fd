/**
 * SMTP AUTH (RFC 4954) with the PLAIN (RFC 4616) and LOGIN mechanisms. Each step returns what happens next:
 * a challenge and the step that waits for the answer, success with the user, or failure with the reply.
 */
import { decodeBase64, SASL_CANCEL } from '../shared/sasl.ts';
import type { MailWorld } from '../shared/world.ts';
import { SASL_LINE_OCTETS } from './limits.ts';
import { SMTP } from './replies.ts';

/** The step waiting for the client's next SASL response. */
export type SaslWait = 'plain' | 'username' | 'password';

/** What one AUTH command or SASL response leads to. */
export type AuthStep =
  | { kind: 'challenge'; reply: string; wait: SaslWait; username: string | undefined }
  | { kind: 'success'; reply: string; user: string }
  | { kind: 'failure'; reply: string };

/** The mechanisms offered, in the order EHLO lists them. */
export const MECHANISMS: readonly string[] = ['PLAIN', 'LOGIN'];

const fail = (reply: string): AuthStep => ({ kind: 'failure', reply });

/** Handles `AUTH mechanism [initial-response]`; "=" is an empty initial response (RFC 4954 §4). */
export function startAuth(args: string, world: MailWorld): AuthStep {
  const parts = args.split(' ').filter((p) => p !== '');
  if (parts.length < 1 || parts.length > 2) return fail(SMTP.authSyntax);
  const mechanism = parts[0]!.toUpperCase();
  if (!MECHANISMS.includes(mechanism)) return fail(SMTP.unknownMechanism);
  const initial = parts[1] === '=' ? '' : parts[1];
  if (mechanism === 'PLAIN') {
    if (initial === undefined) return { kind: 'challenge', reply: SMTP.plainChallenge, wait: 'plain', username: undefined };
    return answer('plain', initial, undefined, world);
  }
  if (initial === undefined) return { kind: 'challenge', reply: SMTP.loginUsername, wait: 'username', username: undefined };
  return answer('username', initial, undefined, world);
}

/** Handles the client's response to a challenge; `username` is what LOGIN received before the password. */
export function answer(wait: SaslWait, response: string, username: string | undefined, world: MailWorld): AuthStep {
  if (response === SASL_CANCEL) return fail(SMTP.authAborted);
  if (response.length + 2 > SASL_LINE_OCTETS) return fail(SMTP.saslLineTooLong);
  const decoded = decodeBase64(response);
  if (decoded === undefined) return fail(SMTP.cannotDecode);
  if (wait === 'username') return { kind: 'challenge', reply: SMTP.loginPassword, wait: 'password', username: decoded };
  if (wait === 'password') return login(username ?? '', decoded, world);
  // PLAIN: [authzid] NUL authcid NUL passwd (RFC 4616 §2); acting for another identity is not allowed here.
  const fields = decoded.split('\0');
  if (fields.length !== 3) return fail(SMTP.authFailed);
  const [authzid, authcid, password] = fields as [string, string, string];
  if (authzid !== '' && authzid !== authcid) return fail(SMTP.authFailed);
  return login(authcid, password, world);
}

function login(name: string, password: string, world: MailWorld): AuthStep {
  const user = world.authenticate(name, password);
  return user ? { kind: 'success', reply: SMTP.authOk, user: user.name } : fail(SMTP.authFailed);
}
