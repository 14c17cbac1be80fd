/** Plugs the SMTP machine into sessions: turns lines into events and supplies the replies the machine does not make. */
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import { COMMAND_LINE_OCTETS } from '../protocols/smtp/limits.ts';
import { parseCommand } from '../protocols/smtp/parse.ts';
import { SmtpErrorCount } from '../protocols/smtp/errors.ts';
import { SMTP } from '../protocols/smtp/replies.ts';
import { sequenceError, UNIMPLEMENTED_VERBS } from '../protocols/smtp/sequence.ts';
import { sequenceFacts, type SmtpContext, type SmtpEvent } from '../protocols/smtp/session-context.ts';
import { decideSmtp, performSmtp, type SmtpEffect } from '../protocols/smtp/step.ts';
import { registerDriver, type ClientEvent, type ProtocolDriver } from './session.ts';
import { smtpSessionMachine } from './smtp-session.machine.ts';

type Snapshot = SnapshotFrom<AnyStateMachine>;

/** The commands the machine implements, then those it recognises and answers 502. */
const VERBS: readonly string[] = ['EHLO', 'HELO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT', 'DATA', 'RSET', 'NOOP', 'VRFY', 'HELP', 'QUIT', ...UNIMPLEMENTED_VERBS];

/** The state as a dotted path, e.g. "mailTransaction.recipients" or "authenticating.login.password". */
export function smtpStateName(snapshot: Snapshot): string {
  const parts: string[] = [];
  let value: unknown = snapshot.value;
  while (value && typeof value === 'object') {
    const [key, child] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    if (key === undefined) break;
    parts.push(key);
    value = child;
  }
  if (typeof value === 'string') parts.push(value);
  return parts.join('.');
}

const readsText = (s: Snapshot) => s.matches('data') || s.matches('authenticating');
/** The longest command line, CRLF excluded: RFC 5321 §4.5.3.1.4's 512 with CRLF, or what another vendor's server reads. */
const commandLimit = (s: Snapshot) => (s.context as SmtpContext).server?.smtp.commandLineOctets ?? COMMAND_LINE_OCTETS - 2;

/** The SMTP server's driver. */
export const smtpDriver: ProtocolDriver = {
  protocol: 'smtp',
  machine: smtpSessionMachine,
  verbs: VERBS,
  watchesWorld: false,
  toEvent(line, snapshot): ClientEvent {
    // Inside DATA and an AUTH exchange every line is text, whatever it looks like (RFC 5321 §4.1.1.4).
    if (readsText(snapshot)) return { type: 'client.data', verb: '', args: '', line };
    const limit = commandLimit(snapshot) + 2;
    const { verb, args } = parseCommand(line.length > limit ? line.slice(0, limit) : line);
    const known = VERBS.includes(verb);
    return { type: known ? `client.${verb.toLowerCase()}` : 'client.unknown', verb, args, line };
  },
  decide: (event, snapshot) => decideSmtp(snapshot.context as SmtpContext, smtpStateName(snapshot), event as SmtpEvent),
  // Deciding reads the world and changes nothing (delivery is an effect), so the palette may ask the real step.
  preview: (event, snapshot) => decideSmtp(snapshot.context as SmtpContext, smtpStateName(snapshot), event),
  perform: (decision, snapshot) => performSmtp(decision.effects as readonly SmtpEffect[], (snapshot.context as SmtpContext).world),
  outOfState(event, snapshot) {
    const refusal = sequenceError(event.verb, sequenceFacts(snapshot.context as SmtpContext));
    return [refusal ?? SMTP.badSequence];
  },
  // Text lines have their own limits, which the machine applies after reading the whole message or response.
  maxLineOctets: (snapshot) => (readsText(snapshot) ? Number.POSITIVE_INFINITY : commandLimit(snapshot)),
  lineTooLong: () => [SMTP.lineTooLong],
  timeoutReply: () => [SMTP.timeout],
  internalError: () => [SMTP.internalError],
  stateName: smtpStateName,
  expects(snapshot) {
    if (snapshot.matches('data')) return 'data';
    return snapshot.matches('authenticating') ? 'sasl' : 'command';
  },
  errorCounter() {
    const count = new SmtpErrorCount();
    return { observe: (event, replies) => count.observe(event.verb, replies) };
  },
};

registerDriver(smtpDriver);
