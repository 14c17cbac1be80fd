/**
 * The benchmark's attackers, each from its own loopback address where the machine allows it: slowloris
 * (connections trickling one byte a second) with a connection flood on the implicit-TLS ports (connect-and-close
 * plus silent connections that never start TLS), then pathological SEARCHes, while well-behaved IMAP sessions
 * keep sending NOOPs. File descriptors are counted from /proc, so leaks show whatever the lab reports.
 */
import { readdirSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { openClient, quantile, type BenchClient } from './lab-bench-client.ts';
import { noopUntil } from './lab-bench-load.ts';

/** What the attack phase measured. */
export interface AbuseReport {
  wellBehaved: number;
  alone: { latencies: number[]; failures: string[] };
  /** While slowloris and the connection flood ran (the lab's defences). */
  sockets: { latencies: number[]; failures: string[] };
  /** While pathological SEARCHes ran (the engine's cost). */
  search: { latencies: number[]; failures: string[] };
  lines: string[];
}

interface Options {
  wellBehaved: number;
  commandTimeoutS: number;
  aliases: boolean;
  pid: number;
  memory(): Promise<{ rss: number; connections: number }>;
}

const SLOWLORIS = 300;
const FLOOD_CLOSE = 2000;
const FLOOD_SILENT = 300;
const SEARCH_KEYS = 256;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Open file descriptors of a process (Linux), or NaN. */
function fds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return Number.NaN;
  }
}

function rawConnect(port: number, localAddress: string | undefined): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const s = netConnect({ port, host: '127.0.0.1', localAddress });
    s.once('connect', () => resolve(s));
    s.once('error', () => resolve(undefined));
  });
}

/** Slowloris: each connection sends one byte a second and never ends a line, until the lab closes it or `patienceMs` pass. */
async function slowloris(ports: Record<number, number>, address: string | undefined, patienceMs: number) {
  const result = { refused: 0, cutAtConnect: 0, closedByLab: 0, stillOpen: 0, failedToConnect: 0, closeSeconds: [] as number[] };
  await Promise.all(
    Array.from({ length: SLOWLORIS }, async (_, i) => {
      const s = await rawConnect(ports[i % 2 === 0 ? 25 : 143]!, address);
      if (!s) return void result.failedToConnect++;
      const t0 = performance.now();
      let text = '';
      let closed = false;
      s.setEncoding('latin1');
      s.on('data', (t: string) => (text += t));
      s.on('close', () => (closed = true));
      s.on('error', () => {});
      while (!closed && performance.now() - t0 < patienceMs) {
        await sleep(1000);
        if (!closed) s.write('X');
      }
      if (/^(421 4\.7\.0|\* BYE)/.test(text)) result.refused++;
      else if (closed && performance.now() - t0 < 1500) result.cutAtConnect++;
      else if (closed) {
        result.closedByLab++;
        result.closeSeconds.push((performance.now() - t0) / 1000);
      } else result.stillOpen++;
      s.destroy();
    }),
  );
  return result;
}

/** A flood on 465, 993 and 995: silent connections held until the lab closes them or `patienceMs` pass, and connect-and-close. */
async function flood(ports: Record<number, number>, address: string | undefined, patienceMs: number) {
  const tlsPorts = [ports[465]!, ports[993]!, ports[995]!];
  const silent = (await Promise.all(Array.from({ length: FLOOD_SILENT }, (_, i) => rawConnect(tlsPorts[i % 3]!, address)))).filter((s): s is Socket => !!s);
  const opened = performance.now();
  let closedByLab = 0;
  for (const s of silent) {
    s.on('error', () => {});
    s.on('close', () => closedByLab++);
  }
  let failed = 0;
  for (let start = 0; start < FLOOD_CLOSE; start += 100) {
    await Promise.all(
      Array.from({ length: 100 }, async (_, k) => {
        const s = await rawConnect(tlsPorts[(start + k) % 3]!, address);
        if (s) s.end();
        else failed++;
      }),
    );
  }
  while (closedByLab < silent.length && performance.now() - opened < patienceMs) await sleep(200);
  const result = { failedToConnect: failed, silentOpened: silent.length, silentClosedByLab: closedByLab };
  for (const s of silent) s.destroy();
  return result;
}

