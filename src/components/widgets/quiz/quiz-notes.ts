/**
 * What the quiz says about itself once it has read its options and the saved progress: its real length and topics
 * (the page's prose cannot know them: the address may ask for 3 questions on one topic), and, for a quiz number it
 * could not use, what it did instead.
 */
import { badSeedSentence, type CheckedOptions } from '../../../quiz/options.ts';
import { quizTopicLabels, type QuizTopic } from '../../../quiz/types.ts';

/**
 * What the quiz did without a usable quiz number, as it does without any: went on with the attempt saved in this
 * browser, began that saved quiz again from its first question (its progress was unreadable), or began a new quiz.
 */
export type SeedFallback = 'resumed' | 'restarted' | 'new';

/** The problems to show, with an unusable quiz number's sentence completed by what the quiz did instead. */
export function problemsShown(checked: CheckedOptions, fallback: SeedFallback, seed: number): string[] {
  const bad = checked.badSeed;
  if (!bad) return checked.problems;
  const then: Record<SeedFallback, string> = {
    resumed: `you go on with the quiz saved in this browser, quiz ${seed}, where you left it`,
    restarted: `this is the quiz last taken in this browser, quiz ${seed}, from its first question`,
    new: `this is a new quiz, quiz ${seed}`,
  };
  return checked.problems.map((p, i) => (i === bad.at ? badSeedSentence(bad.value, then[fallback]) : p));
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The quiz's length and topics in a sentence: "This quiz has 5 questions on security mode and situations." */
export function quizIntro(count: number, topics: QuizTopic[] | undefined): string {
  const questions = count === 1 ? '1 question' : `${count} questions`;
  if (!topics) return `This quiz has ${questions} on every topic.`;
  const labels = topics.map((t) => lowerFirst(quizTopicLabels[t]));
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels[0];
  return `This quiz has ${questions} on ${list}.`;
}
