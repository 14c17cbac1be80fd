/** `openssl s_client`, typed at as the lab's README shows: SMTP with STARTTLS on 587, IMAP with implicit TLS on 993. */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { portOf, startTestLab } from './helpers.ts';

/** Types each line into `openssl s_client` with a pause, as a person would, and returns what it printed. */
function sClient(args: string[], lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', ['s_client', ...args, '-crlf', '-quiet'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('latin1').on('data', (t: string) => (out += t));
    child.stderr.resume();
    const kill = setTimeout(() => child.kill(), 15_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(kill);
      resolve(out);
    });
    let i = 0;
    const type = (): void => {
      if (i < lines.length && child.stdin.writable) {
        child.stdin.write(`${lines[i++]}\n`);
        setTimeout(type, 80);
      }
    };
    setTimeout(type, 300);
  });
}

let lab: Lab;
beforeAll(async () => {
  lab = await startTestLab({ seed: 3 });
});
afterAll(() => lab.close());

describe('openssl s_client', () => {
  test('submits mail on 587 after -starttls smtp', async () => {
    const auth = Buffer.from('\0alice\0wonderland').toString('base64');
    const out = await sClient(
      ['-starttls', 'smtp', '-connect', `127.0.0.1:${portOf(lab, 587)}`],
      ['EHLO laptop', `AUTH PLAIN ${auth}`, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<bob@example.test>', 'DATA', 'Subject: Hello from openssl', '', 'Hi Bob!', '.', 'QUIT'],
    );
    const codes = out.split(/\r?\n/).filter((l) => /^\d{3} /.test(l)).map((l) => l.slice(0, 3));
    expect(codes).toEqual(['250', '235', '250', '250', '354', '250', '221']);
    const bob = lab.world.mailbox('bob', 'INBOX')!.messages;
    expect(bob.some((m) => m.raw.includes('Subject: Hello from openssl\r\n'))).toBe(true);
  });

  test('logs in, selects and fetches on 993', async () => {
    const out = await sClient(['-connect', `127.0.0.1:${portOf(lab, 993)}`], ['a1 LOGIN bob builder', 'a2 SELECT INBOX', 'a3 FETCH 1 (FLAGS)', 'a4 LOGOUT']);
    const lines = out.split(/\r?\n/);
    expect(lines[0]).toMatch(/^\* OK /);
    for (const tag of ['a1', 'a2', 'a3', 'a4']) expect(lines.some((l) => l.startsWith(`${tag} OK`))).toBe(true);
    expect(lines.some((l) => /^\* 1 FETCH \(FLAGS \(/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('* BYE'))).toBe(true);
  });
});
