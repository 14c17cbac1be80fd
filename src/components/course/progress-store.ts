/**
 * The learner's progress through the course, kept on this device only (no account): lessons visited,
 * guided scenarios finished, each lesson quiz's best first-try score and the replies predicted in each
 * scenario, in one localStorage value under a versioned key. Anything unreadable (another version, a hand-edited value, storage that throws in a private
 * window or a sandboxed frame) counts as "nothing saved", and the reader says which; writing never throws.
 */
import { STORAGE_KEY as QUIZ_KEY } from '../widgets/quiz/quiz-key.ts';

/**
 * The localStorage key; bump the version when the stored shape changes incompatibly. Predictions were added to
 * version 1 as an optional kind: values saved before them read as having none.
 */
export const PROGRESS_KEY = 'mailwire.progress.v1';
/** Entries kept per kind at most, so a hand-made flood cannot grow the value without end. */
export const MAX_ENTRIES = 200;

/** A best score out of a maximum. */
export interface Score {
  score: number;
  max: number;
}

/** What is kept. Times are milliseconds since 1970. */
export interface Progress {
  /** Lessons by id: when the learner last opened the lesson. */
  lessons: Record<string, number>;
  /** Guided scenarios by id: when the learner last reached the scenario's last step. */
  scenarios: Record<string, number>;
  /** Quizzes by widget id: the best first-try score. */
  quizzes: Record<string, Score>;
  /** Guided scenarios by id: how many replies the learner predicted right (score) of those predicted (max). */
  predictions: Record<string, Score>;
}

/** How the stored value was: fine (or empty), partly or wholly unreadable, or storage not usable at all. */
export type StoreHealth = 'ok' | 'damaged' | 'unavailable';

/** localStorage, or undefined where touching it throws (storage disabled, sandboxed frame). */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const empty = (): Progress => ({ lessons: {}, scenarios: {}, quizzes: {}, predictions: {} });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isCount = isTime;
/** Ids are short kebab-case words; anything else is not ours. */
export const isId = (k: string) => /^[a-z0-9][a-z0-9-]{0,79}$/.test(k);

/** The readable entries of one kind; `bad` is set when any entry had to be left out. */
function entries<T>(v: unknown, read: (x: unknown) => T | undefined, bad: { found: boolean }): Record<string, T> {
  const out: Record<string, T> = {};
  if (v === undefined) return out;
  if (!isObject(v)) {
    bad.found = true;
    return out;
  }
  for (const [k, x] of Object.entries(v).slice(0, MAX_ENTRIES)) {
    const value = isId(k) ? read(x) : undefined;
    if (value === undefined) bad.found = true;
    else out[k] = value;
  }
  if (Object.keys(v).length > MAX_ENTRIES) bad.found = true;
  return out;
}

const readScore = (v: unknown): Score | undefined =>
  isObject(v) && isCount(v.score) && isCount(v.max) && v.max > 0 && v.score <= v.max ? { score: v.score, max: v.max } : undefined;

/** What the device holds, and whether it could be read. */
export function readProgress(storage: Storage | undefined = browserStorage()): { progress: Progress; health: StoreHealth } {
  let text: string | null;
  try {
    if (!storage) return { progress: empty(), health: 'unavailable' };
    text = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: empty(), health: 'unavailable' };
  }
  if (text === null) return { progress: empty(), health: 'ok' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { progress: empty(), health: 'damaged' };
  }
  if (!isObject(value) || value.v !== 1) return { progress: empty(), health: 'damaged' };
  const bad = { found: false };
  const progress: Progress = {
    lessons: entries(value.lessons, (x) => (isTime(x) ? x : undefined), bad),
    scenarios: entries(value.scenarios, (x) => (isTime(x) ? x : undefined), bad),
    quizzes: entries(value.quizzes, readScore, bad),
    predictions: entries(value.predictions, readScore, bad),
  };
  return { progress, health: bad.found ? 'damaged' : 'ok' };
}

/** Applies `change` to what is stored (its readable part) and writes it back; false when it could not be saved. */
export function updateProgress(change: (p: Progress) => void, storage: Storage | undefined = browserStorage()): boolean {
  const { progress, health } = readProgress(storage);
  if (health === 'unavailable' || !storage) return false;
  change(progress);
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, ...progress }));
    return true;
  } catch {
    return false;
  }
}

/** Records that the learner opened a lesson. */
export function recordVisit(lesson: string, now = Date.now(), storage?: Storage): boolean {
  return isId(lesson) && updateProgress((p) => void (p.lessons[lesson] = now), storage);
}

/** Records that the learner reached the last step of a guided scenario. */
export function recordScenario(scenario: string, now = Date.now(), storage?: Storage): boolean {
  return isId(scenario) && updateProgress((p) => void (p.scenarios[scenario] = now), storage);
}

/** Records a quiz's first-try score, keeping the best. Retry rounds only count the missed ones, so they are not scores. */
export function recordQuiz(quiz: string, result: { score: number; max: number; round: number }, storage?: Storage): boolean {
  const score = readScore(result);
  if (!isId(quiz) || !score || result.round !== 1) return false;
  return updateProgress((p) => {
    const best = p.quizzes[quiz];
    if (!best || score.score / score.max > best.score / best.max) p.quizzes[quiz] = score;
  }, storage);
}

/** Forgets all of it: course progress and the quizzes' saved attempts. False when storage could not be changed. */
export function clearProgress(storage: Storage | undefined = browserStorage()): boolean {
  try {
    if (!storage) return false;
    storage.removeItem(PROGRESS_KEY);
    storage.removeItem(QUIZ_KEY);
    return true;
  } catch {
    return false;
  }
}
