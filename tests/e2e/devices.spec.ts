import { test, expect } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';

for (const theme of ['light', 'dark'] as const) {
  test(`two devices: IMAP flags reach the other device at once, and axe passes after each action (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto('/devices/');
    const widget = page.locator('[data-two-devices]');
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-hydrated', '');
    await page.getByRole('radio', { name: 'IMAP' }).check();
    await page.getByRole('button', { name: 'Check mail on the laptop' }).click();
    await page.getByRole('button', { name: 'Check mail on the phone' }).click();
    await expect(page.getByRole('button', { name: 'Flag “Dots” on the laptop' })).toBeVisible();
    expect(await axeViolations(page, '[data-two-devices]')).toEqual([]);
    await page.getByRole('button', { name: 'Flag “Dots” on the laptop' }).click();
    await expect(page.getByRole('button', { name: 'Unflag “Dots” on the phone' })).toBeVisible();
    await expect(page.getByRole('log', { name: /Laptop protocol log/ })).toContainText('STORE');
    expect(await axeViolations(page, '[data-two-devices]')).toEqual([]);
  });
}

test('two devices: with POP3 delete after download, the phone finds nothing after the laptop', async ({ page }) => {
  await page.goto('/devices/');
  await page.locator('[data-two-devices]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-two-devices]')).toHaveAttribute('data-hydrated', '');
  await page.getByRole('radio', { name: 'POP3, delete after download' }).check();
  await page.getByRole('button', { name: 'Check mail on the laptop' }).click();
  await expect(page.getByRole('heading', { name: /Messages on this laptop \(3\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Check mail on the phone' }).click();
  await expect(page.getByRole('heading', { name: 'Messages on this phone (0)' })).toBeVisible();
  await expect(page.getByRole('log', { name: /Laptop protocol log/ })).toContainText('DELE');
});
