/** Every page of the built site, found by walking dist/, so a new page is tested without editing a list. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : walk(path);
    // Redirect stubs (old addresses) are not pages: shell.spec.ts checks where they lead.
    return name === 'index.html' && !readFileSync(path, 'utf8').includes('http-equiv="refresh"') ? [path] : [];
  });
}

/** Routes such as "/" and "/compare/", plus a missing page that must get the 404 page. */
export function sitePages(root = 'dist'): string[] {
  const routes = walk(root).map((file) => {
    const dir = relative(root, file).split(sep).slice(0, -1).join('/');
    return dir ? `/${dir}/` : '/';
  });
  return [...routes.sort(), '/no-such-page/'];
}

/** The two colour themes Starlight offers, as its theme picker stores them. */
export const themes = ['light', 'dark'] as const;
