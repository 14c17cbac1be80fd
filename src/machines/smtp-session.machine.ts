/**
 * The simulated SMTP server's session (RFC 5321 with STARTTLS, AUTH, SIZE, 8BITMIME, PIPELINING, LIMITS).
 * RFC 5321 gives the command order (§3, §4.1.4) but no state names; these are ours:
 *
 *   connected ──EHLO/HELO──▶ ready ──MAIL──▶ mailTransaction.sender ──RCPT──▶ mailTransaction.recipients ──DATA──▶ data
 *       ▲                    ▲ ▲                       │ RSET, EHLO/HELO                                         │
 *       │                    │ └───────────────────────┘                                                         │
 *       │                    └──────────── final "." (250 queued, 552 too big, 554 line too long) ◀──────────────┘
 *       └── STARTTLS (220), from connected or ready: TLS starts and the EHLO is forgotten (RFC 3207 §4.2)
 *   ready ──AUTH──▶ authenticating.plain | authenticating.login.username ──▶ .login.password ──▶ ready (235/535/501)
 *   connected | ready | mailTransaction ──QUIT──▶ closed;  any state ──connection lost──▶ closed (nothing delivered)
 *
 * Whether a command is allowed now is decided by `sequenceError` (src/protocols/smtp/sequence.ts), which the
 * driver also uses for its out-of-state replies; what a command does is in smtp-steps.ts.
 */
import { and, assign, setup } from 'xstate';
import { answer, startAuth, type SaslWait } from '../protocols/smtp/auth.ts';
import { isEndOfData } from '../protocols/smtp/data.ts';
import { checkMail, checkRecipient } from '../protocols/smtp/envelope.ts';
import { offersAuth } from '../protocols/smtp/capabilities.ts';
import { sequenceError } from '../protocols/smtp/sequence.ts';
import type { SessionInput } from './session.ts';
import { argsOf, initialContext, isTextLine, lineOf, offerFacts, sequenceFacts, verbOf, type SmtpContext, type SmtpEvent } from './smtp-context.ts';
import * as step from './smtp-steps.ts';

