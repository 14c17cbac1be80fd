/**
 * frame-ancestors, as the test server sends it from dist/_headers (tests/e2e/csp.spec.ts checks the rest of the
 * policy): the site's pages show only in frames of the site itself, the widget embeds (/embed/…) in any HTTPS page.
 */
import { test, expect, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './browser.ts';

/** Loads a page of another site (answered by the test, never fetched) that frames `src`; returns what showed. */
async function frameFrom(page: Page, origin: string, src: string): Promise<{ title: string; refusals: string[] }> {
  const refusals: string[] = [];
  page.on('console', (m) => {
    if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
  });
  await page.route(`${origin}/course`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>A course</title><iframe name="widget" src="${src}"></iframe>` }),
  );
  await page.goto(`${origin}/course`);
  const frame = page.frame({ name: 'widget' });
  await frame?.waitForLoadState();
  return { title: (await frame?.title()) ?? '', refusals };
}

// Chromium refuses a public page framing a loopback address (Local Network Access) before CSP is consulted;
// the course pages here are public only in name, so that check is off and frame-ancestors alone decides.
test.use({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--disable-features=LocalNetworkAccessChecks'] } });

test.describe('frame-ancestors', () => {

  test('the site may frame its own pages', async ({ page, baseURL }) => {
    const { title, refusals } = await frameFrom(page, baseURL ?? '', '/compare/');
    expect(title).toContain('Compare the protocols');
    expect(refusals).toEqual([]);
  });

  test('another site cannot frame a lesson page', async ({ page, baseURL }) => {
    const { title, refusals } = await frameFrom(page, 'https://course.example', `${baseURL}/compare/`);
    expect(title).not.toContain('Compare the protocols');
    expect(refusals.join('\n')).toContain(`"frame-ancestors 'self'"`);
  });

  test('an HTTPS page of another site may frame the embeds, a plain HTTP one may not', async ({ page, baseURL }) => {
    // No embed page exists yet: the missing page under /embed/ carries the embeds' header.
    const secure = await frameFrom(page, 'https://course.example', `${baseURL}/embed/no-such-widget/`);
    expect(secure.title).toContain('Page not found');
    expect(secure.refusals).toEqual([]);
    const plain = await frameFrom(page, 'http://course.example', `${baseURL}/embed/no-such-widget/`);
    expect(plain.title).not.toContain('Page not found');
    expect(plain.refusals.join('\n')).toContain(`"frame-ancestors 'self' https:"`);
  });
});
