/** The string keys of a parsed SEARCH (RFC 3501 §6.4.4), which the matcher and the lab's prescan both read. */
import type { SearchCriteria, SearchKey } from './search.ts';

/** The strings of the criteria's TEXT, BODY and header keys (by field name in lower case), in the order the plan uses. */
export function stringKeys(criteria: SearchCriteria): { text: string[]; body: string[]; headers: Map<string, string[]> } {
  const text: string[] = [];
  const body: string[] = [];
  const headers = new Map<string, string[]>();
  const visit = (k: SearchKey): void => {
    if (k.kind === 'and') k.keys.forEach(visit);
    else if (k.kind === 'or') (visit(k.left), visit(k.right));
    else if (k.kind === 'not') visit(k.key);
    else if (k.kind === 'text') text.push(k.value);
    else if (k.kind === 'body') body.push(k.value);
    else if (k.kind === 'header') {
      const name = k.field.toLowerCase();
      (headers.get(name) ?? headers.set(name, []).get(name)!).push(k.value);
    }
  };
  visit(criteria as SearchKey);
  return { text, body, headers };
}
