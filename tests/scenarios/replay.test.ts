/**
 * Replays every guided scenario on the engine. A scenario's codes are promises to the learner: when the engine
 * answers something else, this test names the scenario, the step and both codes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { clientLines, playScenario } from '../../src/scenarios/runner.ts';
import { parseScenario } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/scenario.ts';
import { openSession } from '../../src/machines/session.ts';

const DIR = new URL('../../src/content/scenarios/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.startsWith('exchange-')).sort();
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

  test('include the lessons\' scenarios, each in the learning order', async () => {
    const lessons = [
      'smtp-envelope-bcc', 'smtp-auth-login', 'smtp-trouble-auth', 'smtp-trouble-timeout', 'smtp-trouble-too-big',
      'smtp-trouble-unknown-user', 'smtp-trouble-port-25-blocked', 'pop3-trouble-in-use', 'pop3-sasl-uidl-top',
      'imap-trouble-login', 'imap-read-new-mail', 'imap-uids-peek', 'imap-rev2-enable',
      'smtp-first-session', 'pop3-first-session', 'imap-first-session',
    ];
    expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(expect.arrayContaining(lessons));
    const { scenarioIds } = await import('../../src/components/widgets/scenarios.ts');
    // A file missing from LEARNING_ORDER sorts last, alphabetically: every file is placed on purpose.
    const source = readFileSync(new URL('../../src/components/widgets/scenarios.ts', import.meta.url), 'utf8');
    // The HTTP scenarios (exchange-*) are not played by the line widgets; their order is the Exchange widget's.
    for (const id of scenarioIds.filter((i) => !i.startsWith('exchange-'))) expect(source, id).toContain(`'${id}'`);
  });

  test.each(files)('%s passes the schema and its id is its file name', (file) => {
    const data: unknown = JSON.parse(readFileSync(new URL(file, DIR), 'utf8'));
    expect(() => parseScenario(data, file)).not.toThrow();
  });
});

describe('playScenario on the engine', () => {
  test.each(scenarios.map((s) => [s.id, s] as const))('%s gets the code every step expects', (_id, s) => {
    const { played } = playScenario(s, openSession);
    const failures = played
      .filter((p) => !p.ok)
      .map((p) => `${describeStep(s, p.index)}: expected ${s.steps[p.index]!.expect}, observed ${p.observed ?? 'nothing comparable'}`);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  test.each(scenarios.map((s) => [s.id, s] as const))('%s hits no internal error and ends with the connection closed', (_id, s) => {
    const { session, played } = playScenario(s, openSession);
    expect(session.internalErrors).toBe(0);
    expect(played.at(-1)!.view.closed, `${s.id} should end with QUIT or LOGOUT`).toBe(true);
  });

  test.each(scenarios.map((s) => [s.id, s] as const))('%s plays the same way twice', (_id, s) => {
    const first = playScenario(s, openSession);
    const second = playScenario(s, openSession);
    expect(second.greeting).toEqual(first.greeting);
    expect(second.played).toEqual(first.played);
  });

  test.each(scenarios.map((s) => [s.id, s] as const))('%s played to step k equals the first k steps of a full play', (_id, s) => {
    const full = playScenario(s, openSession).played;
    for (let k = 0; k <= s.steps.length; k += 1) {
      expect(playScenario(s, openSession, k).played, `${s.id} played to step ${k}`).toEqual(full.slice(0, k));
    }
  });

  test.each(scenarios.map((s) => [s.id, s] as const))('%s notes never copy a reply text by hand', (_id, s) => {
    const { played } = playScenario(s, openSession);
    for (const p of played) {
      const note = s.steps[p.index]!.note.toLowerCase();
      for (const e of p.entries) {
        const text = e.kind === 'server' ? replyText(e.text) : undefined;
        if (text && text.length >= 12) expect(note, describeStep(s, p.index)).not.toContain(text.toLowerCase());
      }
    }
  });
});

describe('the troubleshooting scenarios', () => {
  // Each reproduces one reply of the troubleshooting lesson: the step and the start of the line it must show.
  test.each([
    ['smtp-trouble-auth', 4, '535 5.7.8 '],
    ['smtp-trouble-timeout', 3, '421 4.4.2 '],
    ['smtp-trouble-too-big', 3, '552 5.3.4 '],
    ['smtp-trouble-unknown-user', 3, '550 5.1.1 '],
    ['pop3-trouble-in-use', 6, '-ERR [IN-USE] '],
    ['imap-trouble-login', 1, 'a1 NO [PRIVACYREQUIRED] '],
    ['imap-trouble-login', 2, 'a2 BAD '],
    ['imap-trouble-login', 5, 'a5 NO [AUTHENTICATIONFAILED] '],
    ['imap-rev2-enable', 3, 'a3 OK '],
  ])('%s step %i shows "%s"', (id, step, start) => {
    const s = scenarios.find((x) => x.id === id)!;
    const lines = playScenario(s, openSession).played[step - 1]!.entries.flatMap((e) => (e.kind === 'server' ? [e.text] : []));
    expect(lines.some((line) => line.startsWith(start)), lines.join('\n')).toBe(true);
  });

  test('imap-rev2-enable: ENABLE IMAP4rev2 on this IMAP4rev1 server enables nothing (no untagged ENABLED, RFC 5161 §3.1)', () => {
    const s = scenarios.find((x) => x.id === 'imap-rev2-enable')!;
    const entries = playScenario(s, openSession).played[2]!.entries;
    expect(entries.filter((e) => e.kind === 'server').map((e) => e.text)).toEqual([expect.stringMatching(/^a3 OK /)]);
  });

  test('smtp-trouble-port-25-blocked: no server line before the client reaches port 587', () => {
    const s = scenarios.find((x) => x.id === 'smtp-trouble-port-25-blocked')!;
    const { greeting, played } = playScenario(s, openSession);
    expect(greeting.map((e) => e.kind)).toEqual(['event']);
    expect(played[0]!.view.port).toBe(587);
    expect(played.at(-1)!.view.port).toBe(587);
  });
});
