/**
 * The lab under test for `scripts/fairness-bench.ts`, in its own process so the clients' work (reading 50 MiB,
 * TLS) does not show up as the lab's. Fills the mail a client can make worst for the engine under the lab's
 * limits, makes the transcript as `npm run lab` does (then drops it), and measures its own event loop between a
 * "start" and a "stop" from the benchmark: the longest gap between ticks of a 2 ms timer, in wall-clock time
 * (with monitorEventLoopDelay's maximum) and in the main thread's CPU time, and the longest GC pause.
 * Run by the benchmark: node scripts/fairness-bench-server.ts '<json options>'
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import '../src/machines/servers.ts';
import { startLab, type LabOptions } from '../src/lab/server.ts';
import { DEFAULT_LIMITS } from '../src/protocols/shared/limits.ts';
import { heavyMessage } from './fairness-bench-worker.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as Partial<LabOptions>;

let lab: Awaited<ReturnType<typeof startLab>> | undefined;
// Offsets below the ephemeral port range (32768 and up on Linux), which the probes' thousands of connections use.
for (let attempt = 0; !lab && attempt < 20; attempt++) {
  try {
    lab = await startLab({ quiet: false, log: () => {}, ...options, offset: 20_000 + Math.floor(Math.random() * 110) * 100 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  }
}
if (!lab) throw new Error('no free port offset found');
const running = lab;
const world = running.world;

// "heavy": the quota filled with messages just under the largest size (5 × 10.2 MB of 50 MiB).
world.addUser('heavy', 'heavy');
const heavyOctets = DEFAULT_LIMITS.messageOctets - 4096;
let heavyMessages = 0;
while (world.usage('heavy') + heavyOctets + 200 <= world.limits.userQuotaOctets) {
  world.append('heavy', 'INBOX', heavyMessage(heavyMessages, heavyOctets));
  heavyMessages += 1;
}

// "many" (IMAP) and "pop" (POP3): 10,000 small messages each.
const SMALL = 10_000;
const small = (user: string, i: number): string =>
  `From: <alice@example.test>\r\nTo: <${user}@example.test>\r\nSubject: note ${i}\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\nA small message, number ${i}.\r\n`;
for (const user of ['many', 'pop']) {
  world.addUser(user, user);
  for (let i = 1; i <= SMALL; i++) world.append(user, 'INBOX', small(user, i));
}
// "sink" receives the largest message SMTP allows.
world.addUser('sink', 'sink');

let histogram: ReturnType<typeof monitorEventLoopDelay> | undefined;
/** A probe timer beside the histogram: the longest gap between two of its ticks is the longest hold, whatever the histogram's sampling. */
const TICK_MS = 2;
let probe: NodeJS.Timeout | undefined;
let lastTick = 0;
let maxGap = 0;
/**
 * The main thread's CPU time between two ticks: on a busy machine a wall-clock gap also counts time the process
 * waited for a core; CPU time counts only the lab's own work in one turn (process.threadCpuUsage, Node 23.9+).
 */
const threadCpu = (): number => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
let lastCpu = 0;
let maxCpu = 0;
/** The longest garbage-collection pause meanwhile: V8 stops the main thread for it, whatever command runs. */
let maxGc = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) maxGc = Math.max(maxGc, entry.duration);
});
process.on('message', (message: { type: string; id?: number; user?: string }) => {
  if (message.type === 'start') {
    histogram?.disable();
    histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    clearInterval(probe);
    lastTick = performance.now();
    lastCpu = threadCpu();
    maxGap = 0;
    maxCpu = 0;
    maxGc = 0;
    gcObserver.observe({ entryTypes: ['gc'] });
    probe = setInterval(() => {
      const now = performance.now();
      const cpu = threadCpu();
      maxGap = Math.max(maxGap, now - lastTick - TICK_MS);
      maxCpu = Math.max(maxCpu, cpu - lastCpu);
      lastTick = now;
      lastCpu = cpu;
    }, TICK_MS);
    process.send!({ type: 'started', id: message.id });
  } else if (message.type === 'stop') {
    histogram?.disable();
    clearInterval(probe);
    maxGap = Math.max(maxGap, performance.now() - lastTick - TICK_MS);
    maxCpu = Math.max(maxCpu, threadCpu() - lastCpu);
    gcObserver.disconnect();
    const h = histogram;
    histogram = undefined;
    process.send!({ type: 'stopped', id: message.id, maxMs: Math.max(maxGap, h ? h.max / 1e6 : 0), histogramMaxMs: h ? h.max / 1e6 : Number.NaN, gapMs: maxGap, cpuMs: maxCpu, gcMs: maxGc, p99Ms: h ? h.percentile(99) / 1e6 : Number.NaN });
  } else if (message.type === 'mailbox') {
    const box = world.mailbox(message.user ?? '', 'INBOX');
    process.send!({ type: 'mailbox', id: message.id, messages: box?.messages.length ?? 0, octets: world.usage(message.user ?? '') });
  } else if (message.type === 'reset') {
    // Back to the starting mail, so a command that changes it (EXPUNGE, DATA) can be measured again.
    const user = message.user ?? '';
    const box = world.mailbox(user, 'INBOX');
    if (box) world.expunge(user, 'INBOX', box.messages.map((m) => m.uid));
    if (user === 'many' || user === 'pop') for (let i = 1; i <= SMALL; i++) world.append(user, 'INBOX', small(user, i));
    process.send!({ type: 'reset', id: message.id });
  } else if (message.type === 'close') {
    void running.close().then(() => process.exit(0));
  }
});
process.send!({
  type: 'ready',
  ports: Object.fromEntries(running.ports.map((p) => [p.standardPort, p.port])),
  heavy: { messages: heavyMessages, octets: world.usage('heavy') },
  small: SMALL,
  pid: process.pid,
});
