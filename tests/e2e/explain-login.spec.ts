/**
 * Issue 11, points 3 and 5, as a learner meets them in the playground: AUTH LOGIN's challenges read decoded, the
 * log-in helper (keyboard only) builds the lines that log alice in, and the explanation under the transcript says
 * what a reply means in its context. axe in both themes with the helper open and a contextual note showing.
 */
import { test, expect, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';

const widget = (page: Page) => page.locator('.mw-widget[data-widget="session-simulator"]');
const log = (page: Page) => widget(page).getByRole('log');
const lastLine = (page: Page) => log(page).locator('.row').last();
const input = (page: Page) => widget(page).getByRole('textbox', { name: /Command to send/ });
const note = (page: Page) => widget(page).locator('.explain');

async function open(page: Page, path: string) {
  await page.goto(path);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
  await expect(input(page)).toBeVisible();
}

async function send(page: Page, line: string, reply: string | RegExp) {
  await input(page).fill(line);
  await input(page).press('Enter');
  await expect(log(page).locator('.row.server').last()).toContainText(reply);
}

test('the 503 after STARTTLS says "say EHLO again", and AUTH LOGIN reads "Username:" decoded', async ({ page }) => {
  await open(page, '/playground/smtp-587/');
  await send(page, 'EHLO laptop.example', '250 LIMITS');
  await send(page, 'STARTTLS', '220 2.0.0');
  await send(page, 'AUTH LOGIN', '503 5.5.1 Error: send HELO/EHLO first');
  await expect(note(page).locator('[data-rule]')).toHaveAttribute('data-rule', 'smtp-503-ehlo-after-starttls');
  await expect(note(page)).toContainText('Say EHLO again.');
  await expect(note(page)).toContainText('(RFC 3207 §4.2)');
  await send(page, 'EHLO laptop.example', '250 LIMITS');
  await send(page, 'AUTH LOGIN', '334 VXNlcm5hbWU6');
  await expect(lastLine(page).locator('[data-decoded]')).toHaveText('Base64 for “Username:”');
  await expect(note(page)).toContainText('The server asks "Username:" in base64');
  // Plain text where base64 belongs: the server says 501, and the note says why.
  await send(page, 'alice', '501 5.5.2 Cannot decode response');
  await expect(note(page)).toContainText('That was not base64.');
});

test('AUTH on port 25: this port offers no login', async ({ page }) => {
  await open(page, '/playground/smtp-25/');
  await send(page, 'EHLO mx.sender.example', '250 LIMITS');
  await send(page, 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', '503 5.5.1 Error: authentication not enabled');
  await expect(note(page)).toContainText('This port offers no login.');
});

test('POP3: +OK after USER, PASS and DELE explained differently', async ({ page }) => {
  await open(page, '/playground/pop3-995/');
  await send(page, 'USER alice', '+OK');
  await expect(note(page)).toContainText('Name noted: now PASS.');
  await send(page, 'PASS wonderland', '+OK Logged in.');
  await expect(note(page)).toContainText('Logged in: the TRANSACTION state.');
  await send(page, 'DELE 1', '+OK Marked to be deleted.');
  await expect(note(page)).toContainText('Marked, not yet deleted.');
});

for (const theme of ['light', 'dark'] as const) {
  test(`logs in with the helper by keyboard alone, and passes axe (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await open(page, '/playground/smtp-465/');
    await send(page, 'EHLO laptop.example', '250 LIMITS');
    const summary = widget(page).getByText('Log-in helper (base64)');
    await summary.focus();
    await page.keyboard.press('Enter');
    const user = widget(page).getByRole('textbox', { name: 'User name' });
    await expect(user).toBeVisible();
    await user.focus();
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wonderland');
    await expect(widget(page).getByText('Base64 is an encoding, not encryption')).toBeVisible();
    await expect(widget(page).locator('[data-plain]')).toHaveText('AGFsaWNlAHdvbmRlcmxhbmQ=');
    await expect(widget(page).locator('[data-mechanism="xoauth2"]')).toBeVisible();
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
    const put = widget(page).getByRole('button', { name: /^Put in the command line ?\(PLAIN\)$/ });
    await put.focus();
    await page.keyboard.press('Enter');
    await expect(input(page)).toBeFocused();
    await expect(input(page)).toHaveValue('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    await page.keyboard.press('Enter');
    await expect(log(page).locator('.row.client').last()).toContainText('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    await expect(lastLine(page)).toContainText('235 2.7.0 Authentication successful');
    await expect(note(page)).toContainText('Logged in.');
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
  });
}

test('a guided scenario shows the build-recorded challenges decoded, before any engine download', async ({ page }) => {
  await page.goto('/scenarios/smtp-auth-login/');
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
  const next = widget(page).getByRole('button', { name: 'Next step' });
  const decoded = log(page).locator('[data-decoded]');
  for (let i = 0; i < 12 && (await decoded.count()) < 2; i += 1) await next.click();
  await expect(decoded.first()).toHaveText('Base64 for “Username:”');
  await expect(decoded.nth(1)).toHaveText('Base64 for “Password:”');
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('the open helper fits the width: nothing scrolls sideways', async ({ page }) => {
    await open(page, '/playground/smtp-465/');
    await widget(page).getByText('Log-in helper (base64)').click();
    await widget(page).getByRole('textbox', { name: 'User name' }).fill('alice');
    await widget(page).getByRole('textbox', { name: 'Password' }).fill('wonderland');
    await expect(widget(page).locator('[data-plain]')).toHaveText('AGFsaWNlAHdvbmRlcmxhbmQ=');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const helper = widget(page).locator('details.creds');
    const box = await helper.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  });
});
