/**
 * Predict the reply, as a learner uses it by keyboard: open the panel, predict right and wrong in an SMTP and an
 * IMAP scenario, see the real reply and why, find the count on the course map after a reload; the teacher's
 * required mode holds "Next step" until a prediction; axe at every state, in both themes.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';

const widget = (page: Page) => page.locator('.mw-widget[data-widget="session-simulator"]');
const panel = (page: Page) => widget(page).getByRole('region', { name: 'Predict the reply' });
const log = (page: Page) => widget(page).getByRole('log');

async function openScenario(page: Page, id: string) {
  await page.goto(`/scenarios/${id}/`);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
  await expect(log(page)).toBeVisible();
}

/** Picks `token` by keyboard: arrow keys from the focused first radio to it, then Tab to Check and Enter. */
async function predict(page: Page, token: string) {
  const radios = panel(page).getByRole('radio');
  await expect(radios.first()).toBeFocused();
  const values = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values).toContain(token);
  // Arrow keys move and select within a radio group; the first press from an unchecked group selects the next one.
  await page.keyboard.press('Space');
  for (let i = 0; i < values.indexOf(token); i++) await page.keyboard.press('ArrowDown');
  await expect(panel(page).getByRole('radio', { name: new RegExp(`^${literal(token)} `) })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(panel(page).getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
}

/** `text` as a regular expression source that matches it literally. */
const literal = (text: string) => text.replace(/[+()]/g, '\\$&');

/** Presses a button by keyboard. */
async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

const cases = [
  // SMTP on 587: EHLO gets 250; MAIL before STARTTLS gets 530, not the 250 a learner may expect.
  { protocol: 'SMTP', id: 'smtp-submission-587', right: '250', reply: '250-', wrong: '250', real: '530' },
  // IMAP: a wrong password gets NO; AUTHENTICATE gets a "+" continuation first, not OK.
  { protocol: 'IMAP', id: 'imap-first-session', right: 'NO', reply: 'a1 NO', wrong: 'OK', real: '+' },
];

for (const c of cases) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${c.protocol}: predicts right and wrong by keyboard, then the count shows on the course map (${theme})`, async ({ page }) => {
      // Many steps, four axe runs and two pages: more than the default 30 s when the machine is busy.
      test.slow();
      await useTheme(page, theme);
      await openScenario(page, c.id);
      const toggle = widget(page).getByRole('button', { name: 'Predict replies' });
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      await press(toggle);
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expect(panel(page).getByRole('group', { name: /^What will the server answer to/ })).toBeVisible();
      // The reply is not shown before the prediction.
      await expect(widget(page).getByText(/^Greeting \(step 0 of/)).toBeVisible();
      expect(await axeViolations(page, '.mw-widget')).toEqual([]);

      await predict(page, c.right);
      await expect(widget(page).getByText(/^Step 1 of/)).toBeVisible();
      await expect(log(page)).toContainText(c.reply);
      await expect(panel(page).locator('[data-result="right"]')).toContainText('Right');
      await expect(panel(page).locator('[aria-live="polite"]')).toHaveText(new RegExp(`^Right: the server answered ${literal(c.right)} \\(`));
      // Focus went on to the next question.
      await expect(panel(page).getByRole('radio').first()).toBeFocused();
      expect(await axeViolations(page, '.mw-widget')).toEqual([]);

      await predict(page, c.wrong);
      await expect(widget(page).getByText(/^Step 2 of/)).toBeVisible();
      const result = panel(page).locator('[data-result="wrong"]');
      await expect(result).toContainText(`you predicted ${c.wrong}`);
      await expect(result).toContainText(`the server answered ${c.real}`);
      await expect(panel(page).locator('[aria-live="polite"]')).toHaveText(new RegExp(`^Not this time: you predicted ${literal(c.wrong)} \\(.*\\); the server answered ${literal(c.real)} \\(`));
      expect(await axeViolations(page, '.mw-widget')).toEqual([]);

      // "Just show me": Next step plays the rest without predictions.
      const next = widget(page).getByRole('button', { name: 'Next step' });
      while ((await next.getAttribute('aria-disabled')) !== 'true') await press(next);
      await expect(panel(page)).toContainText('You predicted 1 of 2 replies right in this scenario.');
      expect(await axeViolations(page, '.mw-widget')).toEqual([]);

      await page.goto('/');
      await page.reload();
      const line = page.locator(`[data-course-map] li[data-scenarios~="${c.id}"] [data-lesson-status]`).first();
      await expect(line).toContainText('1 of 2 replies predicted right');
    });
  }
}

/** The scenario page with the widget's predict prop set as a teacher would (the embed's URL will do this later). */
async function openRequired(page: Page, id: string) {
  await page.route(`**/scenarios/${id}/`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('&quot;predict&quot;:[0]', '&quot;predict&quot;:[0,&quot;required&quot;]');
    await route.fulfill({ response, body: html });
  });
  await openScenario(page, id);
}

for (const theme of ['light', 'dark'] as const) {
  test(`required predictions: Next step, Alt+Right and Play wait until a prediction is checked (${theme})`, async ({ page }) => {
    test.slow();
    await useTheme(page, theme);
    await openRequired(page, 'imap-first-session');
    const next = widget(page).getByRole('button', { name: 'Next step' });
    await expect(panel(page)).toBeVisible();
    await expect(widget(page).getByRole('button', { name: 'Predict replies' })).toHaveCount(0);
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    await expect(next).toHaveAccessibleDescription(/Next step waits for it/);
    await expect(widget(page).getByRole('button', { name: 'Play' })).toHaveAttribute('aria-disabled', 'true');
    await press(next);
    await page.keyboard.press('Alt+ArrowRight');
    await expect(widget(page).getByText(/^Greeting \(step 0 of/)).toBeVisible();
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);

    // Check with nothing chosen says so, and stays.
    await press(panel(page).getByRole('button', { name: 'Check' }));
    await expect(panel(page).getByText('Choose a reply first.')).toBeVisible();
    await expect(panel(page).getByRole('radio').first()).toBeFocused();
    await expect(widget(page).getByText(/^Greeting \(step 0 of/)).toBeVisible();
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);

    await predict(page, 'OK');
    await expect(widget(page).getByText(/^Step 1 of/)).toBeVisible();
    await expect(panel(page).locator('[data-result="wrong"]')).toContainText('the server answered NO');
    // The next reply needs a prediction too.
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    await predict(page, 'OK');
    await expect(widget(page).getByText(/^Step 2 of/)).toBeVisible();
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
  });
}

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the open panel fits the screen: no sideways scroll, every choice and Check inside the widget', async ({ page }) => {
    await openScenario(page, 'smtp-submission-587');
    await press(widget(page).getByRole('button', { name: 'Predict replies' }));
    await expect(panel(page).getByRole('radio').first()).toBeFocused();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const frame = await widget(page).boundingBox();
    expect(frame).not.toBeNull();
    for (const control of [...(await panel(page).getByRole('radio').all()), panel(page).getByRole('button', { name: 'Check' })]) {
      // A radio input may be visually replaced by its label: measure the label that holds it, or the control itself.
      const label = control.locator('xpath=ancestor::label[1]');
      const box = (await label.count()) > 0 ? await label.boundingBox() : await control.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(frame!.x - 0.5);
      expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 0.5);
    }
  });
});
