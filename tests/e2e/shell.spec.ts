import { test, expect } from '@playwright/test';
import { availableLessons, lessonHref } from '../../src/content/course.ts';

test.describe('site shell', () => {
  test('the sidebar lists the pages in course order', async ({ page }) => {
    await page.goto('/compare/');
    const links = page.locator('nav[aria-label="Main"] a');
    await expect(links).toHaveText([
      'Overview',
      ...availableLessons.map((l) => l.label),
      'Guided scenarios',
      'Playground',
      'POP3 or IMAP on two devices',
      'Port and encryption quiz',
      'Compare the protocols',
      'For teachers: embed the widgets',
    ]);
    await expect(page.locator('nav[aria-label="Main"] a[aria-current="page"]')).toHaveText('Compare the protocols');
  });

  test('previous and next links follow the sidebar', async ({ page }) => {
    const [first, second, third] = availableLessons;
    await page.goto(lessonHref(second!));
    await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveAttribute('href', lessonHref(first!));
    await expect(page.locator('.pagination-links a[rel="next"]')).toHaveAttribute('href', lessonHref(third!));
    await page.locator('.pagination-links a[rel="next"]').click();
    await expect(page).toHaveURL(new RegExp(`${lessonHref(third!)}$`));
  });

  test('the on-page contents link to the headings', async ({ page }) => {
    await page.goto('/compare/');
    const toc = page.locator('starlight-toc nav');
    await expect(toc.getByRole('link', { name: 'The ports' })).toHaveAttribute('href', '#the-ports');
    await expect(page.locator('h2#the-ports')).toHaveCount(1);
  });

  test('search finds a page by its content', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    const input = page.getByRole('dialog').locator('input.pagefind-ui__search-input');
    // Pagefind's UI loads on first open, which is slow on a busy 2-core machine.
    await expect(input).toBeFocused({ timeout: 15_000 });
    await input.fill('UIDVALIDITY');
    // Pagefind fetches its index and WebAssembly on first use: slow on a busy 2-core machine.
    await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('.pagefind-ui__result-link[href*="/lessons/imap/"]').first()).toBeVisible({ timeout: 15_000 });
  });

  test('Ctrl+K opens search and Escape closes it', async ({ page }) => {
    await page.goto('/scenarios/');
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  });

  test('the search button is named by its visible label', async ({ page }) => {
    await page.goto('/');
    const button = page.locator('button[data-open-modal]');
    await expect(button).toHaveAccessibleName('Search');
    await expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+K');
  });

  test('the theme picker switches to dark and the choice survives a reload', async ({ page }) => {
    await page.goto('/');
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('the first Tab reaches the skip link, which moves to the content', async ({ page }) => {
    await page.goto('/compare/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#_top$/);
  });

  test('the old addresses of the first lessons redirect to them', async ({ page }) => {
    await page.goto('/ports/');
    await expect(page).toHaveURL(/\/lessons\/ports-and-encryption\/$/);
    await page.goto('/transcripts/');
    await expect(page).toHaveURL(/\/lessons\/reading-a-transcript\/$/);
  });

  test('an unknown address gets the 404 page', async ({ page }) => {
    const response = await page.goto('/no-such-lesson/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('This page does not exist');
    await expect(page.getByRole('link', { name: 'Go to the course home' })).toHaveAttribute('href', '/');
  });
});

test.describe('transcript highlighting', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`success and failure codes differ in colour in the ${theme} theme`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto('/lessons/reading-a-transcript/');
      const colour = (text: string) =>
        page.locator('.expressive-code span', { hasText: new RegExp(`^${text}$`) }).first().evaluate((el) => getComputedStyle(el).color);
      const ok = await colour('220');
      const fail = await colour('550');
      expect(ok).not.toBe(fail);
      expect(await colour('\\+OK')).toBe(ok);
      expect(await colour('-ERR')).toBe(fail);
      expect(await colour('NO')).toBe(fail);
    });
  }
});

test.describe('zero JavaScript for fact tables', () => {
  test('the comparison page loads no script beyond those of a page without tables', async ({ page }) => {
    const scripts = async (path: string) => {
      await page.goto(path);
      return page.locator('script[src]').evaluateAll((els) => els.map((e) => e.getAttribute('src')).sort());
    };
    const shell = await scripts('/scenarios/');
    const compare = await scripts('/compare/');
    expect(compare.length).toBeGreaterThan(0);
    expect(compare.filter((src) => !shell.includes(src))).toEqual([]);
  });
});
