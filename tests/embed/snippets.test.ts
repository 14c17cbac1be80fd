/** The teachers' snippets: addresses from options, escaping, and one guide per host. */
import { describe, expect, test } from 'vitest';
import { parseEmbedOptions } from '../../src/embed/options.ts';
import { attr, embedUrl, HOST_GUIDES, iframeSnippet, resizerSnippet } from '../../src/embed/snippets.ts';
import { worksheetRows } from '../../src/embed/worksheet.ts';
import { allScenarios } from '../../src/components/lesson/scenario-transcript.ts';

describe('embedUrl', () => {
  test('only the options of the widget, in the schema’s order, defaults left out', () => {
    expect(embedUrl('quiz', { seed: 7, count: 5, theme: 'auto', scenario: 'x' })).toBe('https://mailwire.example/embed/quiz/?count=5&seed=7');
    expect(embedUrl('simulator', { scenario: 'smtp-relay-25', mode: 'predict', hideNotes: true, theme: 'dark', id: 'w2' })).toBe(
      'https://mailwire.example/embed/simulator/?scenario=smtp-relay-25&mode=predict&hidenotes=1&theme=dark&id=w2',
    );
    expect(embedUrl('ports', {})).toBe('https://mailwire.example/embed/ports/');
  });

  test('what the parser reads back is what was put in', () => {
    const options = { count: 3, topics: ['reply', 'situation'] as ('reply' | 'situation')[], seed: 9, theme: 'light' as const, height: 700, id: 'q-1' };
    const url = new URL(embedUrl('quiz', options));
    expect(parseEmbedOptions('quiz', url.search)).toEqual({ widget: 'quiz', options, messages: [] });
  });
});

describe('snippets', () => {
  test('the iframe snippet, exactly', () => {
    expect(iframeSnippet('quiz', 'https://mailwire.example/embed/quiz/?count=5&seed=7', 640)).toBe(
      '<iframe src="https://mailwire.example/embed/quiz/?count=5&amp;seed=7" title="Mailwire: Port and encryption quiz" width="100%" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
  });

  test('the resizer snippet adds one script tag from the site', () => {
    const s = resizerSnippet('ports', 'https://mailwire.example/embed/ports/');
    expect(s.split('\n')[1]).toBe('<script src="https://mailwire.example/embed/resizer.js" async></script>');
  });

  test('attributes are escaped', () => {
    expect(attr('"><script>&')).toBe('&quot;&gt;&lt;script&gt;&amp;');
  });

  test('every host has 2 or 3 steps and says what it strips; script-stripping hosts get the iframe alone', () => {
    expect(HOST_GUIDES.map((h) => h.id)).toEqual(['plain', 'moodle', 'canvas', 'google-sites', 'wordpress']);
    for (const h of HOST_GUIDES) {
      expect(h.steps.length).toBeGreaterThanOrEqual(2);
      expect(h.steps.length).toBeLessThanOrEqual(3);
      expect(h.strips.length).toBeGreaterThan(20);
    }
    expect(HOST_GUIDES.find((h) => h.id === 'canvas')).toMatchObject({ snippet: 'iframe' });
    expect(HOST_GUIDES.find((h) => h.id === 'google-sites')).toMatchObject({ snippet: 'iframe' });
  });
});

describe('worksheets', () => {
  test('one row per step, with the client’s lines and the expected reply as the key', () => {
    for (const s of allScenarios) {
      const rows = worksheetRows(s);
      expect(rows).toHaveLength(s.steps.length);
      rows.forEach((r, i) => {
        expect(r.expect).toBe(s.steps[i]!.expect);
        expect(r.sent.length).toBeGreaterThan(0);
        expect(r.sent.length).toBeLessThanOrEqual(3);
      });
    }
  });
});
