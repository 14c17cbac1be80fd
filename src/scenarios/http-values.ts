/**
 * Values a guided HTTP scenario carries from one response to a later request: named captures (an access token, a
 * message id, a nextLink, a SyncKey) read from a response, and `{{name}}` placeholders the runner fills with them.
 * Nothing is copied by hand from a response into a scenario file. No zod here: browser code may import it.
 */
import { headerValue, type HttpResponse } from '../protocols/shared/http-types.ts';

/** Where a named value comes from in a response. */
export type HttpCapture =
  /** A member of the JSON body, by its path of keys and array indexes, e.g. ["value", 0, "id"]. */
  | { from: 'json'; path: Array<string | number> }
  /** A response header field, e.g. "Retry-After", or the first group of `pattern` in it (a code in a Location). */
  | { from: 'header'; name: string; pattern?: string }
  /** The first group of a regular expression matched against the body as shown (WBXML decoded to XML). */
  | { from: 'body'; pattern: string };

/** Placeholders look like {{name}}: a letter, then letters, digits, "_" or "-". */
const PLACEHOLDER = /\{\{([A-Za-z][\w-]*)\}\}/g;

/** The names of the placeholders in `text`, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** `text` with every known placeholder replaced by its value; unknown ones stay as written (the schema forbids them). */
export function fillPlaceholders(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
}

/** The value a capture reads from `response` (`shownBody`: its body as the transcript shows it), or undefined. */
export function captureValue(capture: HttpCapture, response: HttpResponse, shownBody: string): string | undefined {
  const match = (pattern: string, text: string | undefined) => {
    const m = text === undefined ? null : new RegExp(pattern).exec(text);
    return m ? (m[1] ?? m[0]) : undefined;
  };
  if (capture.from === 'header') {
    const value = headerValue(response.headers, capture.name);
    return capture.pattern === undefined ? value : match(capture.pattern, value);
  }
  if (capture.from === 'body') return match(capture.pattern, shownBody);
  let node: unknown;
  try {
    node = JSON.parse(shownBody);
  } catch {
    return undefined;
  }
  for (const key of capture.path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean' ? String(node) : undefined;
}
