/**
 * What each accepted SMTP event does to the session: pure functions from context and event to the context
 * changes (reply included), which step.ts hands to the machine as the decision's patch. Every step sets `reply`
 * and clears `startTls`. Delivery is not done here: the final dot names it as an effect (see step.ts).
 */
import type { AuthStep } from './auth.ts';
import { ehloReply, helpReply, offersAuth } from './capabilities.ts';
import { appendLine, EMPTY_MESSAGE, messageOutcome } from './data.ts';
import { checkMail, checkRecipient, uniqueRecipients, withProtocol } from './envelope.ts';
import { MESSAGE_SIZE_LIMIT } from './limits.ts';
import { SMTP } from './replies.ts';
import type { Envelope } from '../shared/delivery.ts';
import type { RawMessage } from '../shared/message.ts';
import { argsOf, lineOf, NO_TRANSACTION, offerFacts, verbOf, type SmtpContext, type SmtpEvent } from './session-context.ts';

/** A context change. */
export type Step = Partial<SmtpContext>;

const say = (...reply: string[]): Step => ({ reply, startTls: false });

/** EHLO: forget any transaction (RFC 5321 §4.1.4) and list the extensions. */
export const greetExtended = (c: SmtpContext, e: SmtpEvent): Step => {
  const lines = c.server ? c.server.smtp.ehlo(c.tls, c.clientAddress, offerFacts(c).sizeLimit ?? MESSAGE_SIZE_LIMIT) : ehloReply(offerFacts(c));
  return { ...say(...lines), helo: argsOf(e), esmtp: true, ...NO_TRANSACTION };
};

/** HELO: like EHLO, one line, no extensions (RFC 5321 §4.1.1.1). */
export const greetBasic = (_c: SmtpContext, e: SmtpEvent): Step => ({ ...say(SMTP.helo), helo: argsOf(e), esmtp: false, ...NO_TRANSACTION });

/** STARTTLS accepted: TLS starts after the reply and both sides forget the EHLO (RFC 3207 §4.2). */
export const beginTls = (): Step => ({ reply: [SMTP.startTls], startTls: true, tls: true, helo: undefined, esmtp: false, user: undefined, ...NO_TRANSACTION });

/** A command that must have no argument got one, or one that needs an argument had none. */
export const syntaxError = (_c: SmtpContext, e: SmtpEvent): Step => {
  const replies: Record<string, string> = {
    EHLO: SMTP.ehloSyntax,
    HELO: SMTP.heloSyntax,
    STARTTLS: SMTP.startTlsSyntax,
    DATA: SMTP.dataSyntax,
    RSET: SMTP.rsetSyntax,
  };
  return say(replies[verbOf(e)] ?? SMTP.notRecognized);
};

/** RSET: abort the transaction, keep EHLO, TLS and AUTH (RFC 5321 §4.1.1.5). */
export const reset = (): Step => ({ ...say(SMTP.ok), ...NO_TRANSACTION });

/** NOOP (RFC 5321 §4.1.1.9). */
export const ok = (): Step => say(SMTP.ok);

/** VRFY: 252, never a yes or a no (RFC 5321 §3.5.3, §7.3). */
export const verify = (_c: SmtpContext, e: SmtpEvent): Step => say(argsOf(e) === '' ? SMTP.vrfySyntax : SMTP.vrfy);

/** HELP [topic] (RFC 5321 §4.1.1.8). */
export const help = (c: SmtpContext, e: SmtpEvent): Step => say(...helpReply(argsOf(e), offerFacts(c)));

/** QUIT: 221, then the server closes (RFC 5321 §4.1.1.10); an open transaction is dropped. */
export const quit = (): Step => ({ ...say(SMTP.bye), closed: true, ...NO_TRANSACTION });

/** The connection was lost: nothing is delivered, whatever was in progress (RFC 5321 §4.1.1.5). */
export const drop = (): Step => ({ reply: [], startTls: false, closed: true, ...NO_TRANSACTION });

/** A verb the server does not know (RFC 5321 §4.2.4: 500). */
export const unrecognized = (): Step => say(SMTP.notRecognized);

/** MAIL: open a transaction, or say why not. */
export const mail = (c: SmtpContext, e: SmtpEvent): Step => {
  const v = checkMail(argsOf(e), offersAuth(offerFacts(c)), c.world);
  return v.ok ? { ...say(SMTP.mailOk), ...NO_TRANSACTION, sender: v.value.address } : say(v.reply);
};

/** RCPT: add the recipient, or say why not. */
export const recipient = (c: SmtpContext, e: SmtpEvent): Step => {
  const v = checkRecipient(argsOf(e), { world: c.world, role: c.role, accepted: c.recipients.length });
  return v.ok ? { ...say(SMTP.rcptOk), recipients: [...c.recipients, v.value] } : say(v.reply);
};

/** DATA accepted: 354, then text lines. */
export const startData = (): Step => ({ ...say(SMTP.dataGo), message: EMPTY_MESSAGE });

/** One text line of the message: no reply until the end. */
export const dataLine = (c: SmtpContext, e: SmtpEvent): Step => ({
  reply: [],
  startTls: false,
  message: appendLine(c.message, lineOf(e), c.world.limits.messageOctets),
});

/** A message handed over for delivery after the final dot: the world decides the reply (RFC 5321 §4.2.5). */
export interface Delivery {
  envelope: Envelope;
  content: RawMessage;
}

/** The final dot: the transaction ends either way; a whole message is handed over for delivery, else refused. */
export const endData = (c: SmtpContext): { step: Step; delivery?: Delivery } => {
  const outcome = messageOutcome(c.message);
  if (outcome !== 'ok') return { step: { ...say(outcome === 'tooBig' ? SMTP.messageTooBig : SMTP.dataLineTooLong), ...NO_TRANSACTION } };
  const envelope = {
    from: c.sender ?? '',
    recipients: uniqueRecipients(c.recipients, c.world),
    helo: c.helo ?? '',
    clientAddress: c.clientAddress,
    withProtocol: withProtocol(c.esmtp, c.tls, c.user !== undefined),
  };
  // The reply waits for the delivery, which the session performs after the machine has recorded the step.
  return { step: { reply: [], startTls: false, ...NO_TRANSACTION }, delivery: { envelope, content: c.message.content } };
};

/** The context change of one AUTH step: a challenge keeps LOGIN's user name, the end forgets it. */
export function applyAuth(step: AuthStep): Step {
  if (step.kind === 'challenge') return { ...say(step.reply), loginUser: step.username };
  if (step.kind === 'success') return { ...say(step.reply), user: step.user, loginUser: undefined };
  return { ...say(step.reply), loginUser: undefined };
}
