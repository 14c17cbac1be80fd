import { existsSync } from 'node:fs';
import { assertChromium } from './browser.ts';

/** Fails the run at once, with a fix, when Chromium or the built site is missing. */
export default function globalSetup(): void {
  assertChromium();
  if (!existsSync('dist/index.html')) throw new Error('No built site in dist/: run "npm run build" first (npm test does).');
}
