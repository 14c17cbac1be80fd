/**
 * Reports the JavaScript every built page loads (gzipped), and how much of it is beyond the site shell, i.e. beyond
 * what a page without widgets loads. Run after `npm run build`: `node scripts/bundle-sizes.ts` (or npm run sizes).
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser.ts';
import { sitePages } from '../tests/e2e/site-pages.ts';
import { beyondShell, gzippedSize, measurePage } from './js-weight.ts';

const SHELL_PAGE = '/compare/'; // a lesson-like page without widgets: the shell's own scripts
const port = 4391;
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage();
  const base = `http://127.0.0.1:${port}`;
  const shell = await measurePage(page, base + SHELL_PAGE);
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  console.log(`JavaScript per page, gzipped (KB). Shell = what ${SHELL_PAGE} loads.\n`);
  console.log('  page                                  total   beyond shell');
  for (const path of sitePages().filter((p) => p !== '/no-such-page/')) {
    const w = await measurePage(page, base + path);
    console.log(`  ${path.padEnd(36)} ${kb(w.total)}   ${kb(beyondShell(w, shell))}`);
  }
  // The Exchange widget's engine (servers, WBXML codec, identity platform) loads with the first request: recorded
  // here, as budget.spec.ts records it (the 45 KB budget is on load).
  const exchange = await measurePage(page, base + '/test/exchange/');
  const later = new Set<string>();
  page.on('response', (r) => {
    const file = new URL(r.url()).pathname;
    if (file.endsWith('.js') && !exchange.files.has(file)) later.add(file);
  });
  await page.locator('[data-exchange-simulator]').getByRole('button', { name: 'Send request' }).click();
  await page.locator('[data-exchange-simulator] .row[data-http="response"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  const engine = [...later].reduce((sum, file) => sum + gzippedSize(file), 0);
  console.log(`\n  ${'/test/exchange/, first request'.padEnd(36)} ${kb(exchange.total + engine)}   ${kb(beyondShell(exchange, shell) + engine)}`);
  // The resizer teachers put on their own pages (limit 2 KB gzipped; tests/e2e/embed-budget.spec.ts holds it there).
  console.log(`\n  /embed/resizer.js (on the host page)  ${kb(gzippedSize('/embed/resizer.js'))}`);
} finally {
  await browser.close();
  server.kill();
}
