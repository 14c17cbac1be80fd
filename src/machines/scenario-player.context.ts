/**
 * The scenario player's data and the pure functions its actions run: what the engine's kit or the build's
 * recorded playback provide, the machine's context, and how a step, a line or a new connection changes it.
 */
import type { LineProtocolName, Session, SessionView, TranscriptEntry } from '../protocols/shared/session-types.ts';
import type { MailWorld } from '../protocols/shared/world.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { PlayedStep, ScenarioPlayback } from '../scenarios/runner.ts';
import { causeOf, connectionMark, reconnectCause, replayRows, rowsOf, type Move, type Row } from '../scenarios/player-rows.ts';

/** What the player is set up with, whether the engine or the build provides it. */
export interface PlayerSetup {
  protocol: LineProtocolName;
  port: number;
  scenario?: Scenario | undefined;
  /** Steps played at the start (0: the greeting only). */
  startStep: number;
  mode: 'guided' | 'free';
  /** The view of a new connection, before any command. */
  initial: SessionView;
  /** The ports the protocol is served on, which a reconnect may choose from (the current port only when absent). */
  ports?: readonly number[] | undefined;
}

/** What the widget hands over once the engine (and the scenario, if any) is loaded and the props are checked. */
export interface PlayerKit extends PlayerSetup {
  scenario: Scenario | undefined;
  /** The scenario's first `count` steps on a fresh world. */
  replay(count: number): ScenarioPlayback;
  /** A new connection, on `world` or on a fresh one, to `port` (the setup's by default) through the scenario's network. */
  connect(world?: MailWorld, port?: number): { world: MailWorld; session: Session };
}

/**
 * The playback the build recorded (serializable): guided steps and the first screen need no engine. The engine
 * loads only when the learner takes over or starts typing.
 */
export interface BakedPlayer extends PlayerSetup {
  /** The first connection's greeting. */
  greeting: TranscriptEntry[];
  /** Every step of the scenario as the engine played it (none without a scenario). */
  played: PlayedStep[];
}

/** The player's input: how to load the engine's kit (the widget's loader, or a test's), and the build's playback if any. */
export interface PlayerInput {
  load: () => Promise<PlayerKit>;
  baked?: BakedPlayer | undefined;
}

/** A learner's action that waits for the engine. */
export type Queued = { type: 'user.send'; line: string } | { type: 'user.reconnect'; port?: number | undefined };

/** The machine's context. */
export interface PlayerContext {
  /** Loads the engine's kit: at the start without `baked`, else when free typing needs a live session. */
  load: () => Promise<PlayerKit>;
  kit: PlayerKit | undefined;
  baked: BakedPlayer | undefined;
  error: { message: string; retry: boolean } | undefined;
  /** Guided: how many steps are played (0: the greeting). */
  step: number;
  rows: Row[];
  /** The live connection and its world (guided from the build's playback: none). */
  session: Session | undefined;
  world: MailWorld | undefined;
  view: SessionView | undefined;
  /** Every change of the server's state so far, for the diagram. */
  moves: Move[];
  /** The step at which free typing began, to resume the guide there. */
  takenOverAt: number | undefined;
  /** The index in `rows` where the latest step or exchange begins. */
  latest: number;
  /** Lines and reconnects sent before the engine arrived, in order. */
  queue: Queued[];
}

/** The machine's first context, from its input. */
export function initialContext(input: PlayerInput): PlayerContext {
  return {
    load: input.load, kit: undefined, baked: input.baked, error: undefined, step: input.baked?.startStep ?? 0, rows: [],
    session: undefined, world: undefined, view: undefined, moves: [], takenOverAt: input.baked?.startStep, latest: 0, queue: [],
  };
}

/**
 * Where the machine settles from the build's playback, before any event: guided steps paused at the start step,
 * or free typing waiting for the engine (its `boot` state's choice). The widget renders this first screen without
 * the machine, so hydration needs no XState; tests check it against the machine's first snapshot.
 */
