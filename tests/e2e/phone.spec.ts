import { test, expect } from '@playwright/test';
import { availableLessons, lessonHref } from '../../src/content/course.ts';
import { axeViolations } from './axe.ts';

test.describe('on a 360 px phone', () => {
  // Issue 11, point 8 (changed on purpose): the fact tables no longer scroll sideways on a phone; each row is a card.
  test('the comparison page never scrolls sideways; its tables become cards inside their regions', async ({ page }) => {
    await page.goto('/compare/');
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(width[0]).toBeLessThanOrEqual(width[1]!);
    const regions = page.getByRole('region', { name: /compare|ports/i });
    await expect(regions).toHaveCount(2);
    for (const region of await regions.all()) expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  // The quiz page's options table still scrolls in its region; the fact tables on /compare/ reflow instead.
  test('a table region takes keyboard focus and scrolls with the arrow keys', async ({ page }) => {
    await page.goto('/quiz/');
    const region = page.getByRole('region', { name: "Options in the quiz page's address" });
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });

  test('the menu button opens the navigation, and Escape closes it', async ({ page }) => {
    await page.goto('/scenarios/');
    const sidebar = page.locator('#starlight__sidebar');
    await expect(sidebar).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(sidebar).toBeVisible();
    await expect(sidebar.getByRole('link', { name: 'Compare the protocols' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sidebar).toBeHidden();
  });

  test('the simulator fits the phone, works, and passes axe once hydrated', async ({ page }) => {
    await page.goto('/scenarios/smtp-submission-587/');
    const widget = page.locator('.mw-widget[data-widget="session-simulator"]');
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-hydrated', '');
    for (let i = 0; i < 5; i++) await widget.getByRole('button', { name: 'Next step' }).click();
    await expect(widget.getByRole('log')).toContainText('235 2.7.0');
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(inner!);
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
  });

  test('the two-devices widget stacks on the phone and passes axe once hydrated', async ({ page }) => {
    await page.goto('/devices/');
    const widget = page.locator('[data-two-devices]');
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-hydrated', '');
    await page.getByRole('button', { name: 'Check mail on the laptop' }).click();
    await expect(page.getByRole('heading', { name: /Messages on this laptop/ })).toBeVisible();
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(inner!);
    expect(await axeViolations(page, '[data-two-devices]')).toEqual([]);
  });

  test('the quiz fits the phone in every state and passes axe', async ({ page }) => {
    await page.goto('/quiz/?count=1&seed=3');
    const quiz = page.locator('[data-quiz]');
    await quiz.scrollIntoViewIfNeeded();
    await expect(quiz).toHaveAttribute('data-hydrated', '');
    const fits = async () => {
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll).toBeLessThanOrEqual(inner!);
      expect(await axeViolations(page, '[data-quiz]')).toEqual([]);
    };
    await fits();
    await quiz.getByRole('radio').first().check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status')).toContainText('The answer is:');
    await fits();
    await quiz.getByRole('button', { name: 'See your score' }).click();
    await expect(quiz.getByRole('heading', { name: /You scored \d of 1/ })).toBeVisible();
    await fits();
  });

  for (const path of ['/', '/compare/', '/no-such-page/', '/playground/', '/scenarios/imap-idle/', '/devices/', '/quiz/', ...availableLessons.map(lessonHref)]) {
    test(`${path} fits the screen`, async ({ page }) => {
      await page.goto(path);
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll).toBeLessThanOrEqual(inner!);
    });
  }
});
