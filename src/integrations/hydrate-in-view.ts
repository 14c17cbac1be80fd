/**
 * Astro integration: the `client:inview` directive. Like `client:visible`, it hydrates an island when it comes
 * into view; unlike it, it gives the main thread back between evaluating the island's modules and hydrating
 * them, so a phone runs two shorter tasks instead of one long one (issue 11: hydrate without a long task).
 */
import type { AstroIntegration } from 'astro';

/** Adds `client:inview` to the project's directives. */
export function hydrateInView(): AstroIntegration {
  return {
    name: 'mailwire:hydrate-in-view',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'inview', entrypoint: new URL('./inview-directive.ts', import.meta.url).pathname });
      },
    },
  };
}

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate when the island comes into view, yielding to the browser between loading and hydrating. */
    'client:inview'?: boolean;
  }
}
