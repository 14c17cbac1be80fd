/**
 * A browser where reading localStorage throws (storage blocked in its settings, or a sandboxed frame): every
 * page type loads with no page error, the theme follows the system, and the theme picker still switches it.
 */
import { test, expect } from '@playwright/test';

const pages = ['/', '/compare/', '/quiz/', '/scenarios/smtp-submission-587/', '/playground/smtp-587/', '/devices/', '/no-such-page/'];

for (const scheme of ['light', 'dark'] as const) {
  for (const path of pages) {
    test(`${path} with localStorage blocked: no page error, the ${scheme} system theme, a working picker`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript(() => {
        // As Chromium does with storage blocked: the property's getter throws a SecurityError. The real
        // property is an own, configurable accessor of the window (Web IDL), and is replaced as such.
        const real = Object.getOwnPropertyDescriptor(window, 'localStorage');
        (window as unknown as { storageConfigurable: boolean }).storageConfigurable = real?.configurable === true && typeof real.get === 'function';
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          enumerable: true,
          get() {
            throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
          },
        });
      });
      await page.goto(path);
      expect(await page.evaluate(() => (window as unknown as { storageConfigurable: boolean }).storageConfigurable)).toBe(true);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      // Let the widgets load (they hydrate when visible), then use the theme picker.
      for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 800);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      const other = scheme === 'light' ? 'dark' : 'light';
      await page.locator('starlight-theme-select select').first().selectOption(other);
      await expect(page.locator('html')).toHaveAttribute('data-theme', other);
      expect(errors).toEqual([]);
    });
  }
}
