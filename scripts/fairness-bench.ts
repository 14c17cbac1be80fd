/**
 * Fairness benchmark (`npm run bench`, after the lab benchmark): the longest single commands a client can send
 * under the lab's limits, each against a lab in its own process (scripts/fairness-bench-server.ts). For each:
 *   - the command's time as its client sees it;
 *   - the longest time the lab's event loop was held while it ran (monitorEventLoopDelay's maximum, in the lab);
 *   - the greeting latency of fresh connections on another port meanwhile (p50, p99, max), one after another,
 *     against the same probe with the lab idle in the same run (the issue's symptom: 13.9 s for a greeting).
 * Then whether a worker thread would pay for SEARCH (scripts/fairness-bench-worker.ts).
 * Figures are reported, never asserted. Run: node scripts/fairness-bench.ts [--reps N]
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { quantile } from './lab-bench-client.ts';
import { pathologicalKeys, workerFigures } from './fairness-bench-worker.ts';

const REPS = (() => {
  const i = process.argv.indexOf('--reps');
  return i === -1 ? 5 : Number(process.argv[i + 1]);
})();
/** The browser's long-task threshold (W3C Long Tasks API): a turn of the loop longer than this is felt. */
const LONG_TASK_MS = 50;

/** A lab in its own process, filled with the worst mail (fairness-bench-server.ts), and a way to ask it things. */
async function labProcess(options: Record<string, unknown>) {
  const child = fork(fileURLToPath(new URL('./fairness-bench-server.ts', import.meta.url)), [JSON.stringify(options)], {
    execArgv: ['--max-semi-space-size=2'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ ports: Record<number, number>; heavy: { messages: number; octets: number }; small: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`lab process ended (code ${code})`)));
  });
  let asked = 0;
  /** Asks the lab process something over IPC and waits for its answer. */
  const ask = <T>(message: Record<string, unknown>): Promise<T> => {
    const id = ++asked;
    return new Promise((resolve) => {
      const on = (m: { id?: number }): void => {
        if (m.id !== id) return;
        child.off('message', on);
        resolve(m as T);
      };
      child.on('message', on);
      child.send({ ...message, id });
    });
  };
  const close = async (): Promise<void> => {
    const gone = new Promise((r) => child.once('exit', r));
    child.send({ type: 'close' });
    await Promise.race([gone, new Promise((r) => setTimeout(r, 3000))]);
    child.kill();
  };
  return { ...ready, ask, close };
}
type LabProcess = Awaited<ReturnType<typeof labProcess>>;

/** A client that reads raw octets and knows a reply has ended by how its last line looks. */
class RawClient {
  socket: Socket;
  #tail = '';
  octets = 0;
  #done: ((tail: string) => boolean) | undefined;
  #resolve: (() => void) | undefined;
  constructor(socket: Socket) {
    this.socket = socket;
    socket.setEncoding('latin1');
    socket.on('data', (t: string) => {
      this.octets += t.length;
      this.#tail = (this.#tail + t).slice(-4096);
      if (this.#done?.(this.#tail)) {
        this.#done = undefined;
        this.#resolve?.();
      }
    });
    socket.on('error', () => {});
  }
  /** Sends `text` as it is, and waits until the received octets end as `done` wants. */
  async exchange(text: string, done: (tail: string) => boolean): Promise<string> {
    this.#tail = '';
    const ended = new Promise<void>((resolve) => {
      this.#resolve = resolve;
      this.#done = done;
    });
    if (text) this.socket.write(text, 'latin1');
    await ended;
    return this.#tail;
  }
}

