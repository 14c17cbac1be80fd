/**
 * Engine benchmark, second part: how IMAP commands grow with the mailbox (1,000 and 10,000 messages), what one
 * pathological SEARCH costs, and the memory one 10 MB message takes once delivered by SMTP and once read.
 * Figures, not assertions: tests/ bound the same work by counting. Imported by engine-bench.ts.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openSession, type Session } from '../src/machines/session.ts';
import { MailWorld } from '../src/protocols/shared/world.ts';
import '../src/machines/servers.ts';

/**
 * The commands timed at each mailbox size, in order, each with its label; the EXPUNGE removes the 10% marked just
 * before it. ENVELOPE runs twice: the first parses every message, the second finds them parsed. The issue's
 * 10 ms target covers FETCH FLAGS, SEARCH, STORE and EXPUNGE; the first ENVELOPE (parsing 10,000 messages once)
 * and NOOP are reported with no target of their own.
 */
const UNTARGETED = new Set(['FETCH 1:* (ENVELOPE), first']);
const OPS: ReadonlyArray<[label: string, line: string]> = [
  ['UID FETCH 1:* (FLAGS)', 'UID FETCH 1:* (FLAGS)'],
  ['FETCH 1:* (ENVELOPE), first', 'FETCH 1:* (ENVELOPE)'],
  ['FETCH 1:* (ENVELOPE), again', 'FETCH 1:* (ENVELOPE)'],
  ['SEARCH UNSEEN', 'SEARCH UNSEEN'],
  ['SEARCH SUBJECT "report 7"', 'SEARCH SUBJECT "report 7"'],
  ['SEARCH TEXT "needle"', 'SEARCH TEXT "needle"'],
  ['STORE 1:* +FLAGS (\\Seen)', 'STORE 1:* +FLAGS (\\Seen)'],
  ['NOOP', 'NOOP'],
  ['EXPUNGE (10%)', 'EXPUNGE'],
];

// Full collections before each heap reading, without asking `npm run bench` for --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Milliseconds of one command: wall-clock and CPU time (the process's, background GC threads included), and over
 * several runs also the best wall time, the figure least disturbed by others on a shared machine.
 */
interface Timing {
  wall: number;
  cpu: number;
  best?: number;
}

function message(i: number): string {
  return [
    `From: Sender ${i % 97} <sender${i % 97}@example.net>`,
    'To: Alice <alice@example.test>',
    `Subject: Weekly report ${i}`,
    `Date: Fri, 20 Nov 2026 08:${String(i % 60).padStart(2, '0')}:00 +0000`,
    `Message-ID: <m${i}@example.net>`,
    '',
    ...Array.from({ length: 12 }, (_, l) => `Line ${l} of message ${i}: numbers, names and the usual words of a report.`),
    '',
  ].join('\r\n');
}

function imapSession(world: MailWorld): Session {
  const s = openSession(world, 'imap', 993);
  s.send('a LOGIN alice wonderland');
  s.send('b SELECT INBOX');
  return s;
}

function timed(s: Session, line: string): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const step = s.send(`t ${line}`);
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const last = step.replies.at(-1) ?? '';
  if (!last.startsWith('t OK')) throw new Error(`${line}: ${last}`);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Median wall and CPU ms of each operation at one mailbox size, over `runs` fresh worlds. */
