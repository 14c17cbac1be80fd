/** Model-based coverage of the SMTP machine with xstate/graph: every state node is reached, and each shortest
 * path, replayed as lines through a real session, ends in the state the model predicts. */
import { describe, expect, test } from 'vitest';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import type { SnapshotFrom, StateValue } from 'xstate';
import type { ClientEvent } from '../../src/machines/session.ts';
import { smtpDriver, smtpStateName } from '../../src/machines/smtp-session.driver.ts';
import { withDecision } from '../helpers/decided.ts';
import { sequenceFacts } from '../../src/protocols/smtp/session-context.ts';
import { sequenceError } from '../../src/protocols/smtp/sequence.ts';
import { smtpSessionMachine } from '../../src/machines/smtp-session.machine.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';
import { smtp } from '../protocols/smtp/helpers.ts';

type Snapshot = SnapshotFrom<typeof smtpSessionMachine>;

/** Client lines as the driver turns them into events in command states and in text states. */
const COMMANDS = ['EHLO a.example', 'HELO a.example', 'STARTTLS', 'AUTH PLAIN', 'AUTH LOGIN', 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=',
  'MAIL FROM:<alice@example.test>', 'RCPT TO:<bob@example.test>', 'RCPT TO:<nobody@example.test>', 'DATA', 'RSET', 'NOOP', 'QUIT', 'HELLO'];
const TEXTS = ['AGFsaWNlAHdvbmRlcmxhbmQ=', 'YWxpY2U=', 'd29uZGVybGFuZA==', '*', 'Subject: hi', '.'];

function command(line: string): ClientEvent {
  const [verb, ...rest] = line.split(' ');
  const known = verb !== 'HELLO';
  return { type: known ? `client.${verb!.toLowerCase()}` : 'client.unknown', verb: verb!, args: rest.join(' '), line };
}

/** Each event decided by the pure step in `s`, as a session hands it to the machine. */
const events = (s: Snapshot) =>
  (s.matches('data') || s.matches('authenticating')
    ? TEXTS.map((line): ClientEvent => ({ type: 'client.data', verb: '', args: '', line }))
    : COMMANDS.map(command)
  ).map((e) => withDecision(smtpDriver, e, s)) as never;

/** Every state node id a state value makes active, e.g. smtpSession.mailTransaction and .mailTransaction.sender. */
function activeIds(value: StateValue, prefix = 'smtpSession'): string[] {
  if (typeof value === 'string') return [`${prefix}.${value}`];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...activeIds(v as StateValue, `${prefix}.${k}`)]);
}

const serializeState = (s: Snapshot) =>
  JSON.stringify([s.value, s.context.tls, s.context.user, s.context.helo !== undefined, s.context.loginUser, Math.min(s.context.recipients.length, 1)]);

describe('smtpSessionMachine model', () => {
  const paths = getShortestPaths(smtpSessionMachine, {
    input: { world: new MailWorld(), port: 587, sessionId: 's1', implicitTls: false, tlsRequired: true, role: 'submission', clientAddress: '192.0.2.10' },
    events,
    serializeState,
  });

  test('reaches every state node', () => {
    const reached = new Set(['smtpSession', ...paths.flatMap((p) => activeIds(p.state.value))]);
    const all = getStateNodes(smtpSessionMachine).map((n) => n.id);
    expect(all.filter((id) => !reached.has(id))).toEqual([]);
    expect(all.length).toBe(12);
  });

  test('every shortest path, sent as lines to a session on 587, ends where the model says', () => {
    expect(paths.length).toBeGreaterThanOrEqual(12);
    for (const path of paths) {
      const { session } = smtp(587);
      for (const step of path.steps.slice(1)) session.send((step.event as ClientEvent).line);
      const view = session.view();
      expect(view.state, path.steps.map((s) => (s.event as ClientEvent).line).join(' | ')).toBe(smtpStateName(path.state));
      expect(view.user).toBe(path.state.context.user);
      expect(view.tls).toBe(path.state.context.tls);
      expect(session.internalErrors).toBe(0);
    }
  });

  test('allows a command exactly when the sequence rules do, in every command state reached', () => {
    const commandStates = paths.map((p) => p.state).filter((st) => smtpDriver.expects(st) === 'command' && st.status === 'active');
    expect(commandStates.length).toBeGreaterThan(5);
    for (const st of commandStates) {
      for (const verb of smtpDriver.verbs) {
        const event = command(`${verb} x`);
        const refusal = sequenceError(verb, sequenceFacts(st.context));
        expect(st.can(withDecision(smtpDriver, event, st) as never), `${smtpStateName(st)} ${verb}`).toBe(refusal === undefined);
      }
    }
  });
});
