/**
 * The SMTP server's pure step in the shape every server shares (src/protocols/shared/decision.ts): for the
 * state the session is in, it decides once whether the command is taken (RFC 5321 §4.1.4, sequence.ts), what it
 * answers, where it leads and what to deliver. `performSmtp` delivers after the machine has recorded the step.
 */
import { answer, startAuth, type AuthStep, type SaslWait } from './auth.ts';
import { personalityLogin, startPersonalityAuth, xoauth2Answer } from './auth-personality.ts';
import { isEndOfData } from './data.ts';
import { queued, quotaExceeded, SMTP } from './replies.ts';
import { sequenceError } from './sequence.ts';
import { argsOf, isTextLine, lineOf, sequenceFacts, verbOf, type SmtpContext, type SmtpEvent } from './session-context.ts';
import * as step from './steps.ts';
import { refused, type Decision } from '../shared/decision.ts';
import type { DeliveryRefusal, MailWorld } from '../shared/world.ts';

/** A change to the world an SMTP line leads to: the message after the final dot. */
export type SmtpEffect = { kind: 'deliver' } & step.Delivery;

/** What one SMTP event does: the shared decision with SMTP's context fields and effects. */
export type SmtpDecision = Decision<step.Step, SmtpEffect>;

const go = (patch: step.Step, next: string | undefined, effects: SmtpEffect[] = []): SmtpDecision => ({ accepted: true, reply: patch.reply ?? [], next, patch, effects });

/** The refusal of a command the state does not take: the sequence rules' words, else 503 (RFC 5321 §4.1.4). */
function refusal(c: SmtpContext, e: SmtpEvent): SmtpDecision {
  const reply = sequenceError(verbOf(e), sequenceFacts(c)) ?? SMTP.badSequence;
  // Another vendor's server says "authenticate first" in its own words.
  return refused([c.server && reply === SMTP.authRequired ? c.server.smtp.authRequired : reply]);
}

/** The state after an AUTH step: the exchange goes on where the mechanism waits, else the session is ready. */
function afterAuth(wait: SaslWait | undefined): string | undefined {
  if (wait === 'plain') return 'authenticating.plain';
  if (wait === 'username') return 'authenticating.login.username';
  return wait === 'password' ? 'authenticating.login.password' : undefined;
}

/** An AUTH step's decision; the end of an exchange (success or failure) leads to `end`. */
function authStep(s: AuthStep, end: string | undefined): SmtpDecision {
  return go({ ...step.applyAuth(s), xoauth2Pending: false }, s.kind === 'challenge' ? afterAuth(s.wait) : end);
}

/** A command in connected, ready or mailTransaction (`top`), with the sub-state in `state`. */
function command(c: SmtpContext, top: string, state: string, e: SmtpEvent): SmtpDecision {
  const args = argsOf(e);
  const allowed = sequenceError(verbOf(e), sequenceFacts(c)) === undefined;
  const inTransaction = top === 'mailTransaction';
  switch (e.type) {
    case 'client.unknown':
      return go(step.unrecognized(), undefined);
    case 'client.ehlo':
      return args === '' ? go(step.syntaxError(c, e), undefined) : go(step.greetExtended(c, e), 'ready');
    case 'client.helo':
      return args === '' ? go(step.syntaxError(c, e), undefined) : go(step.greetBasic(c, e), 'ready');
    case 'client.starttls':
      if (inTransaction || !allowed) return refusal(c, e);
      return args === '' ? go(step.beginTls(), 'connected') : go(step.syntaxError(c, e), undefined);
    case 'client.auth': {
      if (top !== 'ready' || !allowed) return refusal(c, e);
      if (c.server) {
        const p = startPersonalityAuth(c.server, args, c.world);
        // XOAUTH2 waits in the state PLAIN waits in: one SASL line, then the session is ready again.
        if (p.kind === 'xoauth2') return go({ reply: [p.reply], startTls: false, xoauth2Pending: true }, 'authenticating.plain');
        return authStep(p, undefined);
      }
      const s = startAuth(args, c.world);
      return go(step.applyAuth(s), s.kind === 'challenge' ? afterAuth(s.wait) : undefined);
    }
    case 'client.mail': {
      if (top !== 'ready' || !allowed) return refusal(c, e);
      const patch = step.mail(c, e);
      return go(patch, patch.sender !== undefined ? 'mailTransaction' : undefined);
    }
    case 'client.rcpt': {
      if (!inTransaction) return refusal(c, e);
      const patch = step.recipient(c, e);
      return go(patch, patch.recipients !== undefined ? 'mailTransaction.recipients' : undefined);
    }
    case 'client.data':
      if (state !== 'mailTransaction.recipients') return refusal(c, e);
      return args === '' ? go(step.startData(), 'data') : go(step.syntaxError(c, e), undefined);
    case 'client.rset':
      return args === '' ? go(step.reset(), inTransaction ? 'ready' : undefined) : go(step.syntaxError(c, e), undefined);
    case 'client.noop':
      return go(step.ok(), undefined);
    case 'client.vrfy':
      return go(step.verify(c, e), undefined);
    case 'client.help':
      return go(step.help(c, e), undefined);
    case 'client.quit':
      return go(step.quit(), 'closed');
    default:
      return refusal(c, e);
  }
}

