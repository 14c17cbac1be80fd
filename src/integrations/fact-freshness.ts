/** Astro integration: warns at build time about facts not verified for more than a year. */
import type { AstroIntegration } from 'astro';
import { staleFacts } from '../data/index.ts';

/** Logs one warning per stale fact when a build starts; the build still succeeds. */
export function factFreshness(maxAgeDays = 365): AstroIntegration {
  return {
    name: 'mailwire:fact-freshness',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const stale = staleFacts(new Date(), maxAgeDays);
        for (const f of stale) {
          logger.warn(`${f.path} was last verified on ${f.lastVerified}, over ${maxAgeDays} days ago: check its sources`);
        }
        if (stale.length === 0) logger.info('every fact in src/data was verified within the last year');
      },
    },
  };
}
