// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import mdx from '@astrojs/mdx';
import { factFreshness } from './src/integrations/fact-freshness.ts';
import { availableLessons } from './src/content/course.ts';
import { astroCsp } from './src/integrations/csp-policy.ts';
import { cspHeaders } from './src/integrations/csp-headers.ts';
import { hydrateInView } from './src/integrations/hydrate-in-view.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://mailwire.example',
  trailingSlash: 'always',
  // The first two lessons lived at the top level before the course had a /lessons/ section.
  redirects: {
    '/ports/': '/lessons/ports-and-encryption/',
    '/transcripts/': '/lessons/reading-a-transcript/',
  },
  // Content-Security-Policy: defined in src/integrations/csp-policy.ts; cspHeaders() below checks every page
  // against it and writes the same policy to dist/_headers. (The build's warning that Shiki's inline styles
  // break CSP does not apply: the policy allows style attributes.)
  security: { csp: astroCsp() },
  // Stylesheets as files, never inlined: Astro does not hash the <style> it inlines for components used in MDX.
  build: { inlineStylesheets: 'never' },
  // XState in one chunk, shared by every widget: split by its importers (the simulator starts its player after
  // hydration, in its own chunk), the bundler cut it into three chunks that weighed 1.6 KB more gzipped.
  vite: { build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'xstate', test: /[\\/]node_modules[\\/]xstate[\\/]/ }] } } } } },
  integrations: [
    starlight({
      title: 'Mailwire',
      description: 'Learn how email works: SMTP, POP3, IMAP and Exchange, by talking to simulated mail servers.',
      sidebar: [
        {
          label: 'Course',
          // The lessons in course order, from src/content/course.ts.
          items: [{ label: 'Overview', link: '/' }, ...availableLessons.map((l) => ({ label: l.label, slug: l.slug }))],
        },
        {
          label: 'Practice',
          items: [
            { label: 'Guided scenarios', link: '/scenarios/' },
            { label: 'Playground', link: '/playground/' },
            { label: 'POP3 or IMAP on two devices', link: '/devices/' },
            { label: 'Port and encryption quiz', slug: 'quiz' },
          ],
        },
        {
          label: 'Reference',
          items: [
            { label: 'Compare the protocols', slug: 'compare' },
          ],
        },
      ],
      customCss: ['./src/styles/mailwire.css'],
      components: {
        // Fixes the search button's accessible name (WCAG 2.5.3); see src/components/shell/search-button.ts.
        Search: './src/components/shell/Search.astro',
        // Lesson pages get their objectives, summary, sources and next lesson from their frontmatter.
        MarkdownContent: './src/components/course/LessonFrame.astro',
        // Keeps the theme script from failing where localStorage throws; see src/components/shell/storage-guard.ts.
        ThemeProvider: './src/components/shell/ThemeProvider.astro',
      },
    }),
    svelte(),
    mdx(),
    factFreshness(),
    cspHeaders(),
    hydrateInView(),
  ],
});
