// @ts-check
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { transcriptLanguages } from './src/components/highlight/transcript-grammar.ts';
import { addTranscriptColors } from './src/components/highlight/transcript-colors.ts';

// Expressive Code options live here, not in astro.config.mjs, so that the <Code> component can use them too.
export default defineEcConfig({
  shiki: { langs: transcriptLanguages },
  customizeTheme: addTranscriptColors,
  // Transcripts wrap on a phone instead of scrolling: a reply's meaning is often at the end of its line.
  defaultProps: { overridesByLang: { 'smtp,pop3,imap': { wrap: true } } },
  // Expressive Code lifts token colours to at least this contrast, above WCAG AA's 4.5:1.
  minSyntaxHighlightingColorContrast: 5.5,
});
