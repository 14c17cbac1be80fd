/*
 * The quiz widget's machine: which question is on screen, what the learner chose, what they got right. It knows
 * nothing of ports or protocols; it is given generated questions and judges answers by their `answer` id.
 *
 *   (start) ─ no questions ─▶ empty
 *      │
 *      ▼            check (an option chosen)          next (more questions)
 *    asking ─────────────────────────────────▶ feedback ───────────────────▶ asking
 *      ▲  select, check without a choice          │ next (last question): emits quiz.result
 *      │  (stays, says "choose an answer")         ▼
 *      └─────── retry (the missed ones) ─────── summary ── restart (the whole quiz again) ──▶ asking
 *
 *   A saved attempt (input `resume`) starts in the state it was saved in. `restart` works from every state.
 */
import { assign, emit, setup } from 'xstate';
import type { QuizQuestion, QuizTopic } from '../quiz/types.ts';

/** One answered question of the current round. */
export interface QuizAnswer {
  id: string;
  topic: QuizTopic;
  chosen: string;
  correct: boolean;
}

/** Per-topic result, in the order the topics first appear in the round. */
export interface TopicScore {
  topic: QuizTopic;
  correct: number;
  total: number;
}

/** What the quiz reports when a round ends; the embed page posts it to its parent. */
export interface QuizResult {
  score: number;
  max: number;
  /** 1 for the first run through, 2 and more for retries of the missed questions. */
  round: number;
  topics: TopicScore[];
}

/** Where a saved attempt stood; ids only, so the widget can check it against today's questions. */
export interface QuizResume {
  /** The current round's question ids, in order. */
  round: string[];
  roundNumber: number;
  index: number;
  phase: 'asking' | 'feedback' | 'summary';
  /** The option chosen for the question on screen, if any. */
  selected?: string | undefined;
  /** The chosen option per answered question of this round, in order. */
  answers: { id: string; chosen: string }[];
}

export interface QuizInput {
  questions: QuizQuestion[];
  resume?: QuizResume | undefined;
}

export interface QuizContext {
  /** The whole quiz as given, for `restart`. */
  all: QuizQuestion[];
  /** This round's questions: all of them, or the ones missed in the round before. */
  questions: QuizQuestion[];
  round: number;
  index: number;
  selected: string | undefined;
  answers: QuizAnswer[];
  /** Set when the learner checks without choosing; cleared by the next choice. */
  nudge: boolean;
  /** Where the machine starts: 'asking', or where a saved attempt stood. */
  startAt: QuizResume['phase'];
}

export type QuizEvent =
  | { type: 'select'; option: string }
  | { type: 'check' }
  | { type: 'next' }
  | { type: 'retry' }
  | { type: 'restart' };

export type QuizEmitted = { type: 'quiz.result'; result: QuizResult };

/** The score and per-topic breakdown of a list of answers. */
export function scoreOf(answers: readonly QuizAnswer[], round: number): QuizResult {
  const topics: TopicScore[] = [];
  for (const a of answers) {
    let t = topics.find((s) => s.topic === a.topic);
    if (!t) topics.push((t = { topic: a.topic, correct: 0, total: 0 }));
    t.total++;
    if (a.correct) t.correct++;
  }
  return { score: answers.filter((a) => a.correct).length, max: answers.length, round, topics };
}

/** The questions of this round answered wrongly. */
export function missedOf(context: QuizContext): QuizQuestion[] {
  const wrong = new Set(context.answers.filter((a) => !a.correct).map((a) => a.id));
  return context.questions.filter((q) => wrong.has(q.id));
}

/** The saved form of a context (see QuizResume). */
export function resumeOf(context: QuizContext, phase: QuizResume['phase']): QuizResume {
  return {
    round: context.questions.map((q) => q.id),
    roundNumber: context.round,
    index: context.index,
    phase,
    selected: context.selected,
    answers: context.answers.map((a) => ({ id: a.id, chosen: a.chosen })),
  };
}

function answerTo(q: QuizQuestion, chosen: string): QuizAnswer {
  return { id: q.id, topic: q.topic, chosen, correct: chosen === q.answer };
}

/**
 * The context a saved attempt stands for, or undefined when it does not fit these questions (another quiz, an
 * older version of the questions, a hand-edited value): the caller then starts afresh.
 */
