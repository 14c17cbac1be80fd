/**
 * The embeds' JavaScript, measured as budget.spec.ts measures pages: an embed page loads no more than the site page
 * with the same widget (the shell included, as a learner's browser loads it), and the resizer stays under 2 KB
 * gzipped. Measured (issue 14): see the README's "Embedding" section.
 */
import { test, expect } from '@playwright/test';
import { gzippedSize, measurePage } from '../../scripts/js-weight.ts';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

const PAIRS = [
  ['/embed/simulator/?scenario=smtp-relay-25', '/scenarios/smtp-relay-25/'],
  ['/embed/simulator/?protocol=pop3&port=110', '/playground/pop3-110/'],
  ['/embed/exchange/?deployment=online', '/test/exchange/'],
  ['/embed/quiz/', '/quiz/'],
  ['/embed/devices/', '/devices/'],
  ['/embed/comparison/', '/compare/'],
  ['/embed/ports/', '/lessons/ports-and-encryption/'],
] as const;

for (const [embed, site] of PAIRS) {
  test(`${embed} loads no more JavaScript than ${site}`, async ({ page }, testInfo) => {
    const e = await measurePage(page, embed);
    const s = await measurePage(page, site);
    testInfo.annotations.push({ type: 'js-kb', description: `${embed} ${kb(e.total)} KB, ${site} ${kb(s.total)} KB` });
    console.log(`${embed}: ${kb(e.total)} KB; ${site}: ${kb(s.total)} KB`);
    expect(e.total).toBeLessThanOrEqual(s.total);
  });
}

test('the resizer is under 2 KB gzipped', () => {
  const size = gzippedSize('/embed/resizer.js');
  console.log(`resizer.js: ${size} bytes gzipped`);
  expect(size).toBeLessThan(2048);
});
