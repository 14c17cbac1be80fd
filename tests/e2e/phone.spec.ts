import { test, expect } from '@playwright/test';

test.describe('on a 360 px phone', () => {
  test('the comparison page never scrolls sideways; the tables scroll in their own regions', async ({ page }) => {
    await page.goto('/compare/');
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(width[0]).toBeLessThanOrEqual(width[1]!);
    const regions = page.getByRole('region', { name: /compare|ports/i });
    await expect(regions).toHaveCount(2);
    const first = regions.first();
    expect(await first.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });

  test('a table region takes keyboard focus and scrolls with the arrow keys', async ({ page }) => {
    await page.goto('/compare/');
    const region = page.getByRole('region', { name: 'How the mail protocols compare' });
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });

  test('the menu button opens the navigation, and Escape closes it', async ({ page }) => {
    await page.goto('/transcripts/');
    const sidebar = page.locator('#starlight__sidebar');
    await expect(sidebar).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(sidebar).toBeVisible();
    await expect(sidebar.getByRole('link', { name: 'Compare the protocols' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sidebar).toBeHidden();
  });

  for (const path of ['/', '/compare/', '/transcripts/', '/no-such-page/']) {
    test(`${path} fits the screen`, async ({ page }) => {
      await page.goto(path);
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll).toBeLessThanOrEqual(inner!);
    });
  }
});