export function contextFromResume(all: QuizQuestion[], r: QuizResume): QuizContext | undefined {
  const byId = new Map(all.map((q) => [q.id, q]));
  const questions = r.round.map((id) => byId.get(id));
  if (questions.length === 0 || questions.some((q) => q === undefined)) return undefined;
  const round = questions as QuizQuestion[];
  if (new Set(r.round).size !== round.length) return undefined;
  if (!Number.isInteger(r.roundNumber) || r.roundNumber < 1) return undefined;
  // Answers are the questions before the one on screen (and the one on screen once checked), in order.
  const answered = r.phase === 'asking' ? r.index : r.phase === 'feedback' ? r.index + 1 : round.length;
  if (!Number.isInteger(r.index) || r.index < 0 || r.index >= round.length || r.answers.length !== answered) return undefined;
  if (r.phase === 'summary' && r.index !== round.length - 1) return undefined;
  const answers: QuizAnswer[] = [];
  for (const [i, a] of r.answers.entries()) {
    const q = round[i];
    if (!q || a.id !== q.id || !q.options.some((o) => o.id === a.chosen)) return undefined;
    answers.push(answerTo(q, a.chosen));
  }
  const current = round[r.index];
  const selected = r.phase === 'asking' ? r.selected : answers[r.index]?.chosen;
  if (selected !== undefined && !current?.options.some((o) => o.id === selected)) return undefined;
  return { all, questions: round, round: r.roundNumber, index: r.index, selected, answers, nudge: false, startAt: r.phase };
}

function freshContext(all: QuizQuestion[]): QuizContext {
  return { all, questions: all, round: 1, index: 0, selected: undefined, answers: [], nudge: false, startAt: 'asking' };
}

/** The quiz machine (XState v5). Its context is plain data, so tests compare it whole. */
export const quizMachine = setup({
  types: {
    context: {} as QuizContext,
    events: {} as QuizEvent,
    input: {} as QuizInput,
    emitted: {} as QuizEmitted,
  },
  guards: {
    noQuestions: ({ context }) => context.questions.length === 0,
    resumesFeedback: ({ context }) => context.startAt === 'feedback',
    resumesSummary: ({ context }) => context.startAt === 'summary',
    isOption: ({ context, event }) =>
      event.type === 'select' && (context.questions[context.index]?.options.some((o) => o.id === event.option) ?? false),
    hasChoice: ({ context }) => context.selected !== undefined,
    hasMore: ({ context }) => context.index + 1 < context.questions.length,
    missedSome: ({ context }) => context.answers.some((a) => !a.correct),
  },
  actions: {
    select: assign(({ event }) => ({ selected: event.type === 'select' ? event.option : undefined, nudge: false })),
    nudge: assign({ nudge: true }),
    record: assign(({ context }) => {
      const q = context.questions[context.index];
      return q && context.selected !== undefined ? { answers: [...context.answers, answerTo(q, context.selected)] } : {};
    }),
    advance: assign(({ context }) => ({ index: context.index + 1, selected: undefined })),
    retryMissed: assign(({ context }) => ({
      questions: missedOf(context),
      round: context.round + 1,
      index: 0,
      selected: undefined,
      answers: [],
      nudge: false,
      startAt: 'asking' as const,
    })),
    restart: assign(({ context }) => freshContext(context.all)),
    report: emit(({ context }) => ({ type: 'quiz.result' as const, result: scoreOf(context.answers, context.round) })),
  },
}).createMachine({
  id: 'quiz',
  context: ({ input }) => {
    const all = input.questions;
    return (input.resume && contextFromResume(all, input.resume)) ?? freshContext(all);
  },
  initial: 'start',
  on: { restart: { target: '.start', actions: 'restart' } },
  states: {
    start: {
      always: [
        { guard: 'noQuestions', target: 'empty' },
        { guard: 'resumesSummary', target: 'summary' },
        { guard: 'resumesFeedback', target: 'feedback' },
        { target: 'asking' },
      ],
    },
    empty: {},
    asking: {
      on: {
        select: { guard: 'isOption', actions: 'select' },
        check: [{ guard: 'hasChoice', target: 'feedback', actions: 'record' }, { actions: 'nudge' }],
      },
    },
    feedback: {
      on: {
        next: [
          { guard: 'hasMore', target: 'asking', actions: 'advance' },
          { target: 'summary', actions: 'report' },
        ],
      },
    },
    summary: {
      on: { retry: { guard: 'missedSome', target: 'asking', actions: 'retryMissed' } },
    },
  },
});
