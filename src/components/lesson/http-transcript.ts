/**
 * Build-time static transcripts of the HTTP test scenarios (src/content/test-scenarios/): each request and
 * response written out as on the wire, in the same blocks as the line scenarios. Test scenarios are kept apart
 * from the course's: the scenario list, lessons and the playground never see them.
 */
import '../../machines/http-servers.ts';
import { playHttpScenario, type HttpScenario } from '../../scenarios/http-scenario.ts';
import { parseHttpScenario } from '../../scenarios/http-schema.ts';
import { protectionOf, transcriptLine, type TranscriptBlock, type TranscriptView } from './scenario-transcript.ts';
import { openHttpSession } from '../../machines/http-session.ts';

const files = import.meta.glob<unknown>('../../content/test-scenarios/*.json', { eager: true, import: 'default' });

/** Every HTTP test scenario, validated. */
export const testScenarios: readonly HttpScenario[] = Object.entries(files).map(([path, data]) => parseHttpScenario(data, path.slice(path.lastIndexOf('/') + 1)));

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
