/** The quiz machine: pure transitions, resuming a saved attempt, a model that reaches every state, a live actor. */
import { describe, expect, test } from 'vitest';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import { contextFromResume, quizMachine, resumeOf, scoreOf, type QuizEvent, type QuizResult } from '../../src/machines/quiz.machine.ts';
import type { QuizQuestion, QuizTopic } from '../../src/quiz/types.ts';

type Snapshot = SnapshotFrom<typeof quizMachine>;

/** A small hand-made quiz: the machine only judges option ids, so these need not be real questions. */
function q(id: string, topic: QuizTopic, answer = 'a'): QuizQuestion {
  return {
    id,
    topic,
    lessons: ['ports'],
    prompt: `Question ${id}?`,
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    answer,
    explanation: `Because of ${id}.`,
    source: { label: 'RFC 1', href: 'https://www.rfc-editor.org/rfc/rfc1' },
  };
}
const QUIZ = [q('one', 'security-mode'), q('two', 'myth-or-fact', 'b'), q('three', 'security-mode')];

const start = (questions = QUIZ, resume?: Parameters<typeof contextFromResume>[1]): Snapshot =>
  initialTransition(quizMachine, { questions, resume })[0];
const step = (s: Snapshot, e: QuizEvent): Snapshot => transition(quizMachine, s, e)[0];
const run = (s: Snapshot, ...events: QuizEvent[]): Snapshot => events.reduce(step, s);
const answer = (option: string): QuizEvent[] => [{ type: 'select', option }, { type: 'check' }, { type: 'next' }];

describe('quizMachine transitions', () => {
  test('starts asking the first question, nothing chosen', () => {
    const s = start();
    expect(s.value).toBe('asking');
    expect(s.context).toMatchObject({ index: 0, round: 1, selected: undefined, answers: [], nudge: false });
  });

  test('with no questions it is empty and ignores every event', () => {
    let s = start([]);
    expect(s.value).toBe('empty');
    for (const e of [{ type: 'select', option: 'a' }, { type: 'check' }, { type: 'next' }, { type: 'retry' }] as QuizEvent[]) s = step(s, e);
    expect(s.value).toBe('empty');
  });

  test('select keeps the latest choice; an option the question lacks is ignored', () => {
    const s = run(start(), { type: 'select', option: 'b' }, { type: 'select', option: 'a' }, { type: 'select', option: 'zzz' });
    expect(s.context.selected).toBe('a');
  });

  test('check without a choice stays on the question and nudges; choosing clears the nudge', () => {
    const nudged = step(start(), { type: 'check' });
    expect(nudged.value).toBe('asking');
    expect(nudged.context.nudge).toBe(true);
    expect(nudged.context.answers).toEqual([]);
    expect(step(nudged, { type: 'select', option: 'b' }).context.nudge).toBe(false);
  });

  test('check records the answer and whether it is right', () => {
    const right = run(start(), { type: 'select', option: 'a' }, { type: 'check' });
    expect(right.value).toBe('feedback');
    expect(right.context.answers).toEqual([{ id: 'one', topic: 'security-mode', chosen: 'a', correct: true }]);
    const wrong = run(start(), { type: 'select', option: 'b' }, { type: 'check' });
    expect(wrong.context.answers[0]?.correct).toBe(false);
  });

  test('feedback ignores new choices and a second check', () => {
    const s = run(start(), { type: 'select', option: 'b' }, { type: 'check' }, { type: 'select', option: 'a' }, { type: 'check' });
    expect(s.value).toBe('feedback');
    expect(s.context.selected).toBe('b');
    expect(s.context.answers).toHaveLength(1);
  });

  test('next goes to the following question with nothing chosen', () => {
    const s = run(start(), ...answer('a'));
    expect(s.value).toBe('asking');
    expect(s.context).toMatchObject({ index: 1, selected: undefined });
  });

  test('after the last question: the summary, with the score by topic', () => {
    const s = run(start(), ...answer('a'), ...answer('a'), ...answer('b'));
    expect(s.value).toBe('summary');
    // one: a is right; two: b is right, a wrong; three: a is right, b wrong.
    expect(scoreOf(s.context.answers, s.context.round)).toEqual({
      score: 1,
      max: 3,
      round: 1,
      topics: [
        { topic: 'security-mode', correct: 1, total: 2 },
        { topic: 'myth-or-fact', correct: 0, total: 1 },
      ],
    });
  });

  test('retry asks only the missed questions, in their order, as round 2', () => {
    const summary = run(start(), ...answer('a'), ...answer('a'), ...answer('b'));
    const retry = step(summary, { type: 'retry' });
    expect(retry.value).toBe('asking');
    expect(retry.context.questions.map((x) => x.id)).toEqual(['two', 'three']);
    expect(retry.context).toMatchObject({ round: 2, index: 0, answers: [], selected: undefined });
    const done = run(retry, ...answer('b'), ...answer('a'));
    expect(done.value).toBe('summary');
    expect(scoreOf(done.context.answers, done.context.round)).toMatchObject({ score: 2, max: 2, round: 2 });
  });

  test('retry is refused when nothing was missed', () => {
    const perfect = run(start(), ...answer('a'), ...answer('b'), ...answer('a'));
    expect(step(perfect, { type: 'retry' }).value).toBe('summary');
  });

  test('restart, from any state, asks the whole quiz again from the first question', () => {
    const states = [
      start(),
      run(start(), { type: 'select', option: 'b' }, { type: 'check' }),
      run(start(), ...answer('b'), ...answer('a'), ...answer('b')),
      step(run(start(), ...answer('b'), ...answer('a'), ...answer('b')), { type: 'retry' }),
    ];
    for (const s of states) {
      const again = step(s, { type: 'restart' });
      expect(again.value).toBe('asking');
      expect(again.context).toMatchObject({ round: 1, index: 0, answers: [], selected: undefined });
      expect(again.context.questions.map((x) => x.id)).toEqual(['one', 'two', 'three']);
    }
  });
});

