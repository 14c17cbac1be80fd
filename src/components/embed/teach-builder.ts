/**
 * The /teach/ builder (browser only, loaded when the builder scrolls into view): reads the form, shows the fields
 * of the chosen widget only, and keeps the address, the two snippets and the preview in step. The preview frame
 * loads the same address on this site, after a short pause so typing a number does not reload it at every key.
 */
import { isEmbedWidget, parseEmbedOptions } from '../../embed/options.ts';
import { embedUrl, iframeSnippet, resizerSnippet } from '../../embed/snippets.ts';

/** Wires the builder form; idempotent per form. */
export function startBuilder(form: HTMLFormElement): void {
  if (form.dataset.started !== undefined) return;
  form.dataset.started = '';
  const $ = <T extends Element>(selector: string) => form.querySelector<T>(selector)!;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    const data = new FormData(form);
    const widgetName = String(data.get('widget'));
    const widget = isEmbedWidget(widgetName) ? widgetName : 'simulator';
    for (const el of form.querySelectorAll<HTMLElement>('[data-for]')) el.hidden = el.dataset.for !== widget;
    // The form's values go through the same parser as the embed's address, so the builder never offers a bad one.
    const query = new URLSearchParams();
    for (const [name, value] of data) {
      // 600 is the snippets' own height: the address carries the height only when the teacher changed it.
      if (name === 'widget' || name === 'topics' || value === '' || (name === 'height' && value === '600')) continue;
      if (name === 'hidenotes') query.set(name, '1');
      else query.set(name, String(value));
    }
    const topics = data.getAll('topics').map(String);
    if (topics.length > 0) query.set('topics', topics.join(','));
    if (query.get('scenario') && widget === 'simulator') { query.delete('protocol'); query.delete('port'); }
    if (!query.get('scenario') && query.get('mode') !== 'free') query.delete('mode');
    const { options } = parseEmbedOptions(widget, query.toString());
    const height = options.height ?? 600;
    const url = embedUrl(widget, options);
    $<HTMLElement>('[data-url]').textContent = url;
    $<HTMLTextAreaElement>('[data-snippet="iframe"]').value = iframeSnippet(widget, url, height);
    $<HTMLTextAreaElement>('[data-snippet="resizer"]').value = resizerSnippet(widget, url, height);
    const preview = $<HTMLIFrameElement>('[data-preview]');
    preview.height = String(height);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const local = embedUrl(widget, options, location.origin);
      if (preview.src !== local) preview.src = local;
    }, 300);
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const button of form.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.addEventListener('click', async () => {
      const text = $<HTMLTextAreaElement>(`[data-snippet="${button.dataset.copy}"]`).value;
      const status = $<HTMLElement>('[data-copy-status]');
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = 'Copied. Paste it into your page’s HTML.';
      } catch {
        status.textContent = 'Copying is blocked here: select the text in the box and copy it by hand.';
      }
    });
  }
  update();
}
