/**
 * A course page on another origin for the embed tests: an HTTPS server on its own port with the lab's self-signed certificate. `/host?frames=<src>|<src>&height=…&resizer=1` answers a
 * page with those iframes (and the site's built resizer, copied to the host as a teacher may, when asked: Chromium
 * blocks an HTTPS page's script from plain-HTTP 127.0.0.1 as mixed content) that records every message it gets in `window.got`.
 * HTTPS, because the embeds may be framed by HTTPS pages only (frame-ancestors 'self' https:, csp-policy.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { strFromU8, unzipSync } from 'fflate';
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

/**
 * An LMS page: scorm-again's SCORM 1.2 runtime as `window.API` (its LMS-side API, as Moodle or Canvas provide one)
 * and the package's launch page in a frame, served from the unzipped package as an LMS serves an imported one.
 */
function lmsPage(pkg: string, launch: string): string {
  return `<!doctype html><html lang="en"><title>An LMS</title><script src="/scorm12.js"></script>
<script>window.API = new Scorm12API({ logLevel: 5 });</script>
<iframe name="sco" title="Course content" src="/pkg/${escape(pkg)}/${escape(launch)}" style="width:100%;height:700px;border:0"></iframe></html>`;
}

/** A built package's files, by name (dist/teach/scorm/<pkg>.zip). */
export function unzipPackage(pkg: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(`dist/teach/scorm/${pkg.replace(/[^a-z0-9-]/g, '')}.zip`));
}

/** The launch file the manifest names (the SCO resource's href). */
export function launchHref(files: Record<string, Uint8Array>): string {
  return /adlcp:scormtype="sco" href="([^"]+)"/.exec(strFromU8(files['imsmanifest.xml']!))?.[1] ?? '';
}

/** Starts the host; resolves with a function that stops it. `site` is the origin the packages' frames should load. */
export async function startHost(port: number, site = ''): Promise<() => Promise<void>> {
  const { cert, key } = await makeCertificate();
  const server: Server = createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://host.invalid');
    if (url.pathname === '/scorm12.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(readFileSync('node_modules/scorm-again/dist/scorm12.js'));
      return;
    }
    if (url.pathname === '/lms') {
      const pkg = url.searchParams.get('pkg') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(lmsPage(pkg, launchHref(unzipPackage(pkg))));
      return;
    }
    const inPackage = /^\/pkg\/([a-z0-9-]+)\/([a-z0-9.]+)$/.exec(url.pathname);
    if (inPackage) {
      const file = unzipPackage(inPackage[1]!)[inPackage[2]!];
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      // The packages frame the public site; here the test server stands in for it (the only change made).
      const body = inPackage[2]!.endsWith('.html') ? strFromU8(file).replaceAll('https://mailwire.example', site) : file;
      res.writeHead(200, { 'content-type': inPackage[2]!.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
      res.end(body);
      return;
    }
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