describe('resuming a saved attempt', () => {
  test('each saved phase resumes in that phase with the same context', () => {
    const midway = run(start(), ...answer('b'), { type: 'select', option: 'a' });
    const checked = step(midway, { type: 'check' });
    const lastChecked = run(start(), ...answer('a'), ...answer('b'), { type: 'select', option: 'b' }, { type: 'check' });
    const summary = step(lastChecked, { type: 'next' });
    const retrying = run(step(summary, { type: 'retry' }), { type: 'select', option: 'a' });
    for (const [s, phase] of [
      [midway, 'asking'],
      [checked, 'feedback'],
      [lastChecked, 'feedback'],
      [summary, 'summary'],
      [retrying, 'asking'],
    ] as const) {
      const back = start(QUIZ, resumeOf(s.context, phase));
      expect(back.value).toBe(phase);
      const { startAt: _a, ...was } = s.context;
      const { startAt: _b, ...is } = back.context;
      expect(is).toEqual(was);
    }
  });

  test('the resumed attempt goes on: the saved last-question feedback leads to the summary', () => {
    const lastChecked = run(start(), ...answer('a'), ...answer('b'), { type: 'select', option: 'a' }, { type: 'check' });
    const back = step(start(QUIZ, resumeOf(lastChecked.context, 'feedback')), { type: 'next' });
    expect(back.value).toBe('summary');
    expect(scoreOf(back.context.answers, 1).score).toBe(3);
  });

  test('correctness is judged again, not read from storage', () => {
    const saved = { round: ['one', 'two', 'three'], roundNumber: 1, index: 1, phase: 'asking' as const, answers: [{ id: 'one', chosen: 'b' }] };
    expect(start(QUIZ, saved).context.answers).toEqual([{ id: 'one', topic: 'security-mode', chosen: 'b', correct: false }]);
  });

  const base = { round: ['one', 'two', 'three'], roundNumber: 1, index: 1, phase: 'asking' as const, answers: [{ id: 'one', chosen: 'a' }] };
  test.each([
    ['a question this quiz does not have', { ...base, round: ['one', 'gone', 'three'] }],
    ['a repeated question', { ...base, round: ['one', 'one', 'three'] }],
    ['an empty round', { ...base, round: [], index: 0, answers: [] }],
    ['an index past the end', { ...base, index: 3 }],
    ['a negative index', { ...base, index: -1 }],
    ['a fractional index', { ...base, index: 0.5 }],
    ['round number 0', { ...base, roundNumber: 0 }],
    ['too few answers for the index', { ...base, answers: [] }],
    ['too many answers for the index', { ...base, answers: [{ id: 'one', chosen: 'a' }, { id: 'two', chosen: 'a' }] }],
    ['an answer to another question', { ...base, answers: [{ id: 'two', chosen: 'a' }] }],
    ['an option the question lacks', { ...base, answers: [{ id: 'one', chosen: 'z' }] }],
    ['a selected option the question lacks', { ...base, selected: 'z' }],
    ['a summary before the end', { ...base, phase: 'summary' as const }],
  ])('%s: starts afresh', (_why, saved) => {
    expect(contextFromResume(QUIZ, saved)).toBeUndefined();
    const s = start(QUIZ, saved);
    expect(s.value).toBe('asking');
    expect(s.context).toMatchObject({ index: 0, round: 1, answers: [] });
  });
});

