/**
 * The SMTP machine as pure functions: `initialTransition` and `transition`, no actor, no session. Each event is
 * decided by the pure step first, as a session does; the delivery it decides is performed here by hand.
 */
import { describe, expect, test } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { ClientEvent, SessionInput } from '../../src/machines/session.ts';
import { smtpSessionMachine } from '../../src/machines/smtp-session.machine.ts';
import { smtpDriver } from '../../src/machines/smtp-session.driver.ts';
import { withDecision } from '../helpers/decided.ts';
import { performSmtp, type SmtpDecision, type SmtpEffect } from '../../src/protocols/smtp/step.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

type Snapshot = SnapshotFrom<typeof smtpSessionMachine>;

function input(port: 25 | 587 | 465, world = new MailWorld()): SessionInput {
  return {
    world,
    port,
    sessionId: 's1',
    implicitTls: port === 465,
    tlsRequired: port === 587,
    role: port === 25 ? 'relay' : 'submission',
    clientAddress: '192.0.2.10',
  };
}

/** A command event as the driver makes it. */
function cmd(verb: string, args = ''): ClientEvent {
  return { type: `client.${verb.toLowerCase()}`, verb, args, line: args ? `${verb} ${args}` : verb };
}

/** A text line (DATA or SASL). */
const text = (line: string): ClientEvent => ({ type: 'client.data', verb: '', args: '', line });

/** `event` with the pure step's decision in `snapshot`, as the session hands it to the machine. */
function decided(snapshot: Snapshot, event: ClientEvent | { type: 'client.dropped' }) {
  return withDecision(smtpDriver, event, snapshot) as typeof event & { decision: SmtpDecision };
}

/** The decision of the last event `run` applied. */
let last: SmtpDecision | undefined;

function run(snapshot: Snapshot, ...events: Array<ClientEvent | { type: 'client.dropped' }>): Snapshot {
  return events.reduce((s, e) => {
    const event = decided(s, e);
    last = event.decision;
    return transition(smtpSessionMachine, s, event)[0];
  }, snapshot);
}

const can = (s: Snapshot, e: ClientEvent) => s.can(decided(s, e));

const start = (port: 25 | 587 | 465, world?: MailWorld) => initialTransition(smtpSessionMachine, input(port, world))[0];

