/**
 * Commands of the AUTHORIZATION state (RFC 1939 §4, §7; RFC 2449 §5; RFC 2595 §4; RFC 5034 §4) and the
 * client's SASL responses, answered as Dovecot 2.3 does with plaintext authentication disabled before TLS.
 */
import { LOGIN_CHALLENGES, SASL_CANCEL, decodeBase64 } from '../../shared/sasl.ts';
import type { MailUser } from '../../shared/world.ts';
import { capabilities, isMaildropFree, isPlaintextAllowed, offeredMechanisms, plainUser } from '../auth.ts';
import { multiLine } from '../format.ts';
import { openMaildrop } from '../maildrop.ts';
import { MAX_SASL_RESPONSE_OCTETS, asciiUpper } from '../parse.ts';
import { REPLY } from '../replies.ts';
import type { Pop3Context, Pop3Step, Pop3Verb } from '../types.ts';

const stay = (reply: string[], patch?: Partial<Pop3Context>): Pop3Step => ({ outcome: 'stay', reply, patch });
const notAllowed = (line: string): Pop3Step => ({ outcome: 'notAllowed', reply: [line] });

/**
 * Ends a login attempt. Correct credentials still fail with [IN-USE] when another session holds the maildrop
 * lock (RFC 2449 §8.1.2); Dovecot then closes the connection, which RFC 1939 §4 allows.
 */
function finishLogin(ctx: Pop3Context, user: MailUser | undefined, replies?: { ok: string; failed: string }): Pop3Step {
  const reset = { pendingUser: undefined, sasl: undefined };
  const words = replies ?? (ctx.server ? { ok: ctx.server.pop3.loggedIn, failed: ctx.server.pop3.loginFailed } : { ok: REPLY.loggedIn, failed: REPLY.authFailed });
  if (!user) return { outcome: 'rejected', reply: [words.failed], patch: reset };
  if (!isMaildropFree(ctx.world, user.name, ctx.sessionId)) {
    return { outcome: 'inUse', reply: [REPLY.inUse], patch: { ...reset, closed: true } };
  }
  const drop = openMaildrop(ctx.world, user.name);
  return { outcome: 'loggedIn', reply: [words.ok], patch: { ...reset, ...drop, user: user.name, deleted: [] } };
}

/**
 * A password login on another vendor's server (PASS, or AUTH PLAIN's credentials): its refusal where it no
 * longer takes passwords (Exchange Online since 2022), else the usual check; undefined on the course's own server.
 */
function personalityPassword(ctx: Pop3Context, command: 'PASS' | 'AUTH', user: () => MailUser | undefined): Pop3Step | undefined {
  const refusal = ctx.server?.basicRefusal('pop3', command);
  if (refusal) return { outcome: 'rejected', reply: [refusal], patch: { pendingUser: undefined, sasl: undefined } };
  return ctx.server ? finishLogin(ctx, user()) : undefined;
}

/** AUTH XOAUTH2's message, checked by the personality's identity platform, with Microsoft's replies. */
function xoauth2(ctx: Pop3Context, message: string): Pop3Step {
  const out = ctx.server!.xoauth2('pop3', message);
  const user = out.ok ? ctx.world.user(out.user) : undefined;
  return finishLogin(ctx, user, { ok: out.reply, failed: out.reply });
}

/**
 * AUTH [mechanism [initial-response]] (RFC 5034 §4); without a mechanism, Dovecot lists the offered ones.
 * A SASL exchange replaces a pending USER name, so a later PASS needs USER again.
 */
