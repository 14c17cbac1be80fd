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
 * (§6.2.2), literal octets (§4.3, RFC 7888) or DONE (RFC 2177). The pure logic in src/protocols/imap runs
 * each line and names the state that follows; `route` then takes that transition, so every state change of
 * the RFC diagram is written once, below.
 */
import { assign, setup } from 'xstate';
import { preLoginCapabilities } from '../protocols/imap/capabilities.ts';
import { runCommand, runData, runWorldChange } from '../protocols/imap/commands/dispatch.ts';
import { TEXT } from '../protocols/imap/replies.ts';
import type { ImapPhase, ImapState, Outcome } from '../protocols/imap/session-state.ts';
import type { WorldChange } from '../protocols/shared/world.ts';
import { openingContext, type ClientEvent, type SessionContextBase, type SessionInput } from './session.ts';

/** The machine's context: what the session reads, what the IMAP logic keeps, and the state it is in. */
export interface ImapContext extends SessionContextBase, ImapState {
  /** The state the last line led to; at rest, the state the machine is in. */
  next: ImapPhase;
}

/** Events: client lines, a lost connection, and changes other sessions made to the world. */
export type ImapEvent = ClientEvent | { type: 'client.dropped' } | { type: 'world.changed'; change: WorldChange };

/** Commands of the not-authenticated state (RFC 3501 §6.1, §6.2; ID from RFC 2971). */
export const NOT_AUTHENTICATED_VERBS = ['CAPABILITY', 'NOOP', 'LOGOUT', 'ID', 'STARTTLS', 'AUTHENTICATE', 'LOGIN'] as const;
/** Commands of the authenticated state (RFC 3501 §6.1, §6.3; ENABLE, NAMESPACE, IDLE from their RFCs). */
export const AUTHENTICATED_VERBS = ['CAPABILITY', 'NOOP', 'LOGOUT', 'ID', 'ENABLE', 'SELECT', 'EXAMINE', 'CREATE', 'DELETE', 'RENAME', 'SUBSCRIBE', 'UNSUBSCRIBE', 'LIST', 'LSUB', 'NAMESPACE', 'STATUS', 'APPEND', 'IDLE'] as const;
/** Commands of the selected state: the authenticated ones and RFC 3501 §6.4, UNSELECT (RFC 3691), MOVE (RFC 6851). */
export const SELECTED_VERBS = [...AUTHENTICATED_VERBS, 'CHECK', 'CLOSE', 'UNSELECT', 'EXPUNGE', 'SEARCH', 'FETCH', 'STORE', 'COPY', 'MOVE', 'UID'] as const;

function commands(verbs: readonly string[]) {
  return Object.fromEntries(verbs.map((v) => [`client.${v.toLowerCase()}`, { target: '#imapSession.route', actions: 'command' as const }]));
}

const data = { 'client.data': { target: '#imapSession.route', actions: 'data' as const } };

/** The IMAP state a phase names, with the sub-state when there is one. */
const PHASES: ImapPhase[] = [
  'notAuthenticated', 'notAuthenticated.literal', 'notAuthenticated.authenticating',
  'authenticated', 'authenticated.literal', 'authenticated.idling',
  'selected', 'selected.literal', 'selected.idling', 'logout',
];

/**
 * Where a line can move the session between the RFC 3501 §3 states, for the state diagram: the logic decides
 * each move (a refused LOGIN stays put, a failed SELECT leaves the selected state), so the definition cannot show
 * them. tests/machines/imap-moves.test.ts holds the engine to this list both ways. Labels are what the learner
 * reads: command verbs, or what happened.
 */