/** SEARCHes with 256 TEXT keys (a 3 KB command line) over a 10 MB message, one after another, until `until`. */
async function pathologicalSearch(port: number, address: string | undefined, until: Promise<void>) {
  let over = false;
  void until.then(() => (over = true));
  const times: number[] = [];
  let failure: string | undefined;
  let c: BenchClient | undefined;
  try {
    c = await openClient(port, { tls: true, localAddress: address, replyTimeoutMs: 120_000 });
    await c.expect('imap', '');
    await c.expect('imap', 'h1 LOGIN heavy heavy');
    await c.expect('imap', 'h2 SELECT INBOX');
    const keys = Array.from({ length: SEARCH_KEYS }, (_, i) => `TEXT zq${i}x`).join(' ');
    for (let n = 0; n === 0 || !over; n++) {
      const t = performance.now();
      c.send(`q${n} SEARCH ${keys}`);
      const reply = await c.reply('imap', `q${n} SEARCH`);
      times.push(performance.now() - t);
      if (!reply.at(-1)!.startsWith(`q${n} `)) throw new Error(`SEARCH → ${reply.at(-1)}`);
    }
  } catch (error) {
    failure = (error as Error).message;
  } finally {
    c?.destroy();
  }
  return { times, failure };
}

/** Well-behaved IMAP sessions alone for a few seconds, then while the attackers run. */
export async function abuse(ports: Record<number, number>, options: Options): Promise<AbuseReport> {
  const clients: BenchClient[] = [];
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: options.wellBehaved }, async (_, i) => {
      try {
        const c = await openClient(ports[993]!, { tls: true });
        await c.expect('imap', '');
        await c.expect('imap', `l LOGIN bench${i + 1} pw${i + 1}`);
        await c.expect('imap', 's SELECT INBOX');
        clients.push(c);
      } catch (error) {
        failures.push(`open ${i + 1}: ${(error as Error).message}`);
      }
    }),
  );
  const fdsBefore = fds(options.pid);
  const alone = await noopUntil(clients, 100, sleep(5000));
  alone.failures.unshift(...failures);

  const address = (n: number): string | undefined => (options.aliases ? `127.0.0.${n}` : undefined);
  // The lab's own defences first: each attacker waits for the lab to close it, up to the deadline plus a margin.
  const patienceMs = (options.commandTimeoutS + 6) * 1000;
  const started = performance.now();
  const sockets = Promise.all([slowloris(ports, address(2), patienceMs), flood(ports, address(3), patienceMs)]);
  const underSockets = noopUntil(clients, 100, sockets.then(() => undefined));
  const [loris, flooded] = await sockets;
  const socketSeconds = (performance.now() - started) / 1000;
  const duringFds = fds(options.pid);
  const during = await options.memory();
  const socketsResult = await underSockets;
  await sleep(2000);
  const afterFds = fds(options.pid);
  const after = await options.memory();
  // Then the engine's worst case, on its own: SEARCHes that each read a 10 MB message once per key.
  const searchWindow = sleep(8000);
  const searching = pathologicalSearch(ports[993]!, address(4), searchWindow);
  const underSearch = await noopUntil(clients, 100, searching.then(() => undefined));
  const search = await searching;
  for (const c of clients) c.destroy();

  const s = (n: number[]): string => (n.length === 0 ? '–' : `${quantile(n, 0.5).toFixed(1)} s median, ${Math.max(...n).toFixed(1)} s max`);
  const lines = [
    `slowloris and flood together: ${socketSeconds.toFixed(0)} s; each attacker waited up to ${patienceMs / 1000} s (command and handshake deadline ${options.commandTimeoutS} s) for the lab to close it`,
    `slowloris, ${SLOWLORIS} connections on 25 and 143 from one address, trickling 1 byte/s: ${loris.refused} refused in words, ${loris.cutAtConnect} closed at connect without words, ${loris.closedByLab} closed later by the lab (${s(loris.closeSeconds)} after connecting), ${loris.stillOpen} still open after ${patienceMs / 1000} s, ${loris.failedToConnect} could not connect`,
    `flood on 465/993/995 from one address: ${FLOOD_CLOSE} connect-and-close (${flooded.failedToConnect} could not connect); ${flooded.silentOpened} silent connections, ${flooded.silentClosedByLab} closed by the lab within ${patienceMs / 1000} s`,
    `lab file descriptors: ${fdsBefore} before, ${duringFds} at the end of the slowloris and flood, ${afterFds} two seconds after the attackers left (lab counts ${during.connections} then ${after.connections} connections); lab RSS ${(during.rss / 1048576).toFixed(1)} MB`,
    `pathological SEARCH (${SEARCH_KEYS} TEXT keys, 10 MB message), one after another for 8 s: ${search.times.length} done, ${search.times.length ? `${quantile(search.times, 0.5).toFixed(0)} ms median, ${Math.max(...search.times).toFixed(0)} ms max` : ''}${search.failure ? `; failed: ${search.failure}` : ''} (the engine's cost: each blocks every session meanwhile)`,
  ];
  return { wellBehaved: clients.length, alone, sockets: socketsResult, search: underSearch, lines };
}
