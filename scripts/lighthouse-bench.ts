/**
 * Page benchmark (`npm run bench`, after the engine and lab benches): Lighthouse 12.2.3 (mobile: a Moto G Power screen, 4x CPU slowdown and
 * slow 4G, simulated) on one built page of each type, performance category only. Serves dist/ with
 * scripts/serve-dist.mjs --gzip (under the pages' Content-Security-Policy header, and compressed as a static host
 * sends them; --plain serves them uncompressed) and drives Debian's Chromium
 * ($MAILWIRE_CHROMIUM overrides it, as for the browser tests). Each page runs --runs times (default 3); the table
 * gives the median of each figure, with the targets of issue 11: performance ≥ 95 everywhere, and CLS < 0.02 on
 * every page with a widget. Targets are reported, never asserted. Run `npm run build` first.
 * Run: node scripts/lighthouse-bench.ts [--runs N] [--port N] [--only /path/] [--plain]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath, assertChromium } from '../tests/e2e/browser.ts';

/** One page of each type; `widget` pages must also keep CLS under 0.02. */
const PAGES: { kind: string; path: string; widget: boolean }[] = [
  { kind: 'scenario', path: '/scenarios/smtp-submission-587/', widget: true },
  { kind: 'playground', path: '/playground/', widget: true },
  { kind: 'lesson (5 simulators, quiz)', path: '/lessons/smtp/', widget: true },
  { kind: 'lesson (two devices)', path: '/lessons/pop3-or-imap/', widget: true },
  { kind: 'quiz', path: '/quiz/', widget: true },
  { kind: 'two devices', path: '/devices/', widget: true },
  { kind: 'no widget (baseline)', path: '/compare/', widget: false },
];
const TARGET = { score: 95, cls: 0.02 };

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}
const RUNS = Number(option('--runs', '3'));
const PORT = Number(option('--port', process.env.MAILWIRE_BENCH_PORT ?? '4339'));
const ONLY = option('--only', '');
const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts a child process and resolves once `ready` matches a line of its output. */
function start(command: string, args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(ready);
      if (match) resolve({ child, match });
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${seen.slice(-2000)}`)));
  });
}

interface Figures {
  score: number;
  cls: number;
  tbt: number;
  lcp: number;
}

/** Runs Lighthouse once on `url` through the Chromium listening on `debugPort`. */
async function measure(url: string, debugPort: number): Promise<Figures> {
  const result = await lighthouse(url, { port: debugPort, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
    cls: audit('cumulative-layout-shift'),
    tbt: audit('total-blocking-time'),
    lcp: audit('largest-contentful-paint'),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

assertChromium();
if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('dist/ is missing: run npm run build first.');

const server = await start('node', ['scripts/serve-dist.mjs', 'dist', String(PORT), ...(process.argv.includes('--plain') ? [] : ['--gzip'])], /serving .* on (http:\S+)/);
const profile = mkdtempSync(join(tmpdir(), 'mailwire-lighthouse-'));
// Lighthouse sets the viewport, throttling and user agent itself; the flags only let Chromium start here.
const browser = await start(
  chromiumPath,
  [...chromiumArgs, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
  /DevTools listening on ws:\/\/[^:]+:(\d+)\//,
);
const debugPort = Number(browser.match[1]);
const base = server.match[1]!.replace(/\/$/, '');

type Row = { kind: string; path: string; widget: boolean } & Figures;
const rows: Row[] = [];
try {
  for (const page of PAGES.filter((p) => !ONLY || p.path === ONLY)) {
    const runs: Figures[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(base + page.path, debugPort));
    rows.push({
      ...page,
      score: median(runs.map((r) => r.score)),
      cls: median(runs.map((r) => r.cls)),
      tbt: median(runs.map((r) => r.tbt)),
      lcp: median(runs.map((r) => r.lcp)),
    });
    process.stderr.write(`  ${page.path}: ${runs.map((r) => `${r.score}/${r.cls.toFixed(3)}/${Math.round(r.tbt)}ms`).join(', ')}\n`);
  }
} finally {
  browser.child.kill();
  server.child.kill();
  rmSync(profile, { recursive: true, force: true });
}

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(`\nLighthouse 12.2.3 mobile (simulated 4x CPU, slow 4G), performance; median of ${RUNS} run(s) per page`);
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (TBT grows with the machine's load)`);
console.log(`targets: performance ≥ ${TARGET.score} on every page; CLS < ${TARGET.cls} on every page with a widget\n`);
const header = ['page', 'path', 'score', 'CLS', 'TBT ms', 'LCP ms', 'score ≥ 95', 'CLS < 0.02'];
const table = rows.map((r) => [
  r.kind,
  r.path,
  String(r.score),
  r.cls.toFixed(3),
  String(Math.round(r.tbt)),
  String(Math.round(r.lcp)),
  met(r.score >= TARGET.score),
  r.widget ? met(r.cls < TARGET.cls) : '(baseline)',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
for (const row of [header, ...table]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
const missed = rows.filter((r) => r.score < TARGET.score || (r.widget && r.cls >= TARGET.cls)).length;
console.log(`\n${rows.length - missed} of ${rows.length} pages meet their targets${missed ? `; ${missed} MISSED` : ''}`);
