/**
 * The live half of the simulator: the protocol's engine (and the scenario runner, for a scenario) downloaded
 * and wrapped as the kit the player machine runs sessions with. Pages load it only when the learner takes over
 * or starts typing; the build's recorded playback covers everything before that.
 */
import type { PlayerKit, PlayerSetup } from '../../../machines/scenario-player.machine.ts';
import type { dial, playScenario, scenarioWorld } from '../../../scenarios/runner.ts';
import { loadEngine, type Engine } from '../engine.ts';
import type { SimulatorData } from './bake.ts';
import type { SharedWorld } from '../world/tab-world.ts';

/** The kit, with the engine the widget also reads (catalogue, machine), and what the fallback loader computed. */
export interface WidgetKit extends PlayerKit {
  engine: Engine;
  /** The fallback loader's equivalent of the build's data (pages pass theirs as a prop instead). */
  data?: SimulatorData;
}

/** What the kit needs of the scenario runner: replays, and connections through the scenario's network. */
export interface Runner {
  playScenario: typeof playScenario;
  dial: typeof dial;
  /** The scenario's fresh world: its seed and its start day. */
  scenarioWorld: typeof scenarioWorld;
}

/**
 * Sessions for `setup` on `engine`; `runner` replays the scenario, when there is one. New connections without a
 * world go to `shared` when given (the playground's tab world), else to a fresh seeded world.
 */
export function kitOf(setup: Omit<PlayerSetup, 'initial' | 'ports'>, engine: Engine, runner: Runner | undefined, shared?: SharedWorld): WidgetKit {
  const { protocol, port, scenario, startStep, mode } = setup;
  const connect: PlayerKit['connect'] = (world, to = port) => {
    const w = world ?? shared?.world ?? (scenario && runner ? runner.scenarioWorld(scenario) : new engine.MailWorld({ seed: scenario?.seed ?? 1 }));
    // A scenario's network may block the port: the runner's dial gives the attempt nothing answers.
    return { world: w, session: scenario && runner ? runner.dial(w, scenario, to, engine.openSession) : engine.openSession(w, protocol, to) };
  };
  // Opening a first connection checks the port: openSession names the ports the protocol is served on. It goes to a
  // world of its own, so the tab's world has no session nobody uses.
  const initial = connect(shared ? new engine.MailWorld() : undefined).session.view();
  return {
    protocol, port, scenario, startStep, mode, initial, connect, engine, ports: engine.ports[protocol],
    replay: (count) => {
      if (!scenario || !runner) throw new RangeError('No scenario to replay.');
      return runner.playScenario(scenario, engine.openSession, count);
    },
  };
}

/**
 * Downloads the engine (and the runner, for a scenario) for a simulator whose props are already checked. Without a
 * scenario the sessions share the tab's world (world/tab-world.ts): what the SMTP page delivers, POP3 and IMAP read.
 */
export async function loadLive(setup: Omit<PlayerSetup, 'initial'>): Promise<WidgetKit> {
  const [engine, runner, tab] = await Promise.all([
    loadEngine(setup.protocol),
    setup.scenario ? import('../../../scenarios/runner.ts') : undefined,
    setup.scenario ? undefined : import('../world/tab-world.ts'),
    // Another vendor's server (Exchange Online) is its own chunk, loaded only for a scenario that names it.
    setup.scenario?.server ? import('../../../machines/personalities.ts') : undefined,
  ]);
  return kitOf(setup, engine, runner, tab?.tabWorld());
}
