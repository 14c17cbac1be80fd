/** `node src/lab/main.ts` as `npm run lab` runs it: help, bad usage, start-up banner, and a clean stop on a signal. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { connectPlain } from './helpers.ts';

const main = fileURLToPath(new URL('../../src/lab/main.ts', import.meta.url));

describe('lab command line', () => {
  test('prints the help and exits 0', () => {
    const run = spawnSync(process.execPath, [main, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm run lab');
  });

  test('exits 2 with a message for a bad value (the parser tests cover the rest)', () => {
    const run = spawnSync(process.execPath, [main, '--offset', 'x'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('lab: --offset must be a whole number from 0 to 63540, not "x"\nRun "npm run lab -- --help" for the options.\n');
    expect(run.stdout).toBe('');
  });

  test('starts, prints where it listens, and on SIGTERM says 421 and exits 0', async () => {
    const offset = 20_000 + Math.floor(Math.random() * 400) * 100;
    const child = spawn(process.execPath, [main, '--offset', String(offset), '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 200 && !out.includes('Ctrl-C stops the lab'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain(`SMTP      127.0.0.1:${offset + 587}  587            STARTTLS`);
    expect(out).toContain(`IMAP      127.0.0.1:${offset + 993}  993            Implicit TLS`);
    expect(out).toContain('alice / wonderland');
    expect(out).toContain('bob / builder');
    const c = await connectPlain(offset + 587);
    expect(await c.line()).toMatch(/^220 /);
    child.kill('SIGTERM');
    expect(await c.line()).toMatch(/^421 4\.3\.2 /);
    expect(await exited).toBe(0);
  }, 20_000);
});
