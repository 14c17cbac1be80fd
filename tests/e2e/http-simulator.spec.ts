/** The HTTP framing end to end in the browser, on the test page /test/http/ (the "hello" test protocol). */
import { test, expect, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';

const widget = (page: Page) => page.locator('.mw-widget[data-widget="http-simulator"]');
const log = (page: Page) => widget(page).getByRole('log');

async function open(page: Page) {
  await page.goto('/test/http/');
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
  await expect(log(page)).toBeVisible();
}

test('steps through the hello scenario: each request and response in the announced log', async ({ page }) => {
  await open(page);
  await expect(log(page)).toHaveAttribute('aria-live', 'polite');
  const next = widget(page).getByRole('button', { name: 'Next step' });
  await next.click();
  const request = log(page).locator('.row[data-http="request"]').first();
  const response = log(page).locator('.row[data-http="response"]').first();
  await expect(request.locator('.start')).toHaveText('GET /hello?name=ada HTTP/1.1');
  await expect(request).toContainText('Host: mail.example.test:8080');
  await expect(response.locator('.start')).toHaveText('HTTP/1.1 200 OK');
  await expect(response.locator('.body')).toHaveText('Hello, ada');
  await next.click();
  await next.click();
  const refused = log(page).locator('.row[data-http="response"]').nth(2);
  await expect(refused.locator('.start')).toHaveText('HTTP/1.1 405 Method Not Allowed');
  await expect(refused).toContainText('Allow: GET');
  // The JSON body of the POST is shown indented.
  await expect(log(page).locator('.row[data-http="request"]').nth(2).locator('.body')).toHaveText('{\n  "name": "ada"\n}');
  expect(await axeViolations(page, '.mw-widget')).toEqual([]);
});

test('free mode: the learner composes a request, the live server answers', async ({ page }) => {
  await open(page);
  await widget(page).getByRole('button', { name: 'Take over' }).click();
  const method = widget(page).getByRole('combobox', { name: 'Method' });
  await expect(method).toBeFocused();
  await widget(page).getByRole('textbox', { name: 'Path and query' }).fill('/hello?name=Grace%20Hopper');
  await widget(page).getByRole('button', { name: 'Send request' }).click();
  await expect(log(page).locator('.row[data-http="response"]').last().locator('.body')).toHaveText('Hello, Grace Hopper');
  await method.selectOption('DELETE');
  await widget(page).getByRole('textbox', { name: 'Path and query' }).fill('/nowhere');
  await widget(page).getByRole('button', { name: 'Send request' }).click();
  await expect(log(page).locator('.row[data-http="response"]').last().locator('.start')).toHaveText('HTTP/1.1 404 Not Found');
  expect(await axeViolations(page, '.mw-widget')).toEqual([]);
});

test('the static transcript of the same scenario is on the page, built at build time', async ({ page }) => {
  await page.goto('/test/http/');
  const transcript = page.locator('[data-scenario-transcript="hello-get"]');
  await expect(transcript.locator('.mw-transcript-step')).toHaveCount(5);
  await expect(transcript.locator('#hello-get-step-1')).toContainText('S: HTTP/1.1 200 OK');
  await expect(transcript.locator('#hello-get-step-4')).toContainText('[Connection closed]');
  // A test page: no search index, no search engines.
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
});
