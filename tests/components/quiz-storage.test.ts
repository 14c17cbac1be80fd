/** The quiz's saved progress: round trips, and whatever is in storage (or no storage) never breaks the quiz. */
import { describe, expect, test } from 'vitest';
import {
  betterScore,
  entryKey,
  loadEntry,
  MAX_ENTRIES,
  saveEntry,
  STORAGE_KEY,
  type QuizEntry,
} from '../../src/components/widgets/quiz/quiz-storage.ts';

/** A Storage over a Map; `fail` makes every call throw, as storage does in some sandboxed frames. */
function memoryStorage(fail: 'none' | 'read' | 'write' = 'none'): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => {
      if (fail === 'read') throw new DOMException('denied', 'SecurityError');
      return map.get(k) ?? null;
    },
    setItem: (k, v) => {
      if (fail === 'write') throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

const entry: QuizEntry = {
  seed: 7,
  resume: { round: ['a', 'b'], roundNumber: 1, index: 1, phase: 'feedback', selected: 'x', answers: [{ id: 'a', chosen: 'y' }, { id: 'b', chosen: 'x' }] },
  best: { score: 3, max: 5 },
  at: 1000,
};

describe('quiz storage', () => {
  test('the key is versioned', () => {
    expect(STORAGE_KEY).toMatch(/\.v\d+$/);
  });

  test('an entry round-trips under its quiz key', () => {
    const storage = memoryStorage();
    const key = entryKey('quiz-page', { count: 5, topics: ['security-mode'], seed: undefined });
    expect(key).toBe('quiz-page|5|security-mode|any');
    expect(saveEntry(storage, key, entry)).toBe(true);
    expect(loadEntry(storage, key).entry).toEqual(entry);
    expect(loadEntry(storage, 'other').entry).toBeUndefined();
  });

  test('different options are different quizzes', () => {
    const a = entryKey('q', { count: 5, topics: undefined, seed: 1 });
    const b = entryKey('q', { count: 5, topics: undefined, seed: 2 });
    const c = entryKey('q', { count: 6, topics: undefined, seed: 1 });
    expect(new Set([a, b, c]).size).toBe(3);
  });

  test.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['an array', '[1,2]'],
    ['another version', JSON.stringify({ v: 2, quizzes: { k: entry } })],
    ['quizzes not an object', JSON.stringify({ v: 1, quizzes: 'x' })],
  ])('%s in storage: nothing saved, and saving replaces it', (_why, text) => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, text);
    expect(loadEntry(storage, 'k').entry).toBeUndefined();
    expect(saveEntry(storage, 'k', entry)).toBe(true);
    expect(loadEntry(storage, 'k').entry).toEqual(entry);
  });

  test('a damaged entry is dropped, a damaged resume or best only loses that part', () => {
    const storage = memoryStorage();
    const quizzes = {
      broken: { seed: 'seven', at: 1 },
      badResume: { ...entry, resume: { ...entry.resume, phase: 'dancing' } },
      badBest: { ...entry, best: { score: 9, max: 5 } },
      badAnswers: { ...entry, resume: { ...entry.resume, answers: [{ id: 1 }] } },
    };
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, quizzes }));
    expect(loadEntry(storage, 'broken').entry).toBeUndefined();
    expect(loadEntry(storage, 'badResume').entry).toEqual({ ...entry, resume: undefined });
    expect(loadEntry(storage, 'badBest').entry).toEqual({ ...entry, best: undefined });
    expect(loadEntry(storage, 'badAnswers').entry?.resume).toBeUndefined();
  });

  test('damaged: only for a quiz whose saved value (or the whole store) cannot be read', () => {
    const storage = memoryStorage();
    expect(loadEntry(storage, 'k').damaged).toBe(false);
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, quizzes: { good: entry, broken: { seed: 'x' }, halfBroken: { ...entry, resume: { phase: 1 } } } }));
    expect(loadEntry(storage, 'good').damaged).toBe(false);
    expect(loadEntry(storage, 'other').damaged).toBe(false);
    expect(loadEntry(storage, 'broken').damaged).toBe(true);
    expect(loadEntry(storage, 'halfBroken').damaged).toBe(true);
    storage.setItem(STORAGE_KEY, '{oops');
    expect(loadEntry(storage, 'good').damaged).toBe(true);
    expect(loadEntry(memoryStorage('read'), 'k').damaged).toBe(false);
  });

  test('extra fields in a stored answer are not carried along', () => {
    const storage = memoryStorage();
    const resume = { ...entry.resume, answers: [{ id: 'a', chosen: 'y', correct: true }, { id: 'b', chosen: 'x' }] };
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, quizzes: { k: { ...entry, resume } } }));
    expect(loadEntry(storage, 'k').entry?.resume?.answers[0]).toEqual({ id: 'a', chosen: 'y' });
  });

  test('no storage, or storage that throws, is "nothing saved" and saving reports false', () => {
    expect(loadEntry(undefined, 'k').entry).toBeUndefined();
    expect(saveEntry(undefined, 'k', entry)).toBe(false);
    expect(loadEntry(memoryStorage('read'), 'k').entry).toBeUndefined();
    expect(saveEntry(memoryStorage('write'), 'k', entry)).toBe(false);
  });

  test(`keeps at most ${MAX_ENTRIES} quizzes, forgetting the least recently saved`, () => {
    const storage = memoryStorage();
    for (let i = 0; i < MAX_ENTRIES + 5; i++) saveEntry(storage, `q${i}`, { ...entry, at: 1000 + i });
    const stored = JSON.parse(storage.map.get(STORAGE_KEY) ?? '{}') as { quizzes: Record<string, unknown> };
    expect(Object.keys(stored.quizzes)).toHaveLength(MAX_ENTRIES);
    expect(loadEntry(storage, 'q0').entry).toBeUndefined();
    expect(loadEntry(storage, `q${MAX_ENTRIES + 4}`).entry).toBeDefined();
  });

  test('betterScore prefers the higher share, then the longer quiz', () => {
    expect(betterScore(undefined, { score: 1, max: 2 })).toEqual({ score: 1, max: 2 });
    expect(betterScore({ score: 3, max: 5 }, { score: 4, max: 5 })).toEqual({ score: 4, max: 5 });
    expect(betterScore({ score: 4, max: 5 }, { score: 3, max: 5 })).toEqual({ score: 4, max: 5 });
    expect(betterScore({ score: 1, max: 2 }, { score: 5, max: 10 })).toEqual({ score: 5, max: 10 });
  });
});
