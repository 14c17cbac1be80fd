/**
 * Issue 11, point 2: the server HTML reserves each widget's space, so hydration moves nothing. Each widget's height
 * is measured in layout pixels twice, at 1280 and at 360 px: as the server sent it (the island's code is held back,
 * scripting stays on) and once the island ran. No timing is measured here; Lighthouse's CLS and TBT are reported
 * by `npm run bench` (scripts/lighthouse-bench.ts).
 */
import { test, expect, type Page } from '@playwright/test';

/** How far a widget's height may move on hydration (sub-pixel rounding, a caret's line). */
const SLACK_PX = 2;
const ISLAND_CODE = /\/_astro\/(SessionSimulator|Quiz|TwoDevices)\.[^/]*\.js$/;

const CASES = [
  { name: 'a scenario page\'s simulator', path: '/scenarios/smtp-submission-587/', widget: '.mw-widget' },
  { name: 'the playground', path: '/playground/imap-143/', widget: '.mw-widget' },
  { name: 'a lesson\'s first simulator', path: '/lessons/smtp/', widget: '.mw-widget' },
  { name: 'a lesson\'s quiz', path: '/lessons/smtp/', widget: '[data-quiz]' },
  // A fixed seed: the quiz page otherwise picks new questions, whose text is longer or shorter.
  { name: 'the quiz page', path: '/quiz/?seed=1', widget: '[data-quiz]' },
  { name: 'the two devices page', path: '/devices/', widget: '[data-two-devices]' },
  { name: 'a lesson\'s two devices', path: '/lessons/pop3-or-imap/', widget: '[data-two-devices]' },
];

async function height(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return box.height;
}

for (const width of [1280, 360]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const c of CASES) {
      test(`${c.name} is as tall before hydration as after`, async ({ page }) => {
        await page.route(ISLAND_CODE, (route) => route.abort());
        await page.goto(c.path);
        const holder = page.locator(c.widget).first();
        await holder.scrollIntoViewIfNeeded();
        const before = await height(page, c.widget);
        await expect(holder).not.toHaveAttribute('data-hydrated');

        await page.unroute(ISLAND_CODE);
        await page.goto(c.path);
        await page.locator(c.widget).first().scrollIntoViewIfNeeded();
        await expect(page.locator(c.widget).first()).toHaveAttribute('data-hydrated', '');
        const after = await height(page, c.widget);
        expect(before).toBeGreaterThan(100);
        expect(Math.abs(after - before), `${c.widget} on ${c.path}: ${before} px before hydration, ${after} px after`).toBeLessThanOrEqual(SLACK_PX);
      });
    }
  });
}
