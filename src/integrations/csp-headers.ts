/**
 * Astro integration: after the build, checks every page against the Content-Security-Policy in its own <meta>
 * (csp-audit.ts), moves that <meta> to the top of <head>, and writes dist/_headers with the same policy plus
 * `frame-ancestors` (csp-policy.ts `framing`), so the header and the meta tag cannot drift apart. The build
 * fails when a page breaks its policy, has no policy, or when pages disagree on it.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { auditPage, hoistMeta, isRedirectStub, metaPolicy, parsePolicy, serializePolicy } from './csp-audit.ts';
import { framing } from './csp-policy.ts';
import { formatHeadersFile, parseHeadersFile, type HeaderRule } from './headers-file.ts';

/** Every HTML file under a folder. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The `_headers` rules for one site-wide policy: one per framing rule, each replacing the one before it. */
export function cspRules(policy: string): HeaderRule[] {
  const base = parsePolicy(policy);
  base.delete('frame-ancestors');
  return framing.map(({ path, frameAncestors }, i) => ({
    path,
    detach: i === 0 ? [] : ['Content-Security-Policy'],
    set: { 'Content-Security-Policy': `${serializePolicy(base)}; frame-ancestors ${frameAncestors}` },
  }));
}

/** Writes dist/_headers from the pages' own policy; see the file comment. */
export function cspHeaders(): AstroIntegration {
  return {
    name: 'mailwire:csp-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const problems: string[] = [];
        const policies = new Set<string>();
        for (const file of htmlFiles(root)) {
          const page = `/${relative(root, file).replaceAll('\\', '/')}`;
          const html = readFileSync(file, 'utf8');
          // Redirect stubs (Astro's `redirects`) hold no script or style: the header's policy covers them.
          if (isRedirectStub(html)) continue;
          const policy = metaPolicy(html);
          if (policy === undefined) {
            problems.push(`${page}: no Content-Security-Policy <meta>`);
            continue;
          }
          policies.add(serializePolicy(parsePolicy(policy)));
          const hoisted = hoistMeta(html);
          problems.push(...auditPage(hoisted, policy).map((p) => `${page}: ${p}`));
          if (hoisted !== html) writeFileSync(file, hoisted);
        }
        if (problems.length > 0) {
          const fix = 'move the script or style to a file, or hash its text in src/integrations/csp-policy.ts';
          throw new Error(`Content-Security-Policy: ${problems.length} problem(s); ${fix}.\n${problems.join('\n')}`);
        }
        const [policy, ...others] = policies;
        if (policy === undefined || others.length > 0) {
          throw new Error(`Content-Security-Policy: dist/_headers needs one policy for the whole site, but the pages have ${policies.size}.`);
        }
        const target = join(root, '_headers');
        const copied = existsSync(target) ? readFileSync(target, 'utf8') : '';
        if (parseHeadersFile(copied).some((rule) => Object.keys(rule.set).some((name) => /^content-security-policy$/i.test(name)))) {
          throw new Error('public/_headers sets Content-Security-Policy itself; the policy is defined in src/integrations/csp-policy.ts.');
        }
        const comment = 'Content-Security-Policy: written by the build (src/integrations/csp-headers.ts) from the policy\nin every page\'s <meta>, plus frame-ancestors, which works only as a header. Do not edit.';
        writeFileSync(target, `${copied}${copied ? '\n' : ''}${formatHeadersFile(cspRules(policy), comment)}`);
        logger.info(`checked ${htmlFiles(root).length} pages against their Content-Security-Policy; wrote _headers`);
      },
    },
  };
}
