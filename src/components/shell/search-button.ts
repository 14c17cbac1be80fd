/**
 * Fixes the accessible name of Starlight's search button (WCAG 2.5.3, Label in Name). Starlight labels the
 * button "Search" with aria-label while its visible text reads "Search Ctrl K", which axe reports as
 * label-content-name-mismatch. We name the button by its visible word instead, keep that word for screen
 * readers on narrow screens, and leave the shortcut to aria-keyshortcuts.
 */

/** Rewrites one piece of the markup; throws when Starlight's markup changed, so an upgrade cannot silently undo the fix. */
function rewrite(html: string, pattern: RegExp, replace: string, what: string): string {
  if (!pattern.test(html)) throw new Error(`search-button: Starlight's search markup changed (${what} not found)`);
  return html.replace(pattern, replace);
}

/** Returns Starlight's search markup with the open button named by its visible label. */
export function fixSearchButton(html: string): string {
  let out = rewrite(html, /(<button[^>]*data-open-modal[^>]*?)\s+aria-label="[^"]*"/, '$1', 'the aria-label of the open button');
  out = rewrite(
    out,
    /<span class="sl-hidden md:sl-block([^"]*)" aria-hidden="true">/,
    '<span class="mw-search-label$1">',
    'the visible label',
  );
  out = rewrite(out, /<kbd class="sl-hidden md:sl-flex([^"]*)"/, '<kbd aria-hidden="true" class="sl-hidden md:sl-flex$1"', 'the shortcut hint');
  return out;
}