export const ROUTED_MOVES: readonly { from: string; to: string; events: string[] }[] = [
  { from: 'notAuthenticated', to: 'authenticated', events: ['LOGIN', 'AUTHENTICATE'] },
  { from: 'notAuthenticated', to: 'logout', events: ['LOGOUT', 'too many bad commands'] },
  { from: 'authenticated', to: 'selected', events: ['SELECT', 'EXAMINE'] },
  { from: 'authenticated', to: 'logout', events: ['LOGOUT', 'too many bad commands'] },
  { from: 'selected', to: 'authenticated', events: ['CLOSE', 'UNSELECT', 'failed SELECT or EXAMINE'] },
  { from: 'selected', to: 'logout', events: ['LOGOUT', 'too many bad commands'] },
];

function stateOf(context: ImapContext): ImapState {
  const { world, sessionId, tls, user, view, badCount, literal, saslTag, idleTag } = context;
  return { world, sessionId, tls, user, view, badCount, literal, saslTag, idleTag };
}

// The session reads the context of the snapshot being replaced when this session's own change to the world is
// announced in the middle of a transition; emptying that reply first keeps the last reply from being sent again.
function hush(context: ImapContext): void {
  (context as { reply: string[] }).reply = [];
}

function applied(out: Outcome): Partial<ImapContext> {
  return { ...out.state, reply: out.reply, next: out.next, startTls: out.startTls, closed: out.closed };
}

/** The IMAP server (a rev1 server like Dovecot 2.3; LOGIN and PLAIN only inside TLS). */
export const imapSessionMachine = setup({
  types: {
    context: {} as ImapContext,
    events: {} as ImapEvent,
    input: {} as SessionInput,
  },
  guards: {
    leadsTo: ({ context }, params: { phase: ImapPhase }) => context.next === params.phase,
    isOthersChange: ({ context, event }) => 'change' in event && event.change.origin !== context.sessionId,
  },
  actions: {
    command: assign(({ context, event }) => {
      hush(context);
      const e = event as ClientEvent;
      return applied(runCommand(stateOf(context), { tag: e.tag, verb: e.verb, args: e.args, line: e.line }));
    }),
    data: assign(({ context, event }) => {
      hush(context);
      return applied(runData(stateOf(context), context.next, (event as ClientEvent).line));
    }),
    worldChanged: assign(({ context, event }) => ({
      reply: 'change' in event ? runWorldChange(stateOf(context), context.next, event.change) : [],
      startTls: false,
    })),
    drop: assign(({ context }) => {
      context.view?.close();
      return { reply: [], startTls: false, closed: true, view: undefined, next: 'logout' as const };
    }),
  },
}).createMachine({
  id: 'imapSession',
  context: ({ input }) => ({
    ...openingContext(input, `* OK [CAPABILITY ${preLoginCapabilities(input.implicitTls)}] ${TEXT.ready}`),
    world: input.world,
    sessionId: input.sessionId,
    view: undefined,
    badCount: 0,
    literal: undefined,
    saslTag: undefined,
    idleTag: undefined,
    next: 'notAuthenticated',
  }),
  initial: 'notAuthenticated',
  on: {
    'client.unknown': { target: '#imapSession.route', actions: 'command' },
    'client.dropped': { target: '#imapSession.logout', actions: 'drop' },
    'world.changed': { guard: 'isOthersChange', actions: 'worldChanged' },
  },
  states: {
    notAuthenticated: {
      initial: 'ready',
      states: {
        ready: { on: commands(NOT_AUTHENTICATED_VERBS) },
        literal: { on: data },
        authenticating: { on: data },
      },
    },
    authenticated: {
      initial: 'ready',
      states: {
        ready: { on: commands(AUTHENTICATED_VERBS) },
        literal: { on: data },
        idling: { on: data },
      },
    },
    selected: {
      initial: 'ready',
      states: {
        ready: { on: commands(SELECTED_VERBS) },
        literal: { on: data },
        idling: { on: data },
      },
    },
    // Where every line lands for a moment: the logic's verdict picks the state (see `next`).
    route: {
      meta: { moves: ROUTED_MOVES },
      always: PHASES.map((phase) => ({ guard: { type: 'leadsTo' as const, params: { phase } }, target: `#imapSession.${phase}` })),
    },
    logout: { type: 'final' },
  },
});
