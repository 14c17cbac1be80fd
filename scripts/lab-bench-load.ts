/** The benchmark's well-behaved load: waves of mixed sessions, and IMAP sessions timing NOOP round trips. */
import { openClient, type BenchClient, type Protocol } from './lab-bench-client.ts';

/** A step: a command whose reply must succeed, or TLS on the same socket. */
type Step = string | { upgrade: true };

interface Kind {
  name: string;
  standardPort: number;
  tls: boolean;
  protocol: Protocol;
  steps(user: string, password: string): Step[];
}

const plain = (user: string, pass: string): string => Buffer.from(`\0${user}\0${pass}`, 'latin1').toString('base64');
const message = (to: string): string =>
  [`From: <alice@example.test>`, `To: <${to}>`, 'Subject: bench', '', 'Hello from the lab benchmark.', '.'].join('\r\n');
const UPGRADE = { upgrade: true } as const;

/** Six kinds, round robin: every protocol, in plaintext, with STARTTLS and with implicit TLS. */
const KINDS: Kind[] = [
  { name: 'SMTP 25 relay', standardPort: 25, tls: false, protocol: 'smtp', steps: (u) => ['EHLO bench.test', 'MAIL FROM:<x@remote.test>', `RCPT TO:<${u}@example.test>`, 'DATA', message(`${u}@example.test`), 'QUIT'] },
  { name: 'SMTP 465 AUTH', standardPort: 465, tls: true, protocol: 'smtp', steps: (u, p) => ['EHLO bench.test', `AUTH PLAIN ${plain(u, p)}`, `MAIL FROM:<${u}@example.test>`, 'RCPT TO:<bob@example.test>', 'DATA', message('bob@example.test'), 'QUIT'] },
  { name: 'POP3 110 STLS', standardPort: 110, tls: false, protocol: 'pop3', steps: (u, p) => ['CAPA', 'STLS', UPGRADE, `USER ${u}`, `PASS ${p}`, 'STAT', 'QUIT'] },
  { name: 'POP3 995', standardPort: 995, tls: true, protocol: 'pop3', steps: (u, p) => [`USER ${u}`, `PASS ${p}`, 'STAT', 'LIST', 'RETR 1', 'QUIT'] },
  { name: 'IMAP 143 STARTTLS', standardPort: 143, tls: false, protocol: 'imap', steps: (u, p) => ['a1 CAPABILITY', 'a2 NOOP', 'a3 STARTTLS', UPGRADE, `a4 LOGIN ${u} ${p}`, 'a5 SELECT INBOX', 'a6 LOGOUT'] },
  { name: 'IMAP 993', standardPort: 993, tls: true, protocol: 'imap', steps: (u, p) => [`a1 LOGIN ${u} ${p}`, 'a2 SELECT INBOX', 'a3 FETCH 1:* (FLAGS)', 'a4 SEARCH ALL', 'a5 LOGOUT'] },
];

/** What one wave measured. */
export interface WaveReport {
  connectMs: number;
  dialogueMs: number;
  commands: number;
  completed: number;
  failures: string[];
}

