/**
 * The port and comparison tables as a learner meets them (issue 11, point 8): on a desktop every column is in view
 * without sideways scrolling, headers never overlap and rows stay compact; on a 360 px phone each port or feature
 * is a card whose cells carry their column names, and nothing overflows. Chromium's accessibility tree keeps the
 * table in both layouts, and axe passes in both themes.
 */
import { test, expect, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';
import { themes } from './site-pages.ts';

const COMPARE = '/compare/';
const PORTS = '/lessons/ports-and-encryption/';
const regionOf = (page: Page, name: RegExp | string) => page.getByRole('region', { name });
const PORT_TABLE = /^Mail ports/;
const COMPARISON = 'How the mail protocols compare';

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The column headers of the table in a region, with their boxes on the page. */
async function headerBoxes(page: Page, name: RegExp | string): Promise<Box[]> {
  return regionOf(page, name)
    .locator('thead th')
    .evaluateAll((ths) =>
      ths.map((th) => {
        const r = th.getBoundingClientRect();
        const text = (th.firstChild?.textContent ?? '').trim();
        return { text, left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY };
      }),
    );
}

const overlap = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

/** Heights of the body rows of the table in a region. */
const rowHeights = (page: Page, name: RegExp | string) =>
  regionOf(page, name)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const width of [1280, 1024]) {
  test.describe(`the fact tables at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const [path, name, columns] of [
      [COMPARE, COMPARISON, ['SMTP relay', 'SMTP submission', 'POP3', 'IMAP', 'Exchange', 'JMAP']],
      [PORTS, PORT_TABLE, ['Port', 'Used by', 'Role', 'IANA service name', 'Security', 'Governing RFCs', 'Common misconception']],
    ] as const) {
      test(`${path}: every column header is in view, none overlaps another, and the table does not scroll sideways`, async ({ page }) => {
        await page.goto(path);
        const region = regionOf(page, name);
        const [scroll, client] = await region.evaluate((el) => [el.scrollWidth, el.clientWidth]);
        expect(scroll).toBeLessThanOrEqual(client);
        const regionBox = (await region.boundingBox())!;
        const boxes = await headerBoxes(page, name);
        expect(boxes.map((b) => b.text)).toEqual(columns);
        for (const b of boxes) {
          expect(b.left, b.text).toBeGreaterThanOrEqual(Math.max(0, regionBox.x - 1));
          expect(b.right, b.text).toBeLessThanOrEqual(Math.min(width, regionBox.x + regionBox.width + 1));
        }
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${a.text} / ${b.text}`).toBe(false);
        }
        await expect(page.getByRole('table', { name }).locator('caption')).toBeVisible();
      });
    }

    test('the port table keeps each port to one compact band', async ({ page }) => {
      await page.goto(PORTS);
      const heights = await rowHeights(page, PORT_TABLE);
      expect(heights).toHaveLength(10);
      // Before: 224 px median and 248 px at most at 1,280 px, in cells mostly empty beside a 16rem myth column.
      expect(Math.max(...heights)).toBeLessThanOrEqual(230);
      expect(median(heights)).toBeLessThanOrEqual(180);
    });

    test('the comparison keeps its rows compact', async ({ page }) => {
      await page.goto(COMPARE);
      const heights = await rowHeights(page, COMPARISON);
      expect(heights).toHaveLength(11);
      // The tallest row holds the longest fact (Exchange's server-side search); most rows are far shorter.
      expect(Math.max(...heights)).toBeLessThanOrEqual(330);
      expect(median(heights)).toBeLessThanOrEqual(160);
    });

    for (const theme of themes) {
      test(`the tables pass axe in the ${theme} theme`, async ({ page }) => {
        await useTheme(page, theme);
        for (const path of [COMPARE, PORTS]) {
          await page.goto(path);
          expect(await axeViolations(page, '.mw-fact-region')).toEqual([]);
        }
      });
    }
  });
}

test.describe('the fact tables on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const path of [COMPARE, PORTS]) {
    test(`${path}: each row is a card that fits, and each cell shows its column's name`, async ({ page }) => {
      await page.goto(path);
      const [pageScroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      expect(pageScroll).toBeLessThanOrEqual(inner!);
      const regions = page.locator('.mw-fact-region');
      expect(await regions.count()).toBeGreaterThan(0);
      for (const region of await regions.all()) {
        const cards = await region.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const headers = [...el.querySelectorAll('thead th')].map((th) => (th.firstChild?.textContent ?? '').trim());
          return {
            fits: el.scrollWidth <= el.clientWidth,
            rows: [...el.querySelectorAll('tbody tr')].map((tr) => {
              const r = tr.getBoundingClientRect();
              const labels = [...tr.querySelectorAll('td')].map((td) => {
                const before = getComputedStyle(td, '::before');
                return { shown: before.display !== 'none' && before.content !== 'none', label: td.dataset.label, content: before.content };
              });
              return { inside: r.left >= box.left - 1 && r.right <= box.right + 1, labels };
            }),
            headers,
          };
        });
        expect(cards.fits).toBe(true);
        for (const row of cards.rows) {
          expect(row.inside).toBe(true);
          for (const cell of row.labels) {
            expect(cell.shown, cell.label).toBe(true);
            expect(cell.content).toContain(`"${cell.label}"`);
            expect(cards.headers).toContain(cell.label);
          }
        }
      }
    });

    test(`${path}: Chromium still reads the cards as a table with column and row headers`, async ({ page }) => {
      await page.goto(path);
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
      const roles = (role: string) => nodes.filter((n) => n.role?.value === role);
      const table = path === PORTS ? 'Mail ports, what runs on them, and how they are protected' : COMPARISON;
      expect(roles('table').map((n) => n.name?.value)).toContain(table);
      expect(roles('columnheader').map((n) => n.name?.value)).toEqual(
        expect.arrayContaining(path === PORTS ? ['Governing RFCs', 'Common misconception'] : [expect.stringMatching(/^JMAP/)]),
      );
      expect(roles('rowheader').length).toBeGreaterThanOrEqual(10);
      // The visible labels are CSS with empty alternative text: a cell's name is its value, not "Role Relay …".
      const role = roles('cell').find((n) => n.name?.value.startsWith('Relay (server to server)'));
      expect(role).toBeDefined();
    });
  }

  for (const theme of themes) {
    test(`the cards pass axe in the ${theme} theme`, async ({ page }) => {
      await useTheme(page, theme);
      for (const path of [COMPARE, PORTS]) {
        await page.goto(path);
        expect(await axeViolations(page, '.mw-fact-region')).toEqual([]);
      }
    });
  }
});
