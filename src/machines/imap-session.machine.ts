/*
 * IMAP session, RFC 3501 §3:
 *
 *   greeting ─▶ notAuthenticated ──LOGIN / AUTHENTICATE──▶ authenticated ──SELECT / EXAMINE──▶ selected
 *                 │  authenticating (SASL "+ ")               ▲  idling (IDLE … DONE)     │  idling
 *                 │  literal ({n} octets)                     │  literal (APPEND {n})     │  literal
 *                 │                                           └── CLOSE, UNSELECT, failed SELECT
 *                 └──────────── LOGOUT, too many bad commands, dropped connection ────────▶ logout
 *
 * The sub-states are where the server waits for something that is not a command: a SASL response
 * (§6.2.2), literal octets (§4.3, RFC 7888) or DONE (RFC 2177). The pure step in src/protocols/imap/step.ts
 * runs each line once and names the state it leads to; the session hands that decision in with the event, and
 * the transitions below, guarded by where it leads, are every move the server can make. A move that names no
 * command (a literal finishing a LOGIN, the BYE after too many bad commands) says in `description` what the
 * learner reads on the state diagram.
 */
import { assign, setup } from 'xstate';
import { leadsTo, type Decided } from '../protocols/shared/decision.ts';
import { preLoginCapabilities } from '../protocols/imap/capabilities.ts';
import { TEXT } from '../protocols/imap/replies.ts';
import type { ImapPhase, ImapState } from '../protocols/imap/session-state.ts';
import { STATE_VERBS, type ImapDecision, type ImapMachineEvent } from '../protocols/imap/step.ts';
import { openingContext, type SessionContextBase, type SessionInput } from './session.ts';

export { AUTHENTICATED_VERBS, NOT_AUTHENTICATED_VERBS, SELECTED_VERBS } from '../protocols/imap/step.ts';

/** The machine's context: what the session reads and what the IMAP logic keeps. */
export interface ImapContext extends SessionContextBase, ImapState {}

/** Events: client lines, a lost connection, and changes other sessions made to the world, each with its decision. */
export type ImapEvent = Decided<ImapMachineEvent, ImapDecision>;

type Top = keyof typeof STATE_VERBS;

/** A transition taken when the decision leads to `next` (undefined: where the session is); it records it. */
function to(next: ImapPhase | undefined, description?: string) {
  const target = next === undefined ? undefined : `#imapSession.${next}`;
  return { guard: { type: 'leadsTo' as const, params: { next } }, target, actions: 'record' as const, ...(description ? { description } : {}) };
}

const BAD = 'too many bad commands';

/** Where a command may lead besides staying, per state and verb; every other command only stays. */
const MOVES: Record<Top, Record<string, ReturnType<typeof to>[]>> = {
  notAuthenticated: {
    LOGIN: [to('authenticated')],
    AUTHENTICATE: [to('authenticated'), to('notAuthenticated.authenticating')],
    LOGOUT: [to('logout')],
  },
  authenticated: {
    SELECT: [to('selected')],
    EXAMINE: [to('selected')],
    LOGOUT: [to('logout')],
    IDLE: [to('authenticated.idling')],
  },
  selected: {
    CLOSE: [to('authenticated')],
    UNSELECT: [to('authenticated')],
    SELECT: [to('authenticated', 'failed SELECT or EXAMINE')],
    EXAMINE: [to('authenticated', 'failed SELECT or EXAMINE')],
    LOGOUT: [to('logout')],
    IDLE: [to('selected.idling')],
  },
};

/**
 * A state's command sub-state: its commands (those with moves first, so the diagram names them first), then any
 * line that may open a literal or end the session after too many bad commands (`*`), then the lost connection.
 */
function ready(top: Top) {
  const verbs = [...Object.keys(MOVES[top]), ...STATE_VERBS[top].filter((v) => !(v in MOVES[top]))];
  return {
    on: {
      ...Object.fromEntries(verbs.map((v) => [`client.${v.toLowerCase()}`, [...(MOVES[top][v] ?? []), to(undefined)]])),
      'client.unknown': to(undefined),
      '*': [to(`${top}.literal`), to('logout', BAD)],
      'client.dropped': { target: '#imapSession.logout', actions: 'record' as const },
    },
  };
}

/** A sub-state that reads lines that are not commands; `finishes` are the moves a finished command makes. */
function reading(top: Top, finishes: ReturnType<typeof to>[]) {
  return {
    on: {
      'client.data': [...finishes, to(top), to(`${top}.literal`), to('logout', BAD), to(undefined)],
      'client.dropped': { target: '#imapSession.logout', actions: 'record' as const },
    },
  };
}

/** The IMAP server (a rev1 server like Dovecot 2.3; LOGIN and PLAIN only inside TLS). */
export const imapSessionMachine = setup({
  types: {
    context: {} as ImapContext,
    events: {} as ImapEvent,
    input: {} as SessionInput,
  },
  guards: {
    leadsTo: ({ event }, params: { next: string | undefined }) => leadsTo(event, params.next),
  },
  actions: {
    record: assign(({ event }) => event.decision.patch),
  },
}).createMachine({
  id: 'imapSession',
  context: ({ input }) => ({
    ...openingContext(input, input.server ? input.server.imap.greeting : `* OK [CAPABILITY ${preLoginCapabilities(input.implicitTls)}] ${TEXT.ready}`),
    ...(input.server ? { server: input.server } : {}),
    world: input.world,
    sessionId: input.sessionId,
    view: undefined,
    badCount: 0,
    literal: undefined,
    saslTag: undefined,
    idleTag: undefined,
  }),
  initial: 'notAuthenticated',
  on: {
    'world.changed': to(undefined),
  },
  states: {
    notAuthenticated: {
      initial: 'ready',
      states: {
        ready: ready('notAuthenticated'),
        literal: reading('notAuthenticated', [to('authenticated', 'LOGIN'), to('notAuthenticated.authenticating')]),
        authenticating: reading('notAuthenticated', [to('authenticated', 'AUTHENTICATE')]),
      },
    },
    authenticated: {
      initial: 'ready',
      states: {
        ready: ready('authenticated'),
        literal: reading('authenticated', [to('selected', 'SELECT'), to('authenticated.idling')]),
        idling: reading('authenticated', []),
      },
    },
    selected: {
      initial: 'ready',
      states: {
        ready: ready('selected'),
        literal: reading('selected', [to('authenticated', 'failed SELECT or EXAMINE'), to('selected.idling')]),
        idling: reading('selected', []),
      },
    },
    logout: { type: 'final' },
  },
});
