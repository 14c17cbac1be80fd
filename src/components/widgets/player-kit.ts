/**
 * Turns the simulator's props into what it runs on: checks them, loads the scenario, the protocol's engine and
 * the runner, opens a first connection and records what the widget shows before any typing (bake). The Astro
 * wrapper runs this at build time and passes the record as a prop; the widget imports this module itself only
 * when no record was given (the fallback for pages without a build step). A bad prop rejects with a RangeError
 * whose message the widget shows; any other rejection is a failed download, worth retrying.
 */
import type { Scenario } from '../../scenarios/scenario.ts';
import { isLineProtocol, loadEngine } from './engine.ts';
import { profileOf, lineProtocolNames } from '../../protocols/registry.ts';
import { loadScenario, scenarioIds } from './scenarios.ts';
import { bake, type SimulatorData } from './simulator/bake.ts';
import { kitOf, type WidgetKit } from './simulator/live.ts';

export type { SimulatorData, WidgetKit };

/** The simulator's public options, as a page or an embed URL gives them. */
export interface SimulatorOptions {
  protocol?: string;
  port?: number;
  scenario?: string;
  startStep?: number;
  mode?: string;
}

const bad = (message: string) => new RangeError(message);

async function scenarioFor(id: string): Promise<Scenario> {
  const scenario = await loadScenario(id);
  if (!scenario) throw bad(`There is no scenario called “${id}”. Scenarios: ${scenarioIds.join(', ') || 'none yet'}.`);
  return scenario;
}

/** Checks the options and loads everything the simulator needs, with its record. */
export async function loadKit(options: SimulatorOptions): Promise<WidgetKit & { data: SimulatorData }> {
  const scenario = options.scenario ? await scenarioFor(options.scenario) : undefined;
  const protocol = options.protocol ?? scenario?.protocol;
  if (!isLineProtocol(protocol)) throw bad(`Unknown protocol “${String(protocol ?? '')}”: use ${lineProtocolNames.slice(0, -1).join(', ')} or ${lineProtocolNames.at(-1)}.`);
  const port = options.port ?? scenario?.port;
  if (typeof port !== 'number' || !Number.isInteger(port)) throw bad(`Give the port the ${profileOf(protocol).label} server listens on.`);
  if (scenario && (scenario.protocol !== protocol || scenario.port !== port)) {
    throw bad(`The scenario “${scenario.id}” talks ${profileOf(scenario.protocol).label} on port ${scenario.port}, not ${profileOf(protocol).label} on port ${port}.`);
  }
  const mode = options.mode ?? (scenario ? 'guided' : 'free');
  if (mode !== 'guided' && mode !== 'free') throw bad(`Unknown mode “${mode}”: use guided or free.`);
  if (mode === 'guided' && !scenario) throw bad('Guided mode needs a scenario.');
  const total = scenario?.steps.length ?? 0;
  const startStep = options.startStep ?? 0;
  if (!Number.isInteger(startStep) || startStep < 0 || startStep > total) {
    throw bad(scenario ? `Step ${startStep} does not exist: this scenario has steps 0 (the greeting) to ${total}.` : 'A start step needs a scenario.');
  }
  const [engine, runner] = await Promise.all([
    loadEngine(protocol),
    scenario ? import('../../scenarios/runner.ts') : undefined,
    scenario?.server ? import('../../machines/personalities.ts') : undefined,
  ]);
  const kit = kitOf({ protocol, port, scenario, startStep, mode }, engine, runner);
  return { ...kit, data: bake(kit, engine, runner) };
}

/** The build's record for these options, or undefined when they are bad (the widget then explains what is wrong). */
export async function simulatorData(options: SimulatorOptions): Promise<SimulatorData | undefined> {
  try {
    return (await loadKit(options)).data;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
