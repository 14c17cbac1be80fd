/**
 * What an embedded widget tells its host page, and the only messages it takes from it. Every event is
 * `{ source: 'mailwire', version: 1, type, widget, id, ... }`; a host tells its frames apart by `id` (the URL's
 * `id` option) or by `event.source`. Events go out with targetOrigin '*': the widget cannot know its host's origin
 * in advance (any course platform may frame it), and nothing in them is secret (a step number, a score the learner
 * just saw). Nothing is ever read from the host except the shapes `readHostMessage` accepts.
 */
import * as z from 'zod/mini';
import type { EmbedWidget } from './option-fields.ts';

/** The version of the event shape; a change that breaks hosts bumps it. */
export const EVENT_VERSION = 1;

/** The payload of each event type, beyond the common fields. */
export interface EmbedEventPayloads {
  /** The widget has rendered and is usable. */
  ready: { height: number };
  /** The page's content height changed (CSS pixels). */
  resize: { height: number };
  /** A guided step was shown: 0 is the greeting, `steps` the scenario's length. */
  step: { scenario: string; step: number; steps: number };
  /** A guided scenario reached its last step. */
  'scenario-complete': { scenario: string; steps: number };
  /** The learner predicted a reply: right or not. */
  prediction: { scenario: string; step: number; right: boolean };
  /** A quiz round ended. */
  'quiz-result': { score: number; max: number; round: number };
}
/** One event type. */
export type EmbedEventType = keyof EmbedEventPayloads;
/** The event types, in the order /teach/ documents them. */
export const EVENT_TYPES: readonly EmbedEventType[] = ['ready', 'resize', 'step', 'scenario-complete', 'prediction', 'quiz-result'];

/** One event as posted to the parent. */
export type EmbedEvent<T extends EmbedEventType = EmbedEventType> = {
  source: 'mailwire';
  version: typeof EVENT_VERSION;
  type: T;
  widget: EmbedWidget;
  id: string;
} & EmbedEventPayloads[T];

/** Builds an event; only the payload's own fields are copied, so nothing else from a DOM event leaks out. */
export function embedEvent<T extends EmbedEventType>(type: T, widget: EmbedWidget, id: string, payload: EmbedEventPayloads[T]): EmbedEvent<T> {
  return { source: 'mailwire', version: EVENT_VERSION, type, widget, id, ...payload } as EmbedEvent<T>;
}

const hostMessage = z.discriminatedUnion('type', [
  z.strictObject({ source: z.literal('mailwire-host'), version: z.literal(EVENT_VERSION), type: z.literal('set-theme'), theme: z.enum(['light', 'dark', 'auto']) }),
  z.strictObject({ source: z.literal('mailwire-host'), version: z.literal(EVENT_VERSION), type: z.literal('request-size') }),
]);
/** A message a host page may send: change the theme, or ask for a `resize` event now. */
export type HostMessage = z.infer<typeof hostMessage>;

/** The host message in `data`, or undefined for anything else (which the widget then ignores). */
export function readHostMessage(data: unknown): HostMessage | undefined {
  const result = hostMessage.safeParse(data);
  return result.success ? result.data : undefined;
}
