/**
 * The bank a QuizWidget sends to the browser, chosen at build time: every question, or a lesson's questions; and for
 * a fixed quiz (a seed, no address options) only the questions picked, as the browser would pick them. Options a
 * page gets wrong throw an Error with the reason, so the build fails instead of shipping a broken quiz.
 */
import { lessonIds, type LessonId } from '../data/ids.ts';
import { checkOptions } from './options.ts';
import { available, pickFrom } from './pick.ts';
import { allQuestions, lessonQuestions } from './questions.ts';
import { quizTopicLabels, type QuizQuestion, type QuizTopic } from './types.ts';

/** What a QuizWidget asks for. */
export interface BankRequest {
  /** The widget's id and page, for the error message. */
  where: string;
  /** Only this lesson's questions. */
  lesson?: unknown;
  count?: unknown;
  topics?: unknown;
  seed?: unknown;
  /** The address may change count, topics and seed (the standalone page): never pick at build time. */
  fromUrl: boolean;
}

/** The bank for the browser, and whether it is the quiz already (picked in order). */
export interface Bank {
  bank: QuizQuestion[];
  picked: boolean;
}

/** Questions per quiz when a widget does not say. */
export const DEFAULT_COUNT = 10;

/** The lesson, checked; throws naming the lesson ids for anything else. */
function lessonOf(where: string, lesson: unknown): LessonId {
  if (typeof lesson === 'string' && (lessonIds as readonly string[]).includes(lesson)) return lesson as LessonId;
  throw new Error(`QuizWidget ${where}: lesson ${JSON.stringify(lesson)} is not a lesson id; lessons are ${lessonIds.join(', ')}.`);
}

/** Builds the bank for a widget; throws an Error whose message says what is wrong and where. */
export function buildBank(req: BankRequest): Bank {
  const lesson = req.lesson === undefined ? undefined : lessonOf(req.where, req.lesson);
  const every = lesson === undefined ? allQuestions() : lessonQuestions(lesson);
  const availableFor = (t: QuizTopic[] | undefined): number => available(every, t);
  const checked = checkOptions({ count: req.count, topics: req.topics, seed: req.seed }, { count: DEFAULT_COUNT }, availableFor);
  if (lesson !== undefined && typeof req.count === 'number') {
    const have = availableFor(checked.options.topics);
    if (req.count > have) {
      const on = checked.options.topics ? ` on ${checked.options.topics.map((t) => quizTopicLabels[t]).join(', ')}` : '';
      throw new Error(
        `QuizWidget ${req.where}: lesson "${lesson}" has ${have} question${have === 1 ? '' : 's'}${on}, fewer than count=${req.count}. Lower the count, or add questions for this lesson to the data file.`,
      );
    }
  }
  if (checked.problems.length > 0) throw new Error(`QuizWidget ${req.where}: ${checked.problems.join(' ')}`);
  // A fixed quiz that the address cannot change: pick it now (as the browser would), and send only its questions.
  const seed = req.fromUrl ? undefined : checked.options.seed;
  if (seed === undefined) return { bank: every, picked: false };
  return { bank: pickFrom(every, { ...checked.options, seed }), picked: true };
}
