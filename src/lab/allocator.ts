/**
 * The lab's memory allocator settings. After a wave of TLS sessions closes, glibc's malloc keeps the freed native
 * memory (OpenSSL's and Node's per-connection buffers) in its arenas, so the lab stayed at 1.52× its idle size a
 * minute after 500 sessions (issue 10, point 14). These settings make it hand memory back: buffers over 16 KB are
 * mapped on their own and unmapped when freed, free memory at the top of the heap over 64 KB is trimmed, and two
 * arenas instead of one per thread limit fragmentation. Measured by `npm run bench` on the same machine:
 * 1.52× → 1.42× idle a minute after, peak 168 → 136 MB at 500 TLS sessions. glibc reads them only when a process
 * starts, so on Linux with glibc the lab runs in a child process that has them (main.ts).
 */
import { spawn } from 'node:child_process';

/** glibc's tunables, as environment variables (mallopt(3): M_ARENA_MAX, M_MMAP_THRESHOLD, M_TRIM_THRESHOLD, M_TOP_PAD). */
export const ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '16384',
  MALLOC_TRIM_THRESHOLD_: '65536',
  MALLOC_TOP_PAD_: '0',
};

/** Set in the child the lab runs in, so it does not start another. */
export const CHILD_MARK = 'MAILWIRE_LAB_ALLOCATOR';

/** Whether this process must start the lab in a child with the allocator settings: glibc, and not done yet. */
export function wantsRelaunch(env: NodeJS.ProcessEnv, glibc: boolean): boolean {
  return glibc && env[CHILD_MARK] === undefined;
}

/** Whether this Node.js runs on glibc (Linux distributions other than Alpine's musl). */
export function onGlibc(): boolean {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return typeof header?.glibcVersionRuntime === 'string';
}

/**
 * Runs this same command in a child with the allocator settings and resolves with its exit code. The child has its
 * own process group, so a Ctrl-C reaches it once, through this process; it stops by itself if this process dies
 * (its IPC channel closes; cli.ts).
 */
export function relaunch(): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    detached: true,
    env: { ...process.env, ...ALLOCATOR_ENV, [CHILD_MARK]: 'glibc' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}
