/**
 * Plugs the POP3 machine into the session contract: lines become events, and the driver answers what the
 * machine does not see (commands the state does not accept, overlong lines, the idle timer, engine failures).
 */
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import { Pop3ErrorCount } from '../protocols/pop3/errors.ts';
import { MAX_COMMAND_OCTETS, parseCommandLine } from '../protocols/pop3/parse.ts';
import { REPLY } from '../protocols/pop3/replies.ts';
import { decidePop3, performPop3, type Pop3Effect, type Pop3MachineEvent } from '../protocols/pop3/step.ts';
import { POP3_VERBS, type Pop3Context } from '../protocols/pop3/types.ts';
import { pop3SessionMachine } from './pop3-session.machine.ts';
import { registerDriver, type ClientEvent, type ProtocolDriver } from './session.ts';

type Snapshot = SnapshotFrom<AnyStateMachine>;

const contextOf = (snapshot: Snapshot) => snapshot.context as Pop3Context;
const inSasl = (snapshot: Snapshot) => contextOf(snapshot).sasl !== undefined;

/** The POP3 server's driver: Dovecot 2.3's words, RFC 1939's states. */
export const pop3Driver: ProtocolDriver = {
  protocol: 'pop3',
  machine: pop3SessionMachine,
  verbs: POP3_VERBS,
  watchesWorld: false,
  toEvent(line: string, snapshot: Snapshot): ClientEvent {
    // During AUTH every line is a SASL response (RFC 5034 §4), even one that looks like a command.
    if (inSasl(snapshot)) return { type: 'client.data', verb: '', args: '', line };
    const { verb, args, known } = parseCommandLine(line);
    return { type: known ? `client.${known.toLowerCase()}` : 'client.unknown', verb, args, line };
  },
  decide: (event, snapshot) => decidePop3(contextOf(snapshot), event as Pop3MachineEvent),
  // Deciding reads the world and changes nothing, so the palette may ask the real step.
  preview: (event, snapshot) => decidePop3(contextOf(snapshot), event),
  perform: (decision, snapshot) => performPop3(decision.effects as readonly Pop3Effect[], contextOf(snapshot).world, contextOf(snapshot).sessionId),
  outOfState(event: ClientEvent, snapshot: Snapshot): string[] {
    const step = decidePop3(contextOf(snapshot), event);
    // Only a refusal may be sent for a command the machine did not take; anything else would claim an effect.
    if (!step.accepted && step.reply.length > 0) return step.reply;
    return [contextOf(snapshot).user === undefined ? REPLY.unknownBeforeLogin : REPLY.unknown(event.verb)];
  },
  maxLineOctets(snapshot: Snapshot): number {
    // RFC 2449 §4 limits command lines to 255 octets with CRLF; the machine itself bounds SASL responses.
    return inSasl(snapshot) ? Number.MAX_SAFE_INTEGER : MAX_COMMAND_OCTETS;
  },
  lineTooLong(): string[] {
    // Dovecot also closes the connection here; the session contract keeps it open (see the report).
    return [REPLY.lineTooLong];
  },
  timeoutReply(snapshot: Snapshot): string[] {
    // RFC 1939 §3 lets the server close silently; Dovecot says why first, and so does Mailwire.
    return [inSasl(snapshot) ? REPLY.inactivityDuringAuth : REPLY.inactivity];
  },
  internalError(): string[] {
    return [REPLY.internalError];
  },
  stateName(snapshot: Snapshot): string {
    const value = snapshot.value as string | Record<string, unknown>;
    return typeof value === 'string' ? value : (Object.keys(value)[0] ?? 'authorization');
  },
  expects(snapshot: Snapshot) {
    return inSasl(snapshot) ? 'sasl' : 'command';
  },
  errorCounter() {
    const count = new Pop3ErrorCount();
    return {
      observe: (event, replies, before, after) =>
        count.observe({
          loggedInBefore: contextOf(before).user !== undefined,
          loggedInAfter: contextOf(after).user !== undefined,
          sasl: inSasl(before) || (event.verb === 'AUTH' && contextOf(before).user === undefined),
          replies,
        }),
    };
  },
};

registerDriver(pop3Driver);
