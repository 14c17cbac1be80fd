/**
 * A scenario for a diagram, by id from src/content/scenarios or as data (tests, lessons with their own), played
 * on the engine; a step the engine no longer answers as the scenario expects fails the build, as the static
 * transcripts do.
 */
import { scenarioById } from '../lesson/scenario-transcript.ts';
import { playScenario, type ScenarioPlayback } from '../../scenarios/runner.ts';
import { parseScenario } from '../../scenarios/schema.ts';
import type { Scenario } from '../../scenarios/scenario.ts';
import { openSession } from '../../machines/session.ts';

/** A scenario and its playback. */
export interface PlayedScenario {
  scenario: Scenario;
  playback: ScenarioPlayback;
}

/** Loads (`scenario` id or `data`, exactly one) and plays a scenario for `component`. */
export function playedScenario(component: string, scenario: string | undefined, data: unknown): PlayedScenario {
  if ((scenario === undefined) === (data === undefined)) throw new Error(`<${component}> needs either scenario="…" (an id) or data={…} (a scenario), not ${scenario === undefined ? 'neither' : 'both'}`);
  const loaded = scenario !== undefined ? scenarioById(scenario, component) : parseScenario(data, `${String((data as { id?: unknown }).id)}.json`);
  const playback = playScenario(loaded, openSession);
  const wrong = playback.played.find((p) => !p.ok);
  if (wrong) throw new Error(`<${component}> scenario ${loaded.id} step ${wrong.index + 1}: expected ${loaded.steps[wrong.index]!.expect}, the engine gave ${wrong.observed ?? 'nothing comparable'}`);
  return { scenario: loaded, playback };
}
