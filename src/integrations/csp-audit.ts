/**
 * Checks a built page against its own Content-Security-Policy without a browser: every inline script and
 * <style> element must be allowed by a hash, no element may carry an event-handler attribute or a javascript:
 * URL, no script may come from another origin, and the policy's <meta> must come before anything it governs.
 * The build fails on any of these (csp-headers.ts); the browser test (tests/e2e/csp.spec.ts) checks the rest.
 */
import { sha256Source } from './csp-policy.ts';

/** A policy as directive name → source expressions. */
export type Policy = Map<string, string[]>;

/** Parses a serialized policy ("script-src 'self' 'sha256-…'; style-src …"). */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The policy serialized with one "; " between directives and none at the end. */
export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

const META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/i;

/** The content of a page's CSP <meta>, or undefined when it has none. */
export function metaPolicy(html: string): string | undefined {
  return META.exec(html)?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/**
 * Moves the CSP <meta> to the top of <head>, right after <meta charset>: a policy in a <meta> governs only
 * what the parser meets after it, and Astro writes it after Starlight's theme script and stylesheets.
 */
export function hoistMeta(html: string): string {
  const meta = META.exec(html)?.[0];
  if (!meta) return html;
  const without = html.replace(meta, '');
  const anchor = /<meta charset="[^"]*"\s*\/?>/i.exec(without) ?? /<head[^>]*>/i.exec(without);
  if (!anchor) return html;
  const at = anchor.index + anchor[0].length;
  return without.slice(0, at) + meta + without.slice(at);
}

/** Script types a browser runs; any other type (application/json, ld+json) is a data block CSP ignores. */
const RUNS = /^(|module|text\/javascript|application\/javascript)$/i;

/** What a directive (script-src-elem, say) falls back to when the policy does not name it. */
function sourcesFor(policy: Policy, name: string, fallback: string): string[] {
  return policy.get(name) ?? policy.get(fallback) ?? policy.get('default-src') ?? [];
}

/** Every way this page breaks its policy, each as a sentence; empty when it keeps it. */
export function auditPage(html: string, policyText: string): string[] {
  const policy = parsePolicy(policyText);
  const problems: string[] = [];
  const scriptSources = sourcesFor(policy, 'script-src-elem', 'script-src');
  const styleSources = sourcesFor(policy, 'style-src-elem', 'style-src');
  const allowed = (sources: string[], text: string) =>
    sources.includes(`'${sha256Source(text)}'`) ||
    (sources.includes("'unsafe-inline'") && !sources.some((s) => /^'(sha\d+|nonce)-/.test(s)));
  const start = (text: string) => JSON.stringify(text.trim().slice(0, 60));

  for (const [, attrs = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = /\stype="([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (!RUNS.test(type)) continue;
    const src = /\ssrc="([^"]*)"/i.exec(attrs)?.[1];
    if (src !== undefined) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) problems.push(`a script from another origin: ${src}`);
    } else if (!allowed(scriptSources, body)) {
      problems.push(`an inline script without a hash in the policy ('${sha256Source(body)}'): ${start(body)}`);
    }
  }
  for (const [, body = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    if (!allowed(styleSources, body)) problems.push(`a <style> element without a hash in the policy ('${sha256Source(body)}'): ${start(body)}`);
  }
  for (const [tag] of html.matchAll(/<[a-z][a-z0-9-]*(\s[^>]*)?>/gi)) {
    const handler = /\s(on[a-z]+)\s*=/i.exec(tag)?.[1];
    if (handler) problems.push(`an event-handler attribute (${handler}), which the policy forbids: ${tag.slice(0, 80)}`);
    if (/\s(href|src|action|formaction)\s*=\s*"\s*javascript:/i.test(tag)) problems.push(`a javascript: URL: ${tag.slice(0, 80)}`);
  }
  const meta = META.exec(html);
  const firstGoverned = html.search(/<(script|style|link)\b/i);
  if (meta && firstGoverned !== -1 && firstGoverned < meta.index) problems.push('the policy <meta> comes after a script, style or link');
  return problems;
}

/** A page that only sends the reader elsewhere: a meta refresh and no script or style of its own. */
export function isRedirectStub(html: string): boolean {
  return /<meta\s+http-equiv="refresh"/i.test(html) && !/<(?:script|style)[\s>]/i.test(html);
}