export function bakedStart(input: PlayerInput & { baked: BakedPlayer }): { value: { guided: 'paused' } | { preparing: 'idle' }; context: PlayerContext } {
  const context = initialContext(input);
  if (input.baked.mode === 'guided') return { value: { guided: 'paused' }, context: { ...context, ...atStep(context, context.step) } };
  return { value: { preparing: 'idle' }, context: { ...context, ...offline(context) } };
}

/** The kit or the build's playback, whichever the player has. */
export const setupOf = (context: PlayerContext): PlayerSetup | undefined => context.baked ?? context.kit;

/** Guided: the transcript after `step` steps, from the build's playback or a replay on the engine. */
export function atStep(context: PlayerContext, step: number): Partial<PlayerContext> {
  const { baked, kit } = context;
  const reset = { step, queue: [], error: undefined };
  if (baked) {
    const played = replayRows(baked.scenario!, { greeting: baked.greeting, played: baked.played.slice(0, step) }, baked.initial);
    const view = step > 0 ? baked.played[step - 1]!.view : baked.initial;
    return { ...reset, ...played, view, session: undefined, world: undefined };
  }
  const playback = kit!.replay(step);
  const played = replayRows(kit!.scenario!, playback, kit!.initial);
  return { ...reset, ...played, session: playback.session, world: playback.world, view: playback.session.view() };
}

/** Free mode from the build's playback: the greeting (or the scenario at the current step), no session yet. */
export function offline(context: PlayerContext): Partial<PlayerContext> {
  const baked = context.baked!;
  if (baked.scenario) return atStep(context, context.step);
  return { rows: rowsOf(baked.greeting, 0, 0), moves: [], view: baked.initial, latest: 0, session: undefined, world: undefined, queue: [], error: undefined };
}

/**
 * A new connection: on the same world after a close (the transcript goes on), to `port` or to the port the learner
 * is on; or a fresh start on the setup's port.
 */
export function connected(context: PlayerContext, again: boolean, port?: number): Partial<PlayerContext> {
  const kit = context.kit!;
  // A fresh start leaves the old connection: drop it, so a world the two share (the playground's) keeps no POP3
  // maildrop lock of a connection nobody can reach (a dropped POP3 session commits nothing, RFC 1939 §6).
  if (!again) context.session?.drop();
  const { world, session } = kit.connect(again ? context.world : undefined, again ? (port ?? context.view?.port ?? kit.port) : kit.port);
  const before = again ? context.rows : [];
  const view = session.view();
  const moved = again && context.view ? [{ from: context.view.state, to: view.state, on: reconnectCause(view) }] : [];
  const greeting = again ? [connectionMark(context.view?.port, view), ...session.greeting] : session.greeting;
  return {
    session, world, view,
    rows: [...before, ...rowsOf(greeting, before.length, context.step)],
    moves: again ? [...context.moves, ...moved] : [],
    latest: before.length,
  };
}

/** One line to the live session, and what it caused. */
export function sent(context: PlayerContext, line: string): Partial<PlayerContext> {
  if (!context.session) return {};
  const before = context.session.view();
  const step = context.session.send(line);
  const view = context.session.view();
  const moved = before.state !== view.state ? [{ from: before.state, to: view.state, on: causeOf(before, [line]) }] : [];
  return {
    rows: [...context.rows, ...rowsOf(step.entries, context.rows.length, context.step)],
    view,
    moves: [...context.moves, ...moved],
    latest: context.rows.length,
  };
}

/**
 * The engine arrived: a live session where the transcript stands (the scenario replayed to the current step, or
 * a new connection, whose greeting is the one already shown), then every queued action in order.
 */
export function wentLive(context: PlayerContext): Partial<PlayerContext> {
  const kit = context.kit!;
  let live: PlayerContext;
  if (setupOf(context)?.scenario) {
    const playback = kit.replay(context.step);
    live = { ...context, session: playback.session, world: playback.world, view: playback.session.view() };
  } else {
    const { world, session } = kit.connect();
    live = { ...context, session, world, view: session.view() };
  }
  for (const action of context.queue) {
    if (action.type === 'user.send' && live.view?.closed === false) live = { ...live, ...sent(live, action.line) };
    else if (action.type === 'user.reconnect' && live.view?.closed === true) live = { ...live, ...connected(live, true, action.port) };
  }
  return { ...live, queue: [], error: undefined };
}
