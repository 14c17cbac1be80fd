// Serves the built site (dist/) for the browser tests: static files, directory indexes, and the 404 page
// with status 404, each with the headers dist/_headers gives its path, as a static host would send them
// (so the browser tests run under the Content-Security-Policy header). Used instead of `astro preview`,
// which allows only one server per project at a time. With --gzip, text is sent gzipped to clients that accept it,
// as static hosts send it (the Lighthouse bench measures pages that way; the browser tests need no compression).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile } from '../src/integrations/headers-file.ts';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4329);
const gzip = process.argv.includes('--gzip');
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);
const headerRules = existsSync(join(root, '_headers')) ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8')) : [];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml',
  '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.txt': 'text/plain',
};

async function file(path) {
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) return file(join(path, 'index.html'));
  return info?.isFile() ? path : null;
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = normalize(join(root, decodeURIComponent(url.pathname)));
  // Hosts read _headers and never serve it.
  const found = path.startsWith(root) && url.pathname !== '/_headers' ? await file(path) : null;
  const target = found ?? join(root, '404.html');
  const body = await readFile(target);
  const zip = gzip && compressible.has(extname(target)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  res.writeHead(found ? 200 : 404, {
    ...headersFor(headerRules, url.pathname),
    'content-type': types[extname(target)] ?? 'application/octet-stream',
    ...(zip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  res.end(zip ? gzipSync(body) : body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
