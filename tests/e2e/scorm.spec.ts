/**
 * The SCORM 1.2 packages in a real SCORM runtime: scorm-again's LMS-side API on an LMS page of another origin
 * (embed-host.ts), the package unzipped and served as an LMS serves it. The launch page must find the API, start the
 * attempt, and record the score and status the widget reports; leaving it finishes the attempt.
 */
import { strFromU8 } from 'fflate';
import { test, expect, type Page } from '@playwright/test';
import { hostPortBase, launchHref, startHost, unzipPackage } from './embed-host.ts';

let stopHost: () => Promise<void> = async () => {};
let lms = '';
test.beforeAll(async ({}, testInfo) => {
  // Ports apart from embed.spec.ts's hosts (base, base + 1).
  const port = hostPortBase + 2 + testInfo.parallelIndex;
  lms = `https://127.0.0.1:${port}`;
  stopHost = await startHost(port, testInfo.project.use.baseURL ?? '');
});
test.afterAll(async () => stopHost());
test.use({ ignoreHTTPSErrors: true });

type Api = { LMSGetValue(key: string): string; isInitialized(): boolean; isTerminated(): boolean };
const lmsValue = (page: Page, key: string) => page.evaluate((k) => (window as unknown as { API: Api }).API.LMSGetValue(k), key);

test('a package holds a SCORM 1.2 manifest and its launch page', () => {
  const files = unzipPackage('quiz-port-to-protocol');
  expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html', 'launch.js']);
  const manifest = strFromU8(files['imsmanifest.xml']!);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
  expect(launchHref(files)).toBe('index.html');
  expect(strFromU8(files['index.html']!)).toContain('src="https://mailwire.example/embed/quiz/?count=5&amp;topics=port-to-protocol&amp;seed=1&amp;id=scorm-quiz-port-to-protocol"');
});

// A topic quiz, and a lesson's quiz (its own questions, through the embed's lesson option).
for (const pkg of ['quiz-port-to-protocol', 'quiz-lesson-smtp']) test(`${pkg}: the package records the score and passed or failed in the runtime`, async ({ page }) => {
  await page.goto(`${lms}/lms?pkg=${pkg}`);
  const sco = page.frameLocator('iframe[name="sco"]');
  const quiz = sco.frameLocator('#mailwire');
  await expect.poll(() => page.evaluate(() => (window as unknown as { API: Api }).API.isInitialized())).toBe(true);
  expect(await lmsValue(page, 'cmi.core.lesson_status')).toBe('incomplete');
  for (let i = 0; i < 5; i++) {
    await quiz.getByRole('radio').first().check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await quiz.getByRole('button', { name: i < 4 ? 'Next question' : 'See your score' }).click();
  }
  const heading = await quiz.getByRole('heading', { name: /^You scored \d of 5$/ }).textContent();
  const score = Number(/You scored (\d)/.exec(heading ?? '')![1]) * 20;
  await expect.poll(() => lmsValue(page, 'cmi.core.score.raw')).toBe(String(score));
  expect(await lmsValue(page, 'cmi.core.score.max')).toBe('100');
  expect(await lmsValue(page, 'cmi.core.score.min')).toBe('0');
  expect(await lmsValue(page, 'cmi.core.lesson_status')).toBe(score >= 80 ? 'passed' : 'failed');
  await expect(sco.getByRole('status')).toHaveText(`Recorded: ${score} of 100, ${score >= 80 ? 'passed' : 'failed'}.`);
  // Leaving the package finishes the attempt (LMSFinish).
  await page.evaluate(() => ((document.querySelector('iframe[name="sco"]') as HTMLIFrameElement).src = 'about:blank'));
  await expect.poll(() => page.evaluate(() => (window as unknown as { API: Api }).API.isTerminated())).toBe(true);
});

test('a scenario package records completion at the last step', async ({ page }) => {
  await page.goto(`${lms}/lms?pkg=scenario-pop3-rset`);
  const widget = page.frameLocator('iframe[name="sco"]').frameLocator('#mailwire');
  const next = widget.getByRole('button', { name: 'Next step' });
  await expect(next).toBeVisible();
  while (await next.isEnabled()) await next.click();
  await expect.poll(() => lmsValue(page, 'cmi.core.lesson_status')).toBe('completed');
  expect(await lmsValue(page, 'cmi.core.score.raw')).toBe('100');
});

test('a message from another frame or origin, or of another shape, records nothing', async ({ page }) => {
  await page.goto(`${lms}/lms?pkg=quiz-port-to-protocol`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { API: Api }).API.isInitialized())).toBe(true);
  // The LMS page (not the widget's frame) posts a perfect score into the launch page.
  await page.evaluate(() => {
    const sco = (document.querySelector('iframe[name="sco"]') as HTMLIFrameElement).contentWindow!;
    sco.postMessage({ source: 'mailwire', version: 1, type: 'quiz-result', widget: 'quiz', id: 'x', score: 5, max: 5, round: 1 }, '*');
  });
  await page.waitForTimeout(200);
  expect(await lmsValue(page, 'cmi.core.score.raw')).toBe('');
  expect(await lmsValue(page, 'cmi.core.lesson_status')).toBe('incomplete');
});
