/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Tests resolved for the browser: Svelte component tests need Svelte's client runtime (the "browser" export
 * condition), which the Node tests (the lab, the engine, Astro's container) must not get. Each such file also
 * says `// @vitest-environment jsdom` when it renders.
 */
const browserTests = ['tests/components/simulator-*.test.ts', 'tests/**/*.svelte.test.ts'];

// Unit and component tests. Browser tests live in tests/e2e and run under Playwright.
export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**', ...browserTests],
          environment: 'node',
        },
      },
      {
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'browser',
          include: browserTests,
          environment: 'node',
        },
      },
    ],
  },
});
