/**
 * The not-authenticated state (RFC 3501 §6.2): STARTTLS, LOGIN and AUTHENTICATE PLAIN with SASL-IR (RFC 4959).
 * On 143 the password may only cross inside TLS: LOGINDISABLED is advertised and a LOGIN is answered as Dovecot
 * does, with an [ALERT] that the password was exposed and NO [PRIVACYREQUIRED] (reference A.10, RFC 8314 §4).
 */
import { decodeBase64, parsePlain, SASL_CANCEL } from '../../shared/sasl.ts';
import { postLoginCapabilities } from '../capabilities.ts';
import { TEXT } from '../replies.ts';
import type { CommandResult, ImapCommand, ImapState } from '../session-state.ts';
import { syntaxError, tokensOf } from './util.ts';

function loggedIn(user: string): CommandResult {
  return { tagged: `OK [CAPABILITY ${postLoginCapabilities()}] Logged in`, state: { user, badCount: 0 }, next: 'authenticated' };
}

/** STARTTLS (RFC 3501 §6.2.1): TLS starts right after the OK; once TLS is up it is refused. */
export function starttls(s: ImapState): CommandResult {
  if (s.tls) return { tagged: TEXT.tlsActive };
  return { tagged: TEXT.starttlsOk, state: { tls: true }, startTls: true };
}

/** LOGIN (RFC 3501 §6.2.3) with two astrings. */
export function login(s: ImapState, c: ImapCommand): CommandResult {
  const t = tokensOf(s, c);
  if ('fail' in t) return t.fail;
  const [user, pass] = t.tokens;
  if (t.tokens.length !== 2 || user?.kind === 'list' || pass?.kind === 'list' || !user || !pass) return syntaxError(s, c);
  if (!s.tls) return { untagged: [TEXT.plaintextAlert], tagged: TEXT.privacyRequired };
  return s.world.authenticate(user.value, pass.value) ? loggedIn(user.value) : { tagged: TEXT.authFailed };
}

function checkPlain(s: ImapState, response: string): CommandResult {
  if (response === SASL_CANCEL) return { tagged: TEXT.authAborted, state: { saslTag: undefined } };
  const base64 = response === '=' ? '' : response;
  if (decodeBase64(base64) === undefined) return { tagged: TEXT.badBase64, state: { saslTag: undefined } };
  const creds = parsePlain(base64);
  const ok = creds && (creds.authzid === '' || creds.authzid === creds.authcid) && s.world.authenticate(creds.authcid, creds.password);
  if (!ok || !creds) return { tagged: TEXT.authFailed, state: { saslTag: undefined } };
  const done = loggedIn(creds.authcid);
  return { ...done, state: { ...done.state, saslTag: undefined } };
}

/**
 * AUTHENTICATE (RFC 3501 §6.2.2). Only PLAIN (RFC 4616) is offered, and only inside TLS. With an initial
 * response (SASL-IR, RFC 4959; "=" is an empty one) it completes on one line; otherwise "+ " asks for it.
 */
export function authenticate(s: ImapState, c: ImapCommand): CommandResult {
  const t = tokensOf(s, c);
  if ('fail' in t) return t.fail;
  const [mech, initial] = t.tokens;
  if (!mech || mech.kind !== 'atom' || t.tokens.length > 2 || initial?.kind === 'list') return syntaxError(s, c);
  if (mech.value.toUpperCase() !== 'PLAIN') return { tagged: TEXT.unsupportedMechanism };
  if (!s.tls) return initial ? { untagged: [TEXT.plaintextAlert], tagged: TEXT.privacyRequired } : { tagged: TEXT.privacyRequired };
  if (initial) return checkPlain(s, initial.value);
  return { untagged: [TEXT.saslContinue], state: { saslTag: c.tag }, next: 'notAuthenticated.authenticating', sync: 'none' };
}

/** The client's SASL response line: base64 PLAIN credentials, or "*" to cancel. */
export function saslResponse(s: ImapState, line: string): CommandResult {
  return checkPlain(s, line);
}
