import { describe, expect, test } from 'vitest';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { scenarioPlayerMachine, type BakedPlayer, type PlayerEvent, type PlayerKit } from '../../src/machines/scenario-player.machine.ts';
import { blockedScenario, submissionScenario, testBaked, testKit } from './scenario-player.fixture.ts';

type Snapshot = SnapshotFrom<typeof scenarioPlayerMachine>;

const never = () => new Promise<PlayerKit>(() => {});
const start = (baked: BakedPlayer) => initialTransition(scenarioPlayerMachine, { load: never, baked })[0];
const run = (events: PlayerEvent[], from: Snapshot) => events.reduce((s, event) => transition(scenarioPlayerMachine, s, event)[0], from);
const texts = (s: Snapshot) => s.context.rows.map((r) => (r.entry.kind === 'client' ? `C: ${r.entry.text}` : r.entry.kind === 'server' ? `S: ${r.entry.text}` : r.entry.kind === 'event' ? `[${r.entry.event}]` : r.entry.text));

const guided = (startStep = 0) => start(testBaked({ scenario: submissionScenario, startStep }));
const loaded = (kit: PlayerKit): PlayerEvent => ({ type: 'engine.loaded', kit });

describe('scenarioPlayerMachine with the build’s playback', () => {
  test('starts in the guided steps at the start step, with no engine and no session', () => {
    const s = guided(2);
    expect(s.value).toEqual({ guided: 'paused' });
    expect(texts(s).at(-1)).toBe('S: 530 5.7.0 Must issue a STARTTLS command first');
    expect(s.context.view?.state).toBe('ready');
    expect([s.context.kit, s.context.session]).toEqual([undefined, undefined]);
  });

  test('steps forward and back to the same transcripts and moves as a replay on the engine', () => {
    const live = run([loaded(testKit({ scenario: submissionScenario }))], initialTransition(scenarioPlayerMachine, { load: never })[0]);
    let baked = guided();
    let engine = live;
    for (let i = 0; i < submissionScenario.steps.length; i += 1) {
      baked = run([{ type: 'user.next' }], baked);
      engine = run([{ type: 'user.next' }], engine);
      expect([texts(baked), baked.context.moves, baked.context.view]).toEqual([texts(engine), engine.context.moves, engine.context.view]);
    }
    expect(texts(run([{ type: 'user.back' }, { type: 'user.back' }], baked))).toEqual(texts(run([{ type: 'user.back' }, { type: 'user.back' }], engine)));
  });

  test('takes over by fetching the engine, queues lines meanwhile, then sends them to a live session in order', () => {
    const waiting = run([{ type: 'user.next' }, { type: 'user.takeOver' }, { type: 'user.send', line: 'RCPT TO:<bob@example.test>' }, { type: 'user.send', line: 'NOOP' }], guided());
    expect(waiting.value).toEqual({ preparing: 'fetching' });
    expect(waiting.context.queue).toEqual([{ type: 'user.send', line: 'RCPT TO:<bob@example.test>' }, { type: 'user.send', line: 'NOOP' }]);
    expect(texts(waiting).at(-1)).toBe('S: 250 LIMITS RCPTMAX=100');
    const live = run([loaded(testKit({ scenario: submissionScenario }))], waiting);
    expect(live.value).toBe('free');
    expect(texts(live).slice(-4)).toEqual(['C: RCPT TO:<bob@example.test>', 'S: 503 5.5.1 Error: need MAIL command', 'C: NOOP', 'S: 250 2.0.0 Ok']);
    expect(live.context.queue).toEqual([]);
    expect(live.context.takenOverAt).toBe(1);
  });

  test('goes back to the guided steps and takes over again on the engine it already has', () => {
    const kit = testKit({ scenario: submissionScenario });
    const free = run([{ type: 'user.takeOver' }, loaded(kit), { type: 'user.send', line: 'NOOP' }, { type: 'user.resume' }], guided(2));
    expect(free.value).toEqual({ guided: 'paused' });
    expect(free.context.session).toBeUndefined();
    expect(texts(free).at(-1)).toBe('S: 530 5.7.0 Must issue a STARTTLS command first');
    const again = run([{ type: 'user.takeOver' }, { type: 'user.send', line: 'STARTTLS' }], free);
    expect(again.value).toBe('free');
    expect(texts(again).slice(-3)).toEqual(['C: STARTTLS', 'S: 220 2.0.0 Ready to start TLS', '[tls]']);
  });

  test('opens free mode on the recorded greeting and fetches the engine only when the learner reaches for it', () => {
    const idle = start(testBaked({ protocol: 'pop3', port: 110 }));
    expect(idle.value).toEqual({ preparing: 'idle' });
    expect(texts(idle)).toEqual(['S: +OK Mailwire POP3 ready.']);
    expect(idle.context.view?.allowedCommands).toEqual(['CAPA', 'STLS', 'USER', 'APOP', 'AUTH', 'QUIT']);
    expect(run([{ type: 'user.warm' }], idle).value).toEqual({ preparing: 'fetching' });
    const live = run([{ type: 'user.send', line: 'USER alice' }, loaded(testKit({ protocol: 'pop3', port: 110 }))], idle);
    expect(texts(live)).toEqual([
      'S: +OK Mailwire POP3 ready.',
      'C: USER alice',
      'S: -ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
    ]);
  });

  test('queues a reconnect after a recorded close, and replays it once the engine is here', () => {
    const end = run([{ type: 'user.takeOver' }, { type: 'user.reconnect' }], guided(6));
    expect(end.context.queue).toEqual([{ type: 'user.reconnect' }]);
    const live = run([loaded(testKit({ scenario: submissionScenario }))], end);
    expect(texts(live).slice(-3)).toEqual(['[closed]', '[open]', 'S: 220 mail.example.test ESMTP Mailwire']);
    expect(live.context.view?.closed).toBe(false);
  });

  test('keeps the queue when the download fails, and sends it after a retry', () => {
    const failed = run([{ type: 'user.send', line: 'CAPA' }, { type: 'engine.failed', message: 'offline', retry: true }], start(testBaked({ protocol: 'pop3', port: 110 })));
    expect(failed.value).toEqual({ preparing: 'failed' });
    expect(failed.context.error).toEqual({ message: 'offline', retry: true });
    const retried = run([{ type: 'user.retry' }], failed);
    expect([retried.value, retried.context.error, retried.context.queue]).toEqual([{ preparing: 'fetching' }, undefined, [{ type: 'user.send', line: 'CAPA' }]]);
    expect(texts(run([loaded(testKit({ protocol: 'pop3', port: 110 }))], retried))[1]).toBe('C: CAPA');
  });

  test('starts over on the recorded greeting and forgets queued lines', () => {
    const s = run([{ type: 'user.send', line: 'CAPA' }, { type: 'user.restart' }], start(testBaked({ protocol: 'pop3', port: 110 })));
    expect(s.value).toEqual({ preparing: 'idle' });
    expect(s.context.queue).toEqual([]);
  });

  test('loads the engine through its input only after take over', async () => {
    let loads = 0;
    const load = async () => ((loads += 1), testKit({ scenario: submissionScenario }));
    const actor = createActor(scenarioPlayerMachine, { input: { load, baked: testBaked({ scenario: submissionScenario }) } });
    actor.start();
    actor.send({ type: 'user.next' });
    actor.send({ type: 'user.back' });
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(0);
    actor.send({ type: 'user.takeOver' });
    actor.send({ type: 'user.send', line: 'EHLO again' });
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(1);
    expect(actor.getSnapshot().value).toBe('free');
    expect(actor.getSnapshot().context.rows.at(-1)?.entry.text).toBe('250 LIMITS RCPTMAX=100');
    actor.stop();
  });

  test('plays timeouts, ports and a blocked port exactly as a replay on the engine does', () => {
    let baked = start(testBaked({ scenario: blockedScenario }));
    let engine = run([loaded(testKit({ scenario: blockedScenario }))], initialTransition(scenarioPlayerMachine, { load: never })[0]);
    expect([texts(baked), baked.context.view]).toEqual([texts(engine), engine.context.view]);
    for (let i = 0; i < blockedScenario.steps.length; i += 1) {
      baked = run([{ type: 'user.next' }], baked);
      engine = run([{ type: 'user.next' }], engine);
      expect([baked.context.rows, baked.context.moves, baked.context.view]).toEqual([engine.context.rows, engine.context.moves, engine.context.view]);
    }
  });

  test('takes over after a blocked attempt, queues a reconnect to another port, and connects there once the engine is here', () => {
    const waiting = run([{ type: 'user.takeOver' }, { type: 'user.reconnect', port: 587 }, { type: 'user.send', line: 'EHLO laptop' }], start(testBaked({ scenario: blockedScenario, startStep: 4 })));
    expect(waiting.context.queue).toEqual([{ type: 'user.reconnect', port: 587 }, { type: 'user.send', line: 'EHLO laptop' }]);
    const live = run([loaded(testKit({ scenario: blockedScenario }))], waiting);
    expect(live.value).toBe('free');
    expect(live.context.view).toMatchObject({ port: 587, state: 'ready', closed: false });
    expect(live.context.rows.find((r) => r.entry.text === 'New connection to port 587' && r.step === 4)).toBeTruthy();
    expect(texts(live).at(-1)).toBe('S: 250 LIMITS RCPTMAX=100');
  });
});
