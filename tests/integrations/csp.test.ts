/** The site's Content-Security-Policy: what it allows, and the build's check of each page against it. */
import { describe, expect, test } from 'vitest';
import { auditPage, hoistMeta, isRedirectStub, metaPolicy, parsePolicy, serializePolicy } from '../../src/integrations/csp-audit.ts';
import { cspRules } from '../../src/integrations/csp-headers.ts';
import { astroCsp, sha256Source, starlightInlineScripts } from '../../src/integrations/csp-policy.ts';
import { storageGuard } from '../../src/components/shell/storage-guard.ts';

const guard = `'${sha256Source(storageGuard)}'`;
const policy = `default-src 'self'; script-src 'self' ${guard}; style-src 'self'; style-src-attr 'unsafe-inline'`;
const page = (head: string, body = '') =>
  `<!doctype html><html><head><meta charset="utf-8"/>${head}</head><body>${body}</body></html>`;
const meta = `<meta http-equiv="content-security-policy" content="${policy}">`;

describe('the policy', () => {
  const csp = astroCsp();

  test('scripts: the site and hashed inline scripts only; WebAssembly may compile, JavaScript may not be eval-ed', () => {
    expect(csp.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.scriptDirective?.hashes).toContain(sha256Source(storageGuard));
    expect(csp.directives).toContain("object-src 'none'");
    expect(JSON.stringify(csp)).not.toMatch(/'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'/);
  });

  test('inline styles are allowed as attributes only, never as <style> elements', () => {
    expect(csp.styleDirective?.resources).toEqual(["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }]);
  });

  test("hashes every inline script in Starlight's components (theme, search, sidebar)", () => {
    const scripts = starlightInlineScripts();
    expect(scripts.some((s) => s.includes('StarlightThemeProvider = '))).toBe(true);
    expect(scripts.some((s) => s.includes('data-open-modal'))).toBe(true);
    expect(scripts.some((s) => s.includes('sl-sidebar-state'))).toBe(true);
    for (const s of scripts) expect(csp.scriptDirective?.hashes).toContain(sha256Source(s));
  });

  test('a hash is the SHA-256 of the UTF-8 text, base64, as browsers compute it', () => {
    expect(sha256Source('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(sha256Source('é')).not.toBe(sha256Source('e'));
  });

  test('the headers file adds frame-ancestors to the page policy: the site everywhere, HTTPS pages for embeds', () => {
    const [all, embeds] = cspRules(`${policy};`);
    expect(all).toEqual({ path: '/*', detach: [], set: { 'Content-Security-Policy': `${policy}; frame-ancestors 'self'` } });
    expect(embeds).toEqual({
      path: '/embed/*',
      detach: ['Content-Security-Policy'],
      set: { 'Content-Security-Policy': `${policy}; frame-ancestors 'self' https:` },
    });
  });
});

describe('auditPage', () => {
  test('a page whose inline script is hashed passes', () => {
    expect(auditPage(page(meta, `<script>${storageGuard}</script>`), policy)).toEqual([]);
  });

  test('an inline script without its hash is reported with the hash to add', () => {
    const problems = auditPage(page(meta, '<script>alert(1)</script><script type="module">go()</script>'), policy);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(`'${sha256Source('alert(1)')}'`);
  });

  test('data blocks (JSON) are not scripts; same-origin script files need no hash; another origin is reported', () => {
    const body = '<script type="application/json">{"a":1}</script><script type="module" src="/_astro/a.js"></script><script src="https://cdn.example/x.js"></script>';
    expect(auditPage(page(meta, body), policy)).toEqual(['a script from another origin: https://cdn.example/x.js']);
  });

  test('a <style> element needs a hash even though style attributes are allowed', () => {
    expect(auditPage(page(meta, '<p style="color:red">x</p><style>p{}</style>'), policy)).toEqual([
      `a <style> element without a hash in the policy ('${sha256Source('p{}')}'): "p{}"`,
    ]);
  });

  test('event-handler attributes and javascript: URLs are reported', () => {
    const problems = auditPage(page(meta, '<img src="/a.png" onerror="x()"><a href="javascript:void 0">a</a>'), policy);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['an event-handler attribute (onerror), which the policy forbids', 'a javascript']);
  });

  test('a <meta> policy after a script is reported (it would not govern that script)', () => {
    expect(auditPage(page(`<script>${storageGuard}</script>${meta}`), policy)).toEqual(['the policy <meta> comes after a script, style or link']);
  });
});

describe('hoistMeta and metaPolicy', () => {
  test('moves the policy right after <meta charset>, before the scripts it governs', () => {
    const html = hoistMeta(page(`<link rel="stylesheet" href="/a.css"><script>${storageGuard}</script>${meta}`));
    expect(html).toContain(`<meta charset="utf-8"/>${meta}<link`);
    expect(auditPage(html, policy)).toEqual([]);
  });

  test('reads the policy back, entities decoded, and leaves a page without one alone', () => {
    expect(metaPolicy(page(meta.replaceAll("'", '&#39;')))).toBe(policy);
    expect(hoistMeta(page(''))).toBe(page(''));
    expect(metaPolicy(page(''))).toBeUndefined();
  });

  test('parsePolicy and serializePolicy normalise spacing and the trailing semicolon', () => {
    expect(serializePolicy(parsePolicy(" default-src  'self';script-src 'self' ; "))).toBe("default-src 'self'; script-src 'self'");
  });
});

describe('redirect stubs', () => {
  test('a meta refresh with no script or style needs no policy of its own; one with a script does', () => {
    const stub = '<!doctype html><title>Redirecting to: /lessons/x/</title><meta http-equiv="refresh" content="0;url=/lessons/x/"><body><a href="/lessons/x/">x</a></body>';
    expect(isRedirectStub(stub)).toBe(true);
    expect(isRedirectStub(stub.replace('<body>', '<body><script>alert(1)</script>'))).toBe(false);
    expect(isRedirectStub('<!doctype html><title>A page</title><body>text</body>')).toBe(false);
  });
});
