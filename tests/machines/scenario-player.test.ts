import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { scenarioPlayerMachine, type PlayerEvent, type PlayerKit } from '../../src/machines/scenario-player.machine.ts';
import type { Scenario } from '../../src/scenarios/scenario.ts';
import { blockedScenario, submissionScenario, testKit } from './scenario-player.fixture.ts';

type Snapshot = SnapshotFrom<typeof scenarioPlayerMachine>;

const never = () => new Promise<PlayerKit>(() => {});
const start = () => initialTransition(scenarioPlayerMachine, { load: never })[0];

function run(events: PlayerEvent[], from: Snapshot = start()): Snapshot {
  return events.reduce((snapshot, event) => transition(scenarioPlayerMachine, snapshot, event)[0], from);
}

const texts = (s: Snapshot) => s.context.rows.map((r) => (r.entry.kind === 'client' ? `C: ${r.entry.text}` : r.entry.kind === 'server' ? `S: ${r.entry.text}` : r.entry.kind === 'event' ? `[${r.entry.event}]` : r.entry.text));
const guided = () => run([{ type: 'engine.loaded', kit: testKit({ scenario: submissionScenario }) }]);

describe('scenarioPlayerMachine', () => {
  test('starts loading', () => {
    expect(start().value).toBe('loading');
  });

  test('shows the greeting at step 0 of a guided scenario', () => {
    const s = guided();
    expect(s.value).toEqual({ guided: 'paused' });
    expect(s.context.step).toBe(0);
    expect(texts(s)).toEqual(['S: 220 mail.example.test ESMTP Mailwire']);
    expect(s.context.view?.state).toBe('connected');
  });

  test('starts at the start step', () => {
    const s = run([{ type: 'engine.loaded', kit: testKit({ scenario: submissionScenario, startStep: 2 }) }]);
    expect(s.context.step).toBe(2);
    expect(texts(s).at(-1)).toBe('S: 530 5.7.0 Must issue a STARTTLS command first');
  });

  test('moves forward and back to exactly the same transcript', () => {
    const two = run([{ type: 'user.next' }, { type: 'user.next' }], guided());
    const there = run([{ type: 'user.next' }, { type: 'user.back' }], two);
    expect(there.context.step).toBe(2);
    expect(texts(there)).toEqual(texts(two));
    expect(texts(two).slice(-2)).toEqual(['C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'S: 530 5.7.0 Must issue a STARTTLS command first']);
  });

  test('does not go back before the greeting nor past the last step', () => {
    expect(run([{ type: 'user.back' }], guided()).context.step).toBe(0);
    const end = run(Array.from({ length: 8 }, () => ({ type: 'user.next' as const })), guided());
    expect(end.context.step).toBe(6);
    expect(texts(end).at(-1)).toBe('[closed]');
  });

  test('restarts at the greeting', () => {
    const s = run([{ type: 'user.next' }, { type: 'user.next' }, { type: 'user.restart' }], guided());
    expect(s.context.step).toBe(0);
    expect(texts(s)).toEqual(['S: 220 mail.example.test ESMTP Mailwire']);
  });

  test('records the moves between states with their cause', () => {
    const s = run([{ type: 'user.next' }, { type: 'user.next' }, { type: 'user.next' }], guided());
    expect(s.context.moves).toEqual([
      { from: 'connected', to: 'ready', on: 'EHLO' },
      { from: 'ready', to: 'connected', on: 'STARTTLS' },
    ]);
  });

  test('takes over with the session as it is, and the server answers a wrong command', () => {
    const s = run([{ type: 'user.next' }, { type: 'user.takeOver' }, { type: 'user.send', line: 'RCPT TO:<bob@example.test>' }], guided());
    expect(s.value).toBe('free');
    expect(texts(s).slice(-2)).toEqual(['C: RCPT TO:<bob@example.test>', 'S: 503 5.5.1 Error: need MAIL command']);
    expect(s.context.takenOverAt).toBe(1);
    expect(s.context.rows[s.context.latest]?.entry).toEqual({ kind: 'client', text: 'RCPT TO:<bob@example.test>', encrypted: false });
  });

  test('resumes the guide at the step where the learner took over', () => {
    const s = run([{ type: 'user.next' }, { type: 'user.takeOver' }, { type: 'user.send', line: 'NOOP' }, { type: 'user.resume' }], guided());
    expect(s.value).toEqual({ guided: 'paused' });
    expect(s.context.step).toBe(1);
    expect(texts(s).at(-1)).toBe('S: 250 LIMITS RCPTMAX=100');
  });

  test('opens a fresh connection in free mode without a scenario', () => {
    const s = run([{ type: 'engine.loaded', kit: testKit({ protocol: 'pop3', port: 110 }) }]);
    expect(s.value).toBe('free');
    expect(s.context.view?.state).toBe('authorization');
    expect(s.context.rows).toHaveLength(1);
  });

  test('reconnects on the same world only after the connection closed', () => {
    const free = run([{ type: 'engine.loaded', kit: testKit() }]);
    expect(run([{ type: 'user.reconnect' }], free).context.rows).toHaveLength(1);
    const s = run([{ type: 'user.send', line: 'QUIT' }, { type: 'user.send', line: 'NOOP' }, { type: 'user.reconnect' }], free);
    expect(texts(s)).toEqual([
      'S: 220 mail.example.test ESMTP Mailwire', 'C: QUIT', 'S: 221 2.0.0 Bye', '[closed]', '[open]', 'S: 220 mail.example.test ESMTP Mailwire',
    ]);
    expect(s.context.view?.closed).toBe(false);
    expect(s.context.moves.at(-1)).toEqual({ from: 'closed', to: 'connected', on: 'reconnect' });
  });

  test('plays and pauses, and stops playing at the end', () => {
    const playing = run([{ type: 'user.play' }], guided());
    expect(playing.value).toEqual({ guided: 'playing' });
    expect(run([{ type: 'user.pause' }], playing).value).toEqual({ guided: 'paused' });
    const end = run([{ type: 'engine.loaded', kit: testKit({ scenario: submissionScenario, startStep: 6 }) }, { type: 'user.play' }]);
    expect(end.value).toEqual({ guided: 'paused' });
  });

  test('shows a failure and retries only a failed download', () => {
    const bad = run([{ type: 'engine.failed', message: 'There is no scenario called “nope”.', retry: false }]);
    expect(bad.value).toBe('error');
    expect(bad.context.error?.message).toBe('There is no scenario called “nope”.');
    expect(run([{ type: 'user.restart' }], bad).value).toBe('error');
    expect(run([{ type: 'engine.failed', message: 'offline', retry: true }, { type: 'user.restart' }]).value).toBe('loading');
  });

  test('advances one step per delay while playing', async () => {
    const actor = createActor(scenarioPlayerMachine.provide({ delays: { stepDelay: 5 } }), { input: { load: async () => testKit({ scenario: submissionScenario, startStep: 4 }) } });
    actor.start();
    await new Promise((r) => setTimeout(r, 0));
    actor.send({ type: 'user.play' });
    await new Promise((r) => setTimeout(r, 60));
    expect(actor.getSnapshot().context.step).toBe(6);
    expect(actor.getSnapshot().value).toEqual({ guided: 'paused' });
    actor.stop();
  });
});

const marks = (s: Snapshot) => s.context.rows.flatMap((r) => (r.entry.kind === 'event' && r.entry.event === 'open' ? [r.entry.text] : []));

describe('scenarioPlayerMachine with timeouts, ports and a blocked port', () => {
  const blocked = (startStep = 0) => run([{ type: 'engine.loaded', kit: testKit({ scenario: blockedScenario, startStep }) }]);

  test('opens on the silence of port 25: an event and no server line, in the closed state', () => {
    const s = blocked();
    expect(texts(s)).toEqual(['[closed]']);
    expect(s.context.rows[0]!.entry.text).toMatch(/^No answer on port 25: /);
    expect(s.context.view).toMatchObject({ port: 25, closed: true, state: 'closed' });
  });

  test('marks each new connection with its port, and an attempt nothing answered as an attempt', () => {
    const s = blocked(6);
    expect(marks(s)).toEqual(['New connection to port 587', 'Connection attempt to port 25', 'New connection to port 465']);
    expect(texts(s)).toEqual([
      '[closed]', '[open]', 'S: 220 mail.example.test ESMTP Mailwire', 'C: EHLO laptop',
      ...texts(s).slice(4, 12),
      'S: 421 4.4.2 mail.example.test Error: timeout exceeded', '[closed]', '[open]', '[closed]',
      '[open]', '[tls]', 'S: 220 mail.example.test ESMTP Mailwire', 'C: QUIT', 'S: 221 2.0.0 Bye', '[closed]',
    ]);
    expect(s.context.moves.map((m) => `${m.from} > ${m.to} on ${m.on}`)).toEqual([
      'closed > connected on reconnect', 'connected > ready on EHLO', 'ready > closed on idle timeout',
      'closed > closed on no answer', 'closed > connected on reconnect', 'connected > closed on QUIT',
    ]);
  });

  test('takes over after a step on another port with the session on that port', () => {
    const s = run([{ type: 'user.takeOver' }, { type: 'user.send', line: 'NOOP' }], blocked(2));
    expect(s.context.session?.port).toBe(587);
    expect(texts(s).slice(-2)).toEqual(['C: NOOP', 'S: 250 2.0.0 Ok']);
  });

  test('takes over after a blocked attempt on the port the learner is on, and reconnects to another port', () => {
    const taken = run([{ type: 'user.takeOver' }], blocked(4));
    expect(taken.value).toBe('free');
    expect(taken.context.view).toMatchObject({ port: 25, closed: true });
    expect(run([{ type: 'user.send', line: 'EHLO laptop' }], taken).context.rows).toHaveLength(taken.context.rows.length);
    const again = run([{ type: 'user.reconnect' }], taken);
    expect(marks(again).at(-1)).toBe('Connection attempt to port 25');
    expect(again.context.view).toMatchObject({ port: 25, closed: true });
    const moved = run([{ type: 'user.reconnect', port: 587 }, { type: 'user.send', line: 'EHLO laptop' }], again);
    expect(marks(moved).at(-1)).toBe('New connection to port 587');
    expect(moved.context.view).toMatchObject({ port: 587, closed: false, state: 'ready' });
    expect(moved.context.moves.at(-2)).toEqual({ from: 'closed', to: 'connected', on: 'reconnect' });
  });

  test('reconnects a free session to another port of the same protocol', () => {
    const free = run([{ type: 'engine.loaded', kit: testKit({ protocol: 'pop3', port: 110 }) }, { type: 'user.send', line: 'QUIT' }]);
    const s = run([{ type: 'user.reconnect', port: 995 }], free);
    expect(marks(s)).toEqual(['New connection to port 995']);
    expect(s.context.view).toMatchObject({ port: 995, tls: true, closed: false });
    expect(s.context.kit?.ports).toEqual([110, 995]);
  });
});

describe('scenarioPlayerMachine model', () => {
  const guidedKit = testKit({ scenario: submissionScenario, startStep: 5 });
  const freeKit = testKit({ mode: 'free' });
  const events: PlayerEvent[] = [
    { type: 'engine.loaded', kit: guidedKit },
    { type: 'engine.loaded', kit: freeKit },
    { type: 'engine.failed', message: 'offline', retry: true },
    ...(['user.next', 'user.back', 'user.restart', 'user.play', 'user.pause', 'user.takeOver', 'user.reconnect', 'user.resume'] as const).map((type) => ({ type })),
    { type: 'user.send', line: 'NOOP' },
  ];
  const AFTER = { type: 'xstate.after.stepDelay.scenarioPlayer.guided.playing' } as unknown as PlayerEvent;
  const paths = getShortestPaths(scenarioPlayerMachine, {
    input: { load: never },
    events: [...events, AFTER],
    serializeState: (s) => JSON.stringify([s.value, s.context.step, s.context.kit?.mode, s.context.rows.length > 1]),
  });

  test('reaches every state', () => {
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect([...reached].sort()).toEqual(['"error"', '"free"', '"loading"', '{"guided":"paused"}', '{"guided":"playing"}']);
  });

  test('advances a step when the autoplay delay ends', () => {
    const tick = getShortestPaths(scenarioPlayerMachine, {
      input: { load: never },
      events: [{ type: 'engine.loaded', kit: guidedKit }, { type: 'user.play' }, AFTER],
      serializeState: (s) => JSON.stringify([s.value, s.context.step]),
    }).find((p) => p.steps.at(-1)?.event.type === AFTER.type);
    expect(tick?.steps.map((s) => s.event.type)).toEqual(['xstate.init', 'engine.loaded', 'user.play', AFTER.type]);
    expect([tick?.state.context.step, tick?.state.value]).toEqual([6, { guided: 'paused' }]);
  });
});

describe('scenarioPlayerMachine on every scenario file', () => {
  const dir = new URL('../../src/content/scenarios/', import.meta.url);
  const scenarios = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('exchange-')).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Scenario);

  test.each(scenarios.map((s) => [s.id, s] as const))('steps through %s to the end and back to the same transcript', (_id, scenario) => {
    let s = run([{ type: 'engine.loaded', kit: testKit({ scenario }) }]);
    const forward: string[][] = [texts(s)];
    for (let i = 0; i < scenario.steps.length; i += 1) forward.push(texts((s = run([{ type: 'user.next' }], s))));
    expect(s.context.step).toBe(scenario.steps.length);
    for (let i = scenario.steps.length - 1; i >= 0; i -= 1) expect(texts((s = run([{ type: 'user.back' }], s)))).toEqual(forward[i]);
    expect(s.context.session?.internalErrors).toBe(0);
  });
});
