/*
 * The "two devices" widget's UI machine: which mode the learner chose, whether the widget is loading a
 * server or running an action, and what each device did last. No protocol rules live here: the actors
 * `startMode` (a fresh mail world and two empty devices) and `runJob` (one device action, or new mail
 * arriving) are provided by the widget, which runs real sessions through its client helpers.
 *
 *   loading ──done──▶ ready ──user.check/read/flag/delete/deliver──▶ working ──done or error──▶ ready
 *      │                                                                 ▲   │ done, more queued
 *    error ──▶ failed ──user.retry──▶ loading                            └───┘
 *
 *   Actions that arrive while loading or working wait in a queue and run in order (the first action may wait
 *   for the engine to download). From any state, user.mode (another mode) and user.reset go to loading: a
 *   fresh world, empty devices, an empty queue.
 */
import { assign, fromPromise, setup } from 'xstate';

/** How the two devices fetch alice's mail. */
export type Mode = 'pop3-delete' | 'pop3-keep' | 'imap';
/** The two devices reading the same account. */
export type DeviceId = 'laptop' | 'phone';
/** What the learner can do on one device; `key` names a message in that device's own list. */
export type DeviceAction = { kind: 'check' } | { kind: 'read' | 'flag' | 'delete'; key: string; subject: string };
/** One piece of work for `runJob`: a device action, or someone else's mail arriving. */
export type Job = { kind: 'device'; device: DeviceId; action: DeviceAction } | { kind: 'deliver' };
/** What `runJob` reports: one plain-language sentence. */
export interface JobResult {
  outcome: string;
}
/** What a device did last, for its panel. */
export interface LastAction {
  action: DeviceAction['kind'];
  outcome: string;
}

/** The modes in the order the widget offers them. */
export const MODES: readonly Mode[] = ['pop3-delete', 'pop3-keep', 'imap'];

/** Events the widget sends: dot-namespaced by who sends them. */
export type TwoDevicesEvent =
  | { type: 'user.mode'; mode: Mode }
  | { type: 'user.reset' }
  | { type: 'user.retry' }
  | { type: 'user.check'; device: DeviceId }
  | { type: 'user.read' | 'user.flag' | 'user.delete'; device: DeviceId; key: string; subject: string }
  | { type: 'user.deliver' };

/** The machine's context: serializable, so tests can compare it whole. */
export interface TwoDevicesContext {
  mode: Mode;
  /** The job running now, if any. */
  job: Job | undefined;
  /** Jobs the learner asked for while another was running, oldest first. */
  queue: Job[];
  last: Record<DeviceId, LastAction | undefined>;
  /** The latest plain-language outcome (mode change, action, or failure). */
  outcome: string;
  /** Bumped whenever the devices' lists may have changed, so the widget re-reads them. */
  revision: number;
}

/** Input: the mode to start in. */
export interface TwoDevicesInput {
  mode?: Mode;
}

function jobFrom(event: TwoDevicesEvent): Job | undefined {
  switch (event.type) {
    case 'user.check':
      return { kind: 'device', device: event.device, action: { kind: 'check' } };
    case 'user.read':
    case 'user.flag':
    case 'user.delete':
      return { kind: 'device', device: event.device, action: { kind: event.type.slice(5) as 'read', key: event.key, subject: event.subject } };
    case 'user.deliver':
      return { kind: 'deliver' };
    default:
      return undefined;
  }
}

const notProvided = (name: string) => new Error(`${name} was not provided to twoDevicesMachine`);
const JOB = { target: 'working', actions: 'takeJob' } as const;
const QUEUE = { actions: 'queueJob' } as const;
/** The context after a job finished with `outcome`: the device's last action, a new revision. */
function recorded(context: TwoDevicesContext, outcome: string): Partial<TwoDevicesContext> {
  const job = context.job;
  const last = job?.kind === 'device' ? { ...context.last, [job.device]: { action: job.action.kind, outcome } } : context.last;
  return { outcome, last, job: undefined, revision: context.revision + 1 };
}

