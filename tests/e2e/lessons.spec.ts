/**
 * Every lesson has the parts a lesson must have: objectives at the top; prose; a build-time diagram with a text
 * alternative; at least one guided scenario in the simulator (the ones its frontmatter declares); a short quiz;
 * a myth shown beside its correction; its sources; a summary; and a link to the next lesson.
 */
import { test, expect } from '@playwright/test';
import { availableLessons, lessonHref } from '../../src/content/course.ts';

for (const [i, lesson] of availableLessons.entries()) {
  test(`${lessonHref(lesson)} has every part of a lesson`, async ({ page }) => {
    await page.goto(lessonHref(lesson));
    const main = page.locator('main');

    const intro = main.locator('.mw-objectives');
    await expect(intro.getByRole('heading', { name: 'What you will be able to do' })).toBeVisible();
    const objectives = await intro.locator('li').count();
    expect(objectives).toBeGreaterThanOrEqual(3);
    expect(objectives).toBeLessThanOrEqual(4);
    await expect(intro).toHaveAttribute('data-lesson-visit', lesson.id);

    // Prose: several paragraphs of the lesson's own, beyond the frame's parts.
    expect(await main.locator('.sl-markdown-content > p').count()).toBeGreaterThanOrEqual(4);

    const diagrams = main.locator('figure[data-diagram]');
    expect(await diagrams.count()).toBeGreaterThanOrEqual(1);
    for (const figure of await diagrams.all()) {
      const svg = figure.locator('svg[role="img"]').first();
      await expect(svg).toHaveAttribute('aria-labelledby', /\S/);
      expect((await svg.getAttribute('aria-labelledby'))?.split(' ').length).toBeGreaterThan(0);
      await expect(figure.locator('figcaption')).not.toBeEmpty();
      // The text alternative: a list a reader can follow without the picture.
      expect(await figure.locator('ol li, ul li, dl dt').count()).toBeGreaterThan(0);
    }

    const declared = ((await intro.getAttribute('data-lesson-scenarios')) ?? '').split(' ').filter(Boolean);
    expect(declared.length).toBeGreaterThan(0);
    const embedded = await main.locator('.mw-lesson-scenario[data-scenario]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')));
    expect(new Set(embedded)).toEqual(new Set(declared));
    expect(await main.locator('.mw-lesson-scenario [data-widget="session-simulator"]').count()).toBe(embedded.length);

    expect(await main.locator('[data-quiz]').count()).toBeGreaterThanOrEqual(1);
    expect(await main.locator('[data-myth]').count()).toBeGreaterThanOrEqual(1);

    const end = main.locator('.mw-lesson-end');
    expect(await end.locator('.mw-summary li').count()).toBeGreaterThanOrEqual(2);
    const sources = end.locator('.mw-lesson-sources a');
    expect(await sources.count()).toBeGreaterThanOrEqual(1);
    for (const href of await sources.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) expect(href).toMatch(/^https:\/\//);

    const next = availableLessons[i + 1];
    if (next) await expect(end.locator('[data-next-lesson]')).toHaveAttribute('href', lessonHref(next));
    else await expect(end.locator('[data-course-end]')).toHaveAttribute('href', '/');
  });
}
