/**
 * What a teacher pastes: the embed address for chosen options, and the snippet for each host. Pure text; the /teach/
 * page and its builder render it only as text (a <pre>, a textarea), never as HTML.
 */
import { OPTION_FIELDS, type EmbedOptionValues, type EmbedWidget, WIDGET_TITLES } from './option-fields.ts';

/** The site's address, for the snippets (astro.config.mjs `site`). */
export const EMBED_ORIGIN = 'https://mailwire.example';

/** Text safe inside a double-quoted HTML attribute. */
export function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The embed address for `widget` with `options` (only the options that apply to it, in the schema's order). */
export function embedUrl(widget: EmbedWidget, options: Partial<EmbedOptionValues>, origin = EMBED_ORIGIN): string {
  const query = new URLSearchParams();
  for (const field of OPTION_FIELDS) {
    const value = options[field.key];
    if (value === undefined || value === '' || !field.widgets.includes(widget)) continue;
    if (field.key === 'theme' && value === 'auto') continue;
    if (field.key === 'hideNotes') {
      if (value === true) query.set(field.param, '1');
      continue;
    }
    query.set(field.param, Array.isArray(value) ? value.join(',') : String(value));
  }
  const q = query.toString();
  return `${origin}/embed/${widget}/${q ? `?${q}` : ''}`;
}

/** An iframe of a fixed height, which works where the host strips scripts. */
export function iframeSnippet(widget: EmbedWidget, url: string, height = 600): string {
  return `<iframe src="${attr(url)}" title="${attr(`Mailwire: ${WIDGET_TITLES[widget]}`)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

/** The iframe plus the resizer, for hosts that keep a script: the frame grows with its widget. */
export function resizerSnippet(widget: EmbedWidget, url: string, height = 600, origin = EMBED_ORIGIN): string {
  return `${iframeSnippet(widget, url, height)}\n<script src="${origin}/embed/resizer.js" async></script>`;
}

/** One host: where to paste, and what it strips. */
export interface HostGuide {
  id: string;
  name: string;
  /** Which snippet to use there. */
  snippet: 'iframe' | 'resizer';
  steps: string[];
  strips: string;
}

/** The hosts /teach/ explains, as their own documentation describes them. */
export const HOST_GUIDES: readonly HostGuide[] = [
  { id: 'plain', name: 'A plain web page', snippet: 'resizer', steps: ['Copy the snippet with the resizer.', 'Paste it into the page’s HTML where the widget should appear.', 'Several widgets on one page need the script tag once.'], strips: 'Nothing: the page keeps the script, so the frame grows with the widget.' },
  { id: 'moodle', name: 'Moodle', snippet: 'iframe', steps: ['In a Page, Book or activity description, open the editor’s HTML (source code) view.', 'Paste the iframe snippet.', 'Save, and check the page as a student.'], strips: 'Moodle keeps iframes in teacher-authored areas (pages, books, activity descriptions) but its cleaner removes them from cleaned text such as forum posts, and a site may force cleaning everywhere. Scripts are not kept for most teachers: use the fixed-height iframe.' },
  { id: 'canvas', name: 'Canvas', snippet: 'iframe', steps: ['Edit a Page, open the HTML editor (the </> button).', 'Paste the iframe snippet.', 'Save.'], strips: 'Canvas keeps an iframe whose src is https but strips <script> and <style>: the resizer cannot run, so give the iframe a height that fits; the widget scrolls inside it.' },
  { id: 'google-sites', name: 'Google Sites', snippet: 'iframe', steps: ['Insert, Embed, then "Embed code".', 'Paste the iframe snippet, Next, Insert.', 'Drag the embed box to the height you want.'], strips: 'Google Sites runs embedded code inside nested frames on its own origin, so the resizer cannot reach your page: set the height by dragging the box.' },
  { id: 'wordpress', name: 'WordPress', snippet: 'resizer', steps: ['Add a "Custom HTML" block.', 'Paste the snippet with the resizer.', 'Update the page.'], strips: 'WordPress keeps iframes and scripts in a Custom HTML block for users with the unfiltered_html capability (administrators and editors; on a multisite network only super admins) and strips them for everyone else: there, use the iframe alone.' },
];