const tagged = (tag: string) => (tail: string) => new RegExp(`(^|\\r\\n)${tag} (OK|NO|BAD)[^\\r\\n]*\\r\\n$`).test(tail);
const smtpDone = (tail: string) => /(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(tail);
const popDone = (multi: boolean) => (tail: string) => (multi ? tail.endsWith('\r\n.\r\n') : /\r\n$/.test(tail));

async function open(port: number, tls: boolean): Promise<RawClient> {
  const where = { port, host: '127.0.0.1' };
  const socket = tls ? tlsConnect({ ...where, rejectUnauthorized: false }) : netConnect(where);
  await new Promise<void>((resolve, reject) => {
    socket.once(tls ? 'secureConnect' : 'connect', () => resolve());
    socket.once('error', reject);
  });
  socket.setNoDelay(true);
  return new RawClient(socket);
}

/** Fresh connections to `port`, one after another until `until` settles: the time from connect to the greeting's first line. */
async function probe(port: number, until: Promise<unknown>, min = 0): Promise<number[]> {
  let over = false;
  void until.then(() => (over = true));
  const times: number[] = [];
  while (!over || times.length < min) {
    const t0 = performance.now();
    const s = netConnect({ port, host: '127.0.0.1' });
    await new Promise<void>((resolve) => {
      s.once('data', () => resolve());
      s.once('error', () => resolve());
      s.once('close', () => resolve());
    });
    times.push(performance.now() - t0);
    s.destroy();
  }
  return times;
}

interface Case {
  name: string;
  /** Where the greetings are probed: another port (and protocol) than the command's. */
  probePort: number;
  /** Opens and prepares a session; returns the command to time. */
  prepare(): Promise<{ client: RawClient; run(): Promise<string>; after?(): Promise<void> }>;
}

const imapOn = async (ports: Record<number, number>, user: string) => {
  const c = await open(ports[993]!, true);
  await c.exchange('', (t) => t.endsWith('\r\n'));
  await c.exchange(`l LOGIN ${user} ${user}\r\n`, tagged('l'));
  await c.exchange('s SELECT INBOX\r\n', tagged('s'));
  return c;
};
const popOn = async (ports: Record<number, number>) => {
  const c = await open(ports[995]!, true);
  await c.exchange('', (t) => t.endsWith('\r\n'));
  await c.exchange('USER pop\r\n', popDone(false));
  await c.exchange('PASS pop\r\n', popDone(false));
  return c;
};
const searchKeys = pathologicalKeys(65_000 - 'q SEARCH \r\n'.length);
const uidSet = (() => {
  let s = '1';
  for (let n = 3; s.length < 64_000; n += 2) s += `,${n}`;
  return s;
})();
const MESSAGE_OCTETS = 10_240_000;
const bigMessage = (() => {
  const line = `${'The largest message SMTP accepts here, line after line of it. '.repeat(15)}\r\n`;
  const head = 'From: <alice@example.test>\r\nTo: <sink@example.test>\r\nSubject: largest\r\n\r\n';
  const body = line.repeat(Math.floor((MESSAGE_OCTETS - head.length - 200) / line.length));
  return head + body;
})();

function cases(lab: LabProcess): Case[] {
  const { ports, ask, heavy, small } = lab;
  const imap = (user: string) => imapOn(ports, user);
  const pop = () => popOn(ports);
  return [
  {
    name: `SEARCH, 64 KiB of TEXT/BODY/HEADER keys (${searchKeys.count} keys), ${heavy.messages} messages of 10 MB`,
    probePort: ports[110]!,
    prepare: async () => {
      const c = await imap('heavy');
      return { client: c, run: () => c.exchange(`q SEARCH ${searchKeys.line}\r\n`, tagged('q')) };
    },
  },
  {
    name: `FETCH 1:* (BODY.PEEK[]), ${(heavy.octets / 1048576).toFixed(1)} MiB`,
    probePort: ports[110]!,
    prepare: async () => {
      const c = await imap('heavy');
      return { client: c, run: () => c.exchange('f FETCH 1:* (BODY.PEEK[])\r\n', tagged('f')) };
    },
  },
  {
    name: `STORE 1:* +FLAGS (\\Flagged), ${small} messages`,
    probePort: ports[110]!,
    prepare: async () => {
      const c = await imap('many');
      return { client: c, run: () => c.exchange('t STORE 1:* +FLAGS (\\Flagged)\r\n', tagged('t')), after: async () => void (await c.exchange('u STORE 1:* -FLAGS (\\Flagged)\r\n', tagged('u'))) };
    },
  },
  {
    name: `EXPUNGE of all ${small} messages`,
    probePort: ports[110]!,
    prepare: async () => {
      const c = await imap('many');
      await c.exchange('d STORE 1:* +FLAGS.SILENT (\\Deleted)\r\n', tagged('d'));
      return { client: c, run: () => c.exchange('x EXPUNGE\r\n', tagged('x')), after: async () => void (await ask({ type: 'reset', user: 'many' })) };
    },
  },
  {
    name: `UID SEARCH UID with a 64 KiB sequence set, ${small} messages`,
    probePort: ports[110]!,
    prepare: async () => {
      const c = await imap('many');
      return { client: c, run: () => c.exchange(`v UID SEARCH UID ${uidSet}\r\n`, tagged('v')) };
    },
  },
  {
    name: `POP3 LIST, ${small} messages`,
    probePort: ports[25]!,
    prepare: async () => {
      const c = await pop();
      return { client: c, run: () => c.exchange('LIST\r\n', popDone(true)) };
    },
  },
  {
    name: `POP3 UIDL, ${small} messages`,
    probePort: ports[25]!,
    prepare: async () => {
      const c = await pop();
      return { client: c, run: () => c.exchange('UIDL\r\n', popDone(true)) };
    },
  },
  {
    name: `SMTP DATA of the largest message (${(bigMessage.length / 1e6).toFixed(2)} MB), from the first line to 250`,
    probePort: ports[110]!,
    prepare: async () => {
      const c = await open(ports[25]!, false);
      await c.exchange('', smtpDone);
      await c.exchange('EHLO bench\r\n', smtpDone);
      await c.exchange(`MAIL FROM:<alice@example.test> SIZE=${bigMessage.length}\r\n`, smtpDone);
      await c.exchange('RCPT TO:<sink@example.test>\r\n', smtpDone);
      await c.exchange('DATA\r\n', smtpDone);
      return { client: c, run: () => c.exchange(`${bigMessage}.\r\n`, smtpDone), after: async () => void (await ask({ type: 'reset', user: 'sink' })) };
    },
  },
  ];
}

interface Row {
  name: string;
  commandMs: number[];
  blockMs: number[];
  cpuMs: number[];
  gcMs: number[];
  greetings: number[];
  reply: string;
}

async function measure(lab: LabProcess, probePort: number, run: () => Promise<string>): Promise<{ ms: number; blockMs: number; cpuMs: number; gcMs: number; greetings: number[]; reply: string }> {
  await lab.ask({ type: 'start' });
  const t0 = performance.now();
  const command = run();
  const greetings = await probe(probePort, command);
  const reply = await command;
  const ms = performance.now() - t0;
  const { maxMs, cpuMs, gcMs } = await lab.ask<{ maxMs: number; cpuMs: number; gcMs: number }>({ type: 'stop' });
  return { ms, blockMs: maxMs, cpuMs, gcMs, greetings, reply };
}

async function row(lab: LabProcess, c: Case, name = c.name): Promise<Row> {
  const r: Row = { name, commandMs: [], blockMs: [], cpuMs: [], gcMs: [], greetings: [], reply: '' };
  for (let n = 0; n < REPS; n++) {
    const { client, run, after } = await c.prepare();
    const m = await measure(lab, c.probePort, run);
    r.commandMs.push(m.ms);
    r.blockMs.push(m.blockMs);
    r.cpuMs.push(m.cpuMs);
    r.gcMs.push(m.gcMs);
    r.greetings.push(...m.greetings);
    r.reply = m.reply.trimEnd().split('\r\n').at(-1)!.slice(0, 60);
    await after?.();
    client.socket.destroy();
  }
  return r;
}

// Before: the SEARCH in a lab that answers every command in one turn (slicing off), as the lab did until now.
const unsliced = await labProcess({ slicing: false });
const before = await row(unsliced, cases(unsliced)[0]!, 'before: SEARCH answered in one turn (slicing off)');
await unsliced.close();

const lab = await labProcess({});
const idleWindow = (ms: number) => new Promise<string>((r) => setTimeout(() => r(''), ms));
// The baseline: the same probe on both probe ports, the lab idle.
const baseline: Row = { name: 'baseline: lab idle', commandMs: [], blockMs: [], cpuMs: [], gcMs: [], greetings: [], reply: '' };
for (const port of [lab.ports[110]!, lab.ports[25]!]) {
  const m = await measure(lab, port, () => idleWindow(1500));
  baseline.blockMs.push(m.blockMs);
  baseline.cpuMs.push(m.cpuMs);
  baseline.gcMs.push(m.gcMs);
  baseline.greetings.push(...m.greetings);
}
const rows: Row[] = [];
for (const c of cases(lab)) rows.push(await row(lab, c));
const ready = lab;
await lab.close();

const worker = await workerFigures(searchKeys.line);

const f = (n: number): string => (Number.isNaN(n) ? '–' : n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0));
const table = (lines: string[][]): void => {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((r) => (r[i] ?? '').length)));
  for (const r of lines) console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
};
const b50 = quantile(baseline.greetings, 0.5);
const b99 = quantile(baseline.greetings, 0.99);
const bMax = Math.max(...baseline.greetings);
console.log(`Fairness benchmark (Node ${process.version}; lab in its own process; ${REPS} runs of each command, one at a time; machine load ${loadavg()[0]!.toFixed(1)} at the end)`);
console.log(`  mail: heavy ${ready.heavy.messages} messages, ${(ready.heavy.octets / 1048576).toFixed(1)} MiB (its quota); many and pop ${ready.small} small messages each`);
console.log(`  loop held = the lab's longest event-loop delay while the command ran (a 2 ms probe timer and monitorEventLoopDelay), median of the runs and worst;\n  turn CPU = the lab main thread's CPU time in that longest turn (process.threadCpuUsage), what the lab itself spent, whatever the machine's load (a GC pause inside that turn included); over ${LONG_TASK_MS} ms is a long task;\n  GC pause = the longest garbage-collection pause while the command ran (median of the runs)`);
console.log('  command ms = median time to the whole reply, as the client sees it; "before" is the same SEARCH in a lab with slicing off, in this run');
console.log(`  greeting = connect to the first line of the greeting, fresh connections one after another on another port, ms\n`);
const cells = (r: Row): string[] => {
  const p99 = quantile(r.greetings, 0.99);
  const max = Math.max(...r.greetings);
  return [r.name, r.commandMs.length ? f(quantile(r.commandMs, 0.5)) : '–', f(quantile(r.blockMs, 0.5)), f(Math.max(...r.blockMs)), f(quantile(r.cpuMs, 0.5)), f(Math.max(...r.cpuMs)), f(quantile(r.gcMs, 0.5)), String(r.greetings.length), f(quantile(r.greetings, 0.5)), f(p99), f(max), (p99 / b99).toFixed(1), (max / bMax).toFixed(1), r.reply];
};
table([
  ['command', 'command ms', 'loop held ms', 'worst', 'turn CPU ms', 'worst', 'GC pause ms', 'greetings', 'p50', 'p99', 'max', 'p99 ×', 'max ×', 'last reply line'],
  cells(baseline),
  cells(before),
  ...rows.map(cells),
]);
const long = rows.filter((r) => quantile(r.cpuMs, 0.5) > LONG_TASK_MS);
console.log(`\n  commands whose longest turn takes over ${LONG_TASK_MS} ms of CPU (median of the runs): ${long.length === 0 ? 'none' : long.map((r) => `${r.name.split(',')[0]} (${f(quantile(r.cpuMs, 0.5))} ms median)`).join('; ')}`);
console.log('\nWould a worker thread pay for SEARCH? (the same 64 KiB of keys over the same mail, in this process)');
for (const line of worker) console.log(`  ${line}`);
console.log('');