/** A text line in an AUTH exchange: the SASL response the mechanism waits for (RFC 4954 §4). */
function saslLine(c: SmtpContext, state: string, e: SmtpEvent): SmtpDecision {
  const wait: SaslWait = state === 'authenticating.plain' ? 'plain' : state === 'authenticating.login.username' ? 'username' : 'password';
  if (c.server) {
    if (c.xoauth2Pending || wait === 'plain') return authStep(xoauth2Answer(c.server, lineOf(e)), 'ready');
    return authStep(personalityLogin(c.server, wait, lineOf(e), c.loginUser, c.world), 'ready');
  }
  const s = answer(wait, lineOf(e), c.loginUser, c.world);
  return go(step.applyAuth(s), s.kind === 'challenge' ? afterAuth(s.wait) : 'ready');
}

/** Decides, once, what `event` does to the session `c` in the machine state `state` ("mailTransaction.sender"). */
export function decideSmtp(c: SmtpContext, state: string, e: SmtpEvent): SmtpDecision {
  if (e.type === 'client.dropped') return go(step.drop(), 'closed');
  if (e.type === 'world.changed' || c.closed) return refused([]);
  const top = state.split('.')[0] ?? state;
  if (top === 'data' || top === 'authenticating') {
    // Inside DATA and an AUTH exchange the driver makes every line text (RFC 5321 §4.1.1.4).
    if (!isTextLine(e)) return refusal(c, e);
    if (top === 'authenticating') return saslLine(c, state, e);
    if (!isEndOfData(lineOf(e))) return go(step.dataLine(c, e), undefined);
    const end = step.endData(c);
    return go(end.step, 'ready', end.delivery ? [{ kind: 'deliver', ...end.delivery }] : []);
  }
  return command(c, top, state, e);
}

function refusalReply(r: DeliveryRefusal): string {
  return r.reason === 'overQuota' ? quotaExceeded(r.recipient) : r.reason === 'tooBig' ? SMTP.messageTooBig : SMTP.insufficientStorage;
}

/** Delivers what a decision hands over and gives the reply the delivery earns: 250 with the queue id, or why not. */
export function performSmtp(effects: readonly SmtpEffect[], world: MailWorld): string[] {
  return effects.map((effect) => {
    try {
      const result = world.deliver(effect.envelope, effect.content);
      // Refused for room (RFC 5321 §4.2.5: a 4yz leaves the message with the client): nothing was stored.
      return result.refused ? refusalReply(result.refused) : queued(result.queueId);
    } catch {
      // RFC 5321 §4.2.5: a 4yz after the dot leaves the message with the client, which is true here.
      return SMTP.internalError;
    }
  });
}
