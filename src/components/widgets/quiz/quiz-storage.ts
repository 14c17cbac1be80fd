/**
 * Where a learner's quiz attempts are kept: one localStorage value under a versioned key, one entry per quiz
 * (widget id and options). Anything unreadable (another version, a hand-edited value, storage that throws in a
 * sandboxed frame or a private window) is treated as "nothing saved"; saving never throws.
 */
import type { QuizResume } from '../../../machines/quiz.machine.ts';
import type { QuizOptions } from '../../../quiz/options.ts';
import { STORAGE_KEY } from './quiz-key.ts';

/** The localStorage key (kept in quiz-key.ts). */
export { STORAGE_KEY };
/** Quizzes remembered at most; the least recently used are forgotten first. */
export const MAX_ENTRIES = 30;

/** A best first-round score. */
export interface BestScore {
  score: number;
  max: number;
}

/** What is kept for one quiz. */
export interface QuizEntry {
  /** The seed of the attempt in progress (for quizzes without a fixed seed). */
  seed: number;
  /** Where the attempt stood; absent once the learner starts a new quiz. */
  resume?: QuizResume | undefined;
  best?: BestScore | undefined;
  /** When this entry was last written (ms since 1970), for forgetting the oldest. */
  at: number;
}

type Stored = { v: 1; quizzes: Record<string, QuizEntry> };

/** The entry key of a quiz: its place and options; a quiz without a fixed seed is one entry whatever seed it has. */
export function entryKey(id: string, options: QuizOptions): string {
  return [id, options.count, options.topics?.join(',') ?? 'all', options.seed ?? 'any'].join('|');
}

/** localStorage, or undefined where reading it throws (storage disabled, sandboxed frame). */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function readResume(v: unknown): QuizResume | undefined {
  if (!isObject(v) || !isStrings(v.round) || !isCount(v.roundNumber) || !isCount(v.index)) return undefined;
  if (v.phase !== 'asking' && v.phase !== 'feedback' && v.phase !== 'summary') return undefined;
  if (v.selected !== undefined && typeof v.selected !== 'string') return undefined;
  if (!Array.isArray(v.answers) || !v.answers.every((a) => isObject(a) && typeof a.id === 'string' && typeof a.chosen === 'string')) return undefined;
  const answers = (v.answers as { id: string; chosen: string }[]).map(({ id, chosen }) => ({ id, chosen }));
  return { round: v.round, roundNumber: v.roundNumber, index: v.index, phase: v.phase, selected: v.selected, answers };
}

function readBest(v: unknown): BestScore | undefined {
  return isObject(v) && isCount(v.score) && isCount(v.max) && v.score <= v.max && v.max > 0 ? { score: v.score, max: v.max } : undefined;
}

function readEntry(v: unknown): QuizEntry | undefined {
  if (!isObject(v) || !isCount(v.seed) || !isCount(v.at)) return undefined;
  return { seed: v.seed, resume: readResume(v.resume), best: readBest(v.best), at: v.at };
}

/** What storage holds: the readable entries, and the keys whose entries (or resume) could not be read. */
interface Reading {
  stored: Stored;
  /** True when the whole value was unreadable; otherwise the keys with damaged parts. */
  damaged: true | Set<string>;
}

/** Everything stored, with unreadable entries left out; an unreadable whole is an empty store. */
function readAll(storage: Storage | undefined): Reading {
  const stored: Stored = { v: 1, quizzes: {} };
  let text: string | null | undefined;
  try {
    text = storage?.getItem(STORAGE_KEY);
  } catch {
    return { stored, damaged: new Set() };
  }
  if (!text) return { stored, damaged: new Set() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { stored, damaged: true };
  }
  if (!isObject(parsed) || parsed.v !== 1 || !isObject(parsed.quizzes)) return { stored, damaged: true };
  const damaged = new Set<string>();
  for (const [key, value] of Object.entries(parsed.quizzes)) {
    const entry = readEntry(value);
    if (entry) stored.quizzes[key] = entry;
    if (!entry || (isObject(value) && value.resume !== undefined && !entry.resume)) damaged.add(key);
  }
  return { stored, damaged };
}

/**
 * What is saved for one quiz, read once: the entry if it is readable, and whether something was saved for it
 * (or for every quiz) that cannot be read (a damaged or foreign value), so the quiz can say it starts afresh.
 */
export function loadEntry(storage: Storage | undefined, key: string): { entry: QuizEntry | undefined; damaged: boolean } {
  const { stored, damaged } = readAll(storage);
  return { entry: stored.quizzes[key], damaged: damaged === true || damaged.has(key) };
}

/** Saves one quiz's entry; returns false when storage is missing, full or refuses. */
export function saveEntry(storage: Storage | undefined, key: string, entry: QuizEntry): boolean {
  if (!storage) return false;
  const all = readAll(storage).stored;
  all.quizzes[key] = entry;
  const keys = Object.keys(all.quizzes).sort((a, b) => (all.quizzes[b]?.at ?? 0) - (all.quizzes[a]?.at ?? 0));
  for (const old of keys.slice(MAX_ENTRIES)) delete all.quizzes[old];
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}

/** The better of two scores: the higher share right, then the longer quiz. */
export function betterScore(a: BestScore | undefined, b: BestScore): BestScore {
  if (!a) return b;
  const share = (s: BestScore) => s.score / s.max;
  return share(b) > share(a) || (share(b) === share(a) && b.max > a.max) ? b : a;
}
