/**
 * The lab under test for `scripts/lab-bench.ts`, in its own process so its memory is measured alone (the
 * clients' TLS costs nothing here). Gives every simulated client its own user with one message, and one
 * "heavy" user whose mailbox makes SEARCH work. Talks to the benchmark over the IPC channel.
 * Run by the benchmark: node --expose-gc scripts/lab-bench-server.ts '<json config>'
 */
import { readFileSync } from 'node:fs';
import '../src/machines/servers.ts';
import { startLab } from '../src/lab/server.ts';

/** What the benchmark asks for. */
interface ServerConfig {
  users: number;
  /** Size of each of the heavy user's messages, and how many. */
  heavyOctets: number;
  heavyMessages: number;
  /** Passed to startLab as they are (a lab that does not know an option ignores it). */
  options: Record<string, unknown>;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ServerConfig;
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => {});

let lab: Awaited<ReturnType<typeof startLab>> | undefined;
for (let attempt = 0; !lab && attempt < 10; attempt++) {
  try {
    lab = await startLab({ quiet: true, ...config.options, offset: 30_000 + Math.floor(Math.random() * 300) * 100 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  }
}
if (!lab) throw new Error('no free port offset found');
const running = lab;
const world = running.world;

const note = (i: number): string =>
  `From: <alice@example.test>\r\nTo: <bench${i}@example.test>\r\nSubject: welcome ${i}\r\n\r\nA message for the benchmark.\r\n`;
let usersAdded = 0;
for (let i = 1; i <= config.users; i++) {
  if (world.addUser(`bench${i}`, `pw${i}`)) usersAdded += 1;
  world.append(`bench${i}`, 'INBOX', note(i));
}
if (world.addUser('heavy', 'heavy')) {
  const line = 'Lorem Ipsum DOLOR sit amet, Consectetur adipiscing \u00c3\u00a9lit SED do eiusmod Tempor\r\n';
  const body = line.repeat(Math.ceil(config.heavyOctets / line.length));
  for (let i = 0; i < config.heavyMessages; i++) world.append('heavy', 'INBOX', `Subject: heavy ${i}\r\n\r\n${body}`);
}

/** Anonymous resident memory (Linux): RSS without the mapped node binary and libraries, which are shared. */
function rssAnon(): number {
  try {
    return Number(/^RssAnon:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;
  } catch {
    return Number.NaN;
  }
}

const memory = () => {
  const m = process.memoryUsage();
  return { rss: m.rss, anon: rssAnon(), heap: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, connections: running.connections };
};

process.on('message', (message: { type: string; gc?: boolean; id?: number }) => {
  if (message.type === 'memory') {
    if (message.gc) gc();
    process.send!({ type: 'memory', id: message.id, ...memory() });
  } else if (message.type === 'close') {
    void running.close().then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', ports: Object.fromEntries(running.ports.map((p) => [p.standardPort, p.port])), usersAdded, pid: process.pid });
