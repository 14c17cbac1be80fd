/** The quiz's question shape and the small deterministic helpers its generator shares. */
import { seededRandom } from '../protocols/shared/random.ts';
import { sourceHref, sourceLabel } from '../data/lookup.ts';
import type { Source } from '../data/lookup.ts';

/** The kinds of question the port and encryption quiz asks. */
export const quizTopics = ['port-to-protocol', 'protocol-to-port', 'security-mode', 'myth-or-fact'] as const;
/** One kind of quiz question. */
export type QuizTopic = (typeof quizTopics)[number];

/** One answer a learner can choose; `id` is stable, `label` is what the learner reads. */
export interface QuizOption {
  id: string;
  label: string;
}

/** One generated question; `answer` is the id of its single correct option. */
export interface QuizQuestion {
  id: string;
  topic: QuizTopic;
  prompt: string;
  options: QuizOption[];
  answer: string;
  explanation: string;
  source: { label: string; href: string };
}

/** The first source of a fact column, as a link the learner can follow. */
export function citation(sources: readonly Source[]): { label: string; href: string } {
  const first = sources[0];
  if (!first) throw new Error('a quiz question needs a source');
  return { label: sourceLabel(first), href: sourceHref(first) };
}

/** FNV-1a over a string: a stable seed for a question's option order in `allQuestions`. */
export function stableSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A shuffled copy (Fisher–Yates), driven by `next` so the same generator state gives the same order. */
export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Myth-or-fact keeps its two options in reading order; every other topic's options are shuffled. */
export function withOptionOrder(q: QuizQuestion, next: () => number): QuizQuestion {
  const options = q.topic === 'myth-or-fact' ? q.options.map((o) => ({ ...o })) : shuffled(q.options.map((o) => ({ ...o })), next);
  return { ...q, options, source: { ...q.source } };
}

/** A question with its options in the stable order its id seeds. */
export function stableOrder(q: QuizQuestion): QuizQuestion {
  return withOptionOrder(q, seededRandom(stableSeed(q.id)));
}
