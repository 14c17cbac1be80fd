// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import mdx from '@astrojs/mdx';
import { factFreshness } from './src/integrations/fact-freshness.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://mailwire.example',
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: 'Mailwire',
      description: 'Learn how email works: SMTP, POP3, IMAP and Exchange, by talking to simulated mail servers.',
      sidebar: [
        {
          label: 'Course',
          items: [
            { label: 'Overview', link: '/' },
            { label: 'Ports and encryption', slug: 'ports' },
          ],
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
            { label: 'Reading a transcript', slug: 'transcripts' },
          ],
        },
      ],
      customCss: ['./src/styles/mailwire.css'],
      components: {
        // Fixes the search button's accessible name (WCAG 2.5.3); see src/components/shell/search-button.ts.
        Search: './src/components/shell/Search.astro',
        // Keeps the theme script from failing where localStorage throws; see src/components/shell/storage-guard.ts.
        ThemeProvider: './src/components/shell/ThemeProvider.astro',
      },
    }),
    svelte(),
    mdx(),
    factFreshness(),
  ],
});
