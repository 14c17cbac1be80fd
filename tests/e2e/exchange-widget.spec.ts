/**
 * The Exchange widget end to end, by keyboard, against the engine in the browser (/test/exchange/, which starts on
 * Exchange Online): sign in through the identity platform, list mail with Graph, switch to Exchange Server SE and
 * run EWS FindItem; explanations open from the keyboard; axe clean in light and dark and at 360 px with no sideways
 * scrolling; the engine downloads on intent, not on load.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';

const widget = (page: Page) => page.locator('.mw-widget[data-widget="exchange-simulator"]');
const log = (page: Page) => widget(page).getByRole('log');
const lastResponse = (page: Page) => log(page).locator('.row[data-http="response"]').last();

async function open(page: Page, path = '/test/exchange/') {
  await page.goto(path);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
}

/** Moves a focused select to the option with this value by arrow keys, as a keyboard user does. */
async function chooseByKeyboard(select: Locator, value: string) {
  await select.focus();
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const from = values.indexOf(await select.inputValue());
  const to = values.indexOf(value);
  expect(to).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < Math.abs(to - from); i += 1) await select.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await expect(select).toHaveValue(value);
}

/** From the endpoint list, Tab through method, path, headers and body to "Send request", and press Enter. */
async function sendByKeyboard(page: Page) {
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab');
  await expect(widget(page).getByRole('button', { name: 'Send request' })).toBeFocused();
  await page.keyboard.press('Enter');
}

