/**
 * The quiz's question shape, its topics and the small deterministic helpers the generator and the widget share.
 * Free of the data file: the quiz widget imports this in the browser.
 */
import type { LessonId } from '../data/ids.ts';
import { seededRandom } from '../protocols/shared/random.ts';

/** The kinds of question the quiz asks. */
export const quizTopics = [
  'port-to-protocol',
  'protocol-to-port',
  'security-mode',
  'situation',
  'myth-or-fact',
  'reply',
  'reply-class',
] as const;
/** One kind of quiz question. */
export type QuizTopic = (typeof quizTopics)[number];

/** What the learner reads for each topic (the options form, the per-topic breakdown). */
export const quizTopicLabels: Record<QuizTopic, string> = {
  'port-to-protocol': 'Port to protocol',
  'protocol-to-port': 'Protocol to port',
  'security-mode': 'Security mode',
  situation: 'Situations',
  'myth-or-fact': 'Myth or fact',
  reply: 'What a reply tells you',
  'reply-class': 'Reply classes',
};

/** One answer a learner can choose; `id` is stable, `label` is what the learner reads. */
export interface QuizOption {
  id: string;
  label: string;
}

/** One generated question; `answer` is the id of its single correct option; `lessons` are the lessons it belongs to. */
export interface QuizQuestion {
  id: string;
  topic: QuizTopic;
  lessons: LessonId[];
  prompt: string;
  options: QuizOption[];
  answer: string;
  explanation: string;
  source: { label: string; href: string };
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
  return { ...q, lessons: [...q.lessons], options, source: { ...q.source } };
}

/** A question with its options in the stable order its id seeds. */
export function stableOrder(q: QuizQuestion): QuizQuestion {
  return withOptionOrder(q, seededRandom(stableSeed(q.id)));
}