const JOB_FAILED = 'That did not work: the simulated mail server could not be loaded, or it failed. The devices show what they had before; try again.';

/** The UI machine of the two-devices widget (XState v5). */
export const twoDevicesMachine = setup({
  types: {
    context: {} as TwoDevicesContext,
    events: {} as TwoDevicesEvent,
    input: {} as TwoDevicesInput,
  },
  actors: {
    // The widget provides both: a fresh world per mode, and real sessions per job.
    startMode: fromPromise<string, { mode: Mode }>(() => Promise.reject(notProvided('startMode'))),
    runJob: fromPromise<JobResult, { mode: Mode; job: Job }>(() => Promise.reject(notProvided('runJob'))),
  },
  guards: {
    isOtherMode: ({ context, event }) => event.type === 'user.mode' && event.mode !== context.mode,
    hasQueue: ({ context }) => context.queue.length > 0,
  },
  actions: {
    chooseMode: assign(({ event, context }) => ({
      mode: event.type === 'user.mode' ? event.mode : context.mode,
      job: undefined,
      queue: [],
      last: { laptop: undefined, phone: undefined },
    })),
    takeJob: assign(({ event }) => ({ job: jobFrom(event) })),
    queueJob: assign(({ event, context }) => {
      const job = jobFrom(event);
      return { queue: job ? [...context.queue, job] : context.queue };
    }),
    takeQueued: assign(({ context }) => ({ job: context.queue[0], queue: context.queue.slice(1) })),

  },
}).createMachine({
  id: 'twoDevices',
  context: ({ input }) => ({
    // Plain JavaScript callers may leave the input out.
    mode: (input as TwoDevicesInput | undefined)?.mode ?? 'pop3-delete',
    job: undefined,
    queue: [],
    last: { laptop: undefined, phone: undefined },
    outcome: '',
    revision: 0,
  }),
  initial: 'loading',
  on: {
    'user.mode': { guard: 'isOtherMode', target: '.loading', actions: 'chooseMode' },
    'user.reset': { target: '.loading', actions: 'chooseMode' },
  },
  states: {
    loading: {
      tags: ['busy'],
      on: { 'user.check': QUEUE, 'user.read': QUEUE, 'user.flag': QUEUE, 'user.delete': QUEUE, 'user.deliver': QUEUE },
      invoke: {
        id: 'startMode',
        src: 'startMode',
        input: ({ context }) => ({ mode: context.mode }),
        onDone: [
          { guard: 'hasQueue', target: 'working', actions: [assign(({ event, context }) => ({ outcome: event.output, revision: context.revision + 1 })), 'takeQueued'] },
          { target: 'ready', actions: assign(({ event, context }) => ({ outcome: event.output, revision: context.revision + 1 })) },
        ],
        onError: { target: 'failed', actions: assign({ queue: [], outcome: 'The simulated mail server could not be loaded. Check your connection and try again.' }) },
      },
    },
    ready: {
      on: { 'user.check': JOB, 'user.read': JOB, 'user.flag': JOB, 'user.delete': JOB, 'user.deliver': JOB },
    },
    working: {
      tags: ['busy'],
      on: { 'user.check': QUEUE, 'user.read': QUEUE, 'user.flag': QUEUE, 'user.delete': QUEUE, 'user.deliver': QUEUE },
      invoke: {
        id: 'runJob',
        src: 'runJob',
        input: ({ context }) => ({ mode: context.mode, job: context.job! }),
        onDone: [
          { guard: 'hasQueue', target: 'working', reenter: true, actions: [assign(({ event, context }) => recorded(context, event.output.outcome)), 'takeQueued'] },
          { target: 'ready', actions: assign(({ event, context }) => recorded(context, event.output.outcome)) },
        ],
        onError: {
          target: 'ready',
          // Later jobs may have counted on this one (the first check downloads the engine): drop them.
          actions: assign(({ context }) => ({ outcome: JOB_FAILED, job: undefined, queue: [], revision: context.revision + 1 })),
        },
      },
    },
    failed: {
      on: { 'user.retry': 'loading' },
    },
  },
});
