/**
 * The quiz: every question is generated from the data file (src/data) or the engine's reply catalogues, so the quiz
 * cannot disagree with the tables or the simulator. Pure and deterministic; the same seed always gives the same quiz.
 */
import { lessonIds, type LessonId } from '../data/ids.ts';
import { pickFrom, type PickOptions } from './pick.ts';
import { portToProtocolQuestions, protocolToPortQuestions } from './ports.ts';
import { replyClassQuestions, replyQuestions } from './replies.ts';
import { situationQuestions } from './situations.ts';
import { mythOrFactQuestions, securityModeQuestions } from './statements.ts';
import { quizTopics, stableOrder } from './types.ts';
import type { QuizQuestion } from './types.ts';

export { quizTopics };
export type { PickOptions };
export type { QuizOption, QuizQuestion, QuizTopic } from './types.ts';

/** Every question the data supports, in topic then data-file order, with stable ids and option order. */
export function allQuestions(): QuizQuestion[] {
  return [
    ...portToProtocolQuestions(),
    ...protocolToPortQuestions(),
    ...securityModeQuestions(),
    ...situationQuestions(),
    ...mythOrFactQuestions(),
    ...replyQuestions(),
    ...replyClassQuestions(),
  ].map(stableOrder);
}

/** The questions of one lesson, in `allQuestions` order; throws a RangeError naming the lesson ids for an unknown one. */
export function lessonQuestions(lesson: LessonId, bank: readonly QuizQuestion[] = allQuestions()): QuizQuestion[] {
  if (!(lessonIds as readonly string[]).includes(lesson)) {
    throw new RangeError(`unknown lesson ${JSON.stringify(lesson)}; expected one of ${lessonIds.join(', ')}`);
  }
  return bank.filter((q) => q.lessons.includes(lesson));
}

/** Throws a RangeError naming the bad option; a count of 0 is valid and picks nothing. */
function checkPick({ count, topics, seed }: PickOptions): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (topics === undefined) return;
  if (topics.length === 0) throw new RangeError('topics must name at least one topic');
  for (const t of topics) {
    if (!(quizTopics as readonly string[]).includes(t)) {
      throw new RangeError(`unknown quiz topic ${JSON.stringify(t)}; expected one of ${quizTopics.join(', ')}`);
    }
  }
}

/** Up to `count` distinct questions from `topics` (default all), in an order and with option orders fixed by `seed`. */
export function pickQuestions(options: PickOptions): QuizQuestion[] {
  checkPick(options);
  return pickFrom(allQuestions(), options);
}
