/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit and component tests. Browser tests live in tests/e2e and run under Playwright.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
