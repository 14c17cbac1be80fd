/**
 * The quiz page's address options as a learner follows a link (issue 11, point 9): an unusable quiz number is
 * ignored and the note says which quiz that gave (the saved one, where it was left, or a new one with its number);
 * the page says the quiz's real length and topics, never a fixed "Ten questions".
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';
import { themes } from './site-pages.ts';

async function openQuiz(page: Page, query: string): Promise<Locator> {
  await page.goto(`/quiz/${query}`);
  const holder = page.locator('[data-quiz]');
  await holder.scrollIntoViewIfNeeded();
  await expect(holder).toHaveAttribute('data-hydrated', '');
  return holder;
}

/** The quiz number the share line shows. */
async function quizNumber(quiz: Locator): Promise<string> {
  const text = (await quiz.getByText(/^Quiz number \d+\./).textContent()) ?? '';
  return /^Quiz number (\d+)/.exec(text)?.[1] ?? '';
}

test('count=abc&seed=1.5 after a quiz was begun: the note says the saved quiz goes on, and it does', async ({ page }) => {
  let quiz = await openQuiz(page, '');
  await quiz.getByRole('radio').first().check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await quiz.getByRole('button', { name: 'Next question' }).click();
  await expect(quiz.getByText('Question 2 of 10', { exact: false })).toBeVisible();
  const prompt = await quiz.locator('legend .prompt').textContent();
  const saved = await quizNumber(quiz);

  quiz = await openQuiz(page, '?count=abc&seed=1.5');
  const note = quiz.getByRole('note');
  await expect(note).toContainText('Number of questions “\u2068abc\u2069” is not a whole number from 1 to');
  await expect(note).toContainText(`so it is ignored: you go on with the quiz saved in this browser, quiz ${saved}, where you left it.`);
  await expect(note).not.toContainText('new quiz');
  await expect(quiz.getByText('Question 2 of 10', { exact: false })).toBeVisible();
  await expect(quiz.locator('legend .prompt')).toHaveText(prompt ?? '');
  expect(await quizNumber(quiz)).toBe(saved);
});

test('seed=1.5 with nothing saved: a new quiz, and the note gives the number the share line shows', async ({ page }) => {
  const quiz = await openQuiz(page, '?seed=1.5');
  const number = await quizNumber(quiz);
  await expect(quiz.getByRole('note')).toContainText(`so it is ignored: this is a new quiz, quiz ${number}.`);
  await expect(quiz.getByText('Question 1 of 10', { exact: false })).toBeVisible();
});

for (const [query, intro, first] of [
  ['', 'This quiz has 10 questions on every topic.', 'Question 1 of 10'],
  ['?count=3&topics=situation&seed=5', 'This quiz has 3 questions on situations.', 'Question 1 of 3'],
  ['?count=abc', 'This quiz has 10 questions on every topic.', 'Question 1 of 10'],
] as const) {
  test(`the page says the quiz's real length (${query || 'no options'})`, async ({ page }) => {
    const quiz = await openQuiz(page, query);
    await expect(quiz.getByText(intro, { exact: true })).toBeVisible();
    await expect(quiz.getByText(first, { exact: false })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('Ten questions');
  });
}

for (const theme of themes) {
  test(`the length and the note about an ignored quiz number pass axe (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    const quiz = await openQuiz(page, '?count=abc&seed=1.5');
    await expect(quiz.getByRole('note')).toBeVisible();
    expect(await axeViolations(page, '[data-quiz]')).toEqual([]);
  });
}
