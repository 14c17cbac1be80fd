/*
 * POP3 session states, RFC 1939 §3–§6:
 *
 *   connect ─▶ AUTHORIZATION                                  TRANSACTION ──QUIT──▶ UPDATE: commit DELE marks
 *                ready ──USER──▶ userGiven ──PASS──▶ login ──▶     │
 *                (APOP is known but not enabled: -ERR)              │ drop or timeout: nothing deleted (§6)
 *                ready, userGiven ──AUTH──▶ sasl ──▶ login         ▼
 *                QUIT, [IN-USE], drop ─────────────────────────▶ closed
 *
 * The pure logic in src/protocols/pop3 decides each reply and its outcome; this machine maps outcomes to the
 * RFC's states and performs the world changes: the maildrop lock (RFC 1939 §4) and the UPDATE commit (§6).
 */
import { assign, setup } from 'xstate';
import { REPLY } from '../protocols/pop3/replies.ts';
import { respond } from '../protocols/pop3/respond.ts';
import { markedUids } from '../protocols/pop3/maildrop.ts';
import type { Pop3Context, Pop3Event, Pop3Outcome } from '../protocols/pop3/types.ts';
import { openingContext, type SessionInput } from './session.ts';

type Action = 'answer' | 'lockMaildrop' | 'commitDeletions' | 'releaseMaildrop';

/** A transition taken when the pure logic gives `outcome` for the event: it applies the reply and patch. */
function when(outcome: Pop3Outcome, target?: string, after: Action[] = []) {
  return { guard: { type: 'isOutcome' as const, params: { outcome } }, target, actions: ['answer' as Action, ...after] };
}

const LOGIN = [
  when('loggedIn', '#pop3Session.transaction', ['lockMaildrop']),
  when('inUse', '#pop3Session.closed'),
  when('rejected', '#pop3Session.authorization.ready'),
];

/** Commands both idle AUTHORIZATION sub-states accept (RFC 1939 §4, §7; RFC 2449 §5; RFC 2595 §4). */
const AUTHORIZATION_COMMANDS = {
  'client.capa': when('stay'),
  'client.quit': when('quit', '#pop3Session.closed'),
  'client.stls': when('stay'),
  'client.apop': when('stay'),
  'client.auth': [when('stay'), when('challenge', '#pop3Session.authorization.sasl'), ...LOGIN],
};

/** The POP3 server (Dovecot 2.3 with pop3_lock_session = yes; plaintext auth only inside TLS). */
export const pop3SessionMachine = setup({
  types: {
    context: {} as Pop3Context,
    events: {} as Pop3Event,
    input: {} as SessionInput,
  },
  guards: {
    isOutcome: ({ context, event }, params: { outcome: Pop3Outcome }) => respond(context, event).outcome === params.outcome,
  },
  actions: {
    answer: assign(({ context, event }) => {
      const step = respond(context, event);
      return { ...step.patch, reply: step.reply, startTls: step.patch?.startTls ?? false };
    }),
    lockMaildrop: ({ context }) => {
      if (context.user !== undefined) context.world.lockMaildrop(context.user, context.sessionId);
    },
    commitDeletions: ({ context }) => {
      if (context.user !== undefined) context.world.expunge(context.user, 'INBOX', markedUids(context), context.sessionId);
    },
    releaseMaildrop: ({ context }) => {
      if (context.user !== undefined) context.world.unlockMaildrop(context.user, context.sessionId);
    },
    dropConnection: assign({ reply: [], startTls: false, closed: true, pendingUser: undefined, sasl: undefined, deleted: [] }),
  },
}).createMachine({
  id: 'pop3Session',
  context: ({ input }) => {
    return {
      ...openingContext(input, REPLY.greeting),
      world: input.world,
      sessionId: input.sessionId,
      tlsRequired: input.tlsRequired,
      pendingUser: undefined,
      sasl: undefined,
      maildrop: [],
      uidValidity: 0,
      deleted: [],
    };
  },
  initial: 'authorization',
  on: {
    'client.unknown': when('stay'),
    // RFC 1939 §6: without QUIT the session never reaches UPDATE; the marks are forgotten, the lock released.
    'client.dropped': { target: '.closed', actions: ['releaseMaildrop', 'dropConnection'] },
  },
  states: {
    /** RFC 1939 §4: the client identifies itself; the maildrop is locked on success. */
    authorization: {
      initial: 'ready',
      states: {
        ready: {
          on: { ...AUTHORIZATION_COMMANDS, 'client.user': [when('stay'), when('userAccepted', 'userGiven')] },
        },
        /** After USER: PASS may follow (RFC 1939 §7). */
        userGiven: {
          on: { ...AUTHORIZATION_COMMANDS, 'client.user': [when('stay'), when('userAccepted')], 'client.pass': LOGIN },
        },
        /** During AUTH: every line is a base64 response or "*" (RFC 5034 §4). */
        sasl: {
          on: { 'client.data': [when('challenge'), ...LOGIN] },
        },
      },
    },
    /**
     * RFC 1939 §5: the maildrop is locked and numbered; DELE only marks. Every TRANSACTION command is always
     * accepted here, so these transitions need no guard (and RETR of a big message is built only once).
     */
    transaction: {
      on: {
        'client.capa': { actions: 'answer' },
        'client.stat': { actions: 'answer' },
        'client.list': { actions: 'answer' },
        'client.uidl': { actions: 'answer' },
        'client.retr': { actions: 'answer' },
        'client.top': { actions: 'answer' },
        'client.dele': { actions: 'answer' },
        'client.noop': { actions: 'answer' },
        'client.rset': { actions: 'answer' },
        'client.quit': { target: '#pop3Session.update', actions: ['answer', 'commitDeletions', 'releaseMaildrop'] },
      },
    },
    /** RFC 1939 §6: marked messages are removed, the lock released, the connection closed. */
    update: { type: 'final' },
    /** The connection ended any other way: QUIT before login, [IN-USE], a drop or a timeout. */
    closed: { type: 'final' },
  },
});
