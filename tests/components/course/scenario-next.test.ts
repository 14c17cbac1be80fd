import { describe, expect, test } from 'vitest';
import { learningOrder, scenarioEnd } from '../../../src/components/course/scenario-next.ts';
import type { IndexedLesson } from '../../../src/components/course/lesson-index.ts';

const lesson = (number: number, id: string, scenarios: string[], href: string | undefined = `/lessons/${id}/`): IndexedLesson => ({
  id, number, label: id.toUpperCase(), title: id, description: undefined, href, minutes: 5,
  meta: { id, objectives: [], summary: [], scenarios, quiz: undefined, sources: [] } as unknown as IndexedLesson['meta'],
});
const lessons = [lesson(1, 'travel', ['smtp-a', 'imap-a']), lesson(2, 'smtp', ['smtp-a', 'smtp-b']), lesson(3, 'later', ['pop3-a'], undefined)];
const scenarios = ['imap-a', 'imap-z', 'pop3-a', 'smtp-a', 'smtp-b'].map((id) => ({ id, title: `Title ${id}`, summary: `Summary of ${id}.` }));

describe('learningOrder', () => {
  test('follows the lessons in course order, each once, then the scenarios no lesson embeds', () => {
    expect(learningOrder(lessons, scenarios.map((s) => s.id))).toEqual(['smtp-a', 'imap-a', 'smtp-b', 'pop3-a', 'imap-z']);
  });

  test('leaves out ids a lesson names that are not scenarios', () => {
    expect(learningOrder([lesson(1, 'x', ['gone', 'smtp-a'])], ['smtp-a'])).toEqual(['smtp-a']);
  });
});

describe('scenarioEnd', () => {
  test('gives the summary, the first lesson that explains it and the next scenario in the learning order', () => {
    expect(scenarioEnd('imap-a', lessons, scenarios, '/scenarios/imap-a/')).toEqual({
      summary: 'Summary of imap-a.',
      lesson: { href: '/lessons/travel/', text: 'Lesson 1: TRAVEL' },
      next: { href: '/scenarios/smtp-b/', text: 'Title smtp-b' },
    });
  });

  test('on the lesson page itself, no link back to that page', () => {
    expect(scenarioEnd('smtp-b', lessons, scenarios, '/lessons/smtp/')?.lesson).toBeUndefined();
    expect(scenarioEnd('smtp-b', lessons, scenarios, '/lessons/smtp')?.lesson).toBeUndefined();
  });

  test('a scenario no available lesson embeds points to the course map; the last has no next one', () => {
    expect(scenarioEnd('imap-z', lessons, scenarios, '/scenarios/imap-z/')).toEqual({
      summary: 'Summary of imap-z.', lesson: { href: '/', text: 'The course map' }, next: undefined,
    });
  });

  test('an unknown scenario has no end', () => {
    expect(scenarioEnd('nope', lessons, scenarios, '/')).toBeUndefined();
  });
});
