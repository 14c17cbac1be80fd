/** SessionWidget.astro on the server: what a reader without JavaScript gets, and the island's first screen. */
import { getContainerRenderer } from '@astrojs/svelte/container-renderer';
import { loadRenderers } from 'astro:container';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import SessionWidget from '../../src/components/widgets/SessionWidget.astro';
import { siteContainer } from './render.ts';

async function render(props: Record<string, unknown>, slots: Record<string, string> = {}): Promise<Document> {
  const container = await siteContainer(await loadRenderers([getContainerRenderer()]));
  const html = await container.renderToString(SessionWidget, { props, slots });
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

describe('SessionWidget', () => {
  // Issue 11: the island's first screen comes from the server, so the page reserves the widget's space and
  // hydration moves nothing (it rendered an empty section before, and the page jumped when it ran).
  test('keeps the static transcript in the page next to the island, whose first screen the server renders', async () => {
    const doc = await render({ scenario: 'smtp-submission-587' }, { static: '<ol class="transcript"><li>S: 220 mail.example.test</li></ol>' });
    const widget = doc.querySelector('.mw-widget')!;
    expect(widget.querySelector('.mw-static .transcript')?.textContent).toBe('S: 220 mail.example.test');
    const island = widget.querySelector('astro-island')!;
    // Hydrated when in view, with a yield between loading and hydrating (src/integrations/inview-directive.ts).
    expect(island.getAttribute('client')).toBe('inview');
    const sim = island.querySelector('.mw-sim')!;
    expect(sim.classList.contains('ready')).toBe(true);
    expect(sim.getAttribute('aria-label')).toMatch(/^Session simulator: /);
    expect([...sim.querySelectorAll('button')].map((b) => b.textContent?.trim())).toContain('On the wire');
    expect(widget.hasAttribute('data-hydrated')).toBe(false);
    expect(widget.querySelector('noscript')).toBeNull();
  });

  test('tells readers without JavaScript that the live terminal needs it', async () => {
    const doc = await render({ protocol: 'imap', port: 143 });
    expect(doc.querySelector('.mw-widget noscript')?.innerHTML).toContain('The live IMAP terminal needs JavaScript');
  });

  test('passes its props to the island', async () => {
    const doc = await render({ protocol: 'pop3', port: 110, mode: 'free', startStep: 0 });
    const props = JSON.parse(doc.querySelector('astro-island')!.getAttribute('props')!);
    expect(props.protocol).toEqual([0, 'pop3']);
    expect(props.port).toEqual([0, 110]);
    expect(props.mode).toEqual([0, 'free']);
  });

  test('hands the island the record the build played, so the page needs no engine for the steps', async () => {
    const doc = await render({ scenario: 'pop3-stls-vs-995', startStep: 1 });
    const props = JSON.parse(doc.querySelector('astro-island')!.getAttribute('props')!);
    const [, data] = props.data;
    expect(data.protocol).toEqual([0, 'pop3']);
    expect(data.startStep).toEqual([0, 1]);
    expect(data.greeting[1][0][1].text).toEqual([0, '+OK Mailwire POP3 ready.']);
  });

  test('renders the command line and greeting on the server, before the engine is in the page', async () => {
    const doc = await render({ protocol: 'smtp', port: 587, mode: 'free' });
    const sim = doc.querySelector('astro-island .mw-sim')!;
    expect(sim.querySelector('input[type="text"]')).not.toBeNull();
    expect(sim.textContent).toContain('220 ');
  });

  test('hands the island no record for bad props, so it checks them itself and says what is wrong', async () => {
    const doc = await render({ scenario: 'no-such-scenario' });
    const props = JSON.parse(doc.querySelector('astro-island')!.getAttribute('props')!);
    expect(props.data).toEqual([0]);
    expect(props.scenario).toEqual([0, 'no-such-scenario']);
    expect(doc.querySelector('astro-island .mw-sim')?.textContent).toBe('');
  });
});
