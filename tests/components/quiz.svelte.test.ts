// @vitest-environment jsdom
/** The quiz widget as a learner uses it: by keyboard, with feedback read out, progress kept, bad options explained. */
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import Quiz from '../../src/components/widgets/Quiz.svelte';
import { STORAGE_KEY } from '../../src/components/widgets/quiz/quiz-storage.ts';
import type { QuizResult } from '../../src/machines/quiz.machine.ts';
import type { QuizQuestion, QuizTopic } from '../../src/quiz/types.ts';

/** Four made-up questions; the right option is always labelled "Right <n>". */
function q(n: number, topic: QuizTopic): QuizQuestion {
  return {
    id: `q${n}`,
    topic,
    lessons: ['ports'],
    prompt: `Prompt ${n}?`,
    options: [
      { id: 'r', label: `Right ${n}` },
      { id: 'w', label: `Wrong ${n}` },
      { id: 'v', label: `Very wrong ${n}` },
    ],
    answer: 'r',
    explanation: `Explanation ${n}.`,
    source: { label: `RFC ${n}`, href: `https://www.rfc-editor.org/rfc/rfc${n}` },
  };
}
const BANK = [q(1, 'security-mode'), q(2, 'security-mode'), q(3, 'myth-or-fact'), q(4, 'port-to-protocol')];

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/quiz/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function quiz(props: Record<string, unknown> = {}) {
  const user = userEvent.setup();
  const view = render(Quiz, { props: { bank: BANK, seed: 1, ...props } });
  await screen.findByRole('group');
  return { user, ...view };
}

/** The question on screen: its number from the prompt ("Prompt 3?" → 3). */
function current(): number {
  const legend = screen.getByRole('group').querySelector('legend .prompt')?.textContent ?? '';
  return Number(/Prompt (\d+)/.exec(legend)?.[1]);
}
const status = () => screen.getByRole('status');
const radio = (name: RegExp) => screen.getByRole('radio', { name });

/** Answers the question on screen by keyboard: Tab into the group, arrows to the option, Enter to check. */
async function answerByKeyboard(user: ReturnType<typeof userEvent.setup>, right: boolean) {
  const n = current();
  const target = radio(new RegExp(`^${right ? 'Right' : 'Wrong'} ${n}`));
  const radios = screen.getAllByRole('radio');
  radios[0]?.focus();
  // Arrow keys move and choose within a native radio group.
  for (let i = 0; i < radios.indexOf(target); i++) await user.keyboard('{ArrowDown}');
  if (radios.indexOf(target) === 0) await user.keyboard(' ');
  await user.keyboard('{Enter}');
}

