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
 * The pure step in src/protocols/smtp/step.ts decides each line once for the state the session is in: taken or
 * not (the sequence rules of sequence.ts), the reply, the state it leads to, and the message to deliver after
 * the final dot. The session hands the decision in with the event; these transitions only read where it leads.
 */
import { assign, setup } from 'xstate';
import { leadsTo, type Decided } from '../protocols/shared/decision.ts';
import { initialContext, type SmtpContext, type SmtpEvent } from '../protocols/smtp/session-context.ts';
import type { SmtpDecision } from '../protocols/smtp/step.ts';
import type { SessionInput } from './session.ts';

/** A transition taken when the decision leads to `next` (undefined: the state the session is in); it records it. */
function to(next: string | undefined, target?: string) {
  return { guard: { type: 'leadsTo' as const, params: { next } }, target, actions: 'record' as const };
}

/** EHLO and HELO: greeted (RFC 5321 §4.1.1.1), or a syntax error that stays. */
const GREET = { 'client.ehlo': [to('ready', 'ready'), to(undefined)], 'client.helo': [to('ready', 'ready'), to(undefined)] };
/** Commands every command state answers in place: NOOP, VRFY, HELP; QUIT closes. */
const ANYTIME = { 'client.noop': to(undefined), 'client.vrfy': to(undefined), 'client.help': to(undefined), 'client.quit': to('closed', 'closed') };

/** The machine behind every SMTP session (ports 25, 587, 465). */
export const smtpSessionMachine = setup({
  types: { context: {} as SmtpContext, events: {} as Decided<SmtpEvent, SmtpDecision>, input: {} as SessionInput },
  guards: {
    leadsTo: ({ event }, params: { next: string | undefined }) => leadsTo(event, params.next),
  },
  actions: {
    record: assign(({ event }) => event.decision.patch),
  },
}).createMachine({
  id: 'smtpSession',
  context: ({ input }) => initialContext(input),
  initial: 'connected',
  on: {
    'client.unknown': to(undefined),
    'client.dropped': { target: '.closed', actions: 'record' },
  },
  states: {
    /** Connected, not yet greeted with EHLO/HELO (again, after STARTTLS). */
    connected: {
      on: {
        ...GREET,
        'client.starttls': [to('connected'), to(undefined)],
        'client.rset': to(undefined),
        ...ANYTIME,
      },
    },
    /** Greeted, no mail transaction open: MAIL may start one, AUTH may log in. */
    ready: {
      on: {
        ...GREET,
        'client.starttls': [to('connected', 'connected'), to(undefined)],
        'client.auth': [
          to('authenticating.plain', 'authenticating.plain'),
          to('authenticating.login.username', 'authenticating.login.username'),
          to('authenticating.login.password', 'authenticating.login.password'),
          to(undefined),
        ],
        'client.mail': [to('mailTransaction', 'mailTransaction'), to(undefined)],
        'client.rset': to(undefined),
        ...ANYTIME,
      },
    },
    /** MAIL accepted (RFC 5321 §3.3): recipients are collected, then DATA. */
    mailTransaction: {
      initial: 'sender',
      on: {
        ...GREET,
        'client.rcpt': [to('mailTransaction.recipients', '.recipients'), to(undefined)],
        'client.rset': [to('ready', 'ready'), to(undefined)],
        ...ANYTIME,
      },
      states: {
        /** The sender is known, no recipient accepted yet: DATA would get 554 (no valid recipients). */
        sender: {},
        /** At least one recipient accepted: DATA may follow. */
        recipients: {
          on: { 'client.data': [to('data', '#smtpSession.data'), to(undefined)] },
        },
      },
    },
    /** After 354: message text until a line holding only "." (RFC 5321 §4.1.1.4). */
    data: {
      on: { 'client.data': [to('ready', 'ready'), to(undefined)] },
    },
    /** An AUTH exchange (RFC 4954 §4): the client answers each 334 challenge with base64, or "*" to cancel. */
    authenticating: {
      // AUTH always targets a child; XState requires an initial one all the same.
      initial: 'plain',
      states: {
        plain: {
          on: { 'client.data': to('ready', '#smtpSession.ready') },
        },
        login: {
          initial: 'username',
          states: {
            username: {
              on: { 'client.data': [to('authenticating.login.password', 'password'), to('ready', '#smtpSession.ready')] },
            },
            password: {
              on: { 'client.data': to('ready', '#smtpSession.ready') },
            },
          },
        },
      },
    },
    /** QUIT answered or the connection lost. */
    closed: { type: 'final' },
  },
});
