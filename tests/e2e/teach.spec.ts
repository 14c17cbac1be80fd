/** /teach/: the builder's preview and snippets, the parameter table from the schema, the hosts, the worksheets. */
import { test, expect } from '@playwright/test';
import { OPTION_FIELDS } from '../../src/embed/option-fields.ts';

test('the builder turns choices into the address, both snippets and the preview', async ({ page }) => {
  await page.goto('/teach/');
  const builder = page.locator('[data-builder]');
  await builder.scrollIntoViewIfNeeded();
  await expect(builder).toHaveAttribute('data-started', '');
  await builder.locator('select[name=widget]').selectOption('quiz');
  await expect(builder.locator('select[name=scenario]')).toBeHidden();
  await builder.getByLabel('Questions').fill('5');
  await builder.getByLabel('Seed (same quiz for everyone)').fill('7');
  await builder.getByLabel('reply-class').check();
  await builder.getByLabel('Id (names saved progress and events)').fill('week-3');
  const url = 'https://mailwire.example/embed/quiz/?count=5&topics=reply-class&seed=7&id=week-3';
  await expect(builder.locator('[data-url]')).toHaveText(url);
  await expect(builder.locator('[data-snippet="iframe"]')).toHaveValue(
    `<iframe src="${url.replaceAll('&', '&amp;')}" title="Mailwire: Port and encryption quiz" width="100%" height="600" style="border:0;max-width:100%" loading="lazy"></iframe>`,
  );
  await expect(builder.locator('[data-snippet="resizer"]')).toHaveValue(/\n<script src="https:\/\/mailwire\.example\/embed\/resizer\.js" async><\/script>$/);
  const preview = builder.locator('[data-preview]');
  await expect(preview).toHaveAttribute('src', /\/embed\/quiz\/\?count=5&topics=reply-class&seed=7&id=week-3$/);
  const frame = page.frameLocator('[data-preview]');
  await expect(frame.getByRole('heading', { name: 'Port and encryption quiz', level: 1 })).toBeVisible();
  await expect(frame.locator('#mw-embed-messages')).toBeHidden();
});

test('the simulator in the builder: a scenario in predict mode, then a free session', async ({ page }) => {
  await page.goto('/teach/');
  const builder = page.locator('[data-builder]');
  await builder.scrollIntoViewIfNeeded();
  await expect(builder).toHaveAttribute('data-started', '');
  await builder.locator('select[name=mode]').selectOption('predict');
  await builder.getByLabel('Height in pixels').fill('720');
  await expect(builder.locator('[data-url]')).toHaveText('https://mailwire.example/embed/simulator/?scenario=smtp-relay-25&mode=predict&height=720');
  await expect(builder.locator('[data-snippet="iframe"]')).toHaveValue(/ height="720" /);
  await expect(builder.locator('[data-preview]')).toHaveAttribute('height', '720');
  await builder.locator('select[name=scenario]').selectOption('');
  await builder.locator('select[name=mode]').selectOption('free');
  await builder.locator('select[name=protocol]').selectOption('imap');
  await builder.getByLabel('Port (free session)').fill('993');
  await expect(builder.locator('[data-url]')).toHaveText('https://mailwire.example/embed/simulator/?protocol=imap&port=993&mode=free&height=720');
  await expect(page.frameLocator('[data-preview]').getByRole('textbox', { name: /Command/ })).toBeVisible();
});

test('the parameter table lists every option of the schema, in its order', async ({ page }) => {
  await page.goto('/teach/');
  const params = await page.locator('[data-parameters] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-param')));
  expect(params).toEqual(OPTION_FIELDS.map((f) => f.param));
  await expect(page.locator('[data-param="port"]')).toContainText('a port number, 1 to 65535');
});

test('each host has its steps, what it strips and a snippet; the licence is stated', async ({ page }) => {
  await page.goto('/teach/');
  for (const host of ['plain', 'moodle', 'canvas', 'google-sites', 'wordpress']) {
    const section = page.locator(`[data-host="${host}"]`);
    expect([2, 3]).toContain(await section.locator('ol > li').count());
    await expect(section).toContainText('What it strips:');
    await expect(section.locator('pre')).toContainText('<iframe src="https://mailwire.example/embed/simulator/?scenario=smtp-relay-25"');
  }
  await expect(page.locator('[data-host="canvas"]')).toContainText('strips <script> and <style>');
  await expect(page.locator('#licence')).toBeVisible();
  await expect(page.getByRole('link', { name: 'CC BY 4.0' }).first()).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/');
  await expect(page.locator('[data-licence]')).toContainText('Code:');
});

test('a worksheet lists the scenario’s client lines, with the answer key on its own printed page', async ({ page }) => {
  await page.goto('/teach/worksheets/pop3-rset/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Worksheet:');
  await expect(page.locator('.mw-sheet-steps > li').first()).toContainText('The client sends:');
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.mw-sheet-key').evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
});

test('every SCORM package listed on /teach/ downloads as a zip', async ({ page, request }) => {
  await page.goto('/teach/');
  const hrefs = await page.locator('[data-scorm] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(30);
  for (const href of hrefs) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect((await response.body()).subarray(0, 2).toString('latin1'), href).toBe('PK');
  }
});
