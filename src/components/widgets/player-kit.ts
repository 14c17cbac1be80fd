/**
 * Turns the simulator's props into what its UI machine runs on: checks them, loads the protocol's engine (and
 * the scenario and its player, when there is one) and opens a first connection. A bad prop rejects with a
 * RangeError whose message the widget shows; any other rejection is a failed download, worth retrying.
 */
import type { PlayerKit } from '../../machines/scenario-player.machine.ts';
import type { Scenario } from '../../machines/scenario.ts';
import { isProtocol, loadEngine, type Engine } from './engine.ts';
import { loadScenario, scenarioIds } from './scenarios.ts';

/** The simulator's public options, as a page or an embed URL gives them. */
export interface SimulatorOptions {
  protocol?: string;
  port?: number;
  scenario?: string;
  startStep?: number;
  mode?: string;
}

/** The kit, with the engine the widget also reads (catalogue, machine). */
export interface WidgetKit extends PlayerKit {
  engine: Engine;
}

const bad = (message: string) => new RangeError(message);

async function scenarioFor(id: string): Promise<Scenario> {
  const scenario = await loadScenario(id);
  if (!scenario) throw bad(`There is no scenario called “${id}”. Scenarios: ${scenarioIds.join(', ') || 'none yet'}.`);
  return scenario;
}

/** Checks the options and loads everything the simulator needs. */
export async function loadKit(options: SimulatorOptions): Promise<WidgetKit> {
  const scenario = options.scenario ? await scenarioFor(options.scenario) : undefined;
  const protocol = options.protocol ?? scenario?.protocol;
  if (!isProtocol(protocol)) throw bad(`Unknown protocol “${String(protocol ?? '')}”: use smtp, pop3 or imap.`);
  const port = options.port ?? scenario?.port;
  if (typeof port !== 'number' || !Number.isInteger(port)) throw bad(`Give the port the ${protocol.toUpperCase()} server listens on.`);
  if (scenario && (scenario.protocol !== protocol || scenario.port !== port)) {
    throw bad(`The scenario “${scenario.id}” talks ${scenario.protocol.toUpperCase()} on port ${scenario.port}, not ${protocol.toUpperCase()} on port ${port}.`);
  }
  const mode = options.mode ?? (scenario ? 'guided' : 'free');
  if (mode !== 'guided' && mode !== 'free') throw bad(`Unknown mode “${mode}”: use guided or free.`);
  if (mode === 'guided' && !scenario) throw bad('Guided mode needs a scenario.');
  const total = scenario?.steps.length ?? 0;
  const startStep = options.startStep ?? 0;
  if (!Number.isInteger(startStep) || startStep < 0 || startStep > total) {
    throw bad(scenario ? `Step ${startStep} does not exist: this scenario has steps 0 (the greeting) to ${total}.` : 'A start step needs a scenario.');
  }
  const [engine, runner] = await Promise.all([loadEngine(protocol), scenario ? import('../../machines/scenario-runner.ts') : undefined]);
  const connect: PlayerKit['connect'] = (world) => {
    const w = world ?? new engine.MailWorld({ seed: scenario?.seed ?? 1 });
    return { world: w, session: engine.openSession(w, protocol, port) };
  };
  // Opening a first connection checks the port: openSession names the ports the protocol is served on.
  const initial = connect().session.view();
  return {
    protocol, port, scenario, startStep, mode, initial, connect, engine,
    replay: (count) => {
      if (!scenario || !runner) throw bad('No scenario to replay.');
      return runner.playScenario(scenario, count);
    },
  };
}
