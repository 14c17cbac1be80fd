/**
 * Issue 11, point 1: the simulator must appear wherever the page is entered, not only from its top. Each way in
 * (back to a scrolled page, a reload there, the "On this page" link, a search result's or a shared link's anchor
 * into the annotated transcript) must end with the running widget on screen. Runs on the desktop and the 360 px
 * phone (see playwright.config.ts).
 */
import { test, expect, type Page } from '@playwright/test';

const ID = 'smtp-submission-587';
const PAGE = `/scenarios/${ID}/`;
const widget = (page: Page) => page.locator('.mw-widget[data-widget="session-simulator"]').first();

/** The widget ran (the island set data-hydrated) and its controls are on screen. */
async function expectRunningInView(page: Page) {
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
  await expect(widget(page).locator('.mw-sim.ready')).toBeInViewport();
  await expect(widget(page).getByRole('button', { name: 'Next step' })).toBeVisible();
}

test('back to a scenario page scrolled 900 px: the widget is there and runs', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate(() => window.scrollTo(0, 900));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.locator('a[href="/scenarios/"]').last().evaluate((a: HTMLAnchorElement) => a.click());
  await expect(page).toHaveURL(/\/scenarios\/$/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
  await expect(widget(page).getByRole('button', { name: 'Next step' })).toBeAttached();
  // Wherever Back left the page, part of the widget is on screen (it is the page's main content).
  await expect(widget(page)).toBeInViewport();
});

test('a reload on a scenario page scrolled 900 px: the widget is there and runs', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate(() => window.scrollTo(0, 900));
  await page.reload();
  await expect(widget(page)).toHaveAttribute('data-hydrated', '');
  await expect(widget(page)).toBeInViewport();
});

test('"Annotated transcript" in "On this page" leads to the running widget', async ({ page }) => {
  await page.goto(PAGE);
  const link = page.locator(`a[href="#${ID}-transcript"]`);
  if ((await link.filter({ visible: true }).count()) === 0) await page.locator('mobile-starlight-toc summary').click();
  await link.filter({ visible: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`#${ID}-transcript$`));
  await expectRunningInView(page);
});

for (const [what, hash] of [
  ['the transcript heading (a search result)', `${ID}-transcript`],
  ['the last step of the transcript (a shared link)', `${ID}-step-11`],
] as const) {
  test(`arriving by an anchor to ${what} shows the running widget`, async ({ page }) => {
    await page.goto(`${PAGE}#${hash}`);
    await expectRunningInView(page);
  });
}

test('arriving by an anchor into a lesson\'s embedded transcript shows that running widget', async ({ page }) => {
  await page.goto(`/lessons/smtp/#${ID}-transcript`);
  const embedded = page.locator(`.mw-scenario[data-scenario="${ID}"] .mw-widget`);
  await expect(embedded).toHaveAttribute('data-hydrated', '');
  await expect(embedded.locator('.mw-sim.ready')).toBeInViewport();
});

test('without JavaScript the static transcript shows in the widget\'s place, and its anchors work', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${PAGE}#${ID}-step-11`);
  await expect(page.locator(`#${ID}-step-11`)).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'Annotated transcript' })).toBeVisible();
  await expect(widget(page).locator('.mw-sim')).toBeHidden();
  await context.close();
});
