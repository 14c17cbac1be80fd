/*
 * POP3 session states, RFC 1939 §3–§6:
 *
 *   connect ─▶ AUTHORIZATION                                  TRANSACTION ──QUIT──▶ UPDATE: commit DELE marks
 *                ready ──USER──▶ userGiven ──PASS──▶ login ──▶     │
 *                (APOP is known but not enabled: -ERR)              │ drop or timeout: nothing deleted (§6)
 *                ready, userGiven ──AUTH──▶ sasl ──▶ login         ▼
 *                QUIT, [IN-USE], drop ─────────────────────────▶ closed
 *
 * The pure step in src/protocols/pop3/step.ts decides each line once: the reply, the state it leads to and the
 * world changes (the maildrop lock of RFC 1939 §4, the UPDATE commit of §6). The session hands the decision in
 * with the event; this machine's guards read it, its one assign records it, and the session performs the effects.
 */
import { assign, setup } from 'xstate';
import { leadsTo, type Decided } from '../protocols/shared/decision.ts';
import { REPLY } from '../protocols/pop3/replies.ts';
import type { Pop3Decision, Pop3MachineEvent } from '../protocols/pop3/step.ts';
import type { Pop3Context } from '../protocols/pop3/types.ts';
import { openingContext, type SessionInput } from './session.ts';

/** A transition taken when the decision leads to `next` (undefined: the state the session is in); it records it. */
function to(next: string | undefined, target?: string) {
  return { guard: { type: 'leadsTo' as const, params: { next } }, target, actions: 'record' as const };
}

const LOGIN = [to('transaction', '#pop3Session.transaction'), to('closed', '#pop3Session.closed'), to('authorization.ready', '#pop3Session.authorization.ready')];

/** Commands both idle AUTHORIZATION sub-states accept (RFC 1939 §4, §7; RFC 2449 §5; RFC 2595 §4). */
const AUTHORIZATION_COMMANDS = {
  'client.capa': to(undefined),
  'client.quit': to('closed', '#pop3Session.closed'),
  'client.stls': to(undefined),
  'client.apop': to(undefined),
  'client.auth': [to(undefined), to('authorization.sasl', '#pop3Session.authorization.sasl'), ...LOGIN],
};

/** The POP3 server (Dovecot 2.3 with pop3_lock_session = yes; plaintext auth only inside TLS). */
export const pop3SessionMachine = setup({
  types: {
    context: {} as Pop3Context,
    events: {} as Decided<Pop3MachineEvent, Pop3Decision>,
    input: {} as SessionInput,
  },
  guards: {
    leadsTo: ({ event }, params: { next: string | undefined }) => leadsTo(event, params.next),
  },
  actions: {
    record: assign(({ event }) => ({ ...event.decision.patch, reply: event.decision.reply })),
  },
}).createMachine({
  id: 'pop3Session',
  context: ({ input }) => {
    return {
      ...openingContext(input, input.server ? input.server.pop3.greeting : REPLY.greeting),
      ...(input.server ? { server: input.server } : {}),
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
    'client.unknown': to(undefined),
    // RFC 1939 §6: without QUIT the session never reaches UPDATE; the marks are forgotten, the lock released.
    'client.dropped': { target: '.closed', actions: 'record' },
  },
  states: {
    /** RFC 1939 §4: the client identifies itself; the maildrop is locked on success. */
    authorization: {
      initial: 'ready',
      states: {
        ready: {
          on: { ...AUTHORIZATION_COMMANDS, 'client.user': [to(undefined), to('authorization.userGiven', 'userGiven')] },
        },
        /** After USER: PASS may follow (RFC 1939 §7). */
        userGiven: {
          on: { ...AUTHORIZATION_COMMANDS, 'client.user': [to(undefined), to('authorization.userGiven')], 'client.pass': LOGIN },
        },
        /** During AUTH: every line is a base64 response or "*" (RFC 5034 §4). */
        sasl: {
          on: { 'client.data': [to('authorization.sasl'), ...LOGIN] },
        },
      },
    },
    /** RFC 1939 §5: the maildrop is locked and numbered; DELE only marks. Every TRANSACTION command stays but QUIT. */
    transaction: {
      on: {
        'client.capa': to(undefined),
        'client.stat': to(undefined),
        'client.list': to(undefined),
        'client.uidl': to(undefined),
        'client.retr': to(undefined),
        'client.top': to(undefined),
        'client.dele': to(undefined),
        'client.noop': to(undefined),
        'client.rset': to(undefined),
        'client.quit': to('update', '#pop3Session.update'),
      },
    },
    /** RFC 1939 §6: marked messages are removed, the lock released, the connection closed. */
    update: { type: 'final' },
    /** The connection ended any other way: QUIT before login, [IN-USE], a drop or a timeout. */
    closed: { type: 'final' },
  },
});