function measure(size: number, runs: number): Map<string, Timing> {
  const samples = new Map<string, Timing[]>(OPS.map(([label]) => [label, []]));
  for (let r = 0; r < runs; r++) {
    const world = new MailWorld({ seed: r + 1 });
    for (let i = 0; i < size; i++) world.append('alice', 'INBOX', message(i), i % 3 === 0 ? ['\\Seen'] : []);
    const s = imapSession(world);
    for (const [label, line] of OPS) {
      if (line === 'EXPUNGE') s.send(`d STORE 1:${Math.floor((size + 3) / 10)} +FLAGS.SILENT (\\Deleted)`);
      samples.get(label)!.push(timed(s, line));
    }
    s.drop();
  }
  return new Map(
    OPS.map(([label]) => {
      const walls = samples.get(label)!.map((t) => t.wall);
      return [label, { wall: median(walls), cpu: median(samples.get(label)!.map((t) => t.cpu)), best: Math.min(...walls) }];
    }),
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** A message of about `octets` in 76-character lines, as a mail program sends an attachment. */
function bigMessage(octets: number, tag: string): string[] {
  const lines = ['From: Bob <bob@example.test>', 'To: Alice <alice@example.test>', `Subject: Big ${tag}`, ''];
  // Distinct lines, as base64 of real data is: each line its own string, as a socket delivers it.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let n = 0, i = 0; n < octets; n += 78, i++) {
    const stamp = i.toString(36).padStart(8, '0');
    lines.push(`${stamp}${alphabet}${alphabet.slice(0, 4)}`);
  }
  return lines;
}

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

/** What the memory part measured. */
interface MemoryFigures {
  delivered: number;
  read: number;
  searchKeysMs: number;
  fetchWholeMs: number;
  fetchLines: number;
  manyKeysMs: number;
}

/**
 * Heap per message after SMTP delivered `count` messages of 10 MB, then after each was read (a partial FETCH parses
 * it) and searched; then a whole FETCH BODY[] of one, and a SEARCH of 7,000 TEXT keys (a 64 KiB line) over one.
 */
function memory(count: number, heavy: boolean): MemoryFigures {
  const world = new MailWorld({ seed: 9 });
  const base = heapMb();
  for (let i = 0; i < count; i++) {
    const smtp = openSession(world, 'smtp', 25);
    for (const line of ['EHLO bench.example', 'MAIL FROM:<bob@example.test>', 'RCPT TO:<alice@example.test>', 'DATA']) smtp.send(line);
    for (const line of bigMessage(10_000_000, String(i))) smtp.send(line);
    const end = smtp.send('.').replies[0] ?? '';
    if (!end.startsWith('250')) throw new Error(`delivery refused: ${end}`);
    smtp.drop();
  }
  const delivered = (heapMb() - base) / count;
  const s = imapSession(world);
  for (let i = 0; i < count; i++) s.send(`f FETCH ${4 + i} (BODY.PEEK[]<0.100> ENVELOPE)`);
  s.send('g SEARCH TEXT "absent"');
  const read = (heapMb() - base) / count;
  const keys = Array.from({ length: 16 }, (_, i) => `TEXT "k${i}x"`).join(' ');
  let start = performance.now();
  s.send(`h SEARCH ${4}:${3 + count} ${keys}`);
  const searchKeysMs = performance.now() - start;
  if (!heavy) {
    s.drop();
    return { delivered, read, searchKeysMs, fetchWholeMs: NaN, fetchLines: NaN, manyKeysMs: NaN };
  }
  start = performance.now();
  const whole = s.send('i FETCH 4 (BODY.PEEK[])').replies;
  const fetchWholeMs = performance.now() - start;
  if (!(whole.at(-1) ?? '').startsWith('i OK')) throw new Error(`FETCH BODY[] failed: ${whole.at(-1)}`);
  const many = Array.from({ length: 7000 }, (_, i) => `TEXT ${i.toString(36).padStart(3, '0')}`).join(' ');
  start = performance.now();
  const answer = s.send(`j SEARCH 4 ${many}`).replies.at(-1) ?? '';
  const manyKeysMs = performance.now() - start;
  if (!answer.startsWith('j OK')) throw new Error(`SEARCH with 7,000 keys failed: ${answer}`);
  s.drop();
  return { delivered, read, searchKeysMs, fetchWholeMs, fetchLines: whole.length, manyKeysMs };
}

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
}

/** Prints the scale table and the memory figures. */
export function runScale(options: { runs: number; memoryMessages: number; heavy: boolean }): void {
  measure(1000, 2); // warm-up: let V8 optimise before measuring
  const small = measure(1000, options.runs);
  const large = measure(10000, options.runs);
  const rows = [['command (IMAP, in the engine)', '1k median', '10k median', '10k CPU', '1k best', '10k best', 'best 10k/1k', 'target']];
  for (const [label] of OPS) {
    const a = small.get(label)!;
    const b = large.get(label)!;
    const ratio = b.best! / Math.max(a.best!, 0.001);
    rows.push([label, a.wall.toFixed(2), b.wall.toFixed(2), b.cpu.toFixed(2), a.best!.toFixed(2), b.best!.toFixed(2), ratio.toFixed(1), UNTARGETED.has(label) ? 'none (parses once)' : b.best! < 10 ? 'ok (< 10 ms)' : 'MISSED']);
  }
  console.log(`Mailbox scale (ms): wall-clock median and best of ${options.runs} runs per size, and the median CPU time at 10,000\n`);
  table(rows);
  if (options.memoryMessages > 0) {
    const m = memory(options.memoryMessages, options.heavy);
    console.log(`\nMemory per 10 MB message (${options.memoryMessages} delivered by SMTP, heap after a full GC):`);
    console.log(`  stored ${m.delivered.toFixed(1)} MB, after FETCH BODY[] and SEARCH TEXT ${m.read.toFixed(1)} MB`);
    console.log(`  SEARCH with 16 TEXT keys over them: ${m.searchKeysMs.toFixed(0)} ms`);
    if (options.heavy) {
      console.log(`  FETCH BODY.PEEK[] of one: ${m.fetchLines} reply lines in ${m.fetchWholeMs.toFixed(0)} ms`);
      console.log(`  SEARCH with 7,000 TEXT keys (a 64 KiB line) over one: ${m.manyKeysMs.toFixed(0)} ms`);
    }
  }
  console.log('');
}