test('by keyboard: sign in on Exchange Online, list mail with Graph; on Exchange Server SE, EWS FindItem', async ({ page }) => {
  await open(page);
  // Nothing of the engine before the learner reaches for the widget.
  await expect(widget(page).locator('[data-engine]')).toHaveCount(0);
  const signIn = widget(page).getByRole('button', { name: 'Sign in as alice' });
  await signIn.focus();
  await page.keyboard.press('Enter');
  await expect(widget(page).getByRole('button', { name: 'Signed in as alice' })).toBeVisible();
  await expect(log(page).locator('.row[data-http="response"][data-status="200"]')).toHaveCount(4);
  await expect(log(page)).toContainText('https://microsoft.test/devicelogin');

  const endpoint = widget(page).getByRole('combobox', { name: 'Endpoint' });
  await chooseByKeyboard(endpoint, 'graph-messages');
  await sendByKeyboard(page);
  await expect(lastResponse(page)).toHaveAttribute('data-status', '200');
  await expect(lastResponse(page).locator('.body')).toContainText('"@odata.nextLink"');
  const next = lastResponse(page).getByRole('button', { name: '@odata.nextLink' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(lastResponse(page).getByRole('note')).toContainText('The next page');
  await page.keyboard.press('Escape');
  await expect(lastResponse(page).getByRole('note')).toHaveCount(0);
  await expect(next).toBeFocused();

  const online = widget(page).getByRole('radio', { name: 'Exchange Online' });
  await online.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(widget(page).getByRole('radio', { name: 'Exchange Server SE' })).toBeChecked();
  await expect(log(page)).toContainText('Now addressing Exchange Server SE');
  await widget(page).getByRole('button', { name: 'Sign in as alice' }).focus();
  await page.keyboard.press('Enter');
  await chooseByKeyboard(endpoint, 'ews-finditem');
  await expect(widget(page).getByRole('textbox', { name: /Header fields/ })).toHaveValue(/Authorization: Basic /);
  await sendByKeyboard(page);
  await expect(lastResponse(page)).toHaveAttribute('data-status', '200');
  await expect(lastResponse(page).locator('.body')).toContainText('<m:FindItemResponseMessage ResponseClass="Success">');
  await expect(lastResponse(page).getByRole('button', { name: 'NoError' })).toBeVisible();
  expect(await axeViolations(page, '.mw-widget')).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the ${theme} theme, with messages and an explanation open`, async ({ page }) => {
    await useTheme(page, theme);
    await open(page);
    await widget(page).getByRole('button', { name: 'Sign in as alice' }).click();
    await expect(log(page).locator('.row[data-http="response"]')).toHaveCount(4);
    await lastResponse(page).getByRole('button', { name: '200' }).click();
    await expect(lastResponse(page).getByRole('note')).toBeVisible();
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
  });
}

test('at 360 px: no sideways scrolling, even with an EWS answer and a long token; axe clean', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page);
  await widget(page).getByRole('button', { name: 'Sign in as alice' }).click();
  await expect(widget(page).getByRole('button', { name: 'Signed in as alice' })).toBeVisible();
  await widget(page).getByRole('combobox', { name: 'Endpoint' }).selectOption('ews-finditem');
  await widget(page).getByRole('button', { name: 'Send request' }).click();
  await expect(lastResponse(page)).toHaveAttribute('data-status', '200');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await axeViolations(page, '.mw-widget')).toEqual([]);
});

test('the lesson on Exchange has the widget in free mode, and the embed starts on the deployment its address names', async ({ page }) => {
  await open(page, '/lessons/exchange/');
  await expect(widget(page).getByRole('radio', { name: 'Exchange Server SE' })).toBeChecked();
  await expect(widget(page).getByRole('combobox', { name: 'Endpoint' })).toHaveValue('autodiscover-pox');
  await page.goto('/embed/exchange/?deployment=online');
  await expect(page.getByRole('radio', { name: 'Exchange Online' })).toBeChecked();
  await expect(page.locator('[data-exchange-simulator]')).toHaveAttribute('data-deployment', 'online');
  expect(await axeViolations(page, '.mw-widget')).toEqual([]);
});

for (const width of [1280, 360]) {
  test(`at ${width} px the widget is as tall before hydration as after (the server renders its first screen)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const island = /\/_astro\/ExchangeSimulator\.[^/]*\.js$/;
    await page.route(island, (route) => route.abort());
    await page.goto('/test/exchange/');
    const holder = widget(page);
    await holder.scrollIntoViewIfNeeded();
    const before = (await holder.boundingBox())!.height;
    await expect(holder).not.toHaveAttribute('data-hydrated');
    await page.unroute(island);
    await open(page);
    const after = (await holder.boundingBox())!.height;
    expect(before).toBeGreaterThan(300);
    expect(Math.abs(after - before), `${before} px before hydration, ${after} px after`).toBeLessThanOrEqual(2);
  });
}

test('under reduced motion the log jumps to the newest answer, and the answer is in the polite log', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  await expect(log(page)).toHaveAttribute('aria-live', 'polite');
  await widget(page).getByRole('button', { name: 'Sign in as alice' }).click();
  await expect(log(page).locator('.row[data-http="response"]')).toHaveCount(4);
  // Once the newest answer is drawn in full, the log is at its end at once (no smooth scrolling to wait for).
  await expect(lastResponse(page).locator('.body')).toContainText('access_token');
  const gap = await log(page).evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);
  expect(gap).toBeLessThanOrEqual(2);
});

test('an Exchange scenario has its page: the list links it, Next step by keyboard plays it on the engine, axe is clean', async ({ page }) => {
  await page.goto('/scenarios/');
  const link = page.locator('#scenarios-exchange ~ ul a[href="/scenarios/exchange-autodiscover/"]');
  await expect(link).toHaveCount(1);
  await open(page, '/scenarios/exchange-autodiscover/');
  const next = widget(page).getByRole('button', { name: 'Next step' });
  // Step 1 reaches the domain root, where nothing answers; step 2 gets autodiscover.example.test's 401.
  await next.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(lastResponse(page)).toContainText('401');
  await expect(page.locator('#exchange-autodiscover-transcript')).toHaveText('Annotated transcript');
  expect(await axeViolations(page)).toEqual([]);
});