/** One wave: every session connects and is greeted, then all run their dialogue at once. */
export async function waves(ports: Record<number, number>, sessions: number, address: (i: number) => string | undefined): Promise<WaveReport> {
  const failures: string[] = [];
  let commands = 0;
  let completed = 0;
  let greeted = 0;
  let go!: () => void;
  const started = new Promise<void>((resolve) => (go = resolve));
  const t0 = performance.now();
  let t1 = 0;
  const arrived = (): void => {
    if (++greeted < sessions) return;
    t1 = performance.now();
    go();
  };
  await Promise.all(
    Array.from({ length: sessions }, async (_, i) => {
      const kind = KINDS[i % KINDS.length]!;
      let c: BenchClient | undefined;
      let greetedHere = false;
      let at = 'connect';
      try {
        c = await openClient(ports[kind.standardPort]!, { tls: kind.tls, localAddress: address(i) });
        await c.expect(kind.protocol, '');
        greetedHere = true;
        arrived();
        await started;
        for (const step of kind.steps(`bench${i + 1}`, `pw${i + 1}`)) {
          at = typeof step === 'string' ? step.split(' ').slice(0, kind.protocol === 'imap' ? 2 : 1).join(' ') : 'TLS handshake';
          if (typeof step === 'string') {
            await c.expect(kind.protocol, step);
            commands += 1;
          } else await c.upgrade();
        }
        completed += 1;
      } catch (error) {
        failures.push(`${kind.name} at ${at}: ${(error as Error).message}`);
        if (!greetedHere) arrived();
      } finally {
        c?.destroy();
      }
    }),
  );
  if (t1 === 0) t1 = performance.now();
  return { connectMs: t1 - t0, dialogueMs: performance.now() - t1, commands, completed, failures };
}

/** What a NOOP run measured. */
export interface NoopReport<M> {
  opened: number;
  latencies: number[];
  failures: string[];
  memoryOpen: M | undefined;
}

/**
 * Opens `sessions` IMAP sessions over implicit TLS, each logged in as its own user with INBOX selected, then
 * each sends `noops` NOOPs with a random pause of 0–2×`thinkMs` before each, timing every round trip.
 */
export async function noopLoad<M>(port: number, sessions: number, noops: number, thinkMs: number, address: (i: number) => string | undefined, atOpen?: () => Promise<M>): Promise<NoopReport<M>> {
  const failures: string[] = [];
  const clients: Array<BenchClient | undefined> = [];
  // Batches of 100 keep the listen backlog from overflowing, as a real fleet of clients would not all SYN at once.
  for (let start = 0; start < sessions; start += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, sessions - start) }, async (_, k) => {
        const i = start + k;
        try {
          const c = await openClient(port, { tls: true, localAddress: address(i) });
          await c.expect('imap', '');
          await c.expect('imap', `l LOGIN bench${i + 1} pw${i + 1}`);
          await c.expect('imap', 's SELECT INBOX');
          return c;
        } catch (error) {
          failures.push(`open ${i + 1}: ${(error as Error).message}`);
          return undefined;
        }
      }),
    );
    clients.push(...batch);
  }
  const memoryOpen = await atOpen?.();
  const latencies: number[] = [];
  await Promise.all(
    clients.map(async (c, i) => {
      if (!c) return;
      try {
        for (let n = 0; n < noops; n++) {
          if (thinkMs > 0) await new Promise((r) => setTimeout(r, Math.random() * 2 * thinkMs));
          const t = performance.now();
          await c.expect('imap', `n${n} NOOP`);
          latencies.push(performance.now() - t);
        }
        await c.expect('imap', 'z LOGOUT');
      } catch (error) {
        failures.push(`session ${i + 1}: ${(error as Error).message}`);
      } finally {
        c.destroy();
      }
    }),
  );
  return { opened: clients.filter(Boolean).length, latencies, failures, memoryOpen };
}

/** Well-behaved sessions that keep sending NOOPs (a pause of about `thinkMs` before each) until `stop` resolves. */
export async function noopUntil(clients: readonly BenchClient[], thinkMs: number, stop: Promise<void>): Promise<{ latencies: number[]; failures: string[] }> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const latencies: number[] = [];
  const failures: string[] = [];
  let n = 0;
  await Promise.all(
    clients.map(async (c, i) => {
      try {
        while (!stopped) {
          await new Promise((r) => setTimeout(r, Math.random() * 2 * thinkMs));
          const t = performance.now();
          await c.expect('imap', `w${n++} NOOP`);
          latencies.push(performance.now() - t);
        }
      } catch (error) {
        failures.push(`well-behaved ${i + 1}: ${(error as Error).message}`);
      }
    }),
  );
  return { latencies, failures };
}
