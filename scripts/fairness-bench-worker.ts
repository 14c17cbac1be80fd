/**
 * For the fairness benchmark: the worst SEARCH a client can send (64 KiB of string keys) and the mail it searches,
 * and whether a worker thread would pay for it: the search's own time in this thread against what handing the
 * mail to a worker costs this thread (postMessage copies strings by structured clone, synchronously) or costs
 * once (encoding it into a SharedArrayBuffer, which the world would then have to keep as its store).
 */
import { Worker } from 'node:worker_threads';
import { parseSearch } from '../src/protocols/imap/search.ts';
import { compileSearch } from '../src/protocols/imap/search-match.ts';
import type { StoredMessage } from '../src/protocols/shared/world.ts';
import { quantile } from './lab-bench-client.ts';

/** A line of mixed text, so strings built from its words match long prefixes before they fail. */
export const HEAVY_LINE = 'Lorem Ipsum DOLOR sit amet, consectetur adipiscing \u00c3\u00a9lit sed do eiusmod tempor incididunt ut labore\r\n';

/** The n-th heavy message, of about `octets` octets (the benchmark's lab stores the same). */
export function heavyMessage(n: number, octets: number): string {
  const body = HEAVY_LINE.repeat(Math.floor(octets / HEAVY_LINE.length));
  return `From: <alice@example.test>\r\nTo: <heavy@example.test>\r\nX-Mailer: fairness bench\r\nSubject: heavy ${n}\r\n\r\n${body}`;
}

/**
 * SEARCH keys filling `octets`: TEXT, BODY and HEADER keys in turn, each a word of the heavy text followed by a
 * number, so the scan follows partial matches all through the text and no key is ever found (nothing ends early).
 */
export function pathologicalKeys(octets: number): { line: string; count: number } {
  const words = ['lorem ipsum', 'dolor sit', 'amet, con', 'consectetur', 'adipiscing', 'eiusmod', 'tempor inc', 'incididunt', 'labore', 'sed do', 'ut lab'];
  const keys: string[] = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const value = `"${words[i % words.length]} ${i}"`;
    const key = i % 3 === 0 ? `TEXT ${value}` : i % 3 === 1 ? `BODY ${value}` : `HEADER X-Mailer ${value}`;
    if (length + key.length + 1 > octets) break;
    keys.push(key);
    length += key.length + 1;
  }
  return { line: keys.join(' '), count: keys.length };
}

const time = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

/** Lines of figures: the search here, the copy to a worker, and the one-off encoding into shared memory. */
export async function workerFigures(keysLine: string, messages = 5, octets = 10_200_000): Promise<string[]> {
  const raws = Array.from({ length: messages }, (_, i) => heavyMessage(i, octets));
  const stored: StoredMessage[] = raws.map((raw, i) => ({ uid: i + 1, flags: new Set(), internalDate: new Date(0), raw, size: raw.length, recentOwner: undefined }));
  const parsed = parseSearch(keysLine);
  if ('error' in parsed) return [`the keys do not parse: ${parsed.error}`];
  const search: number[] = [];
  for (let r = 0; r < 3; r++) {
    search.push(
      time(() => {
        const matches = compileSearch(parsed.criteria, { maxSeq: messages, maxUid: messages });
        stored.forEach((message, i) => matches({ message, seq: i + 1, uid: i + 1, maxSeq: messages, maxUid: messages, recent: false, now: new Date(0) }));
      }),
    );
  }
  const worker = new Worker('const { parentPort } = require("node:worker_threads"); parentPort.on("message", (m) => parentPort.postMessage(m.length));', { eval: true });
  const post: number[] = [];
  const roundTrip: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const answered = new Promise((resolve) => worker.once('message', resolve));
    post.push(time(() => worker.postMessage(raws)));
    await answered;
    roundTrip.push(performance.now() - t0);
  }
  await worker.terminate();
  const total = raws.reduce((n, s) => n + s.length, 0);
  const shared = time(() => {
    const sab = new SharedArrayBuffer(total);
    const view = Buffer.from(sab);
    let at = 0;
    for (const s of raws) at += view.write(s, at, 'latin1');
  });
  const med = (xs: number[]): string => quantile(xs, 0.5).toFixed(1);
  const s = quantile(search, 0.5);
  const p = quantile(post, 0.5);
  return [
    `SEARCH in this thread: ${med(search)} ms median (${messages} messages, ${(total / 1048576).toFixed(1)} MiB, ${keysLine.length} octets of keys)`,
    `copying that mail to a worker (postMessage, structured clone): ${med(post)} ms of this thread's time, ${med(roundTrip)} ms until the worker has it`,
    `encoding it once into a SharedArrayBuffer (what a store shared with workers would need): ${shared.toFixed(1)} ms, and the store would have to live there`,
    `a worker would pay only if the copy cost this thread less than the search: the copy is ${(p / s).toFixed(2)}× the search (${p < s ? 'cheaper' : 'dearer'})`,
  ];
}
