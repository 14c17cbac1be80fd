/**
 * The playground's mail world, one per browser tab: a message sent on the SMTP page is read on the POP3 and IMAP
 * pages of the same tab; "Reset the mailboxes" empties it; a new tab starts fresh; a damaged saved world or blocked
 * storage is said in words and never breaks the page.
 */
import { test, expect, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';

const widget = (page: Page) => page.locator('.mw-widget[data-widget="session-simulator"]');
const log = (page: Page) => widget(page).getByRole('log');
const lastLine = (page: Page) => log(page).locator('.row').last();
const mailboxes = (page: Page) => page.getByRole('region', { name: /Mailboxes of this tab/ });

async function openServer(page: Page, slug: string) {
  await page.goto(`/playground/${slug}/`);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
}

/** Sends each line and waits until the transcript has grown past it. */
async function type(page: Page, ...lines: string[]) {
  const input = widget(page).getByRole('textbox', { name: /Command/ });
  for (const line of lines) {
    const rows = await log(page).locator('.row').count();
    await input.fill(line);
    await input.press('Enter');
    await expect(log(page).locator('.row')).not.toHaveCount(rows);
  }
}

/** On 587: EHLO, STARTTLS (the simulated handshake), EHLO again, AUTH PLAIN as bob, then one message to alice. */
async function sendToAlice(page: Page, subject: string) {
  await openServer(page, 'smtp-587');
  await type(page, 'EHLO laptop.example.test', 'STARTTLS');
  await expect(log(page)).toContainText('TLS handshake on the same connection');
  await type(page, 'EHLO laptop.example.test', 'AUTH PLAIN AGJvYgBidWlsZGVy');
  await expect(lastLine(page)).toContainText('235 2.7.0');
  await type(page, 'MAIL FROM:<bob@example.test>', 'RCPT TO:<alice@example.test>', 'DATA');
  await expect(lastLine(page)).toContainText('354');
  await type(page, 'From: Bob <bob@example.test>', 'To: Alice <alice@example.test>', `Subject: ${subject}`, '', 'Sent from the SMTP page.', '.');
  await expect(lastLine(page)).toContainText('250 2.0.0 Ok: queued as');
  await type(page, 'QUIT');
}

/** On 143: STARTTLS, LOGIN as alice, SELECT INBOX; the transcript then says how many messages exist. */
async function selectAliceInbox(page: Page) {
  await openServer(page, 'imap-143');
  await type(page, 'STARTTLS', 'LOGIN alice wonderland', 'SELECT INBOX');
  await expect(lastLine(page)).toContainText('OK [READ-WRITE]');
}

test('a message sent on the SMTP page is read on the POP3 and IMAP pages of the same tab', async ({ page }) => {
  test.slow(); // three pages, three sessions
  await sendToAlice(page, 'Sent across pages');
  await openServer(page, 'pop3-995');
  await type(page, 'USER alice', 'PASS wonderland', 'STAT');
  await expect(lastLine(page)).toContainText('+OK 4 ');
  await type(page, 'TOP 4 0');
  await expect(log(page)).toContainText('Subject: Sent across pages');
  await type(page, 'QUIT');
  await selectAliceInbox(page);
  await expect(log(page)).toContainText('* 4 EXISTS');
  await type(page, 'FETCH 4 BODY.PEEK[HEADER.FIELDS (SUBJECT)]');
  await expect(log(page)).toContainText('Subject: Sent across pages');
});

test('"Reset the mailboxes" asks, empties the tab\'s world, announces it and starts a new connection', async ({ page }) => {
  test.slow(); // three pages and two sessions on a machine shared with other test runs
  await sendToAlice(page, 'Soon gone');
  await selectAliceInbox(page);
  await expect(log(page)).toContainText('* 4 EXISTS');
  const reset = mailboxes(page).getByRole('button', { name: 'Reset the mailboxes' });
  await reset.focus();
  await page.keyboard.press('Enter');
  const yes = mailboxes(page).getByRole('button', { name: 'Yes, reset the mailboxes' });
  await expect(yes).toBeFocused();
  // Cancel goes back to the button and changes nothing.
  await mailboxes(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(reset).toBeFocused();
  await reset.click();
  await page.keyboard.press('Enter');
  await expect(mailboxes(page).getByRole('status').filter({ hasText: 'The mailboxes are reset' })).toBeVisible();
  await expect(widget(page).getByRole('textbox', { name: /Command/ })).toBeFocused();
  await expect(log(page)).not.toContainText('EXISTS');
  await type(page, 'STARTTLS', 'LOGIN alice wonderland', 'SELECT INBOX');
  await expect(log(page)).toContainText('* 3 EXISTS');
  // Kept across pages: the next page of the tab finds the fresh world too.
  await selectAliceInbox(page);
  await expect(log(page)).toContainText('* 3 EXISTS');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the mailboxes panel passes axe asking, confirming and after a reset, with a note (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('damaged-once')) {
        sessionStorage.setItem('damaged-once', '1');
        sessionStorage.setItem('mailwire.world.v1', 'not a world');
      }
    });
    await openServer(page, 'pop3-995');
    await type(page, 'CAPA');
    await expect(mailboxes(page)).toContainText('could not be used');
    expect(await axeViolations(page, '.mw-mailboxes')).toEqual([]);
    await mailboxes(page).getByRole('button', { name: 'Reset the mailboxes' }).click();
    expect(await axeViolations(page, '.mw-mailboxes')).toEqual([]);
    await mailboxes(page).getByRole('button', { name: 'Yes, reset the mailboxes' }).click();
    await expect(mailboxes(page).getByRole('status').filter({ hasText: 'The mailboxes are reset' })).toBeVisible();
    await expect(mailboxes(page)).not.toContainText('could not be used');
    expect(await axeViolations(page, '.mw-mailboxes')).toEqual([]);
    expect(await axeViolations(page, '.mw-widget')).toEqual([]);
  });
}

