/** What the quiz says about itself: its real length and topics, and what it did with a quiz number it could not use. */
import { describe, expect, test } from 'vitest';
import { problemsShown, quizIntro } from '../../src/components/widgets/quiz/quiz-notes.ts';
import { checkOptions, MAX_SEED } from '../../src/quiz/options.ts';
import type { QuizTopic } from '../../src/quiz/types.ts';

const check = (raw: Parameters<typeof checkOptions>[0]) => checkOptions(raw, { count: 10 }, (t: QuizTopic[] | undefined) => (t ? 8 : 40));
const bad = (value: string) => `Quiz number “\u2068${value}\u2069” is not a whole number from 0 to ${MAX_SEED}, so it is ignored`;

describe('problemsShown', () => {
  test.each([
    ['resumed', 'you go on with the quiz saved in this browser, quiz 4711, where you left it'],
    ['restarted', 'this is the quiz last taken in this browser, quiz 4711, from its first question'],
    ['new', 'this is a new quiz, quiz 4711'],
  ] as const)('an ignored quiz number says what the quiz did instead (%s)', (fallback, then) => {
    const checked = check({ count: 'abc', seed: '1.5' });
    const shown = problemsShown(checked, fallback, 4711);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toBe(checked.problems[0]);
    expect(shown[1]).toBe(`${bad('1.5')}: ${then}.`);
  });

  test('other problems are shown as they are', () => {
    const checked = check({ count: 'abc', topics: 'dns' });
    expect(problemsShown(checked, 'resumed', 1)).toEqual(checked.problems);
  });
});

describe('quizIntro', () => {
  test.each([
    [10, undefined, 'This quiz has 10 questions on every topic.'],
    [1, ['situation'], 'This quiz has 1 question on situations.'],
    [5, ['security-mode', 'situation'], 'This quiz has 5 questions on security mode and situations.'],
    [3, ['port-to-protocol', 'myth-or-fact', 'reply'], 'This quiz has 3 questions on port to protocol, myth or fact and what a reply tells you.'],
  ] as const)('%i questions on %o', (count, topics, sentence) => {
    expect(quizIntro(count, topics ? [...topics] : undefined)).toBe(sentence);
  });
});