/** The machine behind every SMTP session (ports 25, 587, 465). */
export const smtpSessionMachine = setup({
  types: { context: {} as SmtpContext, events: {} as SmtpEvent, input: {} as SessionInput },
  guards: {
    isAllowed: ({ context, event }) => sequenceError(verbOf(event), sequenceFacts(context)) === undefined,
    hasArgument: ({ event }) => argsOf(event) !== '',
    hasNoArgument: ({ event }) => argsOf(event) === '',
    isSenderAccepted: ({ context, event }) => checkMail(argsOf(event), offersAuth(offerFacts(context)), context.world).ok,
    isRecipientAccepted: ({ context, event }) =>
      checkRecipient(argsOf(event), { world: context.world, role: context.role, accepted: context.recipients.length }).ok,
    /** AUTH is allowed and leads to a challenge answered in the `wait` step. */
    authWaitsFor: ({ context, event }, params: { wait: SaslWait }) => {
      if (sequenceError('AUTH', sequenceFacts(context)) !== undefined) return false;
      const s = startAuth(argsOf(event), context.world);
      return s.kind === 'challenge' && s.wait === params.wait;
    },
    /** A SASL response that leads to a further challenge (LOGIN's password after its user name). */
    answerContinues: ({ context, event }, params: { wait: SaslWait }) =>
      isTextLine(event) && answer(params.wait, lineOf(event), context.loginUser, context.world).kind === 'challenge',
    /** A line of text (message or SASL), not the DATA command, which shares the event type client.data. */
    isTextLine: ({ event }) => isTextLine(event),
    isEndOfData: ({ event }) => isTextLine(event) && isEndOfData(lineOf(event)),
  },
  actions: {
    greetExtended: assign(({ context, event }) => step.greetExtended(context, event)),
    greetBasic: assign(({ context, event }) => step.greetBasic(context, event)),
    beginTls: assign(() => step.beginTls()),
    syntaxError: assign(({ context, event }) => step.syntaxError(context, event)),
    reset: assign(() => step.reset()),
    ok: assign(() => step.ok()),
    verify: assign(({ context, event }) => step.verify(context, event)),
    help: assign(({ context, event }) => step.help(context, event)),
    quit: assign(() => step.quit()),
    drop: assign(() => step.drop()),
    unrecognized: assign(() => step.unrecognized()),
    mail: assign(({ context, event }) => step.mail(context, event)),
    recipient: assign(({ context, event }) => step.recipient(context, event)),
    startData: assign(() => step.startData()),
    dataLine: assign(({ context, event }) => step.dataLine(context, event)),
    endData: assign(({ context }) => step.endData(context)),
    auth: assign(({ context, event }) => step.auth(context, event)),
    saslResponse: assign(({ context, event }, params: { wait: SaslWait }) => step.saslResponse(context, event, params.wait)),
  },
}).createMachine({
  id: 'smtpSession',
  context: ({ input }) => initialContext(input),
  initial: 'connected',
  on: {
    'client.unknown': { actions: 'unrecognized' },
    'client.dropped': { target: '.closed', actions: 'drop' },
  },
  states: {
    /** Connected, not yet greeted with EHLO/HELO (again, after STARTTLS). */
    connected: {
      on: {
        'client.ehlo': [{ guard: 'hasArgument', target: 'ready', actions: 'greetExtended' }, { actions: 'syntaxError' }],
        'client.helo': [{ guard: 'hasArgument', target: 'ready', actions: 'greetBasic' }, { actions: 'syntaxError' }],
        'client.starttls': [
          { guard: and(['isAllowed', 'hasNoArgument']), actions: 'beginTls' },
          { guard: 'isAllowed', actions: 'syntaxError' },
        ],
        'client.rset': [{ guard: 'hasNoArgument', actions: 'reset' }, { actions: 'syntaxError' }],
        'client.noop': { actions: 'ok' },
        'client.vrfy': { actions: 'verify' },
        'client.help': { actions: 'help' },
        'client.quit': { target: 'closed', actions: 'quit' },
      },
    },
    /** Greeted, no mail transaction open: MAIL may start one, AUTH may log in. */
    ready: {
      on: {
        'client.ehlo': [{ guard: 'hasArgument', target: 'ready', actions: 'greetExtended' }, { actions: 'syntaxError' }],
        'client.helo': [{ guard: 'hasArgument', target: 'ready', actions: 'greetBasic' }, { actions: 'syntaxError' }],
        'client.starttls': [
          { guard: and(['isAllowed', 'hasNoArgument']), target: 'connected', actions: 'beginTls' },
          { guard: 'isAllowed', actions: 'syntaxError' },
        ],
        'client.auth': [
          { guard: { type: 'authWaitsFor', params: { wait: 'plain' } }, target: 'authenticating.plain', actions: 'auth' },
          { guard: { type: 'authWaitsFor', params: { wait: 'username' } }, target: 'authenticating.login.username', actions: 'auth' },
          { guard: { type: 'authWaitsFor', params: { wait: 'password' } }, target: 'authenticating.login.password', actions: 'auth' },
          { guard: 'isAllowed', actions: 'auth' },
        ],
        'client.mail': [
          { guard: and(['isAllowed', 'isSenderAccepted']), target: 'mailTransaction', actions: 'mail' },
          { guard: 'isAllowed', actions: 'mail' },
        ],
        'client.rset': [{ guard: 'hasNoArgument', actions: 'reset' }, { actions: 'syntaxError' }],
        'client.noop': { actions: 'ok' },
        'client.vrfy': { actions: 'verify' },
        'client.help': { actions: 'help' },
        'client.quit': { target: 'closed', actions: 'quit' },
      },
    },
    /** MAIL accepted (RFC 5321 §3.3): recipients are collected, then DATA. */
    mailTransaction: {
      initial: 'sender',
      on: {
        'client.ehlo': [{ guard: 'hasArgument', target: 'ready', actions: 'greetExtended' }, { actions: 'syntaxError' }],
        'client.helo': [{ guard: 'hasArgument', target: 'ready', actions: 'greetBasic' }, { actions: 'syntaxError' }],
        'client.rcpt': [
          { guard: 'isRecipientAccepted', target: '.recipients', actions: 'recipient' },
          { actions: 'recipient' },
        ],
        'client.rset': [{ guard: 'hasNoArgument', target: 'ready', actions: 'reset' }, { actions: 'syntaxError' }],
        'client.noop': { actions: 'ok' },
        'client.vrfy': { actions: 'verify' },
        'client.help': { actions: 'help' },
        'client.quit': { target: 'closed', actions: 'quit' },
      },
      states: {
        /** The sender is known, no recipient accepted yet: DATA would get 554 (no valid recipients). */
        sender: {},
        /** At least one recipient accepted: DATA may follow. */
        recipients: {
          on: {
            'client.data': [
              { guard: 'hasNoArgument', target: '#smtpSession.data', actions: 'startData' },
              { actions: 'syntaxError' },
            ],
          },
        },
      },
    },
    /** After 354: message text until a line holding only "." (RFC 5321 §4.1.1.4). */
    data: {
      on: {
        'client.data': [
          { guard: 'isEndOfData', target: 'ready', actions: 'endData' },
          { guard: 'isTextLine', actions: 'dataLine' },
        ],
      },
    },
    /** An AUTH exchange (RFC 4954 §4): the client answers each 334 challenge with base64, or "*" to cancel. */
    authenticating: {
      // AUTH always targets a child; XState requires an initial one all the same.
      initial: 'plain',
      states: {
        plain: {
          on: { 'client.data': { guard: 'isTextLine', target: '#smtpSession.ready', actions: { type: 'saslResponse', params: { wait: 'plain' } } } },
        },
        login: {
          initial: 'username',
          states: {
            username: {
              on: {
                'client.data': [
                  {
                    guard: { type: 'answerContinues', params: { wait: 'username' } },
                    target: 'password',
                    actions: { type: 'saslResponse', params: { wait: 'username' } },
                  },
                  { guard: 'isTextLine', target: '#smtpSession.ready', actions: { type: 'saslResponse', params: { wait: 'username' } } },
                ],
              },
            },
            password: {
              on: { 'client.data': { guard: 'isTextLine', target: '#smtpSession.ready', actions: { type: 'saslResponse', params: { wait: 'password' } } } },
            },
          },
        },
      },
    },
    /** QUIT answered or the connection lost. */
    closed: { type: 'final' },
  },
});
