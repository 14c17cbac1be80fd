/**
 * Reads an embed page's options from its query string. Never throws: every bad, unknown, repeated or misplaced
 * parameter becomes one clear sentence in `messages` and the default is used instead. The sentences quote what the
 * reader typed only after `shown()` has kept letters, digits and a few safe marks, so no markup can come out even
 * if a message were ever put into HTML (the embeds render them as text).
 */
import { DEFAULT_OPTIONS, EMBED_WIDGETS, OPTION_FIELDS, WIDGET_TITLES, type EmbedOptionValues, type EmbedWidget } from './option-fields.ts';

export { EMBED_WIDGETS, OPTION_FIELDS, type EmbedOptionValues, type EmbedWidget };

/** The result of parsing: options to use (defaults where the URL was wrong) and what was wrong, in sentences. */
export interface ParsedEmbedOptions {
  widget: EmbedWidget;
  options: EmbedOptionValues;
  messages: string[];
}

/** At most 40 characters of what the reader typed, with anything but letters, digits and `-_.,: ` as "?". */
export function shown(text: string): string {
  const cut = [...text].slice(0, 40);
  return cut.map((c) => (/^[\p{L}\p{N}\-_.,: ]$/u.test(c) ? c : '?')).join('') + ([...text].length > 40 ? '…' : '');
}

/** True for a known widget id. */
export function isEmbedWidget(name: string): name is EmbedWidget {
  return (EMBED_WIDGETS as readonly string[]).includes(name);
}

const MAX_PARAMS = 50;

/** Parses `search` (with or without the leading "?") for the embed of `widget`. */
export function parseEmbedOptions(widget: EmbedWidget, search: string): ParsedEmbedOptions {
  const options: EmbedOptionValues = { ...DEFAULT_OPTIONS };
  const messages: string[] = [];
  const seen = new Set<string>();
  let entries: [string, string][];
  try {
    entries = [...new URLSearchParams(search)];
  } catch {
    entries = [];
    messages.push('The address’s options could not be read; the widget uses its defaults.');
  }
  if (entries.length > MAX_PARAMS) {
    messages.push(`The address has ${entries.length} options; only the first ${MAX_PARAMS} are read.`);
    entries = entries.slice(0, MAX_PARAMS);
  }
  for (const [name, value] of entries) {
    const field = OPTION_FIELDS.find((f) => f.param === name);
    if (!field) {
      messages.push(`Unknown option “${shown(name)}” ignored. Known options: ${OPTION_FIELDS.map((f) => f.param).join(', ')}.`);
      continue;
    }
    if (seen.has(name)) {
      messages.push(`The option “${name}” is given more than once; the first one is used.`);
      continue;
    }
    seen.add(name);
    if (!field.widgets.includes(widget)) {
      messages.push(`The option “${name}” does not apply to the ${WIDGET_TITLES[widget].toLowerCase()}; ignored.`);
      continue;
    }
    const result = field.schema.safeParse(value);
    if (result.success) (options as unknown as Record<string, unknown>)[field.key] = result.data;
    else messages.push(`The option “${name}” is “${shown(value)}”, which is not ${field.accepts}; the default is used.`);
  }
  return { widget, options, messages: [...messages, ...conflicts(options)] };
}

/** Options that are each fine but do not go together: the later one gives way, and the message says so. */
function conflicts(options: EmbedOptionValues): string[] {
  const out: string[] = [];
  if (options.scenario !== undefined && options.protocol !== undefined) {
    out.push('A scenario decides its own server: the option “protocol” is ignored.');
    delete options.protocol;
  }
  if (options.scenario !== undefined && options.port !== undefined) {
    out.push('A scenario decides its own port: the option “port” is ignored.');
    delete options.port;
  }
  if (options.scenario === undefined && options.mode !== undefined && options.mode !== 'free') {
    out.push(`The mode “${options.mode}” needs a scenario: a free session opens instead.`);
    delete options.mode;
  }
  return out;
}