test('a new tab starts with fresh mailboxes', async ({ page, context }) => {
  test.slow();
  await sendToAlice(page, 'Only in the first tab');
  const other = await context.newPage();
  await selectAliceInbox(other);
  await expect(log(other)).toContainText('* 3 EXISTS');
  await selectAliceInbox(page);
  await expect(log(page)).toContainText('* 4 EXISTS');
});

test('a damaged saved world is replaced by fresh mailboxes, and the page says so', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('damaged-once')) {
      sessionStorage.setItem('damaged-once', '1');
      sessionStorage.setItem('mailwire.world.v1', '{"version":1,"world":{"users":');
    }
  });
  await selectAliceInbox(page);
  await expect(log(page)).toContainText('* 3 EXISTS');
  await expect(mailboxes(page)).toContainText('The mailboxes saved in this tab could not be used: the saved mailboxes are damaged (not valid JSON)');
  expect(errors).toEqual([]);
});

test('before the learner types, a reset forgets the saved world: the engine then starts fresh', async ({ page }) => {
  await sendToAlice(page, 'Forgotten unseen');
  await openServer(page, 'imap-143');
  // Nothing typed yet: the engine (and the tab's world) has not loaded; the reset clears the saved copy.
  await mailboxes(page).getByRole('button', { name: 'Reset the mailboxes' }).click();
  await mailboxes(page).getByRole('button', { name: 'Yes, reset the mailboxes' }).click();
  await expect(mailboxes(page).getByRole('status').filter({ hasText: 'The mailboxes are reset' })).toBeVisible();
  await type(page, 'STARTTLS', 'LOGIN alice wonderland', 'SELECT INBOX');
  await expect(log(page)).toContainText('* 3 EXISTS');
});

test('without JavaScript the panel offers no button that would do nothing', async ({ browser }, info) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: info.project.use.baseURL });
  const page = await context.newPage();
  await page.goto('/playground/smtp-587/');
  await expect(mailboxes(page)).toContainText('Every playground page in this tab shares them');
  await expect(mailboxes(page).getByRole('button')).toHaveCount(0);
  await context.close();
});

test('with storage blocked the playground works on an in-memory world and says the mailboxes stay on this page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await selectAliceInbox(page);
  await expect(log(page)).toContainText('* 3 EXISTS');
  await expect(mailboxes(page)).toContainText('the mailboxes live on this page only');
  expect(errors).toEqual([]);
});

test('guided scenarios keep their own world: a message sent in the playground never shows in one', async ({ page }) => {
  await sendToAlice(page, 'Not in the scenario');
  await page.goto('/scenarios/imap-login-read/');
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
  const next = widget(page).getByRole('button', { name: 'Next step' });
  while ((await next.getAttribute('aria-disabled')) !== 'true') await next.click();
  await expect(log(page)).not.toContainText('4 EXISTS');
  await expect(mailboxes(page)).toHaveCount(0);
});
