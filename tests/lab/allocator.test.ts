/**
 * The lab runs with glibc's allocator settings (src/lab/allocator.ts): main.ts starts it in a child process that
 * has them, which stops when its parent goes. Checked through /proc where it exists (Linux).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ALLOCATOR_ENV, CHILD_MARK, onGlibc, wantsRelaunch } from '../../src/lab/allocator.ts';

const main = fileURLToPath(new URL('../../src/lab/main.ts', import.meta.url));
const linux = existsSync('/proc/self/environ') && onGlibc();

/** Whether something accepts a TCP connection on the port now. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('the lab’s allocator settings', () => {
  test('relaunches only on glibc and only once', () => {
    expect(wantsRelaunch({}, true)).toBe(true);
    expect(wantsRelaunch({ [CHILD_MARK]: 'glibc' }, true)).toBe(false);
    expect(wantsRelaunch({}, false)).toBe(false);
    // Each setting is one of glibc's documented tunables, as a whole number.
    expect(Object.keys(ALLOCATOR_ENV).sort()).toEqual(['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_', 'MALLOC_TOP_PAD_', 'MALLOC_TRIM_THRESHOLD_']);
    for (const value of Object.values(ALLOCATOR_ENV)) expect(value).toMatch(/^\d+$/);
  });

  test.runIf(linux)('the lab process has them, and stops when the process that started it is killed', async () => {
    const offset = 20_000 + Math.floor(Math.random() * 400) * 100;
    const parent = spawn(process.execPath, [main, '--offset', String(offset), '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    parent.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    for (let i = 0; i < 200 && !out.includes('Ctrl-C stops the lab'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain('Ctrl-C stops the lab');
    const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(parent.pid)], { encoding: 'utf8' }).stdout.trim().split(/\s+/).filter(Boolean);
    expect(children).toHaveLength(1);
    const environ = readFileSync(`/proc/${children[0]}/environ`, 'latin1').split('\0');
    for (const [name, value] of Object.entries(ALLOCATOR_ENV)) expect(environ).toContain(`${name}=${value}`);
    expect(await accepts(offset + 587)).toBe(true);
    parent.kill('SIGKILL');
    let open = true;
    for (let i = 0; i < 100 && open; i++) {
      await new Promise((r) => setTimeout(r, 100));
      open = await accepts(offset + 587);
    }
    expect(open).toBe(false);
  }, 30_000);
});
