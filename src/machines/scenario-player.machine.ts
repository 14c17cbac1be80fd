/*
 * The session simulator's UI machine: guided steps (paused or playing) or free typing, the step index, loading
 * and errors. The protocol's states are not here: they live in the server machines, reached through the
 * sessions of the `kit` the widget provides once the engine is loaded.
 *
 *   loading ──engine.loaded──▶ guided ──user.takeOver──▶ free ──user.resume──▶ guided (at the take-over step)
 *      │                       paused ⇄ playing          user.send, user.reconnect
 *      └──engine.failed──▶ error ──user.restart (a download failed)──▶ loading
 *
 * Guided steps replay the scenario on a fresh world each time (playScenario is deterministic), so going back
 * and forth lands on exactly the same transcript.
 */
import { assign, fromCallback, setup } from 'xstate';
import type { ProtocolName, Session, SessionView } from '../protocols/shared/session-types.ts';
import type { MailWorld } from '../protocols/shared/world.ts';
import type { Scenario } from './scenario.ts';
import type { ScenarioPlayback } from './scenario-runner.ts';
import { causeOf, NEW_CONNECTION, replayRows, rowsOf, type Move, type Row, type RowEntry } from './scenario-player.rows.ts';

export type { Move, Row, RowEntry };

/** What the widget hands over once the engine (and the scenario, if any) is loaded and the props are checked. */
export interface PlayerKit {
  protocol: ProtocolName;
  port: number;
  scenario: Scenario | undefined;
  /** Steps played at the start (0: the greeting only). */
  startStep: number;
  mode: 'guided' | 'free';
  /** The view of a new connection, before any command. */
  initial: SessionView;
  /** The scenario's first `count` steps on a fresh world. */
  replay(count: number): ScenarioPlayback;
  /** A new connection, on `world` or on a fresh one. */
  connect(world?: MailWorld): { world: MailWorld; session: Session };
}

/** The machine's input: how to load the kit (the widget's loader, or a test's). */
export interface PlayerInput {
  load: () => Promise<PlayerKit>;
}

/** The machine's context. */
export interface PlayerContext {
  load: () => Promise<PlayerKit>;
  kit: PlayerKit | undefined;
  error: { message: string; retry: boolean } | undefined;
  /** Guided: how many steps are played (0: the greeting). */
  step: number;
  rows: Row[];
  /** The live connection (in guided mode, the playback's) and its world. */
  session: Session | undefined;
  world: MailWorld | undefined;
  view: SessionView | undefined;
  /** Every change of the server's state so far, for the diagram. */
  moves: Move[];
  /** The step at which free typing began, to resume the guide there. */
  takenOverAt: number | undefined;
  /** The index in `rows` where the latest step or exchange begins. */
  latest: number;
}

/** Events the widget sends. */
export type PlayerEvent =
  | { type: 'engine.loaded'; kit: PlayerKit }
  | { type: 'engine.failed'; message: string; retry?: boolean }
  | { type: 'user.next' | 'user.back' | 'user.restart' | 'user.play' | 'user.pause' | 'user.takeOver' | 'user.reconnect' | 'user.resume' }
  | { type: 'user.send'; line: string };

/** How long autoplay shows each step. */
export const STEP_DELAY_MS = 3500;

const stepsOf = (context: PlayerContext) => context.kit?.scenario?.steps.length ?? 0;

function atStep(context: PlayerContext, step: number): Partial<PlayerContext> {
  const kit = context.kit!;
  const played = replayRows(kit.scenario!, kit.replay(step), kit.initial);
  return { step, rows: played.rows, moves: played.moves, session: played.session, world: played.world, view: played.session.view(), latest: played.latest };
}

/** A new connection: on the same world after a close (the transcript goes on), or a fresh start. */
function connected(context: PlayerContext, again: boolean): Partial<PlayerContext> {
  const { world, session } = context.kit!.connect(again ? context.world : undefined);
  const before = again ? context.rows : [];
  const view = session.view();
  const moved = again && context.view ? [{ from: context.view.state, to: view.state, on: 'reconnect' }] : [];
  return {
    session, world, view,
    rows: [...before, ...rowsOf(again ? [NEW_CONNECTION, ...session.greeting] : session.greeting, before.length, context.step)],
    moves: again ? [...context.moves, ...moved] : [],
    latest: before.length,
  };
}

