/**
 * A course page on another origin for the embed tests: an HTTPS server on its own port with the lab's self-signed certificate. `/host?frames=<src>|<src>&height=…&resizer=1` answers a
 * page with those iframes (and the site's built resizer, copied to the host as a teacher may, when asked: Chromium
 * blocks an HTTPS page's script from plain-HTTP 127.0.0.1 as mixed content) that records every message it gets in `window.got`.
 * HTTPS, because the embeds may be framed by HTTPS pages only (frame-ancestors 'self' https:, csp-policy.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { makeCertificate } from '../../src/lab/cert.ts';

/** The first host port (one per Playwright worker from there). */
export const hostPortBase = Number(process.env.MAILWIRE_E2E_HOST_PORT ?? Number(process.env.MAILWIRE_E2E_PORT ?? 4329) + 10);

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The host page's HTML for these iframe addresses. */
export function hostPage(frames: string[], height: number, resizer: boolean): string {
  const iframes = frames.map((src, i) => `<iframe name="w${i}" title="Mailwire widget ${i + 1}" src="${escape(src)}" style="width:100%;height:${height}px;border:0"></iframe>`);
  return `<!doctype html><html lang="en"><title>A course page</title>
<script>window.got = []; addEventListener('message', (e) => got.push({ origin: e.origin, data: e.data }));</script>
<h1>Week 2</h1>${iframes.join('\n')}${resizer ? '<script src="/resizer.js"></script>' : ''}</html>`;
}

/** Starts the host; resolves with a function that stops it. */
export async function startHost(port: number): Promise<() => Promise<void>> {
  const { cert, key } = await makeCertificate();
  const server: Server = createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://host.invalid');
    if (url.pathname === '/resizer.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(readFileSync('dist/embed/resizer.js'));
      return;
    }
    const frames = (url.searchParams.get('frames') ?? '').split('|').filter(Boolean);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostPage(frames, Number(url.searchParams.get('height') ?? 300), url.searchParams.has('resizer')));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return () => new Promise((resolve) => server.close(() => resolve()));
}