describe('Quiz widget', () => {
  test('a question is a fieldset with a legend and native radio buttons', async () => {
    await quiz();
    const group = screen.getByRole('group');
    expect(group.tagName).toBe('FIELDSET');
    expect(group.querySelector('legend .where')?.textContent).toMatch(/^Question 1 of 4 · , (Security mode|Myth or fact|Port to protocol)$/);
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    expect(screen.getByRole('region', { name: 'Port and encryption quiz' })).toBeTruthy();
  });

  test('checking without a choice asks for one, in the live region', async () => {
    const { user } = await quiz();
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(status().textContent).toContain('Choose an answer first');
    expect(screen.getByRole('group')).toBeTruthy();
  });

  test('a wrong answer: feedback with the right answer, explanation and source; focus on Next', async () => {
    const { user } = await quiz();
    const n = current();
    await user.click(radio(new RegExp(`^Wrong ${n}`)));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    const said = status().textContent ?? '';
    expect(said).toContain(`Not quite. The answer is: Right ${n}.`);
    expect(said).toContain(`Explanation ${n}.`);
    const link = within(status()).getByRole('link', { name: `RFC ${n}` });
    expect(link.getAttribute('href')).toBe(`https://www.rfc-editor.org/rfc/rfc${n}`);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next question' }));
    // The options are marked in words, not colour alone, and can no longer change.
    expect(radio(new RegExp(`^Wrong ${n}`)).closest('label')?.textContent).toContain('(your answer, wrong)');
    expect(radio(new RegExp(`^Right ${n}`)).closest('label')?.textContent).toContain('(the right answer)');
    expect(screen.getAllByRole('radio').every((r) => r.matches(':disabled'))).toBe(true);
  });

  test('a right answer says so', async () => {
    const { user } = await quiz();
    await answerByKeyboard(user, true);
    expect(status().textContent).toContain(`Correct. The answer is: Right ${current()}.`);
  });

  test('a whole quiz by keyboard: score, topics, retry of the missed ones only, result event', async () => {
    const results: QuizResult[] = [];
    const events: QuizResult[] = [];
    const { user, container } = await quiz({ id: 'lesson-check', onresult: (r: QuizResult) => results.push(r) });
    container.addEventListener('mailwire:quiz-result', (e) => events.push((e as CustomEvent<QuizResult>).detail));
    const missed: number[] = [];
    for (let i = 0; i < 4; i++) {
      const n = current();
      const right = i % 2 === 0;
      if (!right) missed.push(n);
      await answerByKeyboard(user, right);
      await user.keyboard('{Enter}'); // Next question / See your score, which has focus
      if (i < 3) expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
    }
    const heading = screen.getByRole('heading', { name: 'You scored 2 of 4' });
    expect(document.activeElement).toBe(heading);
    const table = screen.getByRole('table', { name: 'Your answers by topic' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + new Set(BANK.map((x) => x.topic)).size);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ score: 2, max: 4, round: 1 });
    expect(results[0]?.topics.reduce((sum, t) => sum + t.total, 0)).toBe(4);
    // The event also names the quiz, so a page with several quizzes can tell them apart.
    expect(events).toEqual(results.map((r) => ({ ...r, id: 'lesson-check' })));

    await user.click(screen.getByRole('button', { name: 'Retry the ones I missed (2)' }));
    const asked: number[] = [];
    for (let i = 0; i < 2; i++) {
      expect(screen.getByText(new RegExp(`^Question ${i + 1} of 2, retry`))).toBeTruthy();
      asked.push(current());
      await answerByKeyboard(user, true);
      await user.keyboard('{Enter}');
    }
    expect(asked).toEqual(missed);
    expect(screen.getByRole('heading', { name: 'You scored 2 of 2 on the retry' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Retry the ones I missed/ })).toBeNull();
    expect(results[1]).toMatchObject({ score: 2, max: 2, round: 2 });
    // The best score counts first tries only.
    expect(screen.getByText('Your best first try at this quiz: 2 of 4.')).toBeTruthy();
  });

  test('the same seed gives the same quiz; progress survives a reload', async () => {
    const { user, unmount } = await quiz({ id: 'same' });
    const first = current();
    await answerByKeyboard(user, false);
    await user.keyboard('{Enter}');
    const second = current();
    unmount();
    await quiz({ id: 'same' });
    expect(current()).toBe(second);
    expect(screen.getByText(/^Question 2 of 4/)).toBeTruthy();
    cleanup();
    localStorage.clear();
    await quiz({ id: 'same' });
    expect(current()).toBe(first);
  });

  test('without a fixed seed: a reload goes on with the same quiz; "New questions" starts another', async () => {
    const { user, unmount } = await quiz({ seed: undefined, id: 'free', share: true });
    const order: number[] = [current()];
    await answerByKeyboard(user, true);
    await user.keyboard('{Enter}');
    order.push(current());
    unmount();
    await quiz({ seed: undefined, id: 'free', share: true });
    expect(current()).toBe(order[1]);
    expect(screen.getByText(/^Question 2 of 4/)).toBeTruthy();
    // Finish, then ask for new questions: a new quiz number, question 1, nothing answered.
    for (let i = 0; i < 3; i++) {
      await answerByKeyboard(user, true);
      await user.keyboard('{Enter}');
    }
    const before = screen.getByText(/^Quiz number/).textContent;
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.123456);
    await user.click(screen.getByRole('button', { name: 'New questions' }));
    random.mockRestore();
    expect(screen.getByText(/^Question 1 of 4/)).toBeTruthy();
    expect(screen.getByText(/^Quiz number/).textContent).not.toBe(before);
    expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
  });

  test('a fixed seed offers no "New questions"', async () => {
    const { user } = await quiz({ count: 1 });
    await answerByKeyboard(user, true);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Start this quiz again' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New questions' })).toBeNull();
  });

  test('a checked answer is still checked after a reload', async () => {
    const { user, unmount } = await quiz({ id: 'reload' });
    await answerByKeyboard(user, false);
    unmount();
    await quiz({ id: 'reload' });
    expect(status().textContent).toContain('Not quite.');
    expect(screen.getByRole('button', { name: 'Next question' })).toBeTruthy();
  });

  test.each([
    ['not JSON', '{{{'],
    ['a wrong shape', JSON.stringify({ v: 1, quizzes: { 'quiz|4|all|1': { seed: 1, at: 1, resume: { round: ['nope'], roundNumber: 1, index: 0, phase: 'asking', answers: [] } } } })],
  ])('corrupt saved progress (%s): the quiz starts afresh and says why', async (_why, text) => {
    localStorage.setItem(STORAGE_KEY, text);
    const { user } = await quiz();
    expect(screen.getByText(/^Question 1 of 4/)).toBeTruthy();
    expect(screen.getByText(/saved progress in this quiz could not be read/)).toBeTruthy();
    await answerByKeyboard(user, true);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').v).toBe(1);
  });

  test('a fresh start says nothing about saved progress', async () => {
    await quiz();
    expect(screen.queryByText(/could not be read/)).toBeNull();
  });

  test('storage that throws: the quiz works and says progress is not kept', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    const { user } = await quiz();
    await answerByKeyboard(user, true);
    expect(status().textContent).toContain('Correct.');
    expect(screen.getByText(/progress cannot be saved in this browser/)).toBeTruthy();
  });

  test('options from the address win over props; unknown ones are explained', async () => {
    history.replaceState(null, '', '/quiz/?count=2&topics=security-mode&seed=3&colour=red');
    await quiz({ fromUrl: true, count: 4 });
    expect(screen.getByText(/^Question 1 of 2/)).toBeTruthy();
    expect([1, 2]).toContain(current());
    expect(screen.getByRole('note').textContent).toContain('Unknown option “\u2068colour\u2069”');
  });

  test('bad props give a message and a working quiz with defaults', async () => {
    await quiz({ count: 'lots', topics: ['security-mode', 'dns'] });
    const note = screen.getByRole('note').textContent ?? '';
    expect(note).toContain('Number of questions “\u2068lots\u2069”');
    expect(note).toContain('Unknown topic “\u2068dns\u2069”');
    expect(screen.getByText(/^Question 1 of 2/)).toBeTruthy();
  });

  // Issue 11, point 9: `?count=abc&seed=1.5` said "this is a new quiz" and went on with the saved one.
  test('an unusable quiz number in the address is ignored, and the note says it goes on with the saved quiz', async () => {
    history.replaceState(null, '', '/quiz/');
    const { user, unmount } = await quiz({ seed: undefined, id: 'page', fromUrl: true, share: true });
    await answerByKeyboard(user, true);
    await user.keyboard('{Enter}');
    const second = current();
    const saved = /^Quiz number (\d+)/.exec(screen.getByText(/^Quiz number \d+/).textContent ?? '')?.[1];
    unmount();
    history.replaceState(null, '', '/quiz/?count=abc&seed=1.5');
    await quiz({ seed: undefined, id: 'page', fromUrl: true, share: true });
    const note = screen.getByRole('note').textContent ?? '';
    expect(note).toContain(`so it is ignored: you go on with the quiz saved in this browser, quiz ${saved}, where you left it.`);
    expect(note).not.toContain('new quiz');
    expect(current()).toBe(second);
    expect(screen.getByText(/^Question 2 of 4/)).toBeTruthy();
  });

  test('an unusable quiz number with nothing saved: a new quiz, and the note gives its number', async () => {
    history.replaceState(null, '', '/quiz/?seed=-3');
    await quiz({ seed: undefined, id: 'page', fromUrl: true, share: true });
    const number = /^Quiz number (\d+)/.exec(screen.getByText(/^Quiz number \d+/).textContent ?? '')?.[1];
    expect(screen.getByRole('note').textContent).toContain(`so it is ignored: this is a new quiz, quiz ${number}.`);
    expect(screen.getByText(/^Question 1 of 4/)).toBeTruthy();
  });

  test('the standalone quiz says its real length and topics, from the address', async () => {
    history.replaceState(null, '', '/quiz/?count=2&topics=security-mode');
    await quiz({ seed: undefined, id: 'page', fromUrl: true });
    expect(screen.getByText('This quiz has 2 questions on security mode.')).toBeTruthy();
    cleanup();
    history.replaceState(null, '', '/quiz/');
    await quiz({ seed: undefined, id: 'page', fromUrl: true });
    expect(screen.getByText('This quiz has 4 questions on every topic.')).toBeTruthy();
  });

  test('topics with no questions: says so instead of an empty form', async () => {
    render(Quiz, { props: { bank: BANK, topics: ['situation'] } });
    expect(await screen.findByText('This quiz has no questions to ask. Check its options.')).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
  });

  test('the share link gives the same quiz: count, topics and this quiz number', async () => {
    await quiz({ share: true, seed: undefined, count: 3, topics: 'myth-or-fact,security-mode' });
    const link = screen.getByRole('link', { name: /^this link to quiz \d+$/ });
    const seed = /quiz (\d+)$/.exec(link.textContent ?? '')?.[1];
    expect(link.getAttribute('href')).toBe(`?count=3&topics=security-mode,myth-or-fact&seed=${seed}`);
  });

  test('a picked quiz asks its questions in the given order', async () => {
    await quiz({ picked: true, bank: [BANK[3], BANK[0]] });
    expect(current()).toBe(4);
    expect(screen.getByText(/^Question 1 of 2/)).toBeTruthy();
  });
});
