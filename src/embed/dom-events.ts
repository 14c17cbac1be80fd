/**
 * The widgets' own bubbling DOM events (the ones the progress recorder listens to) turned into embed events. Only
 * numbers and short ids are copied from a detail, and a detail of the wrong shape gives nothing.
 */
import type { EmbedEventPayloads, EmbedEventType } from './events.ts';

/** The DOM events the embed pages forward, by name. */
export const FORWARDED_DOM_EVENTS = ['mailwire:step', 'mailwire:scenario-complete', 'mailwire:prediction', 'mailwire:quiz-result'] as const;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,80}$/.test(v) ? v : undefined);

/** The embed event for a widget's DOM event, or undefined when its detail is not what the widget sends. */
export function fromDomEvent(name: string, detail: unknown): { type: EmbedEventType; payload: EmbedEventPayloads[EmbedEventType] } | undefined {
  const d = (typeof detail === 'object' && detail !== null ? detail : {}) as Record<string, unknown>;
  const scenario = str(d.scenario);
  if (name === 'mailwire:step') {
    const step = num(d.step), steps = num(d.steps);
    return scenario !== undefined && step !== undefined && steps !== undefined ? { type: 'step', payload: { scenario, step, steps } } : undefined;
  }
  if (name === 'mailwire:scenario-complete') {
    const steps = num(d.steps);
    return scenario !== undefined && steps !== undefined ? { type: 'scenario-complete', payload: { scenario, steps } } : undefined;
  }
  if (name === 'mailwire:prediction') {
    const step = num(d.step);
    return scenario !== undefined && step !== undefined && typeof d.right === 'boolean' ? { type: 'prediction', payload: { scenario, step, right: d.right } } : undefined;
  }
  if (name === 'mailwire:quiz-result') {
    const score = num(d.score), max = num(d.max), round = num(d.round);
    return score !== undefined && max !== undefined && round !== undefined ? { type: 'quiz-result', payload: { score, max, round } } : undefined;
  }
  return undefined;
}
