/**
 * Replays every guided scenario on the engine. A scenario's codes are promises to the learner: when the engine
 * answers something else, this test names the scenario, the step and both codes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { clientLines, playScenario } from '../../src/machines/scenario-runner.ts';
import { parseScenario } from '../../src/machines/scenario-schema.ts';
import type { Scenario } from '../../src/machines/scenario.ts';

const DIR = new URL('../../src/content/scenarios/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const scenarios: Scenario[] = files.map((f) => parseScenario(JSON.parse(readFileSync(new URL(f, DIR), 'utf8')), f));

/** How a failed step reads in the test output. */
function describeStep(s: Scenario, index: number): string {
  const step = s.steps[index]!;
  const what = step.event ? `event ${step.event.kind}` : clientLines(step)[0];
  return `${s.id} step ${index + 1} (${what})`;
}

/** The human words of a status reply (after its code, status and response code), or undefined for data lines. */
function replyText(line: string): string | undefined {
  const m = /^(?:[2-5]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?|\+OK |-ERR |\S+ (?:OK|NO|BAD|BYE) )(?:\[[^\]]*\] )?(.+)$/.exec(line);
  return m?.[1];
}

describe('scenario files', () => {
  test('include every scenario the course promises', () => {
    expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(expect.arrayContaining([
      'smtp-submission-587', 'smtp-submission-465', 'smtp-relay-25', 'smtp-mistakes',
      'pop3-download-delete', 'pop3-leave-on-server', 'pop3-stls-vs-995', 'pop3-rset', 'pop3-dropped-connection',
      'imap-login-read', 'imap-delete-vs-move', 'imap-search', 'imap-idle',
    ]));
  });

  test.each(files)('%s passes the schema and its id is its file name', (file) => {
    const data: unknown = JSON.parse(readFileSync(new URL(file, DIR), 'utf8'));
    expect(() => parseScenario(data, file)).not.toThrow();
  });
});

describe('playScenario on the engine', () => {
  test.each(scenarios.map((s) => [s.id, s] as const))('%s gets the code every step expects', (_id, s) => {
    const { played } = playScenario(s);
    const failures = played
      .filter((p) => !p.ok)
      .map((p) => `${describeStep(s, p.index)}: expected ${s.steps[p.index]!.expect}, observed ${p.observed ?? 'nothing comparable'}`);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  test.each(scenarios.map((s) => [s.id, s] as const))('%s hits no internal error and ends with the connection closed', (_id, s) => {
    const { session, played } = playScenario(s);
    expect(session.internalErrors).toBe(0);
    expect(played.at(-1)!.view.closed, `${s.id} should end with QUIT or LOGOUT`).toBe(true);
  });

  test.each(scenarios.map((s) => [s.id, s] as const))('%s plays the same way twice', (_id, s) => {
    const first = playScenario(s);
    const second = playScenario(s);
    expect(second.greeting).toEqual(first.greeting);
    expect(second.played).toEqual(first.played);
  });

  test.each(scenarios.map((s) => [s.id, s] as const))('%s played to step k equals the first k steps of a full play', (_id, s) => {
    const full = playScenario(s).played;
    for (let k = 0; k <= s.steps.length; k += 1) {
      expect(playScenario(s, k).played, `${s.id} played to step ${k}`).toEqual(full.slice(0, k));
    }
  });

  test.each(scenarios.map((s) => [s.id, s] as const))('%s notes never copy a reply text by hand', (_id, s) => {
    const { played } = playScenario(s);
    for (const p of played) {
      const note = s.steps[p.index]!.note.toLowerCase();
      for (const e of p.entries) {
        const text = e.kind === 'server' ? replyText(e.text) : undefined;
        if (text && text.length >= 12) expect(note, describeStep(s, p.index)).not.toContain(text.toLowerCase());
      }
    }
  });
});
