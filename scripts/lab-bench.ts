/**
 * Lab benchmark (`npm run bench`, second half). The lab runs in a child process (scripts/lab-bench-server.ts)
 * so its memory is its own; the clients run here. Every figure stands beside its baseline from the same run:
 *   1. waves of mixed sessions (SMTP, POP3, IMAP, plaintext, STARTTLS and implicit TLS), each simulated client
 *      its own user; refused or failed sessions are failures, reported beside throughput;
 *   2. IMAP NOOP latency over TLS: one session alone, then 500 concurrent sessions;
 *   3. lab memory: idle, at 500 sessions, and a minute after the load;
 *   4. 50 well-behaved IMAP sessions alone, while slowloris and a connection flood run, then while pathological
 *      SEARCHes run.
 * Targets are reported, never asserted. Run: node scripts/lab-bench.ts [--sessions N] [--waves N] [--after S] [--lab-flags "…"]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loopbackAliases, quantile } from './lab-bench-client.ts';
import { abuse, type AbuseReport } from './lab-bench-abuse.ts';
import { noopLoad, waves, type WaveReport } from './lab-bench-load.ts';
import { ALLOCATOR_ENV } from '../src/lab/allocator.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

/**
 * Node flags for the lab process: those `npm run lab` uses (package.json), unless --lab-flags "…" replaces them,
 * e.g. --lab-flags "" to compare with Node's defaults.
 */
const LAB_FLAGS = await (async () => {
  const i = process.argv.indexOf('--lab-flags');
  if (i !== -1) return (process.argv[i + 1] ?? '').split(' ').filter(Boolean);
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  return (pkg.scripts.lab ?? '').split(' ').filter((word) => word.startsWith('--'));
})();
const SESSIONS = option('--sessions', 500);
const WAVES = option('--waves', 3);
const AFTER_S = option('--after', 60);
/** A short command deadline, so the slowloris clients are closed within the run (the lab's default is 60 s). */
const COMMAND_TIMEOUT_S = 10;

interface Memory {
  rss: number;
  anon: number;
  heap: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  connections: number;
}

const labOptions = { commandTimeout: COMMAND_TIMEOUT_S };
const child: ChildProcess = fork(fileURLToPath(new URL('./lab-bench-server.ts', import.meta.url)), [JSON.stringify({ users: SESSIONS, heavyOctets: 10_000_000, heavyMessages: 1, options: labOptions })], {
  execArgv: ['--expose-gc', ...LAB_FLAGS],
  // The allocator settings `npm run lab` runs with on glibc (src/lab/allocator.ts), unless --plain-allocator.
  env: { ...process.env, ...(process.argv.includes('--plain-allocator') ? {} : ALLOCATOR_ENV) },
  stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
});
let childErr = '';
child.stderr!.setEncoding('utf8').on('data', (t: string) => (childErr = (childErr + t).slice(-2000)));
let died: string | undefined;
child.on('exit', (code, signal) => (died ??= `lab process ended (code ${code}, signal ${signal}): ${childErr.trim().split('\n').slice(-3).join(' | ')}`));

const ready = await new Promise<{ ports: Record<number, number>; usersAdded: number; pid: number }>((resolve, reject) => {
  child.once('message', (m) => resolve(m as never));
  child.once('exit', () => reject(new Error(died)));
});
const ports = ready.ports;

