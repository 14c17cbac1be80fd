/**
 * Lab benchmark (`npm run bench`, second half): starts the lab in-process, opens 500 concurrent sessions over
 * loopback from a worker thread (a mix of SMTP, POP3 and IMAP, half of them with TLS), runs a short dialogue
 * in each, and reports sessions/s, commands/s and memory before, during (peak) and after.
 * Run: node scripts/lab-bench.ts [--sessions N] [--waves N]
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/** One kind of client session: where it connects and what it says. */
interface Kind {
  name: string;
  standardPort: number;
  tls: boolean;
  protocol: 'smtp' | 'pop3' | 'imap';
  commands: string[];
}

const plain = (user: string, pass: string): string => Buffer.from(`\0${user}\0${pass}`, 'latin1').toString('base64');
const message = ['From: <alice@example.test>', 'To: <bob@example.test>', 'Subject: bench', '', 'Hello from the lab benchmark.', '.'].join('\r\n');

/** Six kinds, three of them over TLS: every protocol in plaintext and with implicit TLS. */
const KINDS: Kind[] = [
  { name: 'SMTP 25 relay', standardPort: 25, tls: false, protocol: 'smtp', commands: ['EHLO bench.test', 'MAIL FROM:<x@remote.test>', 'RCPT TO:<bob@example.test>', 'DATA', message, 'QUIT'] },
  { name: 'SMTP 465 TLS', standardPort: 465, tls: true, protocol: 'smtp', commands: ['EHLO bench.test', `AUTH PLAIN ${plain('alice', 'wonderland')}`, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<bob@example.test>', 'DATA', message, 'QUIT'] },
  { name: 'POP3 110', standardPort: 110, tls: false, protocol: 'pop3', commands: ['CAPA', 'USER alice', 'QUIT'] },
  { name: 'POP3 995 TLS', standardPort: 995, tls: true, protocol: 'pop3', commands: ['USER bob', 'PASS builder', 'STAT', 'LIST', 'RETR 1', 'QUIT'] },
  { name: 'IMAP 143', standardPort: 143, tls: false, protocol: 'imap', commands: ['a1 CAPABILITY', 'a2 NOOP', 'a3 LOGOUT'] },
  { name: 'IMAP 993 TLS', standardPort: 993, tls: true, protocol: 'imap', commands: ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 FETCH 1:* (FLAGS)', 'a4 SEARCH ALL', 'a5 LOGOUT'] },
];

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

if (isMainThread) await main();
else await clients();

async function main(): Promise<void> {
  const v8 = await import('node:v8');
  const vm = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  await import('../src/machines/servers.ts');
  const { startLab } = await import('../src/lab/server.ts');
  const sessions = option('--sessions', 500);
  const waves = option('--waves', 3);

  let lab: Awaited<ReturnType<typeof startLab>> | undefined;
  for (let attempt = 0; !lab && attempt < 10; attempt++) {
    try {
      lab = await startLab({ quiet: true, offset: 30_000 + Math.floor(Math.random() * 300) * 100 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  if (!lab) throw new Error('no free port offset found');
  const ports = Object.fromEntries(lab.ports.map((p) => [p.standardPort, p.port]));

  const mb = (n: number): string => (n / 1048576).toFixed(1);
  const sample = (): { rss: number; heap: number } => ({ rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed });
  gc();
  const before = sample();
  const peak = { ...before };
  const sampler = setInterval(() => {
    const s = sample();
    peak.rss = Math.max(peak.rss, s.rss);
    peak.heap = Math.max(peak.heap, s.heap);
  }, 20);

  const worker = new Worker(new URL(import.meta.url), { workerData: { ports, sessions, waves } });
  const results: Array<{ connectMs: number; dialogueMs: number; commands: number; locked: number; failures: string[]; open: { rss: number; heap: number } }> = [];
  await new Promise<void>((resolve, reject) => {
    let open = sample();
    worker.on('message', (m: { phase: string; connectMs?: number; dialogueMs?: number; commands?: number; locked?: number; failures?: string[] }) => {
      if (m.phase === 'connected') {
        open = sample();
        worker.postMessage('go');
      } else if (m.phase === 'done') {
        results.push({ connectMs: m.connectMs!, dialogueMs: m.dialogueMs!, commands: m.commands!, locked: m.locked!, failures: m.failures!, open });
        if (results.length === waves) resolve();
      }
    });
    worker.on('error', reject);
  });
  clearInterval(sampler);
  await worker.terminate();
  for (let i = 0; i < 50 && lab.connections > 0; i++) await new Promise((r) => setTimeout(r, 20));
  const leftOpen = lab.connections;
  await lab.close();
  gc();
  const after = sample();

  console.log(`Lab: ${sessions} concurrent sessions per wave over loopback (Node ${process.version}; clients in a worker thread)\n`);
  const rows = [['wave', 'connect+greet ms', 'dialogue ms', 'sessions/s', 'commands', 'commands/s', 'POP3 [IN-USE]', 'failures', 'RSS open MB', 'heap open MB']];
  results.forEach((r, i) => {
    const total = r.connectMs + r.dialogueMs;
    rows.push([String(i + 1), r.connectMs.toFixed(0), r.dialogueMs.toFixed(0), (sessions / (total / 1000)).toFixed(0), String(r.commands), (r.commands / (r.dialogueMs / 1000)).toFixed(0), String(r.locked), String(r.failures.length), mb(r.open.rss), mb(r.open.heap)]);
  });
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(`  ${r.map((c, i) => c.padStart(widths[i]!)).join('  ')}`);
  console.log(`\n  Memory (MB)   RSS     heap used`);
  console.log(`  before      ${mb(before.rss).padStart(6)}  ${mb(before.heap).padStart(8)}`);
  console.log(`  peak        ${mb(peak.rss).padStart(6)}  ${mb(peak.heap).padStart(8)}   (sampled every 20 ms while sessions ran; RSS includes the client worker)`);
  console.log(`  after       ${mb(after.rss).padStart(6)}  ${mb(after.heap).padStart(8)}   (after close and GC)`);
  console.log(`\n  Mix per wave: ${KINDS.map((k) => k.name).join(', ')} (round robin; half TLS).`);
  console.log('  POP3 [IN-USE]: concurrent POP3 logins as one user; the maildrop lock (RFC 1939 §8) admits one, the rest end early.');
  if (leftOpen > 0) console.log(`  ${leftOpen} connections were still open after the last wave.`);
  const failures = results.flatMap((r) => r.failures);
  if (failures.length > 0) console.log(`  Failures (first 5): ${failures.slice(0, 5).join('; ')}`);
  console.log('');
}

/** The worker: waves of concurrent client sessions, each waiting for the main thread's go after all greetings. */
async function clients(): Promise<void> {
  const { ports, sessions, waves } = workerData as { ports: Record<number, number>; sessions: number; waves: number };
  for (let wave = 0; wave < waves; wave++) {
    let go!: () => void;
    const started = new Promise<void>((resolve) => (go = resolve));
    parentPort!.once('message', () => go());
    const t0 = performance.now();
    const failures: string[] = [];
    let commands = 0;
    let locked = 0;
    let greeted = 0;
    let t1 = 0;
    const all = Array.from({ length: sessions }, async (_, i) => {
      const kind = KINDS[i % KINDS.length]!;
      try {
        const c = await open(ports[kind.standardPort]!, kind.tls);
        await c.reply(kind.protocol, '');
        if (++greeted === sessions) {
          t1 = performance.now();
          parentPort!.postMessage({ phase: 'connected' });
        }
        await started;
        for (const line of kind.commands) {
          c.send(line);
          const reply = await c.reply(kind.protocol, line);
          commands += 1;
          // POP3 locks the maildrop (RFC 1939 §8): concurrent logins as one user get [IN-USE] and the server hangs up.
          if (reply.startsWith('-ERR [IN-USE]')) {
            locked += 1;
            break;
          }
        }
        c.socket.destroy();
      } catch (error) {
        failures.push(`${kind.name}: ${(error as Error).message}`);
        if (++greeted === sessions) parentPort!.postMessage({ phase: 'connected' });
      }
    });
    await Promise.all(all);
    if (t1 === 0) t1 = performance.now();
    parentPort!.postMessage({ phase: 'done', connectMs: t1 - t0, dialogueMs: performance.now() - t1, commands, locked, failures });
  }
}

/** A minimal line client that knows where each protocol's reply ends. */
async function open(port: number, tls: boolean): Promise<{ socket: Socket; send(line: string): void; reply(protocol: Kind['protocol'], command: string): Promise<string> }> {
  const socket: Socket = tls ? tlsConnect({ port, host: '127.0.0.1', rejectUnauthorized: false }) : netConnect({ port, host: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    socket.once(tls ? 'secureConnect' : 'connect', () => resolve());
    socket.once('error', reject);
  });
  let buffer = '';
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  socket.setEncoding('latin1');
  socket.on('data', (text: string) => {
    buffer += text;
    let i: number;
    while ((i = buffer.indexOf('\r\n')) !== -1) {
      lines.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 2);
    }
    wake?.();
  });
  socket.on('close', () => {
    closed = true;
    wake?.();
  });
  socket.on('error', () => {});
  const next = async (): Promise<string> => {
    while (lines.length === 0) {
      if (closed) throw new Error('connection closed');
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('reply timed out')), 30_000);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
    return lines.shift()!;
  };
  return {
    socket,
    send: (line) => void socket.write(`${line}\r\n`, 'latin1'),
    async reply(protocol, command) {
      let first = '';
      const verb = command.split(' ')[protocol === 'imap' ? 1 : 0]?.toUpperCase() ?? '';
      if (protocol === 'smtp') {
        while (!/^\d{3}( |$)/.test((first = await next())));
      } else if (protocol === 'pop3') {
        first = await next();
        const multi = ['CAPA', 'RETR', 'TOP'].includes(verb) || (['LIST', 'UIDL'].includes(verb) && !command.includes(' '));
        if (first.startsWith('+OK') && multi) while ((await next()) !== '.');
      } else if (command === '') {
        first = await next();
      } else {
        const tag = `${command.split(' ')[0]} `;
        while (!(first = await next()).startsWith(tag));
      }
      return first;
    },
  };
}
