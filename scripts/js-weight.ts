/**
 * Measures the JavaScript a page really loads: every script the browser fetches from the built site once all
 * islands are visible (client:visible islands hydrate on scroll), gzipped at level 9 as a server would send it.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/** One page's JavaScript: each file's gzipped size, in bytes. */
export interface PageWeight {
  path: string;
  files: Map<string, number>;
  total: number;
}

/** Gzipped size of a built file, from dist/. */
export function gzippedSize(pathname: string, dist = 'dist'): number {
  return gzipSync(readFileSync(`${dist}${pathname}`), { level: 9 }).length;
}

/** Loads `path`, scrolls to the end so every island hydrates, waits for the network to settle, and sums its scripts. */
export async function measurePage(page: Page, path: string, dist = 'dist'): Promise<PageWeight> {
  const seen = new Set<string>();
  const onResponse = (r: { url(): string }) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('.js') || url.pathname.endsWith('.mjs')) seen.add(url.pathname);
  };
  page.on('response', onResponse);
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  page.off('response', onResponse);
  const files = new Map([...seen].sort().map((p) => [p, gzippedSize(p, dist)] as const));
  return { path, files, total: [...files.values()].reduce((a, b) => a + b, 0) };
}

/** Bytes a page loads beyond the shell: files it loads that the shell page does not. */
export function beyondShell(page: PageWeight, shell: PageWeight): number {
  let sum = 0;
  for (const [file, size] of page.files) if (!shell.files.has(file)) sum += size;
  return sum;
}
