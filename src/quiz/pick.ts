/**
 * Picking a quiz from a bank of generated questions. Free of the data file, so the browser can pick from the
 * bank the build passed it; `pickQuestions` (questions.ts) is this over every question the data supports.
 */
import { seededRandom } from '../protocols/shared/random.ts';
import { shuffled, withOptionOrder } from './types.ts';
import type { QuizQuestion, QuizTopic } from './types.ts';

/** What a pick needs: how many, from which topics (undefined: all), and the seed that fixes the order. */
export interface PickOptions {
  count: number;
  topics?: readonly QuizTopic[] | undefined;
  seed: number;
}

/** Up to `count` distinct questions of `topics` from `bank`, in an order and with option orders fixed by `seed`. */
export function pickFrom(bank: readonly QuizQuestion[], { count, topics, seed }: PickOptions): QuizQuestion[] {
  const next = seededRandom(seed);
  const pool = topics ? bank.filter((q) => topics.includes(q.topic)) : [...bank];
  return shuffled(pool, next)
    .slice(0, count)
    .map((q) => withOptionOrder(q, next));
}

/** How many questions of `topics` the bank holds. */
export function available(bank: readonly QuizQuestion[], topics: readonly QuizTopic[] | undefined): number {
  return topics ? bank.filter((q) => topics.includes(q.topic)).length : bank.length;
}
