import { test, expect, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';

const widget = (page: Page) => page.locator('.mw-widget[data-widget="session-simulator"]');
const log = (page: Page) => widget(page).getByRole('log');
const lastLine = (page: Page) => log(page).locator('.row').last();

async function openScenario(page: Page, id: string) {
  await page.goto(`/scenarios/${id}/`);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
  await expect(log(page)).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test(`steps through the 587 submission scenario, takes over, and passes axe at every step (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await openScenario(page, 'smtp-submission-587');
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
    const next = widget(page).getByRole('button', { name: 'Next step' });
    // Step 2 is MAIL before TLS: the engine's 530, not text from the scenario file.
    await next.click();
    await next.click();
    await expect(log(page)).toContainText('530 5.7.0 Must issue a STARTTLS command first');
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
    await next.click();
    await expect(widget(page).getByText('Encrypted (STARTTLS)').first()).toBeVisible();
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
    await widget(page).getByRole('button', { name: 'Previous step' }).click();
    await expect(lastLine(page)).toContainText('530 5.7.0');
    await widget(page).getByRole('button', { name: 'Take over' }).click();
    const input = widget(page).getByRole('textbox', { name: /Command/ });
    await expect(input).toBeFocused();
    await input.fill('RCPT TO:<bob@example.test>');
    await input.press('Enter');
    await expect(lastLine(page)).toContainText('503 5.5.1 Error: need MAIL command');
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
  });
}

test('works by keyboard alone: steps, takes over, sends, recalls history, opens an explanation', async ({ page }) => {
  await openScenario(page, 'pop3-stls-vs-995');
  const next = widget(page).getByRole('button', { name: 'Next step' });
  await next.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(widget(page).getByText(/^Step 2 of/)).toBeVisible();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(widget(page).getByText(/^Step 1 of/)).toBeVisible();
  const takeOver = widget(page).getByRole('button', { name: 'Take over' });
  await takeOver.focus();
  await page.keyboard.press('Enter');
  const input = widget(page).getByRole('textbox', { name: /Command/ });
  await expect(input).toBeFocused();
  await page.keyboard.type('STAT');
  await page.keyboard.press('Enter');
  await expect(lastLine(page)).toContainText('-ERR');
  await page.keyboard.press('ArrowUp');
  await expect(input).toHaveValue('STAT');
  // The reply's status is a button that opens the catalogue's explanation.
  const err = log(page).getByRole('button', { name: '-ERR' }).last();
  await err.focus();
  await page.keyboard.press('Enter');
  await expect(err).toHaveAttribute('aria-expanded', 'true');
  await expect(widget(page).getByText('Negative status').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(err).toHaveAttribute('aria-expanded', 'false');
  await expect(err).toBeFocused();
});

test('the playground serves a free IMAP session whose palette follows the server state', async ({ page }) => {
  await page.goto('/playground/imap-993/');
  await widget(page).scrollIntoViewIfNeeded();
  const input = widget(page).getByRole('textbox', { name: /Command/ });
  await expect(input).toBeVisible();
  const palette = widget(page).getByRole('group', { name: /Commands the server accepts/ });
  await expect(palette.getByRole('button', { name: 'LOGIN' })).toBeVisible();
  await input.fill('LOGIN alice wonderland');
  await input.press('Enter');
  await expect(lastLine(page)).toContainText('OK');
  await expect(palette.getByRole('button', { name: 'SELECT' })).toBeVisible();
  await expect(palette.getByRole('button', { name: 'LOGIN' })).toHaveCount(0);
  expect(await axeViolations(page, '.mw-widget')).toEqual([]);
});

test('the on-the-wire view hides what travels inside TLS', async ({ page }) => {
  await openScenario(page, 'smtp-submission-587');
  for (let i = 0; i < 5; i++) await widget(page).getByRole('button', { name: 'Next step' }).click();
  await expect(log(page)).toContainText('AGFsaWNlAHdvbmRlcmxhbmQ=');
  await widget(page).getByRole('button', { name: 'On the wire' }).click();
  await expect(log(page)).not.toContainText('AGFsaWNlAHdvbmRlcmxhbmQ=');
  await expect(log(page)).toContainText('MAIL FROM:<alice@example.test>'); // sent before STARTTLS: readable
  await expect(log(page)).toContainText('simulated ciphertext');
});

test('port 25 blocked: no answer, a reconnect to 587, and take over after a blocked attempt on another port', async ({ page }) => {
  await openScenario(page, 'smtp-trouble-port-25-blocked');
  // The first attempt: an event saying nothing answered, and no server line at all.
  await expect(log(page).locator('.row')).toHaveCount(1);
  await expect(log(page).locator('.row.event')).toContainText('No answer on port 25');
  await expect(log(page).locator('.row.server')).toHaveCount(0);
  expect(await axeViolations(page, '.mw-widget')).toEqual([]);
  await widget(page).getByRole('button', { name: 'Next step' }).click();
  await expect(log(page)).toContainText('New connection to port 587');
  await expect(lastLine(page)).toContainText('220 mail.example.test');
  await expect(widget(page).getByText(/^Port 587:/)).toBeVisible();
  // Back at the blocked attempt, take over: the learner is on port 25 with no connection, and picks 587.
  await widget(page).getByRole('button', { name: 'Previous step' }).click();
  await widget(page).getByRole('button', { name: 'Take over' }).click();
  await expect(widget(page).getByRole('button', { name: 'Reconnect', exact: true })).toBeVisible();
  await expect(widget(page).getByText('The connection is closed.')).toBeVisible();
  expect(await axeViolations(page, '.mw-widget')).toEqual([]);
  await widget(page).getByRole('button', { name: 'Connect to port 587' }).click();
  await expect(lastLine(page)).toContainText('220 mail.example.test');
  const input = widget(page).getByRole('textbox', { name: /Command/ });
  await expect(input).toBeFocused();
  await input.fill('EHLO laptop.example.test');
  await input.press('Enter');
  await expect(log(page)).toContainText('250-STARTTLS');
  expect(await axeViolations(page, '.mw-widget')).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a scenario page shows the static annotated transcript', async ({ page }) => {
    await page.goto('/scenarios/imap-idle/');
    const transcript = page.locator('[data-scenario-transcript="imap-idle"]');
    await expect(transcript).toBeVisible();
    await expect(transcript).toContainText('+ idling');
    await expect(transcript).toContainText('EXISTS');
    await expect(transcript.locator('li').first()).toContainText('Greeting');
    // axe needs JavaScript to run; the same static transcript is checked with JavaScript on in a11y.spec.ts.
  });

  test('a scenario with a blocked port says nothing answered, and shows no server line for it', async ({ page }) => {
    await page.goto('/scenarios/smtp-trouble-port-25-blocked/');
    const first = page.locator('[data-scenario-transcript="smtp-trouble-port-25-blocked"] li').first();
    await expect(first).toContainText('Connection attempt');
    await expect(first).toContainText('[Connection attempt to port 25]');
    await expect(first).toContainText('no server said anything');
    await expect(first.locator('pre')).not.toContainText('S:');
  });

  test('the playground says the live terminal needs JavaScript', async ({ page }) => {
    await page.goto('/playground/');
    await expect(page.getByText(/live SMTP terminal needs JavaScript/)).toBeVisible();
  });
});
