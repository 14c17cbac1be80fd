/** The record SessionWidget.astro computes at build time and hands the simulator instead of the engine. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { simulatorData } from '../../src/components/widgets/player-kit.ts';
import { portFact, roleLabels, securityLabels } from '../../src/data/lookup.ts';
import { playScenario } from '../../src/scenarios/runner.ts';
import type { Scenario } from '../../src/scenarios/scenario.ts';
import '../../src/machines/servers.ts';
import { openSession } from '../../src/machines/session.ts';

const dir = new URL('../../src/content/scenarios/', import.meta.url);
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.startsWith('exchange-'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Scenario);

describe('simulatorData', () => {
  test.each(scenarios.map((s) => [s.id, s] as const))('records exactly what playScenario plays for %s', async (id, scenario) => {
    const data = await simulatorData({ scenario: id });
    const playback = playScenario(scenario, openSession);
    expect(data?.greeting).toEqual(playback.greeting);
    expect(data?.played).toEqual(playback.played);
    expect(data?.played.map((p) => p.observed)).toEqual(scenario.steps.map((s) => s.expect));
    expect(data?.scenario).toEqual(scenario);
  });

  test('records the guided 587 scenario with its diagram, badge and the catalogue entries its lines need', async () => {
    const data = (await simulatorData({ scenario: 'smtp-submission-587', startStep: 2 }))!;
    expect([data.protocol, data.port, data.mode, data.startStep]).toEqual(['smtp', 587, 'guided', 2]);
    // The diagram comes laid out, states top to bottom as drawn, in the learner's words (no layout in the page).
    expect(data.diagram.states.map((s) => s.id)).toEqual(['connected', 'ready', 'authenticating', 'mailTransaction', 'data', 'closed']);
    expect(data.diagram.states.map((s) => s.title)).toEqual(['connected', 'greeted', 'authenticating', 'mail transaction', 'data', 'closed']);
    expect(data.diagram.parts.filter((p) => p.kind === 'state')).toHaveLength(6);
    expect(data.badge).toEqual({ security: 'STARTTLS', role: 'Submission (program to server)' });
    expect(Object.keys(data.explanations).sort()).toEqual(['2.0.0', '2.1.0', '2.1.5', '2.7.0', '220', '221', '235', '250', '354', '5.7.0', '530']);
    expect(data.explanations['530']).toEqual({
      token: '530',
      title: 'Authentication or TLS required',
      text: 'The server requires STARTTLS or AUTH before this command.',
      rfc: 'RFC 4954 §6, RFC 3207 §4',
    });
  });

  test('records a free session: the greeting and first view of a new connection, no steps', async () => {
    const data = (await simulatorData({ protocol: 'pop3', port: 110 }))!;
    expect(data.mode).toBe('free');
    expect(data.scenario).toBeUndefined();
    expect(data.played).toEqual([]);
    expect(data.greeting).toEqual([{ kind: 'server', text: '+OK Mailwire POP3 ready.', encrypted: false }]);
    expect(data.initial).toMatchObject({ state: 'authorization', tls: false, closed: false, expects: 'command', allowedCommands: ['CAPA', 'STLS', 'USER', 'APOP', 'AUTH', 'QUIT'] });
    expect(data.badge).toEqual({ security: 'STARTTLS', role: 'Mailbox access' });
  });

  test('records a scenario that opens on a blocked port: a closed first view, and a badge for every port a reconnect may reach', async () => {
    const data = (await simulatorData({ scenario: 'smtp-trouble-port-25-blocked' }))!;
    expect(data.initial).toMatchObject({ port: 25, closed: true, tls: false, allowedCommands: [] });
    expect(data.greeting.map((e) => e.kind)).toEqual(['event']);
    expect(data.ports).toEqual([25, 587, 465]);
    expect(Object.keys(data.portBadges)).toEqual(['25', '465', '587']);
    // Labels from the data file, whatever their wording.
    expect(data.portBadges[587]).toEqual({ security: securityLabels[portFact(587)!.security], role: roleLabels[portFact(587)!.role] });
    expect(data.badge).toEqual(data.portBadges[25]);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  test('survives a JSON round trip, as island props must', async () => {
    const data = await simulatorData({ scenario: 'imap-idle' });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  test.each([
    [{ scenario: 'no-such-scenario' }],
    [{ protocol: 'smtp', port: 995 }],
    [{ scenario: 'smtp-submission-587', startStep: 99 }],
    [{ protocol: 'pop3', port: 110, mode: 'guided' }],
  ])('records nothing for bad props %o, so the widget explains them itself', async (options) => {
    expect(await simulatorData(options)).toBeUndefined();
  });
});
