import { test, expect, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';

const widget = (page: Page) => page.locator('.mw-widget[data-widget="session-simulator"]');
const picture = (page: Page) => widget(page).getByRole('img', { name: /server states/ });
const input = (page: Page) => widget(page).getByRole('textbox', { name: /Command/ });

async function open(page: Page, path: string) {
  await page.goto(path);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
}

async function send(page: Page, line: string) {
  await input(page).fill(line);
  await input(page).press('Enter');
}

/** The state marked current in the picture, and its box's border width (the mark that is not colour). */
async function current(page: Page) {
  const group = picture(page).locator('g.is-current');
  await expect(group).toHaveCount(1);
  // With reduced motion the border changes at once (no transition), so it reads 3 px right away.
  const [border, motion] = await group.locator('.mw-dg-box').evaluate((el) => [getComputedStyle(el).strokeWidth, getComputedStyle(el).transitionDuration]);
  return { state: await group.getAttribute('data-state'), border, motion, dot: await group.locator('.mw-dg-now').count() };
}

for (const theme of ['light', 'dark'] as const) {
  test(`the state diagram is an SVG in the RFC's words that follows EHLO, login and SELECT (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, '/playground/smtp-587/');
    await expect(picture(page)).toHaveAttribute('aria-label', /^SMTP server states .*Now: connected\.$/);
    expect(await current(page)).toEqual({ state: 'connected', border: '3px', motion: '0s', dot: 1 });
    await send(page, 'EHLO laptop');
    await expect(picture(page)).toHaveAttribute('aria-label', /Now: greeted\.$/);
    expect(await current(page)).toEqual({ state: 'ready', border: '3px', motion: '0s', dot: 1 });
    await expect(picture(page).locator('g.is-last')).toHaveAttribute('data-from', 'connected');
    await expect(widget(page).getByText('State: greeted. Last: connected → greeted on EHLO.')).toBeVisible();
    await widget(page).getByText('The states in words').click();
    await expect(widget(page).getByText('(the session is here now)')).toBeVisible();
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);

    await open(page, '/playground/pop3-995/');
    await expect(picture(page)).toHaveAttribute('aria-label', /^POP3 server states \(RFC 1939 §3\)\. Now: AUTHORIZATION\.$/);
    await send(page, 'USER alice');
    await send(page, 'PASS wonderland');
    await expect(picture(page)).toHaveAttribute('aria-label', /Now: TRANSACTION\.$/);
    expect((await current(page)).state).toBe('transaction');
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);

    await open(page, '/playground/imap-993/');
    await expect(picture(page)).toHaveAttribute('aria-label', /Now: Not Authenticated\.$/);
    await send(page, 'LOGIN alice wonderland');
    await expect(picture(page)).toHaveAttribute('aria-label', /Now: Authenticated\.$/);
    await send(page, 'SELECT INBOX');
    await expect(picture(page)).toHaveAttribute('aria-label', /Now: Selected\.$/);
    expect(await current(page)).toEqual({ state: 'selected', border: '3px', motion: '0s', dot: 1 });
    await expect(picture(page).locator('g.is-last')).toHaveAttribute('data-to', 'selected');
    await expect(widget(page).getByText('State: Selected. Last: Authenticated → Selected on SELECT.')).toBeVisible();
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
  });
}

test('the state diagram fits a 360 px phone at its own size', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/playground/smtp-587/', '/playground/pop3-995/', '/playground/imap-993/']) {
    await open(page, path);
    const { drawn, own, overflow } = await picture(page).evaluate((svg) => ({
      drawn: svg.getBoundingClientRect().width,
      own: (svg as SVGSVGElement).viewBox.baseVal.width,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    // Drawn at (nearly) its own size, its 12 px labels stay at least 11.5 px; and the page never scrolls sideways.
    expect(drawn / own, path).toBeGreaterThanOrEqual(11.5 / 12);
    expect(overflow, path).toBe(0);
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`a long session keeps 200 rows drawn, unfolds earlier lines, and copies every line (${theme})`, async ({ page, context }) => {
    // Hundreds of commands on a shared machine: a generous ceiling, not a timing target.
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await useTheme(page, theme);
    await open(page, '/playground/pop3-995/');
    await send(page, 'USER alice');
    await send(page, 'PASS wonderland');
    await expect(widget(page).getByRole('log')).toContainText('+OK Logged in.');
    // 250 commands typed from inside the page: the form is driven as Enter drives it, without a round trip each.
    await page.evaluate(async () => {
      const field = document.querySelector<HTMLInputElement>('.mw-sim input[type="text"]')!;
      const log = document.querySelector('.mw-sim [role="log"]')!;
      for (let i = 0; i < 250; i++) {
        const before = log.lastElementChild;
        field.value = 'NOOP';
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.form!.requestSubmit();
        while (log.lastElementChild === before) await new Promise((r) => setTimeout(r));
      }
    });
    const log = widget(page).getByRole('log');
    await expect(log.locator('.row')).toHaveCount(200);
    await expect(log).toHaveAttribute('aria-live', 'polite');
    const earlier = widget(page).getByRole('button', { name: /^Show 200 earlier lines \(306 not shown\)$/ });
    await expect(earlier).toBeVisible();
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
    await earlier.click();
    await expect(log.locator('.row')).toHaveCount(400);
    await expect(log).toHaveAttribute('aria-live', 'polite');
    await widget(page).getByRole('button', { name: 'Copy transcript' }).click();
    await expect(widget(page).getByText('Transcript copied (506 lines).')).toBeVisible();
    const copied = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(copied.filter((l) => l === 'C: NOOP')).toHaveLength(250);
  });
}
