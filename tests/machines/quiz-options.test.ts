/** Quiz options from props and page addresses: good values kept, every bad one replaced and explained. */
import { describe, expect, test } from 'vitest';
import { checkOptions, MAX_SEED, queryOf, rawFromUrl } from '../../src/machines/quiz-options.ts';
import { quizTopics, type QuizTopic } from '../../src/machines/quiz-types.ts';

/** A bank of 40 questions, 8 per topic listed below (or 10 per topic when the topics are fewer). */
const availableFor = (topics: QuizTopic[] | undefined) => (topics ? topics.length * 8 : 40);
const check = (raw: Parameters<typeof checkOptions>[0]) => checkOptions(raw, { count: 10 }, availableFor);
const fromUrl = (search: string) => {
  const { raw, problems } = rawFromUrl(search);
  const checked = check(raw);
  return { options: checked.options, problems: [...problems, ...checked.problems] };
};

describe('checkOptions', () => {
  test('nothing given: 10 questions of every topic, no fixed seed, no problem', () => {
    expect(check({})).toEqual({ options: { count: 10, topics: undefined, seed: undefined }, problems: [] });
  });

  test('good values are kept, from numbers or strings', () => {
    expect(check({ count: 5, topics: ['security-mode'], seed: 42 })).toEqual({ options: { count: 5, topics: ['security-mode'], seed: 42 }, problems: [] });
    expect(check({ count: '5', topics: 'myth-or-fact, security-mode', seed: '0' })).toEqual({
      options: { count: 5, topics: ['security-mode', 'myth-or-fact'], seed: 0 },
      problems: [],
    });
    expect(check({ seed: MAX_SEED }).options.seed).toBe(MAX_SEED);
  });

  test('naming every topic is the same as naming none', () => {
    expect(check({ topics: [...quizTopics] }).options.topics).toBeUndefined();
  });

  test.each([0, -3, 2.5, 'ten', '', '1e3', NaN, Infinity, null, true, {}])('count %o: the default, with a sentence saying why', (count) => {
    const { options, problems } = check({ count });
    expect(options.count).toBe(10);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Number of questions .* is not a whole number from 1 to 40; the quiz has 10\.$/);
  });

  test('more questions than the topics hold: all of them, and says so', () => {
    const { options, problems } = check({ count: 50, topics: ['situation'] });
    expect(options.count).toBe(8);
    expect(problems).toEqual(['You asked for 50 questions, but there are 8 on Situations; the quiz has 8.']);
  });

  test('the default count is cut to what the topics hold, silently', () => {
    const small = checkOptions({}, { count: 10 }, () => 4);
    expect(small).toEqual({ options: { count: 4, topics: undefined, seed: undefined }, problems: [] });
  });

  test('unknown topics are dropped and named; the known ones stay', () => {
    const { options, problems } = check({ topics: 'security-mode,ports,myths' });
    expect(options.topics).toEqual(['security-mode']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('“ports”');
    expect(problems[0]).toContain('“myths”');
    expect(problems[0]).toContain(quizTopics.join(', '));
  });

  test.each([
    ['only unknown topics', 'ports', /None of the topics given exists/],
    ['an empty list', '', /No topic was named/],
    ['a number', 7, /is not a list of topics/],
  ])('%s: every topic, and says so', (_why, topics, message) => {
    const { options, problems } = check({ topics });
    expect(options.topics).toBeUndefined();
    expect(problems.join(' ')).toMatch(message);
  });

  test.each([-1, MAX_SEED + 1, 1.5, 'abc', '12ab', ''])('seed %o: a new quiz, and says so', (seed) => {
    const { options, problems } = check({ seed });
    expect(options.seed).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Quiz number .* is not a whole number from 0 to 4294967295; this is a new quiz\.$/);
  });

  test('control characters in a value are shown, not hidden', () => {
    expect(check({ count: 'a\u0000b\n' }).problems[0]).toContain('“a\\u0000b\\u000a”');
  });

  test('a huge value is quoted short in the message', () => {
    const { problems } = check({ count: 'x'.repeat(10_000_000) });
    expect(problems[0]?.length).toBeLessThan(200);
    expect(problems[0]).toContain('…');
  });
});

describe('options from a page address', () => {
  test('count, topics and seed are read', () => {
    expect(fromUrl('?count=3&topics=security-mode&seed=7')).toEqual({ options: { count: 3, topics: ['security-mode'], seed: 7 }, problems: [] });
  });

  test('unknown and repeated parameters are named and ignored', () => {
    const { options, problems } = fromUrl('?count=3&colour=red&count=9');
    expect(options.count).toBe(3);
    expect(problems).toEqual([
      'Unknown option “colour” in the address, ignored; the quiz understands count, topics, seed.',
      'The option count is given more than once; the first value counts.',
    ]);
  });

  test('percent-encoded commas in topics are understood', () => {
    expect(fromUrl('?topics=security-mode%2Cmyth-or-fact').options.topics).toEqual(['security-mode', 'myth-or-fact']);
  });

  test('queryOf gives an address that reads back as the same options', () => {
    const options = { count: 4, topics: ['protocol-to-port', 'myth-or-fact'] as QuizTopic[], seed: undefined };
    const query = queryOf(options, 99);
    expect(query).toBe('?count=4&topics=protocol-to-port,myth-or-fact&seed=99');
    expect(fromUrl(query)).toEqual({ options: { ...options, seed: 99 }, problems: [] });
    expect(queryOf({ count: 10, topics: undefined, seed: undefined }, 5)).toBe('?count=10&seed=5');
  });
});
