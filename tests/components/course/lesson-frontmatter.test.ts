import { describe, expect, test } from 'vitest';
import { lessonSchema } from '../../../src/components/course/lesson-frontmatter.ts';

const good = {
  id: 'smtp',
  objectives: ['Tell submission from relay', 'Read an SMTP reply code', 'Send a message by hand'],
  summary: ['Mail programs submit on 587 or 465.', 'Servers relay on 25.'],
  scenarios: ['smtp-submission-587'],
  quiz: 'lesson-smtp-check',
  sources: [{ rfc: 5321, section: '4.2.1' }, { title: 'Some official page', url: 'https://learn.microsoft.com/x' }],
};

describe('lesson frontmatter', () => {
  test('turns YAML sources into the data file’s sources', () => {
    expect(lessonSchema.parse(good).sources).toEqual([
      { kind: 'rfc', rfc: 5321, section: '4.2.1' },
      { kind: 'doc', title: 'Some official page', url: 'https://learn.microsoft.com/x' },
    ]);
  });

  test.each([
    ['two objectives', { objectives: ['Only one objective here', 'And a second one'] }],
    ['five objectives', { objectives: Array.from({ length: 5 }, (_, i) => `Objective number ${i}`) }],
    ['a lesson the course does not have', { id: 'jmap' }],
    ['no scenario', { scenarios: [] }],
    ['a scenario id with spaces', { scenarios: ['smtp submission'] }],
    ['a plain-http source', { sources: [{ title: 'A page', url: 'http://example.com/' }] }],
    ['a source of unknown shape', { sources: [{ rfc: 5321, url: 'https://x.example/' }] }],
    ['an unknown key', { extra: true }],
  ])('rejects %s', (_, change) => {
    expect(lessonSchema.safeParse({ ...good, ...change }).success).toBe(false);
  });
});
