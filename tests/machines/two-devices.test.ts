/** The two-devices widget's UI machine: pure transitions, a model that reaches every state, and a live actor. */
import { describe, expect, test } from 'vitest';
import { createActor, fromPromise, initialTransition, transition, waitFor, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import { twoDevicesMachine, type Job, type TwoDevicesEvent } from '../../src/machines/two-devices.machine.ts';

type Snapshot = SnapshotFrom<typeof twoDevicesMachine>;
type AnyEvent = TwoDevicesEvent | { type: 'xstate.done.actor.startMode'; output: string } | { type: 'xstate.done.actor.runJob'; output: { outcome: string } } | { type: 'xstate.error.actor.startMode' | 'xstate.error.actor.runJob'; error: unknown };

function step(snapshot: Snapshot, event: AnyEvent): Snapshot {
  return transition(twoDevicesMachine, snapshot, event as TwoDevicesEvent)[0];
}

function ready(): Snapshot {
  const [start] = initialTransition(twoDevicesMachine, {});
  return step(start, { type: 'xstate.done.actor.startMode', output: 'Started.' });
}

describe('twoDevicesMachine transitions', () => {
  test('starts loading the default mode, POP3 with delete after download', () => {
    const [start] = initialTransition(twoDevicesMachine, {});
    expect(start.value).toBe('loading');
    expect(start.hasTag('busy')).toBe(true);
    expect(start.context).toEqual({ mode: 'pop3-delete', job: undefined, queue: [], last: { laptop: undefined, phone: undefined }, outcome: '', revision: 0 });
  });

  test('takes the start mode from its input', () => {
    expect(initialTransition(twoDevicesMachine, { mode: 'imap' })[0].context.mode).toBe('imap');
  });

  test('becomes ready with the start sentence as outcome and a new revision', () => {
    const s = ready();
    expect(s.value).toBe('ready');
    expect(s.hasTag('busy')).toBe(false);
    expect(s.context.outcome).toBe('Started.');
    expect(s.context.revision).toBe(1);
  });

  test.each<[TwoDevicesEvent, Job]>([
    [{ type: 'user.check', device: 'laptop' }, { kind: 'device', device: 'laptop', action: { kind: 'check' } }],
    [{ type: 'user.read', device: 'phone', key: '3', subject: 'Dots' }, { kind: 'device', device: 'phone', action: { kind: 'read', key: '3', subject: 'Dots' } }],
    [{ type: 'user.flag', device: 'laptop', key: '1', subject: 'Hi' }, { kind: 'device', device: 'laptop', action: { kind: 'flag', key: '1', subject: 'Hi' } }],
    [{ type: 'user.delete', device: 'phone', key: '2', subject: 'Yo' }, { kind: 'device', device: 'phone', action: { kind: 'delete', key: '2', subject: 'Yo' } }],
    [{ type: 'user.deliver' }, { kind: 'deliver' }],
  ])('runs %o as a job', (event, job) => {
    const s = step(ready(), event);
    expect(s.value).toBe('working');
    expect(s.context.job).toEqual(job);
  });

  test('records the outcome as the device’s last action when the job is done', () => {
    const working = step(ready(), { type: 'user.flag', device: 'phone', key: '1', subject: 'Hi' });
    const done = step(working, { type: 'xstate.done.actor.runJob', output: { outcome: 'The phone flagged it.' } });
    expect(done.value).toBe('ready');
    expect(done.context).toMatchObject({ outcome: 'The phone flagged it.', job: undefined, revision: 2, last: { laptop: undefined, phone: { action: 'flag', outcome: 'The phone flagged it.' } } });
  });

  test('keeps the devices’ last actions when new mail arrives', () => {
    let s = step(ready(), { type: 'user.check', device: 'laptop' });
    s = step(s, { type: 'xstate.done.actor.runJob', output: { outcome: 'Checked.' } });
    s = step(step(s, { type: 'user.deliver' }), { type: 'xstate.done.actor.runJob', output: { outcome: 'Mail came.' } });
    expect(s.context.last).toEqual({ laptop: { action: 'check', outcome: 'Checked.' }, phone: undefined });
    expect(s.context.outcome).toBe('Mail came.');
  });

  test('queues actions that arrive while one runs, and runs them in order', () => {
    let s = step(ready(), { type: 'user.check', device: 'laptop' });
    s = step(s, { type: 'user.check', device: 'phone' });
    s = step(s, { type: 'user.deliver' });
    expect(s.context.job).toEqual({ kind: 'device', device: 'laptop', action: { kind: 'check' } });
    expect(s.context.queue).toEqual([{ kind: 'device', device: 'phone', action: { kind: 'check' } }, { kind: 'deliver' }]);
    s = step(s, { type: 'xstate.done.actor.runJob', output: { outcome: 'Laptop checked.' } });
    expect(s.value).toBe('working');
    expect(s.context).toMatchObject({ outcome: 'Laptop checked.', job: { kind: 'device', device: 'phone' }, queue: [{ kind: 'deliver' }] });
    expect(s.context.last.laptop).toEqual({ action: 'check', outcome: 'Laptop checked.' });
    s = step(s, { type: 'xstate.done.actor.runJob', output: { outcome: 'Phone checked.' } });
    s = step(s, { type: 'xstate.done.actor.runJob', output: { outcome: 'Mail came.' } });
    expect(s.value).toBe('ready');
    expect(s.context).toMatchObject({ outcome: 'Mail came.', job: undefined, queue: [], revision: 4 });
  });

  test('runs an action that arrived while the mode was loading', () => {
    const [start] = initialTransition(twoDevicesMachine, {});
    const waiting = step(start, { type: 'user.check', device: 'phone' });
    expect(waiting.value).toBe('loading');
    const s = step(waiting, { type: 'xstate.done.actor.startMode', output: 'Started.' });
    expect(s.value).toBe('working');
    expect(s.context).toMatchObject({ outcome: 'Started.', job: { kind: 'device', device: 'phone', action: { kind: 'check' } }, queue: [] });
  });

  test('drops queued actions when a job fails', () => {
    let s = step(ready(), { type: 'user.check', device: 'laptop' });
    s = step(s, { type: 'user.check', device: 'phone' });
    s = step(s, { type: 'xstate.error.actor.runJob', error: new Error('offline') });
    expect(s.value).toBe('ready');
    expect(s.context.queue).toEqual([]);
  });

  test('returns to ready with an apology when a job fails', () => {
    const working = step(ready(), { type: 'user.check', device: 'laptop' });
    const failed = step(working, { type: 'xstate.error.actor.runJob', error: new Error('boom') });
    expect(failed.value).toBe('ready');
    expect(failed.context.outcome).toBe('That did not work: the simulated mail server could not be loaded, or it failed. The devices show what they had before; try again.');
  });

  test('changing mode reloads with empty devices', () => {
    let s = step(ready(), { type: 'user.check', device: 'laptop' });
    s = step(s, { type: 'xstate.done.actor.runJob', output: { outcome: 'Checked.' } });
    s = step(s, { type: 'user.check', device: 'phone' });
    s = step(s, { type: 'user.deliver' });
    s = step(s, { type: 'user.mode', mode: 'imap' });
    expect(s.value).toBe('loading');
    expect(s.context).toMatchObject({ mode: 'imap', job: undefined, queue: [], last: { laptop: undefined, phone: undefined } });
  });

  test('ignores choosing the mode it is already in', () => {
    const s = step(ready(), { type: 'user.mode', mode: 'pop3-delete' });
    expect(s.value).toBe('ready');
  });

  test('start again reloads the same mode', () => {
    const s = step(ready(), { type: 'user.reset' });
    expect(s.value).toBe('loading');
    expect(s.context.mode).toBe('pop3-delete');
  });

  test('fails when the engine cannot load, and retries on request', () => {
    const [start] = initialTransition(twoDevicesMachine, {});
    const failed = step(start, { type: 'xstate.error.actor.startMode', error: new Error('offline') });
    expect(failed.value).toBe('failed');
    expect(failed.context.outcome).toBe('The simulated mail server could not be loaded. Check your connection and try again.');
    expect(step(failed, { type: 'user.retry' }).value).toBe('loading');
  });
});

describe('twoDevicesMachine model', () => {
  const EVENTS: AnyEvent[] = [
    { type: 'xstate.done.actor.startMode', output: 'Started.' },
    { type: 'xstate.error.actor.startMode', error: 'offline' },
    { type: 'xstate.done.actor.runJob', output: { outcome: 'Done.' } },
    { type: 'xstate.error.actor.runJob', error: 'boom' },
    { type: 'user.retry' },
    { type: 'user.check', device: 'laptop' },
    { type: 'user.delete', device: 'phone', key: '1', subject: 'Hi' },
    { type: 'user.deliver' },
    { type: 'user.mode', mode: 'imap' },
    { type: 'user.mode', mode: 'pop3-keep' },
    { type: 'user.reset' },
  ];
  const paths = getShortestPaths(twoDevicesMachine, {
    events: EVENTS as TwoDevicesEvent[],
    serializeState: (s) => JSON.stringify([s.value, s.context.mode, s.context.job?.kind, Math.min(s.context.queue.length, 2)]),
  });

  test('reaches every state and every mode', () => {
    const states = getStateNodes(twoDevicesMachine.root).filter((n) => n.path.length === 1).map((n) => n.key);
    expect(states.sort()).toEqual(['failed', 'loading', 'ready', 'working']);
    const reached = new Set(paths.map((p) => `${String(p.state.value)}/${p.state.context.mode}`));
    for (const state of ['loading', 'ready', 'working', 'failed']) {
      for (const mode of ['pop3-delete', 'pop3-keep', 'imap']) expect(reached, `${state}/${mode}`).toContain(`${state}/${mode}`);
    }
  });

  test('reaches a working state with more jobs waiting, in every mode', () => {
    for (const mode of ['pop3-delete', 'pop3-keep', 'imap']) {
      expect(paths.some((p) => p.state.value === 'working' && p.state.context.mode === mode && p.state.context.queue.length > 0), mode).toBe(true);
    }
  });

  test('is busy exactly while loading or working', () => {
    for (const p of paths) expect(p.state.hasTag('busy')).toBe(p.state.value === 'loading' || p.state.value === 'working');
  });
});

describe('twoDevicesMachine actor', () => {
  test('runs provided actors: loads the mode, then runs a job with it', async () => {
    const seen: Array<{ mode: string; job: Job }> = [];
    const actor = createActor(
      twoDevicesMachine.provide({
        actors: {
          startMode: fromPromise(async ({ input }) => `Mode ${input.mode} ready.`),
          runJob: fromPromise(async ({ input }) => {
            seen.push(input);
            return { outcome: 'The laptop checked.' };
          }),
        },
      }),
      { input: { mode: 'imap' } },
    ).start();
    await waitFor(actor, (s) => s.matches('ready'));
    expect(actor.getSnapshot().context.outcome).toBe('Mode imap ready.');
    actor.send({ type: 'user.check', device: 'laptop' });
    await waitFor(actor, (s) => s.matches('ready'));
    expect(seen).toEqual([{ mode: 'imap', job: { kind: 'device', device: 'laptop', action: { kind: 'check' } } }]);
    expect(actor.getSnapshot().context.last.laptop).toEqual({ action: 'check', outcome: 'The laptop checked.' });
    actor.stop();
  });

  test('refuses to run without provided actors', async () => {
    const actor = createActor(twoDevicesMachine, { input: {} }).start();
    await waitFor(actor, (s) => s.matches('failed'));
    actor.stop();
  });
});
