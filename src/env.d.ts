/// <reference types="astro/client" />

// svelte-check type-checks the project's .ts files but cannot read .astro files (astro check can, and its
// own resolution wins there). This lets svelte-check accept tests that import Astro components.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
