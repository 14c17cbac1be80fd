/**
 * The part of every embed page that talks to its host (browser only, loaded once per page): applies the theme,
 * shows what was wrong with the address's options (as text), posts `ready`, `resize` and the widget's events to
 * the parent, and takes the two host messages src/embed/events.ts accepts. Outside a frame it posts nothing.
 */
import { embedEvent, readHostMessage, type EmbedEventPayloads, type EmbedEventType } from '../../embed/events.ts';
import { FORWARDED_DOM_EVENTS, fromDomEvent } from '../../embed/dom-events.ts';
import { isEmbedWidget, parseEmbedOptions } from '../../embed/options.ts';

const root = document.documentElement;
const widget = root.dataset.widget ?? '';
if (isEmbedWidget(widget)) {
  const { options, messages } = parseEmbedOptions(widget, location.search);
  const id = options.id ?? widget;
  const framed = window.parent !== window;

  // "auto": the theme the reader picked on the site, if this browser stored one (Starlight's key), else the system's.
  const stored = () => {
    try {
      return localStorage.getItem('starlight-theme');
    } catch {
      return null;
    }
  };
  const applyTheme = (theme: 'light' | 'dark' | 'auto') => {
    const picked = theme === 'auto' ? stored() : theme;
    const dark = picked === 'dark' || (picked !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    root.dataset.theme = dark ? 'dark' : 'light';
  };
  applyTheme(options.theme);

  const list = document.getElementById('mw-embed-messages');
  if (list && messages.length > 0) {
    const intro = document.createElement('p');
    intro.textContent = 'Some of this page’s options could not be used:';
    const ul = document.createElement('ul');
    for (const m of messages) ul.append(Object.assign(document.createElement('li'), { textContent: m }));
    list.append(intro, ul);
    list.hidden = false;
  }

  const post = <T extends EmbedEventType>(type: T, payload: EmbedEventPayloads[T]) => {
    // '*': the host's origin is not known in advance, and no event carries anything secret (events.ts).
    if (framed) window.parent.postMessage(embedEvent(type, widget, id, payload), '*');
  };
  const height = () => Math.ceil(root.scrollHeight);

  let last = -1;
  const reportSize = (force = false) => {
    const h = height();
    if (force || h !== last) post('resize', { height: h });
    last = h;
  };
  new ResizeObserver(() => reportSize()).observe(document.body);

  for (const name of FORWARDED_DOM_EVENTS) {
    document.addEventListener(name, (event) => {
      const found = fromDomEvent(name, (event as CustomEvent).detail);
      if (found) post(found.type, found.payload);
    });
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const message = readHostMessage(event.data);
    if (message?.type === 'set-theme') applyTheme(message.theme);
    if (message?.type === 'request-size') reportSize(true);
  });

  // Ready once every island has hydrated (Astro removes an island's `ssr` attribute then).
  const hydrated = () => [...document.querySelectorAll('astro-island')].every((island) => !island.hasAttribute('ssr'));
  let sentReady = false;
  const tryReady = () => {
    if (sentReady || !hydrated()) return;
    sentReady = true;
    root.dataset.embedReady = '';
    post('ready', { height: height() });
  };
  const watch = new MutationObserver(() => {
    tryReady();
    if (sentReady) watch.disconnect();
  });
  watch.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['ssr'] });
  tryReady();
}