describe('smtpSessionMachine transitions', () => {
  test('starts in connected with the greeting as its reply', () => {
    const s = start(25);
    expect(s.value).toBe('connected');
    expect(s.context).toMatchObject({ reply: ['220 mail.example.test ESMTP Mailwire'], tls: false, startTls: false, closed: false, user: undefined });
  });

  test('starts with TLS on port 465', () => {
    expect(start(465).context.tls).toBe(true);
  });

  test('moves connected → ready on EHLO and keeps the client name', () => {
    const s = run(start(25), cmd('EHLO', 'mx1.sender.example'));
    expect(s.value).toBe('ready');
    expect(s.context).toMatchObject({ helo: 'mx1.sender.example', esmtp: true });
  });

  test('stays in connected on EHLO without a name', () => {
    const s = run(start(25), cmd('EHLO'));
    expect(s.value).toBe('connected');
    expect(s.context.reply).toEqual(['501 5.5.4 Syntax: EHLO hostname']);
  });

  test('cannot take MAIL in connected, so the driver answers it', () => {
    expect(can(start(25), cmd('MAIL', 'FROM:<a@b.example>'))).toBe(false);
  });

  test('goes back to connected with TLS on STARTTLS, setting startTls for this event only', () => {
    const s = run(start(587), cmd('EHLO', 'a.example'), cmd('STARTTLS'));
    expect(s.value).toBe('connected');
    expect(s.context).toMatchObject({ tls: true, startTls: true, helo: undefined });
    expect(run(s, cmd('EHLO', 'a.example')).context.startTls).toBe(false);
  });

  test('walks ready → mailTransaction.sender → .recipients → data → ready and delivers once', () => {
    const world = new MailWorld();
    const before = world.mailbox('bob', 'INBOX')!.messages.length;
    let s = run(start(25, world), cmd('EHLO', 'a.example'), cmd('MAIL', 'FROM:<c@sender.example>'));
    expect(s.value).toEqual({ mailTransaction: 'sender' });
    expect(s.context.sender).toBe('c@sender.example');
    s = run(s, cmd('RCPT', 'TO:<nobody@example.test>'));
    expect(s.value).toEqual({ mailTransaction: 'sender' });
    expect(can(s, cmd('DATA'))).toBe(false);
    s = run(s, cmd('RCPT', 'TO:<bob@example.test>'));
    expect(s.value).toEqual({ mailTransaction: 'recipients' });
    expect(s.context.recipients).toEqual(['bob@example.test']);
    s = run(s, cmd('DATA'), text('Subject: x'), text(''), text('..body'));
    expect(s.value).toBe('data');
    expect(s.context.reply).toEqual([]);
    expect(s.context.message.content).toBe('Subject: x\r\n\r\n.body\r\n');
    s = run(s, text('.'));
    expect(s.value).toBe('ready');
    expect(s.context).toMatchObject({ sender: undefined, recipients: [] });
    // The transition only records: the delivery is the decision's effect, performed once afterwards.
    expect(world.mailbox('bob', 'INBOX')!.messages.length).toBe(before);
    const replies = performSmtp(last!.effects as SmtpEffect[], world);
    expect(replies[0]).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]{11}$/);
    expect(world.mailbox('bob', 'INBOX')!.messages.length).toBe(before + 1);
  });

  test('does not take the DATA command as a message line inside data', () => {
    const s = run(start(25), cmd('EHLO', 'a'), cmd('MAIL', 'FROM:<>'), cmd('RCPT', 'TO:<bob@example.test>'), cmd('DATA'));
    expect(can(s, cmd('DATA'))).toBe(false);
    expect(can(s, text('DATA'))).toBe(true);
  });

  test('goes ready → authenticating.login.username → .password → ready with the user set', () => {
    let s = run(start(465), cmd('EHLO', 'a'), cmd('AUTH', 'LOGIN'));
    expect(s.value).toEqual({ authenticating: { login: 'username' } });
    s = run(s, text('Ym9i'));
    expect(s.value).toEqual({ authenticating: { login: 'password' } });
    expect(s.context.loginUser).toBe('bob');
    s = run(s, text('YnVpbGRlcg=='));
    expect(s.value).toBe('ready');
    expect(s.context).toMatchObject({ user: 'bob', loginUser: undefined, reply: ['235 2.7.0 Authentication successful'] });
  });

  test('goes ready → authenticating.plain → ready on a failed PLAIN', () => {
    let s = run(start(465), cmd('EHLO', 'a'), cmd('AUTH', 'PLAIN'));
    expect(s.value).toEqual({ authenticating: 'plain' });
    s = run(s, text('AGJvYgB3cm9uZw=='));
    expect(s.value).toBe('ready');
    expect(s.context.user).toBeUndefined();
  });

  test('goes to closed on QUIT and on a dropped connection', () => {
    expect(run(start(25), cmd('QUIT')).value).toBe('closed');
    const dropped = run(start(25), cmd('EHLO', 'a'), cmd('MAIL', 'FROM:<>'), { type: 'client.dropped' });
    expect(dropped.value).toBe('closed');
    expect(dropped.context).toMatchObject({ closed: true, reply: [], sender: undefined });
    expect(dropped.status).toBe('done');
  });

  test('answers an unknown verb in every command state without moving', () => {
    const unknown: ClientEvent = { type: 'client.unknown', verb: 'HELLO', args: 'there', line: 'HELLO there' };
    for (const s of [start(25), run(start(25), cmd('EHLO', 'a')), run(start(25), cmd('EHLO', 'a'), cmd('MAIL', 'FROM:<>'))]) {
      const next = run(s, unknown);
      expect(next.value).toEqual(s.value);
      expect(next.context.reply).toEqual(['500 5.5.2 Error: command not recognized']);
    }
  });
});
