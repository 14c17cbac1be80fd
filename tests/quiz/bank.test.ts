import { describe, expect, test } from 'vitest';
import { buildBank } from '../../src/quiz/bank.ts';
import { allQuestions, lessonQuestions } from '../../src/quiz/questions.ts';

const where = 'check on /lessons/x/';

describe('buildBank', () => {
  test('sends every question for the standalone page, unpicked', () => {
    const { bank, picked } = buildBank({ where, fromUrl: true, seed: 5 });
    expect(picked).toBe(false);
    expect(bank).toEqual(allQuestions());
  });

  test('picks a lesson’s fixed quiz from that lesson’s questions only, the same each build', () => {
    const first = buildBank({ where, lesson: 'pop3', count: 4, seed: 7, fromUrl: false });
    expect(first.picked).toBe(true);
    expect(first.bank).toHaveLength(4);
    for (const q of first.bank) expect(q.lessons, q.id).toContain('pop3');
    expect(buildBank({ where, lesson: 'pop3', count: 4, seed: 7, fromUrl: false })).toEqual(first);
  });

  test('sends a lesson’s whole bank when the quiz is not fixed', () => {
    const { bank, picked } = buildBank({ where, lesson: 'troubleshooting', count: 3, fromUrl: false });
    expect(picked).toBe(false);
    expect(bank.map((q) => q.id)).toEqual(lessonQuestions('troubleshooting').map((q) => q.id));
  });

  test('narrows a lesson by topic', () => {
    const { bank } = buildBank({ where, lesson: 'transcripts', topics: ['reply-class'], count: 3, seed: 1, fromUrl: false });
    expect(new Set(bank.map((q) => q.topic))).toEqual(new Set(['reply-class']));
  });

  test('fails with the reason when a lesson has fewer questions than count', () => {
    const have = lessonQuestions('pop3-or-imap').length;
    expect(() => buildBank({ where, lesson: 'pop3-or-imap', count: have + 1, seed: 1, fromUrl: false })).toThrow(
      `QuizWidget check on /lessons/x/: lesson "pop3-or-imap" has ${have} questions, fewer than count=${have + 1}. Lower the count, or add questions for this lesson to the data file.`,
    );
    expect(() => buildBank({ where, lesson: 'transcripts', topics: ['situation'], count: 1, seed: 1, fromUrl: false })).toThrow(
      /lesson "transcripts" has 0 questions on Situations, fewer than count=1/,
    );
  });

  test('fails for an unknown lesson, naming the lessons', () => {
    expect(() => buildBank({ where, lesson: 'dns', count: 1, fromUrl: false })).toThrow(/lesson "dns" is not a lesson id; lessons are travel, transcripts, smtp/);
  });

  test('fails for a bad option as before', () => {
    expect(() => buildBank({ where, topics: ['ports'], fromUrl: false })).toThrow(/QuizWidget check on \/lessons\/x\/: Unknown topic “\u2068ports\u2069”/);
  });
});