function auth(ctx: Pop3Context, args: string): Pop3Step {
  const space = args.indexOf(' ');
  const mechanism = asciiUpper(space < 0 ? args : args.slice(0, space));
  const initial = space < 0 ? '' : args.slice(space + 1);
  if (mechanism === '') return stay(multiLine(REPLY.ok, ctx.server ? [...ctx.server.pop3.mechanisms] : offeredMechanisms(ctx)));
  const known = ctx.server ? ctx.server.pop3.mechanisms : ['PLAIN', 'LOGIN'];
  if (!known.includes(mechanism)) return stay([REPLY.unsupportedMechanism]);
  if (!isPlaintextAllowed(ctx)) return stay([REPLY.plaintextDisallowed]);
  if (mechanism === 'XOAUTH2') {
    // Microsoft documents POP's XOAUTH2 in two steps: AUTH XOAUTH2, "+", then the message; an initial response also works.
    if (initial === '') return { outcome: 'challenge', reply: ['+'], patch: { sasl: { step: 'xoauth2', username: '' }, pendingUser: undefined } };
    return xoauth2(ctx, initial);
  }
  if (initial === '') {
    // PLAIN's first challenge is empty: "+ " with nothing after it (Appendix A.7).
    const plain = mechanism === 'PLAIN';
    return {
      outcome: 'challenge',
      reply: [REPLY.challenge(plain ? '' : LOGIN_CHALLENGES.username)],
      patch: { sasl: { step: plain ? 'plain' : 'loginUsername', username: '' }, pendingUser: undefined },
    };
  }
  // "=" is an initial response of zero length (RFC 5034 §4).
  const decoded = initial === '=' ? '' : decodeBase64(initial);
  if (decoded === undefined) return stay([REPLY.badBase64Initial]);
  if (mechanism === 'PLAIN') return personalityPassword(ctx, 'AUTH', () => plainUser(ctx.world, decoded)) ?? finishLogin(ctx, plainUser(ctx.world, decoded));
  return {
    outcome: 'challenge',
    reply: [REPLY.challenge(LOGIN_CHALLENGES.password)],
    patch: { sasl: { step: 'loginPassword', username: decoded }, pendingUser: undefined },
  };
}

/** One client line during a SASL exchange: base64, or "*" to cancel (RFC 5034 §4). */
export function saslResponse(ctx: Pop3Context, line: string): Pop3Step {
  const end = (reply: string): Pop3Step => ({ outcome: 'rejected', reply: [reply], patch: { sasl: undefined } });
  if (line === SASL_CANCEL) return end(REPLY.authAborted);
  if (line.length > MAX_SASL_RESPONSE_OCTETS) return end(REPLY.lineTooLong);
  if (ctx.sasl?.step === 'xoauth2' && ctx.server) return xoauth2(ctx, line);
  const decoded = decodeBase64(line);
  if (decoded === undefined) return end(REPLY.badBase64Continued);
  const sasl = ctx.sasl;
  if (sasl?.step === 'loginUsername') {
    const next = { step: 'loginPassword', username: decoded } as const;
    return { outcome: 'challenge', reply: [REPLY.challenge(LOGIN_CHALLENGES.password)], patch: { sasl: next } };
  }
  if (sasl?.step === 'loginPassword') return finishLogin(ctx, ctx.world.authenticate(sasl.username, decoded));
  return personalityPassword(ctx, 'AUTH', () => plainUser(ctx.world, decoded)) ?? finishLogin(ctx, plainUser(ctx.world, decoded));
}

/** A command before login. `verb` is undefined for a verb the server does not know. */
export function authorizationCommand(ctx: Pop3Context, verb: Pop3Verb | undefined, args: string): Pop3Step {
  switch (verb) {
    case 'CAPA':
      return stay(multiLine(REPLY.ok, capabilities(ctx)));
    case 'QUIT':
      return { outcome: 'quit', reply: [REPLY.loggingOutBeforeLogin], patch: { closed: true } };
    case 'STLS':
      return ctx.tls ? notAllowed(REPLY.tlsActive) : stay([REPLY.beginTls], { tls: true, startTls: true });
    case 'USER':
      // Dovecot accepts any name here, even an empty one; PASS decides (Appendix A.9).
      if (!isPlaintextAllowed(ctx)) return stay([REPLY.plaintextDisallowed]);
      return { outcome: 'userAccepted', reply: [REPLY.ok], patch: { pendingUser: args } };
    case 'PASS':
      if (!isPlaintextAllowed(ctx)) return notAllowed(REPLY.plaintextDisallowed);
      if (ctx.pendingUser === undefined) return notAllowed(REPLY.noUsername);
      return personalityPassword(ctx, 'PASS', () => ctx.world.authenticate(ctx.pendingUser!, args)) ?? finishLogin(ctx, ctx.world.authenticate(ctx.pendingUser, args));
    case 'APOP':
      // The command is known (RFC 1939 §7 makes it optional) but never enabled: the greeting offers no timestamp.
      return stay([REPLY.apopNotEnabled]);
    case 'AUTH':
      return auth(ctx, args);
    case undefined:
      return stay([REPLY.unknownBeforeLogin]);
    default:
      // A TRANSACTION command: Dovecot's login process does not know it at all (Appendix A.6, STAT).
      return notAllowed(REPLY.unknownBeforeLogin);
  }
}
