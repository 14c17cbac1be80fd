import { describe, expect, test } from 'vitest';
import { fixSearchButton } from '../../src/components/shell/search-button.ts';

// The shape of Starlight 0.42's search button, reduced to what the fix touches.
const starlight =
  '<site-search><button data-open-modal disabled aria-label="Search" aria-keyshortcuts="Control+K" class="astro-x">' +
  '<svg aria-hidden="true"></svg><span class="sl-hidden md:sl-block astro-x" aria-hidden="true">Search</span>' +
  '<kbd class="sl-hidden md:sl-flex astro-x" style="display: none;"><kbd>Ctrl</kbd><kbd>K</kbd></kbd></button>' +
  '<dialog aria-label="Search"></dialog></site-search>';

describe('fixSearchButton', () => {
  test('names the button by its visible label and hides the shortcut hint from screen readers', () => {
    const out = fixSearchButton(starlight);
    expect(out).toContain('<button data-open-modal disabled aria-keyshortcuts="Control+K" class="astro-x">');
    expect(out).toContain('<span class="mw-search-label astro-x">Search</span>');
    expect(out).toContain('<kbd aria-hidden="true" class="sl-hidden md:sl-flex astro-x"');
  });

  test('keeps the dialog label', () => {
    expect(fixSearchButton(starlight)).toContain('<dialog aria-label="Search">');
  });

  test('throws when Starlight changes its markup, so an upgrade cannot silently undo the fix', () => {
    expect(() => fixSearchButton('<button data-open-modal>Search</button>')).toThrow(/search markup changed/);
  });
});
