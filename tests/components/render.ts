/** Renders an Astro component to a DOM for component tests, through Astro's container API. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { SSRManifest } from 'astro';
import { JSDOM } from 'jsdom';

type Component = Parameters<AstroContainer['renderToString']>[0];
type Renderers = NonNullable<Parameters<typeof AstroContainer.create>[0]>['renderers'];

/**
 * A container that knows the site's own client directives (src/integrations/hydrate-in-view.ts adds
 * `client:inview` to the build; the container API only knows Astro's). The directive's browser code is not
 * needed to render on the server, so each entry is a placeholder.
 */
export function siteContainer(renderers?: Renderers): Promise<AstroContainer> {
  const directives = new Map(['idle', 'load', 'media', 'only', 'visible', 'inview'].map((name) => [name, `/* client:${name} */`]));
  return AstroContainer.create({ renderers, manifest: { clientDirectives: directives } as unknown as SSRManifest });
}

/** The component's HTML, parsed, as a document fragment's root. */
export async function renderToDom(component: Component, props: Record<string, unknown> = {}): Promise<Document> {
  const container = await siteContainer();
  const html = await container.renderToString(component, { props });
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

/** Text content with runs of white space collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
