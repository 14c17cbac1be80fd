/**
 * The site's Content-Security-Policy, defined once. Astro renders it into every page as
 * `<meta http-equiv="Content-Security-Policy">` (astro.config.mjs `security.csp`), adding the hashes of the
 * scripts and styles it bundles or inlines itself; csp-headers.ts then copies each page's policy into
 * dist/_headers for static hosts, adding `frame-ancestors`, which only works in a header.
 *
 * Scripts run only from the site itself or when their text is hashed here: no 'unsafe-inline', no 'unsafe-eval'.
 * 'wasm-unsafe-eval' lets Pagefind (the search) compile its WebAssembly; it allows no JavaScript eval.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AstroUserConfig } from 'astro';
import { storageGuard } from '../components/shell/storage-guard.ts';

/** Astro's `security.csp` option in its object form. */
type CspOption = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** A CSP source expression for text, as browsers compute it: SHA-256 of the UTF-8 bytes, base64. */
export function sha256Source(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * The text of every `<script is:inline>` in Starlight's components (its theme, search and sidebar scripts,
 * Tabs). Astro does not hash inline scripts, and these are Starlight's code, so the policy allows exactly
 * their text as installed; an upgrade that changes one changes its hash with it.
 */
export function starlightInlineScripts(): string[] {
  const components = dirname(createRequire(import.meta.url).resolve('@astrojs/starlight/components/Search.astro'));
  return [components, join(components, '..', 'user-components')].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.astro'))
      .flatMap((name) => {
        const source = readFileSync(join(dir, name), 'utf8');
        return [...source.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
      }),
  );
}

/** Inline scripts the site itself writes into pages (their text comes from one constant each). */
export const ownInlineScripts = [storageGuard];

/** Directives other than script-src, style-src and frame-ancestors, the same on every page. */
export const otherDirectives: NonNullable<CspOption['directives']> = [
  "default-src 'self'",
  // Starlight's and Expressive Code's stylesheets draw icons as data: SVG images.
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/**
 * Who may show a page in a frame: the site itself everywhere, any HTTPS page for the widget embeds (course
 * platforms such as Moodle or Canvas are served over HTTPS). Later rules win for the paths they match.
 */
export const framing = [
  { path: '/*', frameAncestors: "'self'" },
  { path: '/embed/*', frameAncestors: "'self' https:" },
];

/** The `security.csp` option for astro.config.mjs. */
export function astroCsp(): CspOption {
  return {
    algorithm: 'SHA-256',
    directives: otherDirectives,
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: [...new Set([...starlightInlineScripts(), ...ownInlineScripts].map(sha256Source))],
    },
    styleDirective: {
      // <style> elements must be hashed (Astro hashes its own). Style attributes cannot be hashed without
      // 'unsafe-hashes' and a hash for each of thousands of values: Expressive Code and our transcript
      // highlighting colour tokens with style="--0:#…", Starlight and Svelte set layout in style attributes.
      // They are allowed as attributes only (style-src-attr), which can restyle but never run script.
      resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
    },
  };
}
