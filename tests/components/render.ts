/** Renders an Astro component to a DOM for component tests, through Astro's container API. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { JSDOM } from 'jsdom';

type Component = Parameters<AstroContainer['renderToString']>[0];

/** The component's HTML, parsed, as a document fragment's root. */
export async function renderToDom(component: Component, props: Record<string, unknown> = {}): Promise<Document> {
  const container = await AstroContainer.create();
  const html = await container.renderToString(component, { props });
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

/** Text content with runs of white space collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