let asked = 0;
/** The lab's memory now (after a GC if asked); each answer is matched to its question by id. */
async function memory(gc = false): Promise<Memory> {
  if (died) return { rss: NaN, anon: NaN, heap: NaN, heapTotal: NaN, external: NaN, arrayBuffers: NaN, connections: NaN };
  const id = ++asked;
  return new Promise((resolve) => {
    const onMessage = (m: { type: string; id: number } & Memory): void => {
      if (m.type !== 'memory' || m.id !== id) return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.send({ type: 'memory', gc, id });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const loadBefore = loadavg()[0]!;
const aliases = await loopbackAliases(ports[25]!);
/** Well-behaved load comes from ten addresses (127.0.1.1–10) where the machine allows it, attackers from others. */
const loadAddress = (i: number): string | undefined => (aliases ? `127.0.1.${1 + (i % 10)}` : undefined);

await sleep(1000);
const fresh = await memory(true);
// A small warm-up wave first: code compiled on first use is part of the lab's working size, not of the load.
await waves(ports, 60, loadAddress);
await sleep(1000);
const idle = await memory(true);

// 1. Mixed waves.
const waveReports: WaveReport[] = [];
for (let w = 0; w < WAVES && !died; w++) waveReports.push(await waves(ports, SESSIONS, loadAddress));

// 2 and 3. NOOP latency alone and under 500 TLS sessions; memory at 500 sessions and after.
const alone = await noopLoad(ports[993]!, 1, 200, 0, loadAddress);
let peak = await memory();
const sampler = setInterval(() => void memory().then((m) => (peak = m.rss > peak.rss ? m : peak)), 250);
const loaded = await noopLoad(ports[993]!, SESSIONS, 20, 100, loadAddress, async () => {
  const m = await memory();
  peak = m.rss > peak.rss ? m : peak;
  return m;
});
clearInterval(sampler);
await sleep(500);
const justAfter = await memory();
await sleep(AFTER_S * 1000);
const minuteAfter = await memory();
const minuteAfterGc = await memory(true);

// 4. Abuse while 50 well-behaved sessions run.
const abused: AbuseReport | undefined = died ? undefined : await abuse(ports, { wellBehaved: 50, commandTimeoutS: COMMAND_TIMEOUT_S, aliases, pid: ready.pid, memory });
await sleep(1000);
const end = await memory();

child.send({ type: 'close' });
await Promise.race([new Promise((r) => child.once('exit', r)), sleep(3000)]);
child.kill();

const mb = (n: number): string => (n / 1048576).toFixed(1);
const ms = (n: number): string => (Number.isNaN(n) ? '–' : n.toFixed(n < 10 ? 2 : 1));
const table = (rows: string[][]): void => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
};
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

console.log(`Lab benchmark (Node ${process.version}; lab in its own process, pid ${ready.pid}; clients in this one)`);
console.log(`  machine: ${cpus().length} cores, load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (other work on the machine skews timings)`);
console.log(`  ${ready.usersAdded} users added, one per simulated client; clients from ${aliases ? '127.0.1.1–10 (attackers from 127.0.0.2–4)' : '127.0.0.1 only (no loopback aliases here)'}`);
console.log(`  lab options: ${JSON.stringify(labOptions)} (command deadline shortened so slowloris ends within the run); node flags: ${LAB_FLAGS.join(' ') || 'none'}; allocator: ${process.argv.includes('--plain-allocator') ? 'plain' : Object.entries(ALLOCATOR_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);

console.log(`1. Mixed sessions: ${SESSIONS} concurrent per wave (SMTP 25 relay, SMTP 465 AUTH, POP3 110 STLS, POP3 995, IMAP 143 STARTTLS, IMAP 993)`);
table([
  ['wave', 'connect+greet ms', 'dialogue ms', 'sessions/s', 'commands/s', 'completed', 'failures'],
  ...waveReports.map((r, i) => [String(i + 1), r.connectMs.toFixed(0), r.dialogueMs.toFixed(0), (r.completed / ((r.connectMs + r.dialogueMs) / 1000)).toFixed(0), (r.commands / (r.dialogueMs / 1000)).toFixed(0), String(r.completed), String(r.failures.length)]),
]);
const failures = waveReports.flatMap((r) => r.failures);
if (failures.length > 0) console.log(`  failures (first 5): ${failures.slice(0, 5).join('; ')}`);

console.log(`\n2. IMAP NOOP over TLS (993), client-measured round trip, ms`);
table([
  ['', 'sessions', 'NOOPs', 'p50', 'p99', 'max', 'failures'],
  ['baseline: one session', '1', String(alone.latencies.length), ms(quantile(alone.latencies, 0.5)), ms(quantile(alone.latencies, 0.99)), ms(Math.max(...alone.latencies)), String(alone.failures.length)],
  [`${SESSIONS} concurrent`, String(loaded.opened), String(loaded.latencies.length), ms(quantile(loaded.latencies, 0.5)), ms(quantile(loaded.latencies, 0.99)), ms(Math.max(...loaded.latencies)), String(loaded.failures.length)],
]);
const p99 = quantile(loaded.latencies, 0.99);
console.log(`  target: p99 under 20 ms with 0 failures: ${verdict(p99 < 20 && loaded.failures.length === 0)} (p99 ${ms(p99)} ms, ${(p99 / quantile(alone.latencies, 0.99)).toFixed(1)}× the baseline)`);
if (loaded.failures.length > 0) console.log(`  failures (first 5): ${loaded.failures.slice(0, 5).join('; ')}`);

console.log(`\n3. Lab memory (its own process), MB; anonymous = RSS without the mapped node binary and libraries; heap = used, V8 heap = reserved by V8`);
const memoryRow = (label: string, m: Memory | undefined): string[] =>
  [label, mb(m?.rss ?? NaN), mb(m?.anon ?? NaN), mb(m?.heap ?? NaN), mb(m?.heapTotal ?? NaN), mb(m?.external ?? NaN), String(m?.connections ?? '–')];
table([
  ['', 'RSS', 'anonymous', 'heap', 'V8 heap', 'external', 'connections'],
  memoryRow('idle, fresh (after GC)', fresh),
  memoryRow('idle after a 60-session warm-up (baseline, after GC)', idle),
  memoryRow(`${SESSIONS} IMAP TLS sessions open`, loaded.memoryOpen),
  memoryRow('peak (sampled every 250 ms)', peak),
  memoryRow('just after the load', justAfter),
  memoryRow(`${AFTER_S} s after the load`, minuteAfter),
  memoryRow(`${AFTER_S} s after, then GC`, minuteAfterGc),
]);
const open = loaded.memoryOpen?.rss ?? NaN;
console.log(`  target: under 200 MB at ${SESSIONS} sessions: ${verdict(open < 200 * 1048576)} (${mb(open)} MB; peak ${mb(peak.rss)} MB)`);
console.log(`  target: back within 1.5× idle a minute after: ${verdict(minuteAfter.rss < 1.5 * idle.rss)} (${(minuteAfter.rss / idle.rss).toFixed(2)}× idle after warm-up, ${(minuteAfter.rss / fresh.rss).toFixed(2)}× fresh; anonymous ${(minuteAfter.anon / idle.anon).toFixed(2)}×)`);

console.log(`\n4. ${abused?.wellBehaved ?? 50} well-behaved IMAP TLS sessions (NOOP every ~100 ms), alone and under attack, ms`);
if (abused) {
  const row = (label: string, r: { latencies: number[]; failures: string[] }): string[] =>
    [label, String(r.latencies.length), ms(quantile(r.latencies, 0.5)), ms(quantile(r.latencies, 0.99)), ms(Math.max(...r.latencies)), String(r.failures.length)];
  table([
    ['', 'NOOPs', 'p50', 'p99', 'max', 'failures'],
    row('baseline: alone', abused.alone),
    row('during slowloris and flood', abused.sockets),
    row('during pathological SEARCHes', abused.search),
  ]);
  const base = quantile(abused.alone.latencies, 0.99);
  console.log(`  p99 is ${(quantile(abused.sockets.latencies, 0.99) / base).toFixed(1)}× the baseline during slowloris and flood, ${(quantile(abused.search.latencies, 0.99) / base).toFixed(1)}× during SEARCHes`);
  for (const line of abused.lines) console.log(`  ${line}`);
}
console.log(`\n  connections open at the end (50 well-behaved closed): ${end.connections}`);
if (died) console.log(`\n  ${died}`);
console.log('');
