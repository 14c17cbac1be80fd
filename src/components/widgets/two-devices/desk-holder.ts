/**
 * Keeps the widget's current desk, and creates it only when needed: the protocol engine downloads on the
 * learner's first action, or earlier when they reach for the widget (`warm`), never just because the page
 * scrolled past. A reader who only looks pays for the UI, not for the mail server.
 */
import type { DeviceId, Job, JobResult, Mode } from '../../../machines/two-devices.machine.ts';
import { loadEngine } from '../engine.ts';
import type { Desk } from './desk.ts';
import { MODE_CLIENT } from './modes.ts';
import type { DeviceView } from './types.ts';

const load = (mode: Mode) => Promise.all([loadEngine(MODE_CLIENT[mode].protocol), import('./desk.ts')]);

/** The desk for the current mode, created on first use. */
export class DeskHolder {
  #mode: Mode = 'pop3-delete';
  #desk: Desk | undefined;
  // Bumped on every reset, so a download that finishes after the learner changed mode cannot install its desk.
  #generation = 0;

  /** Forgets the current desk: the next action starts a fresh world (seed 1) in `mode`. */
  reset(mode: Mode): void {
    this.#desk?.dispose();
    this.#desk = undefined;
    this.#mode = mode;
    this.#generation += 1;
  }

  /** Starts downloading the current mode's engine, e.g. when the pointer or focus enters the widget. */
  warm(): void {
    load(this.#mode).catch(() => undefined);
  }

  /** Runs one job on the desk for `mode`, creating the desk first if needed. */
  async run(mode: Mode, job: Job): Promise<JobResult> {
    const generation = this.#generation;
    if (!this.#desk) {
      const [engine, { Desk }] = await load(mode);
      if (generation !== this.#generation || mode !== this.#mode) throw new Error('the mode changed while the server was loading');
      this.#desk = new Desk(engine, mode);
    }
    return this.#desk.run(job);
  }

  /** What device `d` shows now: empty until the first action. */
  view(d: DeviceId): DeviceView {
    return this.#desk?.view(d) ?? { id: d, messages: [], log: [], idling: false };
  }

  /** Closes the desk's connections, when the widget goes away. */
  dispose(): void {
    this.#desk?.dispose();
    this.#desk = undefined;
  }
}
