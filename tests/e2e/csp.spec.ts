/**
 * The Content-Security-Policy, enforced as a static host sends it: the test server (scripts/serve-dist.mjs)
 * sends each response the headers dist/_headers gives its path, and every page carries the same policy in a
 * <meta>. Every built page loads, and the widgets are used a little, with no violation reported to the page
 * (securitypolicyviolation) or the console, and no page error.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { parsePolicy, serializePolicy } from '../../src/integrations/csp-audit.ts';
import { headersFor, parseHeadersFile } from '../../src/integrations/headers-file.ts';
import { sitePages } from './site-pages.ts';

/** Starts recording what breaks the policy on this page: violation events, console messages, page errors. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`),
    );
  });
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

/** Scrolls down the whole page, a screen at a time, so every widget hydrates (they load when visible). */
async function hydrateAll(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const screen = page.viewportSize()?.height ?? 600;
  for (let y = 0; y < height; y += screen) {
    await page.mouse.wheel(0, screen);
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
}

const policyOf = (text: string) => serializePolicy(parsePolicy(text));
const headerRules = () => parseHeadersFile(readFileSync('dist/_headers', 'utf8'));

test.describe('Content-Security-Policy', () => {
  test('dist/_headers gives every page one policy, framed by the site only, and the embeds by any HTTPS page', () => {
    const rules = headerRules();
    for (const path of [...sitePages(), '/embed/session/', '/embed/quiz/?seed=1']) {
      const header = headersFor(rules, path)['content-security-policy'] ?? '';
      const policy = parsePolicy(header);
      expect(header, path).not.toContain(','); // two policies joined: the host would enforce both
      expect(policy.get('frame-ancestors'), path).toEqual(path.startsWith('/embed/') ? ["'self'", 'https:'] : ["'self'"]);
      expect(policy.get('script-src'), path).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
      expect(policy.get('script-src')?.filter((s) => /^'unsafe-(inline|eval|hashes)'$|^\*$|^https?:$|^data:$/.test(s))).toEqual([]);
      expect(policy.has('script-src-attr') || policy.has('script-src-elem')).toBe(false);
      expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
      expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
      expect(policy.get('object-src')).toEqual(["'none'"]);
    }
  });

  for (const path of sitePages()) {
    test(`${path} works under the header and <meta> policy with no violation`, async ({ page }) => {
      const problems = await watch(page);
      const response = await page.goto(path);
      const header = response?.headers()['content-security-policy'] ?? '';
      const meta = page.locator('meta[http-equiv="content-security-policy" i]');
      await expect(meta).toHaveCount(1);
      // The meta tag and the header are the same policy, but for frame-ancestors (ignored in a meta tag).
      const fromHeader = parsePolicy(header);
      fromHeader.delete('frame-ancestors');
      expect(policyOf((await meta.getAttribute('content')) ?? '')).toBe(serializePolicy(fromHeader));
      // A policy in a meta tag only governs what comes after it: nothing it governs may come first.
      const governedBefore = await page.evaluate(() => {
        const first = document.head.querySelector('meta[http-equiv="content-security-policy" i]');
        return [...document.querySelectorAll('script, style, link')].filter((el) => first && el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).length;
      });
      expect(governedBefore).toBe(0);
      await hydrateAll(page);
      expect(await problems()).toEqual([]);
    });
  }

  test('a scenario steps, and a learner takes over and types, loading the engine', async ({ page }) => {
    const problems = await watch(page);
    await page.goto('/scenarios/smtp-submission-587/');
    const widget = page.locator('.mw-widget[data-widget="session-simulator"]');
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-hydrated', '');
    await widget.getByRole('button', { name: 'Next step' }).click();
    await widget.getByRole('button', { name: 'Next step' }).click();
    await expect(widget.getByRole('log')).toContainText('530 5.7.0');
    await widget.getByRole('button', { name: 'Take over' }).click();
    const input = widget.getByRole('textbox', { name: /Command/ });
    await input.fill('RCPT TO:<bob@example.test>');
    await input.press('Enter');
    await expect(widget.getByRole('log').locator('.row').last()).toContainText('503 5.5.1');
    expect(await problems()).toEqual([]);
  });

  test('the playground loads the engine on the first command', async ({ page }) => {
    const problems = await watch(page);
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto('/playground/smtp-587/');
    const widget = page.locator('.mw-widget[data-widget="session-simulator"]');
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-hydrated', '');
    const before = scripts.length;
    const input = widget.getByRole('textbox', { name: /Command/ });
    await input.fill('EHLO laptop.example');
    await input.press('Enter');
    await expect(widget.getByRole('log').locator('.row').last()).toContainText('250');
    expect(scripts.length, 'the first command downloads the engine').toBeGreaterThan(before);
    expect(await problems()).toEqual([]);
  });

  test('a quiz answer is checked', async ({ page }) => {
    const problems = await watch(page);
    await page.goto('/quiz/?count=2&seed=1');
    const quiz = page.locator('[data-quiz]');
    await quiz.scrollIntoViewIfNeeded();
    await expect(quiz).toHaveAttribute('data-hydrated', '');
    await quiz.getByRole('radio').first().check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status')).toContainText('The answer is:');
    expect(await problems()).toEqual([]);
  });

  test('the two devices exchange mail', async ({ page }) => {
    const problems = await watch(page);
    await page.goto('/devices/');
    const widget = page.locator('[data-two-devices]');
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-hydrated', '');
    await page.getByRole('button', { name: 'Check mail on the laptop' }).click();
    await expect(page.getByRole('log', { name: /Laptop protocol log/ })).not.toBeEmpty();
    expect(await problems()).toEqual([]);
  });

  test('search loads Pagefind and its WebAssembly, and finds a page; the theme picker works', async ({ page }) => {
    const problems = await watch(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('dialog').locator('input.pagefind-ui__search-input').fill('submissions');
    // Pagefind fetches its index and WebAssembly on first use: slow on a busy 2-core machine.
    await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await page.locator('starlight-theme-select select').first().selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await problems()).toEqual([]);
  });
});
