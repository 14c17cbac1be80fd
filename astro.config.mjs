// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import mdx from '@astrojs/mdx';
import { factFreshness } from './src/integrations/fact-freshness.ts';
import { availableLessons } from './src/content/course.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://mailwire.example',
  trailingSlash: 'always',
  // The first two lessons lived at the top level before the course had a /lessons/ section.
  redirects: {
    '/ports/': '/lessons/ports-and-encryption/',
    '/transcripts/': '/lessons/reading-a-transcript/',
  },
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
      },
    }),
    svelte(),
    mdx(),
    factFreshness(),
  ],
});
