import { describe, expect, test } from 'vitest';
import { recordPrediction } from '../../../src/components/course/progress-predictions.ts';
import { STORAGE_KEY as QUIZ_KEY } from '../../../src/components/widgets/quiz/quiz-storage.ts';
import { MAX_ENTRIES, PROGRESS_KEY, clearProgress, readProgress, recordQuiz, recordScenario, recordVisit } from '../../../src/components/course/progress-store.ts';

/** A Storage in memory; `fail` makes every call throw, as a blocked or full storage does. */
function memory(fail: 'none' | 'read' | 'write' = 'none'): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem(k: string) {
      if (fail === 'read') throw new DOMException('blocked', 'SecurityError');
      return items.get(k) ?? null;
    },
    setItem(k: string, v: string) {
      if (fail !== 'none') throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem(k: string) {
      if (fail !== 'none') throw new DOMException('blocked', 'SecurityError');
      items.delete(k);
    },
  };
}

describe('progress store', () => {
  test('starts empty and healthy', () => {
    expect(readProgress(memory())).toEqual({ progress: { lessons: {}, scenarios: {}, quizzes: {}, predictions: {} }, health: 'ok' });
  });

  test('records visits, finished scenarios and quiz scores, and reads them back', () => {
    const s = memory();
    expect(recordVisit('smtp', 1000, s)).toBe(true);
    expect(recordScenario('smtp-submission-587', 2000, s)).toBe(true);
    expect(recordQuiz('lesson-smtp-check', { score: 3, max: 4, round: 1 }, s)).toBe(true);
    expect(readProgress(s)).toEqual({
      progress: { lessons: { smtp: 1000 }, scenarios: { 'smtp-submission-587': 2000 }, quizzes: { 'lesson-smtp-check': { score: 3, max: 4 } }, predictions: {} },
      health: 'ok',
    });
  });

  test('keeps the best first-try quiz score and ignores retry rounds', () => {
    const s = memory();
    recordQuiz('q', { score: 3, max: 4, round: 1 }, s);
    expect(recordQuiz('q', { score: 2, max: 2, round: 2 }, s)).toBe(false);
    recordQuiz('q', { score: 1, max: 4, round: 1 }, s);
    expect(readProgress(s).progress.quizzes.q).toEqual({ score: 3, max: 4 });
    recordQuiz('q', { score: 4, max: 4, round: 1 }, s);
    expect(readProgress(s).progress.quizzes.q).toEqual({ score: 4, max: 4 });
  });

  test.each([
    ['not JSON', '{"v":1,'],
    ['another version', '{"v":2,"lessons":{}}'],
    ['an array', '[1,2]'],
    ['a number', '42'],
  ])('treats %s as nothing saved and says it was damaged', (_, text) => {
    const s = memory();
    s.setItem(PROGRESS_KEY, text);
    expect(readProgress(s)).toEqual({ progress: { lessons: {}, scenarios: {}, quizzes: {}, predictions: {} }, health: 'damaged' });
  });

  test('keeps the readable entries of a partly damaged value, says so, and heals on the next write', () => {
    const s = memory();
    s.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, lessons: { smtp: 5, pop3: 'yesterday', '<script>': 1 }, scenarios: 'all', quizzes: { q: { score: 9, max: 4 } } }));
    expect(readProgress(s)).toEqual({ progress: { lessons: { smtp: 5 }, scenarios: {}, quizzes: {}, predictions: {} }, health: 'damaged' });
    recordVisit('imap', 6, s);
    expect(readProgress(s)).toEqual({ progress: { lessons: { smtp: 5, imap: 6 }, scenarios: {}, quizzes: {}, predictions: {} }, health: 'ok' });
  });

  test('reads at most MAX_ENTRIES entries of a kind', () => {
    const s = memory();
    const lessons = Object.fromEntries(Array.from({ length: MAX_ENTRIES + 50 }, (_, i) => [`l${i}`, i]));
    s.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, lessons }));
    const { progress, health } = readProgress(s);
    expect(Object.keys(progress.lessons)).toHaveLength(MAX_ENTRIES);
    expect(health).toBe('damaged');
  });

  test('storage that throws means nothing saved, and no call throws', () => {
    expect(readProgress(memory('read')).health).toBe('unavailable');
    expect(readProgress(undefined).health).toBe('unavailable');
    expect(recordVisit('smtp', 1, memory('read'))).toBe(false);
    expect(recordVisit('smtp', 1, memory('write'))).toBe(false);
    expect(clearProgress(memory('write'))).toBe(false);
  });

  test('refuses ids that are not ours', () => {
    const s = memory();
    expect(recordVisit('../etc', 1, s)).toBe(false);
    expect(recordScenario('A'.repeat(200), 1, s)).toBe(false);
    expect(s.getItem(PROGRESS_KEY)).toBeNull();
  });

  test('clearing forgets the course progress and the saved quiz attempts', () => {
    const s = memory();
    recordVisit('smtp', 1, s);
    s.setItem(QUIZ_KEY, '{"v":1,"quizzes":{}}');
    s.setItem('other-site-key', 'kept');
    expect(clearProgress(s)).toBe(true);
    expect(s.getItem(PROGRESS_KEY)).toBeNull();
    expect(s.getItem(QUIZ_KEY)).toBeNull();
    expect(s.getItem('other-site-key')).toBe('kept');
  });

  test('counts predicted replies per scenario, right and total', () => {
    const s = memory();
    expect(recordPrediction('smtp-submission-587', true, s)).toBe(true);
    expect(recordPrediction('smtp-submission-587', false, s)).toBe(true);
    expect(recordPrediction('imap-first-session', true, s)).toBe(true);
    expect(recordPrediction('../etc', true, s)).toBe(false);
    expect(readProgress(s).progress.predictions).toEqual({ 'smtp-submission-587': { score: 1, max: 2 }, 'imap-first-session': { score: 1, max: 1 } });
  });

  test('reads progress saved before predictions existed, and keeps it when the first prediction is saved', () => {
    const s = memory();
    const old = { v: 1, lessons: { smtp: 5 }, scenarios: { 'smtp-relay-25': 6 }, quizzes: { q: { score: 2, max: 4 } } };
    s.setItem(PROGRESS_KEY, JSON.stringify(old));
    expect(readProgress(s)).toEqual({ progress: { ...old, v: undefined, predictions: {} }, health: 'ok' });
    recordPrediction('smtp-relay-25', false, s);
    expect(readProgress(s)).toEqual({ progress: { lessons: { smtp: 5 }, scenarios: { 'smtp-relay-25': 6 }, quizzes: { q: { score: 2, max: 4 } }, predictions: { 'smtp-relay-25': { score: 0, max: 1 } } }, health: 'ok' });
    // Other records keep the predictions too.
    recordVisit('imap', 7, s);
    expect(readProgress(s).progress.predictions).toEqual({ 'smtp-relay-25': { score: 0, max: 1 } });
  });

  test('leaves out predictions that cannot be right (more right than made, none made, not counts)', () => {
    const s = memory();
    s.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, predictions: { a: { score: 3, max: 2 }, b: { score: 0, max: 0 }, c: { score: '1', max: 2 }, d: { score: 1, max: 2 } } }));
    expect(readProgress(s)).toEqual({ progress: { lessons: {}, scenarios: {}, quizzes: {}, predictions: { d: { score: 1, max: 2 } } }, health: 'damaged' });
  });
});