describe('quizMachine as a model', () => {
  const events: QuizEvent[] = [{ type: 'select', option: 'a' }, { type: 'select', option: 'b' }, { type: 'check' }, { type: 'next' }, { type: 'retry' }, { type: 'restart' }];
  const paths = getShortestPaths(quizMachine, {
    events,
    input: { questions: QUIZ },
    serializeState: (s) => JSON.stringify([s.value, Math.min(s.context.round, 3), s.context.questions.map((x) => x.id).join(), s.context.index, s.context.selected, s.context.answers.map((a) => a.chosen), s.context.questions.length]),
  });

  test('reaches every state the definition has, except empty (only without questions)', () => {
    const states = getStateNodes(quizMachine.root).filter((n) => n.path.length === 1).map((n) => n.key);
    expect(states.sort()).toEqual(['asking', 'empty', 'feedback', 'start', 'summary']);
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(['asking', 'feedback', 'summary']);
    expect(start([]).value).toBe('empty');
  });

  test('reaches a retry round, and a perfect retry', () => {
    expect(paths.some((p) => p.state.context.round >= 2 && p.state.value === 'summary')).toBe(true);
    expect(paths.some((p) => p.state.context.round >= 2 && p.state.value === 'summary' && p.state.context.answers.every((a) => a.correct))).toBe(true);
  });

  test('in every reachable state the context holds together', () => {
    for (const { state: s } of paths) {
      const c = s.context;
      expect(c.index).toBeLessThan(c.questions.length);
      const answered = s.value === 'asking' ? c.index : s.value === 'feedback' ? c.index + 1 : c.questions.length;
      expect(c.answers).toHaveLength(answered);
      c.answers.forEach((a, i) => {
        const question = c.questions[i];
        expect(a.id).toBe(question?.id);
        expect(a.correct).toBe(a.chosen === question?.answer);
      });
      // Every round asks quiz questions in the quiz's order (a retry keeps the order of the missed ones).
      const order = c.questions.map((x) => QUIZ.indexOf(x));
      expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? -1)))).toBe(true);
      if (c.round === 1) expect(c.questions).toHaveLength(QUIZ.length);
      // Whatever the state, the saved form resumes to the same state.
      if (s.value !== 'start') expect(start(QUIZ.slice(), resumeOf(c, s.value as 'asking')).value).toBe(s.value);
    }
  });
});

describe('a live quiz actor', () => {
  test('emits quiz.result once per finished round, with the score, max, round and topics', () => {
    const actor = createActor(quizMachine, { input: { questions: QUIZ } });
    const results: QuizResult[] = [];
    actor.on('quiz.result', (e) => results.push(e.result));
    actor.start();
    for (const e of [...answer('a'), ...answer('a'), ...answer('a')]) actor.send(e);
    expect(results).toEqual([{ score: 2, max: 3, round: 1, topics: [{ topic: 'security-mode', correct: 2, total: 2 }, { topic: 'myth-or-fact', correct: 0, total: 1 }] }]);
    actor.send({ type: 'retry' });
    for (const e of answer('b')) actor.send(e);
    expect(results[1]).toEqual({ score: 1, max: 1, round: 2, topics: [{ topic: 'myth-or-fact', correct: 1, total: 1 }] });
    expect(results).toHaveLength(2);
    actor.stop();
  });

  test('resuming into the summary does not report the result again', () => {
    const summary = run(start(), ...answer('a'), ...answer('a'), ...answer('a'));
    const actor = createActor(quizMachine, { input: { questions: QUIZ, resume: resumeOf(summary.context, 'summary') } });
    const results: QuizResult[] = [];
    actor.on('quiz.result', (e) => results.push(e.result));
    actor.start();
    expect(actor.getSnapshot().value).toBe('summary');
    expect(results).toEqual([]);
    actor.stop();
  });
});
