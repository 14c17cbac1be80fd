/** The learning path: from the home page through every lesson by "next" alone, with progress kept on the device. */
import { test, expect, type Page } from '@playwright/test';
import { availableLessons, lessonHref } from '../../src/content/course.ts';

const status = (page: Page, id: string) => page.locator(`[data-course-map] li[data-lesson="${id}"] [data-lesson-status]`);

test('a new learner goes from the home page through every lesson by "next" alone, and the map remembers', async ({ page }) => {
  await page.goto('/');
  for (const l of availableLessons) await expect(status(page, l.id)).toHaveText('Not started');
  await expect(page.locator('[data-progress-note]')).toHaveText(/^Nothing saved yet/);

  await page.getByRole('link', { name: 'Start the course' }).click();
  for (const [i, lesson] of availableLessons.entries()) {
    await expect(page).toHaveURL(new RegExp(`${lessonHref(lesson)}$`));
    await expect(page.locator('.mw-objectives')).toHaveAttribute('data-lesson-visit', lesson.id);
    // The visit is saved by a module script once the page has loaded.
    await expect.poll(() => page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('mailwire.progress.v1') ?? '{}').lessons ?? {}))).toContain(lesson.id);
    if (i < availableLessons.length - 1) await page.locator('[data-next-lesson]').click();
  }
  await page.locator('[data-course-end]').click();
  await expect(page).toHaveURL(/\/$/);
  await page.reload();
  for (const l of availableLessons) await expect(status(page, l.id)).toHaveText(/^Started: read · 0 of \d+ scenarios? finished · quiz not taken$/);
  await expect(page.locator('[data-progress-overall]')).toHaveText(`You have done 0 of ${availableLessons.length} lessons.`);
  await expect(page.locator('[data-progress-note]')).toHaveText(/kept in this browser only/);
});

test('finishing a scenario and taking the quiz marks the lesson done; clearing forgets it', async ({ page }) => {
  const lesson = availableLessons[0]!;
  await page.goto(lessonHref(lesson));
  const widget = page.locator('.mw-lesson-scenario').first().locator('.mw-widget[data-widget="session-simulator"]');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-hydrated', '');
  const next = widget.getByRole('button', { name: 'Next step' });
  while ((await next.getAttribute('aria-disabled')) !== 'true') await next.click();

  const quiz = page.locator('[data-quiz]').first();
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-hydrated', '');
  for (;;) {
    await quiz.getByRole('radio').first().check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    const onward = quiz.getByRole('button', { name: /Next question|See your score/ });
    const last = (await onward.textContent())?.includes('See your score');
    await onward.click();
    if (last) break;
  }
  await expect(quiz.getByRole('heading', { name: /You scored \d+ of \d+/ })).toBeVisible();

  await page.goto('/');
  await expect(status(page, lesson.id)).toHaveText(/^Done: read · 1 of \d+ scenarios? finished · quiz \d+ of \d+$/);
  await expect(page.locator('[data-progress-overall]')).toHaveText(`You have done 1 of ${availableLessons.length} lessons.`);

  await page.getByText('Clear my progress').click();
  await page.getByRole('button', { name: 'Clear it' }).click();
  await expect(page.locator('[data-progress-cleared]')).toHaveText('Your progress on this device is cleared.');
  await expect(status(page, lesson.id)).toHaveText('Not started');
  await page.reload();
  await expect(status(page, lesson.id)).toHaveText('Not started');
});

test('damaged saved progress counts as nothing saved, says so, and the map still works', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('mailwire.progress.v1', '{"v":1,"lessons":');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  await expect(page.locator('[data-progress-note]')).toHaveText(/could not be read, so it counts as nothing saved/);
  for (const l of availableLessons) await expect(status(page, l.id)).toHaveText('Not started');
  await page.goto(lessonHref(availableLessons[1]!));
  await page.goto('/');
  await expect(status(page, availableLessons[1]!.id)).toHaveText(/^Started: read/);
  await expect(page.locator('[data-progress-note]')).toHaveText(/kept in this browser only/);
});

test('a browser that blocks storage is told that nothing is saved', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(lessonHref(availableLessons[0]!));
  await page.goto('/');
  await expect(page.locator('[data-progress-note]')).toHaveText(/does not let Mailwire save anything here/);
  await expect(status(page, availableLessons[0]!.id)).toHaveText('Not started');
  await expect(page.getByText('Clear my progress')).toBeHidden();
});
