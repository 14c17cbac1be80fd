/** The _headers file for static hosts: written, read back, and resolved per path as Cloudflare Pages and Netlify do. */
import { describe, expect, test } from 'vitest';
import { formatHeadersFile, headersFor, matchesPath, parseHeadersFile, type HeaderRule } from '../../src/integrations/headers-file.ts';

const rules: HeaderRule[] = [
  { path: '/*', set: { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'self'", 'X-Test': 'a' } },
  { path: '/embed/*', detach: ['Content-Security-Policy'], set: { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'self' https:" } },
];

/** What Netlify serves: the later matching rule's value wins; lines without a colon (the `!` lines) are skipped. */
function netlify(text: string, pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of parseHeadersFile(text).filter((r) => matchesPath(r.path, pathname))) {
    for (const [name, value] of Object.entries(rule.set)) out[name.toLowerCase()] = value;
  }
  return out;
}

describe('headers file', () => {
  test('reads back the rules it writes, comment lines skipped', () => {
    const text = formatHeadersFile(rules, 'written by a test\nsecond line');
    expect(text.startsWith('# written by a test\n# second line\n\n/*\n  Content-Security-Policy: ')).toBe(true);
    expect(text).toContain('/embed/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ');
    expect(parseHeadersFile(text)).toEqual([{ ...rules[0], detach: [] }, rules[1]]);
  });

  test.each([
    ['/*', '/', true],
    ['/*', '/compare/', true],
    ['/embed/*', '/embed/', true],
    ['/embed/*', '/embed/quiz/', true],
    ['/embed/*', '/embedded/', false],
    ['/embed/*', '/compare/embed/', false],
    ['/compare/', '/compare/', true],
    ['/compare/', '/compare/x/', false],
    ['/a.b/*', '/aXb/', false],
  ])('pattern %s matches %s: %s', (pattern, path, expected) => {
    expect(matchesPath(pattern, path)).toBe(expected);
  });

  test('a narrower rule replaces a header for its paths, and only there', () => {
    const text = formatHeadersFile(rules, 'x');
    for (const resolve of [(p: string) => headersFor(parseHeadersFile(text), p), (p: string) => netlify(text, p)]) {
      expect(resolve('/compare/')['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'self'");
      expect(resolve('/embed/quiz/')['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'self' https:");
      expect(resolve('/embed/quiz/')['x-test']).toBe('a');
    }
  });

  test('without a detach line, Cloudflare Pages joins the two values, which would enforce both policies', () => {
    const joined = headersFor([rules[0]!, { path: '/embed/*', set: { 'Content-Security-Policy': 'frame-ancestors *' } }], '/embed/x/');
    expect(joined['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'self', frame-ancestors *");
  });

  test('a header before any path, or a line that is not "Name: value", is an error naming the line', () => {
    expect(() => parseHeadersFile('  X-Test: a\n')).toThrow(/line 1: a header before any path/);
    expect(() => parseHeadersFile('/*\n  no colon here\n')).toThrow(/line 2: not "Name: value"/);
  });
});
