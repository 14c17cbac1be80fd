/**
 * Build-time data of the HTTP scenarios: the course's (src/content/scenarios/exchange-*.json, beside the line
 * scenarios) and the test scenarios (src/content/test-scenarios/), each validated by the HTTP schema. A test
 * scenario's transcript is written out as on the wire, in the same blocks as the line scenarios; test scenarios are
 * kept apart from the course's: the scenario list, lessons and the playground never see them.
 */
import '../../machines/http-servers.ts';
import { type HttpScenario } from '../../scenarios/http-scenario.ts';
import { playHttpScenario } from '../../scenarios/http-play.ts';
import { parseHttpScenario } from '../../scenarios/http-schema.ts';
import type { HttpPlayback } from '../../scenarios/http-scenario.ts';
import { isHttpProtocol } from '../../protocols/registry.ts';
import type { AnyProtocolName } from '../../protocols/shared/session-types.ts';
import type { MailWorld } from '../../protocols/shared/world.ts';
import { protectionOf, transcriptLine, type TranscriptBlock, type TranscriptView } from './scenario-transcript.ts';
import { openHttpSession } from '../../machines/http-session.ts';

const files = import.meta.glob<unknown>('../../content/test-scenarios/*.json', { eager: true, import: 'default' });

/** Every HTTP test scenario, validated. */
export const testScenarios: readonly HttpScenario[] = Object.entries(files).map(([path, data]) => parseHttpScenario(data, path.slice(path.lastIndexOf('/') + 1)));

const courseFiles = import.meta.glob<unknown>('../../content/scenarios/*.json', { eager: true, import: 'default' });

/** Every HTTP scenario of the course (the exchange-* files among the scenarios), validated. */
export const httpScenarios: readonly HttpScenario[] = Object.entries(courseFiles)
  .filter(([, data]) => isHttpProtocol((data as { protocol: AnyProtocolName }).protocol))
  .map(([path, data]) => parseHttpScenario(data, path.slice(path.lastIndexOf('/') + 1)));

/** The course's HTTP scenario with this id; throws a build error naming `component` and the ids that exist. */
export function httpScenarioById(id: string, component = 'HttpTranscript'): HttpScenario {
  const found = httpScenarios.find((s) => s.id === id);
  if (!found) throw new Error(`<${component}> has no HTTP scenario "${id}"; HTTP scenarios: ${httpScenarios.map((s) => s.id).join(', ')}`);
  return found;
}

/** Plays an HTTP scenario (on `world` if given) and throws a build error when a step does not get its status or a capture. */
export function playChecked(scenario: HttpScenario, world?: MailWorld): HttpPlayback {
  const playback = playHttpScenario(scenario, openHttpSession, scenario.steps.length, world);
  const wrong = playback.played.find((p) => !p.ok);
  if (wrong) {
    const missing = wrong.missing?.length ? `; the response gave no ${wrong.missing.join(', ')}` : '';
    throw new Error(`scenario ${scenario.id} step ${wrong.index + 1}: expected ${scenario.steps[wrong.index]!.expect}, the engine gave ${wrong.observed}${missing}`);
  }
  return playback;
}

/** The HTTP test scenario with this id, or undefined. */
export function testScenarioById(id: string): HttpScenario | undefined {
  return testScenarios.find((s) => s.id === id);
}

/** Plays an HTTP scenario and shapes its transcript; throws when a step does not get its status. */
export function httpTranscriptView(scenario: HttpScenario, anchorPrefix: string = scenario.id): Omit<TranscriptView, 'scenario'> & { scenario: HttpScenario } {
  const playback = playHttpScenario(scenario, openHttpSession);
  const wrong = playback.played.find((p) => !p.ok);
  if (wrong) throw new Error(`scenario ${scenario.id} step ${wrong.index + 1}: expected ${scenario.steps[wrong.index]!.expect}, the engine gave ${wrong.observed}`);
  const greeting: TranscriptBlock = {
    anchor: `${anchorPrefix}-greeting`,
    label: 'Connection',
    note: scenario.greetingNote,
    code: [`[Connection to port ${scenario.port}]`, ...playback.greeting.map(transcriptLine)].join('\n'),
    protection: protectionOf(playback.greeting),
  };
  const steps = playback.played.map(
    (p): TranscriptBlock => ({
      anchor: `${anchorPrefix}-step-${p.index + 1}`,
      label: `Step ${p.index + 1}`,
      note: scenario.steps[p.index]!.note,
      code: p.entries.map(transcriptLine).join('\n'),
      protection: protectionOf(p.entries),
    }),
  );
  return { scenario, blocks: [greeting, ...steps] };
}
