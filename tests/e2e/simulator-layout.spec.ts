/**
 * The simulator on a 360 px phone, measured: Send keeps the widget's padding, and the encrypted marker is an icon
 * (named for screen readers) instead of a word that took 40% of each line. Also the end of a guided scenario: its
 * summary and the next step, by keyboard, axe-clean in both themes.
 */
import { test, expect, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';

const widget = (page: Page) => page.locator('.mw-widget[data-widget="session-simulator"]');
const log = (page: Page) => widget(page).getByRole('log');

async function open(page: Page, path: string) {
  await page.goto(path);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
}

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return b;
}

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const path of ['/playground/imap-993/', '/playground/smtp-587/']) {
    test(`${path}: Send keeps at least 8 px from the widget's border`, async ({ page }) => {
      await open(page, path);
      const sim = await box(page, '.mw-sim');
      const send = await widget(page).getByRole('button', { name: 'Send', exact: true }).boundingBox();
      expect(send).not.toBeNull();
      expect(sim.x + sim.width - (send!.x + send!.width)).toBeGreaterThanOrEqual(8);
      const input = await widget(page).getByRole('textbox', { name: /Command/ }).boundingBox();
      expect(input!.x).toBeGreaterThanOrEqual(sim.x + 8);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  }

  test('an encrypted line spends at most 10% of its width on the marker, keeps one row, and says "encrypted" to screen readers', async ({ page }) => {
    await open(page, '/playground/imap-993/');
    const input = widget(page).getByRole('textbox', { name: /Command/ });
    await input.fill('NOOP');
    await input.press('Enter');
    const row = log(page).locator('.row.server.encrypted').last();
    await expect(row).toContainText('OK NOOP completed.');
    const rowBox = (await row.boundingBox())!;
    const lock = (await row.locator('.lock').boundingBox())!;
    expect(lock.width / rowBox.width).toBeLessThanOrEqual(0.1);
    const text = (await row.locator('.text').boundingBox())!;
    // The text starts on the marker's line, not on a row of its own under it.
    expect(Math.abs(text.y - lock.y)).toBeLessThan(lock.height);
    await expect(row.locator('.lock')).toContainText('encrypted');
    await expect(row.locator('.lock .mw-vh')).toHaveText('encrypted');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`a guided scenario ends with its summary, its lesson and the next scenario (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await open(page, '/scenarios/smtp-submission-587/');
    const next = widget(page).getByRole('button', { name: 'Next step' });
    await next.focus();
    while ((await next.getAttribute('aria-disabled')) !== 'true') await page.keyboard.press('Enter');
    const end = widget(page).getByRole('region', { name: 'Scenario complete' });
    await expect(end).toContainText('The server insists on TLS before it accepts a password or a message');
    await expect(end.getByRole('link', { name: /^Lesson \d+: / })).toHaveAttribute('href', /^\/lessons\//);
    const nextScenario = end.getByRole('link').last();
    await expect(nextScenario).toHaveAttribute('href', /^\/scenarios\/[a-z0-9-]+\/$/);
    await expect(widget(page).getByRole('status').filter({ hasText: /^Scenario complete: all \d+ steps played\.$/ })).toHaveCount(1);
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
    // The next scenario is a plain link: Enter follows it.
    const href = await nextScenario.getAttribute('href');
    await nextScenario.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });
}

test('on a lesson page the end of a scenario leads on to the next scenario, not back to the same lesson', async ({ page }) => {
  await page.goto('/lessons/smtp/');
  const first = page.locator('.mw-widget[data-widget="session-simulator"]').first();
  await first.scrollIntoViewIfNeeded();
  await expect(first).toHaveAttribute('data-hydrated', '');
  const next = first.getByRole('button', { name: 'Next step' });
  while ((await next.getAttribute('aria-disabled')) !== 'true') await next.click();
  const end = first.getByRole('region', { name: 'Scenario complete' });
  await expect(end.getByRole('link', { name: /Lesson \d+: SMTP/ })).toHaveCount(0);
  await expect(end.getByRole('link')).not.toHaveCount(0);
});
