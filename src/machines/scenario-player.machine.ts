/*
 * The session simulator's UI machine: guided steps (paused or playing) or free typing, the step index, loading
 * and errors. The protocol's states are not here: they live in the server machines, reached through the
 * sessions of the `kit` the widget provides once the engine is loaded.
 *
 *   loading ──engine.loaded──▶ guided ──user.takeOver──▶ free ──user.resume──▶ guided (at the take-over step)
 *      │                       paused ⇄ playing          user.send, user.reconnect
 *      └──engine.failed──▶ error ──user.restart (a download failed)──▶ loading
 *
 * With the build's playback (`baked`), the machine starts in guided at once, or in `preparing` for free typing:
 * the command line shows, and the engine loads on the learner's first approach (user.warm) or line, which
 * waits in a queue until a live session takes it. Take over from guided steps goes there too.
 *
 *   preparing: idle ──user.warm / user.send──▶ fetching ──engine.loaded──▶ free (queued lines sent)
 *                                              └──engine.failed──▶ failed ──user.retry / user.send──▶ fetching
 *
 * Guided steps replay the scenario on a fresh world each time (playScenario is deterministic), or read the
 * build's recording of the same playback, so going back and forth lands on exactly the same transcript.
 */
import { assign, fromCallback, setup } from 'xstate';
import {
  atStep, connected, initialContext, offline, sent, setupOf, wentLive,
  type BakedPlayer, type PlayerContext, type PlayerInput, type PlayerKit, type PlayerSetup, type Queued,
} from './scenario-player.context.ts';
import type { Move, Row, RowEntry } from '../scenarios/player-rows.ts';

export type { BakedPlayer, Move, PlayerContext, PlayerInput, PlayerKit, PlayerSetup, Row, RowEntry };

/** Events the widget sends. */
export type PlayerEvent =
  | { type: 'engine.loaded'; kit: PlayerKit }
  | { type: 'engine.failed'; message: string; retry?: boolean }
  | { type: 'user.next' | 'user.back' | 'user.restart' | 'user.play' | 'user.pause' | 'user.takeOver' | 'user.resume' }
  /** A new connection after a close: to `port`, or to the port the learner is on. */
  | { type: 'user.reconnect'; port?: number | undefined }
  | { type: 'user.warm' | 'user.retry' }
  | { type: 'user.send'; line: string };

/** How long autoplay shows each step. */
export const STEP_DELAY_MS = 3500;

const stepsOf = (context: PlayerContext) => setupOf(context)?.scenario?.steps.length ?? 0;
const queued = (event: PlayerEvent): Queued[] =>
  event.type === 'user.send'
    ? [{ type: event.type, line: event.line }]
    : event.type === 'user.reconnect' ? [event.port === undefined ? { type: event.type } : { type: event.type, port: event.port }] : [];

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
    isBakedGuided: ({ context }) => context.baked?.mode === 'guided',
    isBaked: ({ context }) => context.baked !== undefined,
    hasNext: ({ context }) => context.step < stepsOf(context),
    isAtEnd: ({ context }) => context.step >= stepsOf(context),
    hasPrevious: ({ context }) => context.step > 0,
    hasScenario: ({ context }) => setupOf(context)?.scenario !== undefined,
    hasSession: ({ context }) => context.session !== undefined,
    hasKit: ({ context }) => context.kit !== undefined,
    isOpen: ({ context }) => context.view?.closed === false,
    isClosed: ({ context }) => context.view?.closed === true,
    canRetry: ({ context }) => context.error?.retry === true,
  },
  actions: {
    keepKit: assign(({ event }) => (event.type === 'engine.loaded' ? { kit: event.kit, step: event.kit.startStep, takenOverAt: event.kit.startStep } : {})),
    keepLive: assign(({ event }) => (event.type === 'engine.loaded' ? { kit: event.kit } : {})),
    keepError: assign(({ event }) => (event.type === 'engine.failed' ? { error: { message: event.message, retry: event.retry ?? false } } : {})),
    clearError: assign({ error: undefined }),
    forgetKit: assign({ error: undefined, kit: undefined }),
    showStep: assign(({ context }) => atStep(context, context.step)),
    next: assign(({ context }) => atStep(context, context.step + 1)),
    back: assign(({ context }) => atStep(context, context.step - 1)),
    first: assign(({ context }) => atStep(context, 0)),
    resume: assign(({ context }) => atStep(context, context.takenOverAt ?? 0)),
    startFree: assign(({ context }) => (context.kit?.scenario ? atStep(context, context.step) : connected(context, false))),
    startOffline: assign(({ context }) => offline(context)),
    goLive: assign(({ context }) => wentLive(context)),
    freshConnection: assign(({ context }) => connected(context, false)),
    reconnect: assign(({ context, event }) => connected(context, true, event.type === 'user.reconnect' ? event.port : undefined)),
    markTakeOver: assign(({ context }) => ({ takenOverAt: context.step })),
    send: assign(({ context, event }) => (event.type === 'user.send' ? sent(context, event.line) : {})),
    enqueue: assign(({ context, event }) => ({ queue: [...context.queue, ...queued(event)], error: undefined })),
  },
}).createMachine({
  id: 'scenarioPlayer',
  context: ({ input }) => initialContext(input),
  initial: 'boot',
  states: {
    boot: {
      always: [
        { guard: 'isBakedGuided', target: 'guided', actions: 'showStep' },
        { guard: 'isBaked', target: 'preparing', actions: 'startOffline' },
        { target: 'loading' },
      ],
    },
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
      on: { 'user.restart': { guard: 'canRetry', target: 'loading', actions: 'forgetKit' } },
    },
    guided: {
      initial: 'paused',
      on: {
        'user.next': { guard: 'hasNext', target: '.paused', actions: 'next' },
        'user.back': { guard: 'hasPrevious', target: '.paused', actions: 'back' },
        'user.restart': { target: '.paused', actions: 'first' },
        'user.takeOver': [
          // Steps replayed on the engine: type on into that very session.
          { guard: 'hasSession', target: 'free', actions: 'markTakeOver' },
          { guard: 'hasKit', target: 'free', actions: ['markTakeOver', 'goLive'] },
          { target: 'preparing.fetching', actions: 'markTakeOver' },
        ],
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
    // Free typing from the build's playback, before the engine has arrived.
    preparing: {
      initial: 'idle',
      on: {
        'user.resume': { guard: 'hasScenario', target: 'guided', actions: 'resume' },
        'user.restart': [{ guard: 'hasScenario', target: 'guided', actions: 'first' }, { target: '.idle', actions: 'startOffline' }],
      },
      states: {
        idle: {
          on: {
            'user.warm': 'fetching',
            'user.send': { target: 'fetching', actions: 'enqueue' },
            'user.reconnect': { target: 'fetching', actions: 'enqueue' },
          },
        },
        fetching: {
          entry: 'clearError',
          invoke: { src: 'loader', input: ({ context }) => context.load },
          on: {
            'user.send': { actions: 'enqueue' },
            'user.reconnect': { actions: 'enqueue' },
            'engine.loaded': { target: '#scenarioPlayer.free', actions: ['keepLive', 'goLive'] },
            'engine.failed': { target: 'failed', actions: 'keepError' },
          },
        },
        failed: {
          on: {
            'user.retry': 'fetching',
            'user.send': { target: 'fetching', actions: 'enqueue' },
            'user.reconnect': { target: 'fetching', actions: 'enqueue' },
          },
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
