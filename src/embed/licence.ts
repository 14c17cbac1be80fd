/** What a teacher may reuse and how to credit it, said once for the footer, /teach/, the embeds and LICENSE. */

/** The licence of the code. */
export const CODE_LICENCE = { name: 'MIT', url: 'https://opensource.org/license/mit' } as const;

/** The licence of the lesson text and diagrams. */
export const CONTENT_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** The site's public address, as astro.config.mjs `site` names it. */
export const SITE_URL = 'https://mailwire.example/';

/** A credit line that meets CC BY 4.0: title, source, licence with its link, and whether it was changed. */
export function creditLine(title: string, changes = 'none'): string {
  return `"${title}" from Mailwire (${SITE_URL}), ${CONTENT_LICENCE.name} (${CONTENT_LICENCE.url}). Changes: ${changes}.`;
}
