import { test, expect } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';
import { sitePages, themes } from './site-pages.ts';

for (const theme of themes) {
  for (const path of sitePages()) {
    test(`${path} has no axe violations in the ${theme} theme`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
