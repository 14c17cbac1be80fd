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

function loggedIn(user: string, s?: ImapState, command: 'LOGIN' | 'AUTHENTICATE' = 'LOGIN'): CommandResult {
  const tagged = s?.server ? s.server.imap.loggedIn(command) : `OK [CAPABILITY ${postLoginCapabilities()}] Logged in`;
  return { tagged, state: { user, badCount: 0 }, next: 'authenticated' };
}

/** The tagged text of a reply a personality gives with its tag in front. */
const untagged = (line: string): string => line.slice(line.indexOf(' ') + 1);

/**
 * A password login on another vendor's server: its refusal where it no longer takes passwords (Exchange Online
 * since 2022), else the check in its words; undefined on the course's own server.
 */
function personalityLogin(s: ImapState, c: ImapCommand, command: 'LOGIN' | 'AUTHENTICATE', user: string, password: string, authzOk = true): CommandResult | undefined {
  if (!s.server) return undefined;
  const refusal = s.server.basicRefusal('imap', command, { tag: c.tag });
  const done = { saslTag: undefined, saslMechanism: undefined };
  if (refusal) return { tagged: untagged(refusal), state: done };
  if (!authzOk || !s.world.authenticate(user, password)) return { tagged: s.server.imap.loginFailed(command), state: done };
  const ok = loggedIn(user, s, command);
  return { ...ok, state: { ...ok.state, ...done } };
}

/** AUTHENTICATE XOAUTH2's message, checked by the personality's identity platform (Microsoft's replies). */
function checkXoauth2(s: ImapState, tag: string, message: string): CommandResult {
  const done = { saslTag: undefined, saslMechanism: undefined };
  if (message === SASL_CANCEL) return { tagged: TEXT.authAborted, state: done };
  const out = s.server!.xoauth2('imap', message, { tag });
  if (!out.ok) return { tagged: untagged(out.reply), state: done };
  const ok = loggedIn(out.user, s, 'AUTHENTICATE');
  return { ...ok, tagged: untagged(out.reply), state: { ...ok.state, ...done } };
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
  const other = personalityLogin(s, c, 'LOGIN', user.value, pass.value);
  if (other) return other;
  return s.world.authenticate(user.value, pass.value) ? loggedIn(user.value) : { tagged: TEXT.authFailed };
}

function checkPlain(s: ImapState, response: string, tag: string): CommandResult {
  if (response === SASL_CANCEL) return { tagged: TEXT.authAborted, state: { saslTag: undefined } };
  const base64 = response === '=' ? '' : response;
  if (decodeBase64(base64) === undefined) return { tagged: TEXT.badBase64, state: { saslTag: undefined } };
  const creds = parsePlain(base64);
  const authzOk = creds !== undefined && (creds.authzid === '' || creds.authzid === creds.authcid);
  const other = personalityLogin(s, { tag, verb: 'AUTHENTICATE', args: '', line: '', uid: false }, 'AUTHENTICATE', creds?.authcid ?? '', creds?.password ?? '', authzOk);
  if (other) return other;
  const ok = creds && (creds.authzid === '' || creds.authzid === creds.authcid) && s.world.authenticate(creds.authcid, creds.password);
  if (!ok || !creds) return { tagged: TEXT.authFailed, state: { saslTag: undefined } };
  const done = loggedIn(creds.authcid, s, 'AUTHENTICATE');
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
  const mechanism = mech.value.toUpperCase();
  // XOAUTH2 exists only where a personality offers it (Exchange Online's AUTH=XOAUTH2).
  if (mechanism !== 'PLAIN' && !(mechanism === 'XOAUTH2' && s.server)) return { tagged: TEXT.unsupportedMechanism };
  if (!s.tls) return initial ? { untagged: [TEXT.plaintextAlert], tagged: TEXT.privacyRequired } : { tagged: TEXT.privacyRequired };
  if (initial) return mechanism === 'XOAUTH2' ? checkXoauth2(s, c.tag, initial.value) : checkPlain(s, initial.value, c.tag);
  // Without SASL-IR the server asks with an empty challenge: "+ " (RFC 3501 §7.5; Microsoft's page shows "+").
  return { untagged: [TEXT.saslContinue], state: { saslTag: c.tag, saslMechanism: mechanism === 'XOAUTH2' ? 'XOAUTH2' : undefined }, next: 'notAuthenticated.authenticating', sync: 'none' };
}

/** The client's SASL response line: base64 PLAIN (or XOAUTH2) credentials, or "*" to cancel. */
export function saslResponse(s: ImapState, line: string): CommandResult {
  const tag = s.saslTag ?? '*';
  return s.saslMechanism === 'XOAUTH2' && s.server ? checkXoauth2(s, tag, line) : checkPlain(s, line, tag);
}
