/**
 * The live half of the simulator: the protocol's engine (and the scenario runner, for a scenario) downloaded
 * and wrapped as the kit the player machine runs sessions with. Pages load it only when the learner takes over
 * or starts typing; the build's recorded playback covers everything before that.
 */
import type { PlayerKit, PlayerSetup } from '../../../machines/scenario-player.machine.ts';
import type { playScenario } from '../../../machines/scenario-runner.ts';
import { loadEngine, type Engine } from '../engine.ts';
import type { SimulatorData } from './bake.ts';

/** The kit, with the engine the widget also reads (catalogue, machine), and what the fallback loader computed. */
export interface WidgetKit extends PlayerKit {
  engine: Engine;
  /** The fallback loader's equivalent of the build's data (pages pass theirs as a prop instead). */
  data?: SimulatorData;
}

/** Sessions for `setup` on `engine`; `runner` replays the scenario, when there is one. */
export function kitOf(setup: Omit<PlayerSetup, 'initial'>, engine: Engine, runner: { playScenario: typeof playScenario } | undefined): WidgetKit {
  const { protocol, port, scenario, startStep, mode } = setup;
  const connect: PlayerKit['connect'] = (world) => {
    const w = world ?? new engine.MailWorld({ seed: scenario?.seed ?? 1 });
    return { world: w, session: engine.openSession(w, protocol, port) };
  };
  // Opening a first connection checks the port: openSession names the ports the protocol is served on.
  const initial = connect().session.view();
  return {
    protocol, port, scenario, startStep, mode, initial, connect, engine,
    replay: (count) => {
      if (!scenario || !runner) throw new RangeError('No scenario to replay.');
      return runner.playScenario(scenario, count);
    },
  };
}

/** Downloads the engine (and the runner, for a scenario) for a simulator whose props are already checked. */
export async function loadLive(setup: Omit<PlayerSetup, 'initial'>): Promise<WidgetKit> {
  const [engine, runner] = await Promise.all([loadEngine(setup.protocol), setup.scenario ? import('../../../machines/scenario-runner.ts') : undefined]);
  return kitOf(setup, engine, runner);
}
