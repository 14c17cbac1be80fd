/**
 * Engine benchmark (`npm run bench`, first half): the time `session.send()` takes per command for each protocol,
 * in-process through `openSession`, over a realistic command mix (target: median under 0.1 ms); then, from
 * engine-scale.ts, IMAP commands at 1,000 and 10,000 messages (target: each under 10 ms at 10,000, ratio near 10)
 * and the memory a 10 MB message takes.
 * Run: node scripts/engine-bench.ts [--sessions N] [--runs N] [--memory-messages N] [--skip-heavy]
 * (--skip-heavy leaves out the whole FETCH of a 10 MB message and the 7,000-key SEARCH, which the engine before
 * issue 10 could not finish: for measuring that baseline with this script)
 */
import { openSession } from '../src/machines/session.ts';
import { MailWorld } from '../src/protocols/shared/world.ts';
import '../src/machines/servers.ts';
import { runScale } from './engine-scale.ts';

type Protocol = 'smtp' | 'pop3' | 'imap';
/** A client line and the start the first reply line should have ('' when no reply is expected). */
type Step = [line: string, expect: string];

const plain = Buffer.from('\0alice\0wonderland', 'latin1').toString('base64');
const body = Array.from({ length: 20 }, (_, i) => `Line ${i + 1} of a short message body, with some ordinary text in it.`);

/** One realistic session per protocol: the commands a mail program sends, in order. */
const MIXES: Record<Protocol, { port: number; steps: (i: number) => Step[] }> = {
  smtp: {
    port: 587,
    steps: (i) => [
      ['EHLO laptop.example.test', '250'],
      ['STARTTLS', '220'],
      ['EHLO laptop.example.test', '250'],
      [`AUTH PLAIN ${plain}`, '235'],
      ['MAIL FROM:<alice@example.test> SIZE=2000', '250'],
      ['RCPT TO:<bob@example.test>', '250'],
      ['RCPT TO:<someone@elsewhere.test>', '250'],
      ['DATA', '354'],
      ['From: Alice <alice@example.test>', ''],
      ['To: Bob <bob@example.test>', ''],
      [`Subject: Benchmark ${i}`, ''],
      ['', ''],
      ...body.map((l): Step => [l, '']),
      ['.', '250'],
      ['RSET', '250'],
      ['NOOP', '250'],
      ['QUIT', '221'],
    ],
  },
  pop3: {
    port: 110,
    steps: () => [
      ['CAPA', '+OK'],
      ['STLS', '+OK'],
      ['USER alice', '+OK'],
      ['PASS wonderland', '+OK'],
      ['STAT', '+OK'],
      ['LIST', '+OK'],
      ['UIDL', '+OK'],
      ['LIST 1', '+OK'],
      ['TOP 1 0', '+OK'],
      ['RETR 1', '+OK'],
      ['RETR 2', '+OK'],
      ['DELE 1', '+OK'],
      ['NOOP', '+OK'],
      ['RSET', '+OK'],
      ['QUIT', '+OK'],
    ],
  },
  imap: {
    port: 143,
    steps: () => [
      ['a1 CAPABILITY', '*'],
      ['a2 STARTTLS', 'a2 OK'],
      ['a3 LOGIN alice wonderland', 'a3 OK'],
      ['a4 LIST "" "*"', '*'],
      ['a5 SELECT INBOX', '*'],
      ['a6 FETCH 1:* (UID FLAGS RFC822.SIZE)', '*'],
      ['a7 FETCH 1 (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE)])', '*'],
      ['a8 FETCH 1 BODY.PEEK[]', '*'],
      ['a9 STORE 1 +FLAGS (\\Flagged)', '*'],
      ['a10 SEARCH UNSEEN', '*'],
      ['a11 UID SEARCH FLAGGED', '*'],
      ['a12 STATUS Archive (MESSAGES UNSEEN)', '*'],
      ['a13 STORE 1 -FLAGS (\\Flagged)', '*'],
      ['a14 NOOP', 'a14 OK'],
      ['a15 CLOSE', 'a15 OK'],
      ['a16 LOGOUT', '* BYE'],
    ],
  },
};

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}
const SESSIONS = option('--sessions', 2000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function run(protocol: Protocol, sessions: number, record: boolean): { times: number[]; mismatches: Map<string, string>; internalErrors: number } {
  const times: number[] = [];
  const mismatches = new Map<string, string>();
  let internalErrors = 0;
  let world = new MailWorld({ seed: 1 });
  const mix = MIXES[protocol];
  for (let i = 0; i < sessions; i++) {
    // A fresh world now and then keeps mailboxes at a realistic size while SMTP keeps delivering.
    if (i % 50 === 0) world = new MailWorld({ seed: 1 + i });
    const session = openSession(world, protocol, mix.port, { clientAddress: '127.0.0.1' });
    for (const [line, expected] of mix.steps(i)) {
      const start = performance.now();
      const step = session.send(line);
      const elapsed = performance.now() - start;
      if (record) times.push(elapsed);
      const first = step.replies[0] ?? '';
      if (expected && !first.startsWith(expected) && !mismatches.has(line)) mismatches.set(line, first);
    }
    internalErrors += session.internalErrors;
    session.drop();
  }
  return { times, mismatches, internalErrors };
}

const rows: string[][] = [['protocol', 'sessions', 'commands', 'median ms', 'p95 ms', 'max ms', 'target']];
const notes: string[] = [];
for (const protocol of ['smtp', 'pop3', 'imap'] as const) {
  run(protocol, Math.min(200, SESSIONS), false); // warm-up: let V8 optimise before measuring
  const { times, mismatches, internalErrors } = run(protocol, SESSIONS, true);
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  rows.push([protocol.toUpperCase(), String(SESSIONS), String(times.length), median.toFixed(4), percentile(times, 0.95).toFixed(4), (times.at(-1) ?? NaN).toFixed(3), median < 0.1 ? 'ok (< 0.1)' : 'MISSED']);
  for (const [line, got] of mismatches) notes.push(`${protocol.toUpperCase()}: "${line}" got "${got}"`);
  if (internalErrors > 0) notes.push(`${protocol.toUpperCase()}: ${internalErrors} internal errors`);
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`Engine: time per session.send() (Node ${process.version}, ${SESSIONS} sessions per protocol)\n`);
for (const r of rows) console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
if (notes.length > 0) console.log(`\nUnexpected replies (the mix may not match the server; check):\n  ${notes.join('\n  ')}`);
console.log('');
runScale({ runs: option('--runs', 5), memoryMessages: option('--memory-messages', 3), heavy: !process.argv.includes('--skip-heavy') });
