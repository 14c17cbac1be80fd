/**
 * The quiz's options (how many questions, which topics, which seed) from a widget's props or a page's URL. Bad
 * values never break the quiz: each is replaced by its default and reported in a sentence the learner can act on.
 */
import { quizTopicLabels, quizTopics } from './types.ts';
import type { QuizTopic } from './types.ts';

/** Options after checking: `topics` undefined means every topic; `seed` undefined means a new quiz each time. */
export interface QuizOptions {
  count: number;
  topics: QuizTopic[] | undefined;
  seed: number | undefined;
}

/** Checked options and what was wrong with the values given. */
export interface CheckedOptions {
  options: QuizOptions;
  problems: string[];
  /**
   * A quiz number given but unusable, and where its sentence is in `problems`: what the quiz does instead (go on
   * with the quiz saved in this browser, or start a new one) is known only once saved progress is read, so the
   * widget completes that sentence (quiz-notes.ts).
   */
  badSeed?: { value: unknown; at: number };
}

/** The option names a page URL may carry. */
export const URL_OPTIONS = ['count', 'topics', 'seed'] as const;
/** Largest seed: seeds are 32-bit. */
export const MAX_SEED = 0xffff_ffff;

/**
 * Unicode's explicit direction controls (UAX #9 §2: LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, and the marks
 * LRM, RLM, ALM). In a value from the address they would reorder the sentence that quotes it (an RLO reverses
 * the rest of the message) or close the isolate around the value early.
 */
const DIRECTION_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value as a problem sentence quotes it: short, whatever was given (a 10 MB parameter stays readable).
 * Control and direction characters are shown as \u escapes, and the value sits in a first-strong isolate
 * (FSI … PDI), so right-to-left text in it keeps its own order without reordering the sentence around it.
 */
function quoted(value: unknown): string {
  const raw = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, escape).replace(DIRECTION_CONTROLS, escape);
  return `“\u2068${text.length > 40 ? `${text.slice(0, 40)}…` : text}\u2069”`;
}

/** How many values a sentence names before it only counts the rest: an address can carry thousands. */
export const MAX_NAMED = 3;

/** The first few values, quoted, then how many more there are. */
function someOf(values: unknown[]): string {
  const named = values.slice(0, MAX_NAMED).map(quoted).join(', ');
  const more = values.length - MAX_NAMED;
  return more > 0 ? `${named} and ${more.toLocaleString('en-US')} more` : named;
}

const topicList = (): string => quizTopics.join(', ');

/** A whole number from a URL string or a prop; undefined when it is not one. */
function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,16}\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * Checks raw option values. `count` must be 1 to `max` (more than the topics hold is cut to what they hold),
 * `topics` known topic ids (a list, or a comma-separated string), `seed` a whole number 0 to 4294967295.
 */
export function checkOptions(
  raw: { count?: unknown; topics?: unknown; seed?: unknown },
  defaults: { count: number },
  availableFor: (topics: QuizTopic[] | undefined) => number,
): CheckedOptions {
  const problems: string[] = [];

  let topics: QuizTopic[] | undefined;
  if (raw.topics !== undefined) {
    const given = typeof raw.topics === 'string' ? raw.topics.split(',') : Array.isArray(raw.topics) ? raw.topics : undefined;
    if (!given) {
      problems.push(`Topics ${quoted(raw.topics)} is not a list of topics; showing every topic. Topics are: ${topicList()}.`);
    } else {
      const known = given.map((t) => (typeof t === 'string' ? t.trim() : t)).filter((t) => t !== '');
      const unknown = [...new Set(known.filter((t) => !(quizTopics as readonly unknown[]).includes(t)))];
      topics = quizTopics.filter((t) => known.includes(t));
      if (unknown.length > 0) {
        problems.push(`Unknown topic${unknown.length > 1 ? 's' : ''} ${someOf(unknown)}; topics are: ${topicList()}.`);
      }
      if (topics.length === 0) {
        if (unknown.length === 0) problems.push(`No topic was named; showing every topic. Topics are: ${topicList()}.`);
        else problems.push('None of the topics given exists, so the quiz shows every topic.');
        topics = undefined;
      } else if (topics.length === quizTopics.length) {
        topics = undefined;
      }
    }
  }

  const max = availableFor(topics);
  let count = Math.min(defaults.count, max);
  if (raw.count !== undefined) {
    const n = wholeNumber(raw.count);
    if (n === undefined || n < 1) {
      problems.push(`Number of questions ${quoted(raw.count)} is not a whole number from 1 to ${max}; the quiz has ${count}.`);
    } else if (n > max) {
      count = max;
      const which = topics ? topics.map((t) => quizTopicLabels[t]).join(', ') : 'all topics together';
      problems.push(`You asked for ${n} questions, but there are ${max} on ${which}; the quiz has ${max}.`);
    } else {
      count = n;
    }
  }

  let seed: number | undefined;
  if (raw.seed !== undefined) {
    const n = wholeNumber(raw.seed);
    if (n === undefined || n < 0 || n > MAX_SEED) {
      problems.push(badSeedSentence(raw.seed));
      return { options: { count, topics, seed }, problems, badSeed: { value: raw.seed, at: problems.length - 1 } };
    }
    seed = n;
  }
  return { options: { count, topics, seed }, problems };
}

/**
 * The sentence for a quiz number that cannot be used: it is ignored (the quiz is the one the other options give,
 * as without a number), and, once known, what that means here (`then`, e.g. "this is a new quiz, quiz 7").
 */
export function badSeedSentence(value: unknown, then?: string): string {
  const ignored = `Quiz number ${quoted(value)} is not a whole number from 0 to ${MAX_SEED}, so it is ignored`;
  return then ? `${ignored}: ${then}.` : `${ignored}.`;
}

/**
 * Raw option values from a page's query string. Unknown parameters are named in one sentence (the first few,
 * then a count), each option given more than once in one sentence of its own; the first value counts.
 */
export function rawFromUrl(search: string): { raw: Record<string, string>; problems: string[] } {
  const raw: Record<string, string> = {};
  const unknown = new Set<string>();
  const repeated = new Set<string>();
  for (const [name, value] of new URLSearchParams(search)) {
    if (!(URL_OPTIONS as readonly string[]).includes(name)) unknown.add(name);
    else if (name in raw) repeated.add(name);
    else raw[name] = value;
  }
  const problems: string[] = [];
  if (unknown.size > 0) {
    const options = unknown.size > 1 ? 'options' : 'option';
    problems.push(`Unknown ${options} ${someOf([...unknown])} in the address, ignored; the quiz understands ${URL_OPTIONS.join(', ')}.`);
  }
  for (const name of repeated) problems.push(`The option ${name} is given more than once; the first value counts.`);
  return { raw, problems };
}

/** The query string that gives the same quiz again (what a teacher shares with a class). */
export function queryOf(options: QuizOptions, seed: number): string {
  // Topic ids are letters and hyphens, so the list needs no escaping and the link stays readable.
  const topics = options.topics ? `&topics=${options.topics.join(',')}` : '';
  return `?count=${options.count}${topics}&seed=${seed}`;
}
