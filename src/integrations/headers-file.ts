/**
 * The `_headers` file that static hosts read (Netlify, Cloudflare Pages): blocks of a path pattern followed by
 * indented `Name: value` lines. Written by the build (csp-headers.ts), read by the test server
 * (scripts/serve-dist.mjs), so the browser tests get the headers a host would send.
 *
 * When several rules match a path, Cloudflare Pages applies them in file order and joins repeated headers with a
 * comma, which for Content-Security-Policy means two policies, both enforced; a `! Name` line in a later rule
 * detaches the value set by an earlier one. Netlify lets the later rule's value win and skips lines without a
 * colon. A narrower rule therefore replaces a header with `! Name` then `Name: value`, which both read the same.
 * https://developers.cloudflare.com/pages/configuration/headers/ · https://docs.netlify.com/routing/headers/
 */

/** One block: a path pattern (`*` matches any run of characters), headers to detach, then headers to set. */
export interface HeaderRule {
  path: string;
  detach?: string[];
  set: Record<string, string>;
}

/** The file's text for these rules, after a comment saying where it comes from. */
export function formatHeadersFile(rules: HeaderRule[], comment: string): string {
  const head = comment.split('\n').map((line) => `# ${line}`.trimEnd());
  const blocks = rules.map((rule) => [
    rule.path,
    ...(rule.detach ?? []).map((name) => `  ! ${name}`),
    ...Object.entries(rule.set).map(([name, value]) => `  ${name}: ${value}`),
  ]);
  return [...head, '', ...blocks.map((lines) => lines.join('\n')).join('\n\n').split('\n'), ''].join('\n');
}

/** The rules of a `_headers` file; comments and blank lines are skipped, a header before any path is an error. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('/')) {
      rules.push({ path: line, detach: [], set: {} });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${index + 1}: a header before any path: ${line}`);
    if (line.startsWith('!')) {
      rule.detach?.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`_headers line ${index + 1}: not "Name: value": ${line}`);
    rule.set[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** Whether a rule's path pattern matches a request path. */
export function matchesPath(pattern: string, pathname: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(pathname);
}

/**
 * The headers a request path gets, as Cloudflare Pages applies them: every matching rule in order, detached
 * names removed, a name set again by a later rule joined to the earlier value with ", ". Names are lower-cased.
 */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules.filter((r) => matchesPath(r.path, pathname))) {
    for (const name of rule.detach ?? []) delete out[name.toLowerCase()];
    for (const [name, value] of Object.entries(rule.set)) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}
