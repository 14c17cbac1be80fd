import { describe, expect, test } from 'vitest';
import { healthNote, lessonStatus } from '../../../src/components/course/course-map.ts';
import { readingMinutes } from '../../../src/components/course/reading-time.ts';

const lesson = { id: 'pop3', scenarios: ['pop3-a', 'pop3-b'], quiz: 'lesson-pop3-check' };
const none = { lessons: {}, scenarios: {}, quizzes: {}, predictions: {} };

describe('lesson status on the course map', () => {
  test('says "Not started" with nothing saved', () => {
    expect(lessonStatus(none, lesson)).toEqual({ text: 'Not started', done: false, started: false });
  });

  test('lists what is done and missing once started', () => {
    const status = lessonStatus({ ...none, lessons: { pop3: 1 }, scenarios: { 'pop3-b': 2 } }, lesson);
    expect(status).toEqual({ text: 'Started: read · 1 of 2 scenarios finished · quiz not taken', done: false, started: true });
  });

  test('is done when read, practised and quizzed', () => {
    const status = lessonStatus({ lessons: { pop3: 1 }, scenarios: { 'pop3-a': 2 }, quizzes: { 'lesson-pop3-check': { score: 3, max: 4 } }, predictions: {} }, lesson);
    expect(status).toEqual({ text: 'Done: read · 1 of 2 scenarios finished · quiz 3 of 4', done: true, started: true });
  });

  test('adds the replies predicted in the lesson’s scenarios, when there are any', () => {
    const status = lessonStatus({ ...none, scenarios: { 'pop3-a': 2 }, predictions: { 'pop3-a': { score: 3, max: 5 }, 'pop3-b': { score: 1, max: 1 }, 'imap-x': { score: 9, max: 9 } } }, lesson);
    expect(status.text).toBe('Started: not read yet · 1 of 2 scenarios finished · quiz not taken · 4 of 6 replies predicted right');
    expect(lessonStatus({ ...none, predictions: { 'pop3-b': { score: 0, max: 1 } } }, lesson).started).toBe(true);
  });

  test('counts only the lesson’s own scenarios', () => {
    expect(lessonStatus({ ...none, scenarios: { 'imap-x': 1 } }, lesson).started).toBe(false);
  });
});

describe('the note on saved progress', () => {
  test('says when storage is blocked, damaged or fine', () => {
    expect(healthNote('unavailable', false)).toMatch(/no progress is saved/);
    expect(healthNote('damaged', false)).toMatch(/could not be read, so it counts as nothing saved/);
    expect(healthNote('ok', true)).toMatch(/kept in this browser only/);
    expect(healthNote('ok', false)).toMatch(/^Nothing saved yet/);
  });
});

describe('reading time', () => {
  test('counts prose words at 200 a minute, not imports, tags or code', () => {
    const words = Array.from({ length: 600 }, () => 'word').join(' ');
    const mdx = `import X from './x.astro';\n\n${words}\n\n<QuizWidget id="x" count={3} />\n\n\`\`\`smtp\nS: 220 ${words}\n\`\`\`\n`;
    expect(readingMinutes(mdx)).toBe(3);
  });

  test('is at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
  });
});