/** The session simulator's UI machine. */
export const scenarioPlayerMachine = setup({
  types: { context: {} as PlayerContext, events: {} as PlayerEvent, input: {} as PlayerInput },
  actors: {
    loader: fromCallback<PlayerEvent, () => Promise<PlayerKit>>(({ sendBack, input }) => {
      input().then(
        (kit) => sendBack({ type: 'engine.loaded', kit }),
        // A RangeError is a bad prop, which trying again cannot fix; anything else may be a failed download.
        (error: unknown) => sendBack({ type: 'engine.failed', message: error instanceof Error ? error.message : String(error), retry: !(error instanceof RangeError) }),
      );
    }),
  },
  delays: { stepDelay: STEP_DELAY_MS },
  guards: {
    isGuided: ({ event }) => event.type === 'engine.loaded' && event.kit.mode === 'guided',
    hasNext: ({ context }) => context.step < stepsOf(context),
    isAtEnd: ({ context }) => context.step >= stepsOf(context),
    hasPrevious: ({ context }) => context.step > 0,
    hasScenario: ({ context }) => context.kit?.scenario !== undefined,
    isOpen: ({ context }) => context.view?.closed === false,
    isClosed: ({ context }) => context.view?.closed === true,
    canRetry: ({ context }) => context.error?.retry === true,
  },
  actions: {
    keepKit: assign(({ event }) => (event.type === 'engine.loaded' ? { kit: event.kit, step: event.kit.startStep, takenOverAt: event.kit.startStep } : {})),
    keepError: assign(({ event }) => (event.type === 'engine.failed' ? { error: { message: event.message, retry: event.retry ?? false } } : {})),
    clearError: assign({ error: undefined, kit: undefined }),
    showStep: assign(({ context }) => atStep(context, context.step)),
    next: assign(({ context }) => atStep(context, context.step + 1)),
    back: assign(({ context }) => atStep(context, context.step - 1)),
    first: assign(({ context }) => atStep(context, 0)),
    resume: assign(({ context }) => atStep(context, context.takenOverAt ?? 0)),
    startFree: assign(({ context }) => (context.kit?.scenario ? atStep(context, context.step) : connected(context, false))),
    freshConnection: assign(({ context }) => connected(context, false)),
    reconnect: assign(({ context }) => connected(context, true)),
    markTakeOver: assign(({ context }) => ({ takenOverAt: context.step })),
    send: assign(({ context, event }) => {
      if (event.type !== 'user.send' || !context.session) return {};
      const before = context.session.view();
      const sent = context.session.send(event.line);
      const view = context.session.view();
      const moved = before.state !== view.state ? [{ from: before.state, to: view.state, on: causeOf(before, [event.line]) }] : [];
      return {
        rows: [...context.rows, ...rowsOf(sent.entries, context.rows.length, context.step)],
        view,
        moves: [...context.moves, ...moved],
        latest: context.rows.length,
      };
    }),
  },
}).createMachine({
  id: 'scenarioPlayer',
  context: ({ input }) => ({
    load: input.load, kit: undefined, error: undefined, step: 0, rows: [], session: undefined, world: undefined,
    view: undefined, moves: [], takenOverAt: undefined, latest: 0,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: { src: 'loader', input: ({ context }) => context.load },
      on: {
        'engine.loaded': [
          { guard: 'isGuided', target: 'guided', actions: ['keepKit', 'showStep'] },
          { target: 'free', actions: ['keepKit', 'startFree'] },
        ],
        'engine.failed': { target: 'error', actions: 'keepError' },
      },
    },
    error: {
      on: { 'user.restart': { guard: 'canRetry', target: 'loading', actions: 'clearError' } },
    },
    guided: {
      initial: 'paused',
      on: {
        'user.next': { guard: 'hasNext', target: '.paused', actions: 'next' },
        'user.back': { guard: 'hasPrevious', target: '.paused', actions: 'back' },
        'user.restart': { target: '.paused', actions: 'first' },
        'user.takeOver': { target: 'free', actions: 'markTakeOver' },
      },
      states: {
        paused: {
          on: { 'user.play': { guard: 'hasNext', target: 'playing' } },
        },
        playing: {
          always: { guard: 'isAtEnd', target: 'paused' },
          after: { stepDelay: { target: 'playing', reenter: true, actions: 'next' } },
          on: { 'user.pause': 'paused' },
        },
      },
    },
    free: {
      on: {
        'user.send': { guard: 'isOpen', actions: 'send' },
        'user.reconnect': { guard: 'isClosed', actions: 'reconnect' },
        'user.resume': { guard: 'hasScenario', target: 'guided', actions: 'resume' },
        'user.restart': [
          { guard: 'hasScenario', target: 'guided', actions: 'first' },
          { actions: 'freshConnection' },
        ],
      },
    },
  },
});
