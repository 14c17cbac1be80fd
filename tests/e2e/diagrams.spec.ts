/**
 * The build-time diagrams in a browser: on every built page that has one (found in dist/, so a lesson that adds
 * a diagram is tested without editing a list), at 360 px and 1280 px, in both themes: axe finds nothing, the
 * page never scrolls sideways, each figure shows exactly one drawing, no text in it renders below 12 px, and
 * nothing moves. Until a page uses a diagram, one test checks that the components are there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, useTheme } from './axe.ts';
import { sitePages, themes } from './site-pages.ts';

const diagramPages = sitePages().filter((path) => {
  try {
    return readFileSync(`dist${path}index.html`, 'utf8').includes('data-diagram=');
  } catch {
    return false;
  }
});

const COMPONENTS = ['MailPath', 'StateDiagram', 'SequenceDiagram', 'EnvelopeDiagram', 'ReplyAnatomy', 'StorageDiagram'];

/** What a figure shows: how many drawings, its smallest text on screen, and colours below WCAG 2.2 AA. */
interface FigureCheck {
  name: string;
  shown: number;
  smallest: number;
  /** Text under 4.5:1 against what is behind it, lines and shapes under 3:1 against the page. */
  lowContrast: string[];
}

/**
 * Measures every figure in the page. axe does not check text inside SVG, so contrast is computed here: each
 * text against the filled shape drawn under it (a box, a band, a label's halo) or else the page background.
 */
async function measure(page: Page): Promise<FigureCheck[]> {
  return page.locator('figure[data-diagram]').evaluateAll((figures) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    return figures.map((figure) => {
      let el: Element | null = figure;
      while (el && /rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(el).backgroundColor)) el = el.parentElement;
      const pageBg = el ? getComputedStyle(el).backgroundColor : 'rgb(255, 255, 255)';
      const shown = [...figure.querySelectorAll('svg')].filter((svg) => getComputedStyle(svg).display !== 'none');
      const lowContrast: string[] = [];
      const sizes = shown.flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const fills = [...svg.querySelectorAll('rect')].filter((r) => getComputedStyle(r).fill !== 'none');
        for (const t of svg.querySelectorAll('text')) {
          const box = t.getBBox();
          const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
          const under = fills.filter((r) => {
            const b = r.getBBox();
            return r.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING && cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height;
          }).at(-1);
          const bg = under ? getComputedStyle(under).fill : pageBg;
          const r = ratio(getComputedStyle(t).fill, bg);
          if (r < 4.5) lowContrast.push(`text "${t.textContent}" ${r.toFixed(2)}:1`);
        }
        for (const shape of svg.querySelectorAll('.mw-dg-edge, .mw-dg-lifeline, .mw-dg-box, .mw-dg-panel, .mw-dg-part, .mw-dg-band, .mw-dg-mark')) {
          const style = getComputedStyle(shape);
          const colour = style.stroke !== 'none' ? style.stroke : style.fill;
          const r = ratio(colour, pageBg);
          if (r < 3) lowContrast.push(`${shape.getAttribute('class')} ${r.toFixed(2)}:1`);
        }
        return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      });
      return { name: `${figure.getAttribute('data-diagram')}#${figure.id}`, shown: shown.length, smallest: Math.min(...sizes), lowContrast };
    });
  });
}

if (diagramPages.length === 0) {
  test('the diagram components exist (no built page uses one yet)', () => {
    for (const name of COMPONENTS) expect(existsSync(`src/components/diagrams/${name}.astro`), name).toBe(true);
  });
}

for (const path of diagramPages) {
  for (const theme of themes) {
    for (const width of [360, 1280]) {
      test(`${path} diagrams read well at ${width} px in the ${theme} theme`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await useTheme(page, theme);
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(scroll).toBeLessThanOrEqual(inner!);
        const figures = await measure(page);
        expect(figures.length).toBeGreaterThan(0);
        for (const f of figures) {
          expect(f.shown, f.name).toBe(1);
          expect(f.smallest, f.name).toBeGreaterThanOrEqual(11.9);
          expect(f.lowContrast, f.name).toEqual([]);
        }
        expect(await page.locator('figure[data-diagram]').evaluateAll((els) => els.flatMap((el) => el.getAnimations({ subtree: true })).length)).toBe(0);
        expect(await axeViolations(page, 'figure[data-diagram]')).toEqual([]);
      });
    }
  }
}

if (diagramPages.length > 0) {
  test('the wide drawing replaces the phone drawing where the figure is at least 37.5rem wide', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const path = diagramPages.find((p) => readFileSync(`dist${p}index.html`, 'utf8').includes('mw-dg-has-wide'));
    test.fail(path === undefined, 'no built page has a diagram with a wide drawing');
    await page.goto(path!);
    const figure = page.locator('figure.mw-dg-has-wide').first();
    const wide = (await figure.evaluate((el) => el.getBoundingClientRect().width)) >= 600;
    await expect(figure.locator('svg.mw-dg-wide')).toBeVisible({ visible: wide });
    await expect(figure.locator('svg.mw-dg-narrow')).toBeVisible({ visible: !wide });
  });
}
