/**
 * The widget embeds, framed by a course page on another origin (an HTTPS server on a second port, embed-host.ts):
 * each renders, is usable by keyboard, posts its events, passes axe in both themes, grows with the resizer, and
 * shows bad options as text without ever injecting markup.
 */
import { test, expect, type Frame, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { hostPortBase, startHost } from './embed-host.ts';

type Got = { origin: string; data: { source: string; version: number; type: string; widget: string; id: string; [k: string]: unknown } };

let stopHost: () => Promise<void> = async () => {};
let hostOrigin = '';
// One host per worker (the two workers must not share a port): the second origin is base + the worker's index.
test.beforeAll(async ({}, testInfo) => {
  const port = hostPortBase + testInfo.parallelIndex;
  hostOrigin = `https://127.0.0.1:${port}`;
  stopHost = await startHost(port);
});
test.afterAll(async () => stopHost());
test.use({ ignoreHTTPSErrors: true });

const WIDGETS = ['simulator', 'devices', 'quiz', 'comparison', 'ports'] as const;

/** Opens the host page with the given embed addresses; returns the first frame once the widget said `ready`. */
async function host(page: Page, baseURL: string, srcs: string[], opts: { height?: number; resizer?: boolean } = {}): Promise<Frame> {
  const q = new URLSearchParams({ frames: srcs.map((s) => baseURL + s).join('|'), height: String(opts.height ?? 300) });
  if (opts.resizer) q.set('resizer', '1');
  await page.goto(`${hostOrigin}/host?${q}`);
  await expect.poll(() => got(page, 'ready').then((r) => r.length)).toBe(srcs.length);
  return page.frame({ name: 'w0' })!;
}

/** The Mailwire messages the host received, of one type. */
async function got(page: Page, type?: string): Promise<Got[]> {
  const all = (await page.evaluate(() => (window as unknown as { got: Got[] }).got)) ?? [];
  return all.filter((m) => m.data?.source === 'mailwire' && (type === undefined || m.data.type === type));
}

for (const widget of WIDGETS) {
  test(`${widget}: renders in a frame on another origin and says ready with its widget, id and height`, async ({ page, baseURL }) => {
    const frame = await host(page, baseURL!, [`/embed/${widget}/?id=w-${widget}`]);
    const [ready] = await got(page, 'ready');
    expect(ready!.origin).toBe(baseURL);
    expect(ready!.data).toMatchObject({ source: 'mailwire', version: 1, type: 'ready', widget, id: `w-${widget}` });
    expect(ready!.data.height).toBeGreaterThan(100);
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(frame.locator('#mw-embed-messages')).toBeHidden();
    // The site's chrome is not there.
    await expect(frame.locator('header.header, .sidebar-pane, site-search')).toHaveCount(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`${widget}: passes axe in the ${theme} theme`, async ({ page }) => {
      await page.goto(`/embed/${widget}/?theme=${theme}`);
      await expect(page.locator('html')).toHaveAttribute('data-embed-ready', '');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test(`${widget}: markup in every option shows as text in a message and never runs`, async ({ page, baseURL }) => {
    const evil = '<img src=x onerror="window.parent.postMessage(\'pwned\',\'*\')">';
    const params = ['scenario', 'protocol', 'port', 'step', 'mode', 'hidenotes', 'count', 'topics', 'seed', 'theme', 'height', 'id', evil];
    const query = params.map((p) => `${encodeURIComponent(p)}=${encodeURIComponent(evil)}`).join('&');
    const frame = await host(page, baseURL!, [`/embed/${widget}/?${query}`]);
    const messages = frame.locator('#mw-embed-messages');
    await expect(messages).toBeVisible();
    await expect(messages.getByRole('listitem')).toHaveCount(params.length);
    await expect(messages).toContainText('Unknown option “?img src?x onerror??window.parent.postMe…” ignored.');
    expect(await frame.locator('img').count()).toBe(0);
    expect((await page.evaluate(() => (window as unknown as { got: Got[] }).got)).map((m) => m.data)).not.toContain('pwned');
    // The defaults were used: the widget still works and said ready under its own name.
    expect((await got(page, 'ready'))[0]!.data.id).toBe(widget);
  });
}

test('simulator: keyboard steps post step events, and the last step posts scenario-complete', async ({ page, baseURL }) => {
  const frame = await host(page, baseURL!, ['/embed/simulator/?scenario=pop3-rset&id=rset']);
  const next = frame.getByRole('button', { name: 'Next step' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await got(page, 'step')).map((m) => m.data.step)).toContain(1);
  const first = (await got(page, 'step')).find((m) => m.data.step === 1)!;
  expect(first.data).toMatchObject({ widget: 'simulator', id: 'rset', scenario: 'pop3-rset' });
  const steps = first.data.steps as number;
  for (let i = 1; i < steps; i++) {
    await next.focus();
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => (await got(page, 'scenario-complete')).map((m) => m.data)).toEqual([
    expect.objectContaining({ widget: 'simulator', id: 'rset', scenario: 'pop3-rset', steps }),
  ]);
});

test('simulator: a free session on any server and port, typed by keyboard', async ({ page, baseURL }) => {
  const frame = await host(page, baseURL!, ['/embed/simulator/?protocol=imap&port=143']);
  const input = frame.getByRole('textbox', { name: /Command/ });
  await input.focus();
  await page.keyboard.type('a1 CAPABILITY');
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('log')).toContainText('LOGINDISABLED');
});

test('simulator: predict mode posts each prediction', async ({ page, baseURL }) => {
  const frame = await host(page, baseURL!, ['/embed/simulator/?scenario=smtp-relay-25&mode=predict&id=p1']);
  await frame.getByRole('radio').first().check();
  await frame.getByRole('button', { name: 'Check' }).click();
  await expect.poll(async () => (await got(page, 'prediction')).length).toBe(1);
  expect((await got(page, 'prediction'))[0]!.data).toMatchObject({ widget: 'simulator', id: 'p1', scenario: 'smtp-relay-25', step: 1, right: expect.any(Boolean) });
});

test('quiz: answered by keyboard, the round posts its quiz-result', async ({ page, baseURL }) => {
  const frame = await host(page, baseURL!, ['/embed/quiz/?count=1&seed=5&id=q1']);
  await frame.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await frame.getByRole('button', { name: 'Check answer' }).focus();
  await page.keyboard.press('Enter');
  await frame.getByRole('button', { name: 'See your score' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await got(page, 'quiz-result')).length).toBe(1);
  expect((await got(page, 'quiz-result'))[0]!.data).toMatchObject({ widget: 'quiz', id: 'q1', max: 1, round: 1, score: expect.any(Number) });
});

test('devices: usable by keyboard in the frame', async ({ page, baseURL }) => {
  const frame = await host(page, baseURL!, ['/embed/devices/']);
  await frame.getByRole('button', { name: 'Check mail on the laptop' }).focus();
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('log', { name: /Laptop protocol log/ })).toContainText('RETR');
});

test('the resizer grows every Mailwire frame to its content, and the frames scroll inside themselves without it', async ({ page, baseURL }) => {
  await host(page, baseURL!, ['/embed/ports/', '/embed/quiz/'], { height: 150, resizer: true });
  for (const name of ['w0', 'w1']) {
    const frame = page.locator(`iframe[name="${name}"]`);
    await expect.poll(async () => (await frame.boundingBox())!.height).toBeGreaterThan(400);
    const inner = await page.frame({ name })!.evaluate(() => document.documentElement.scrollHeight);
    expect(Math.abs((await frame.boundingBox())!.height - inner)).toBeLessThanOrEqual(1);
  }
  await host(page, baseURL!, ['/embed/ports/'], { height: 150 });
  expect((await page.locator('iframe').boundingBox())!.height).toBe(150);
  const scrolls = await page.frame({ name: 'w0' })!.evaluate(() => document.documentElement.scrollHeight > innerHeight);
  expect(scrolls).toBe(true);
});

test('host messages: set-theme in the documented shape is applied, anything else is ignored', async ({ page, baseURL }) => {
  const frame = await host(page, baseURL!, ['/embed/comparison/?theme=light']);
  const send = (message: unknown) => page.evaluate((m) => (document.querySelector('iframe') as HTMLIFrameElement).contentWindow!.postMessage(m, '*'), message);
  for (const bad of [{ type: 'set-theme', theme: 'dark' }, { source: 'mailwire-host', version: 2, type: 'set-theme', theme: 'dark' }, { source: 'mailwire-host', version: 1, type: 'set-theme', theme: 'dark', html: '<b>' }, 'set-theme dark']) {
    await send(bad);
  }
  await page.waitForTimeout(100);
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  await send({ source: 'mailwire-host', version: 1, type: 'set-theme', theme: 'dark' });
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
});

for (const widget of WIDGETS) {
  test(`${widget}: at 360 px in a 480 px frame every control is reachable: the page scrolls, nothing is cut off sideways`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 480 });
    await page.goto(`/embed/${widget}/${widget === 'simulator' ? '?scenario=imap-first-session' : ''}`);
    await expect(page.locator('html')).toHaveAttribute('data-embed-ready', '');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Links inside a table's scroll region (focusable, scrolled by keyboard, as in the lessons) scroll with it; the
    // region itself must fit.
    for (const region of await page.locator('.mw-table-region:visible').all()) {
      const box = (await region.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    const controls = page.locator('button:visible, input:visible, select:visible, a:visible').filter({ hasNot: page.locator('xpath=ancestor::*[contains(@class, "mw-table-region")]') });
    for (const control of await controls.all()) {
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
  });
}

test('simulator: hidenotes hides the guided notes', async ({ page }) => {
  await page.goto('/embed/simulator/?scenario=pop3-rset');
  await expect(page.locator('.explain')).toBeVisible();
  await page.goto('/embed/simulator/?scenario=pop3-rset&hidenotes=1');
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
  await expect(page.locator('.explain')).toBeHidden();
});

test('simulator: an unknown scenario or a port no server answers on gets the widget’s own message', async ({ page }) => {
  await page.goto('/embed/simulator/?scenario=no-such-thing');
  await expect(page.locator('main')).toContainText('There is no scenario called “no-such-thing”.');
  await page.goto('/embed/simulator/?protocol=pop3&port=25');
  await expect(page.locator('main')).toContainText('POP3 is not served on port 25; use one of 110, 995');
});
