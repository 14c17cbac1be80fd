/**
 * curl against the real servers, as the lab's README tells students to run it: send over STARTTLS and implicit
 * TLS, list and retrieve with POP3, fetch, search and flag with IMAP, and delete with POP3 DELE.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { portOf, startTestLab } from './helpers.ts';

/** Runs curl asynchronously (the lab answers from this same process) and returns its stdout. */
function curl(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('curl', ['--silent', '--show-error', '--max-time', '15', ...args], { timeout: 20_000, encoding: 'latin1' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`curl ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

let lab: Lab;
let dir: string;
let url: (scheme: string, standardPort: number, path?: string) => string;

beforeAll(async () => {
  lab = await startTestLab({ seed: 11 });
  dir = mkdtempSync(join(tmpdir(), 'mailwire-lab-'));
  url = (scheme, standardPort, path = '') => `${scheme}://127.0.0.1:${portOf(lab, standardPort)}${path}`;
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

function message(subject: string): string {
  const file = join(dir, `${subject.replace(/\W+/g, '-')}.eml`);
  writeFileSync(file, `From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>\r\nSubject: ${subject}\r\n\r\nSent with curl.\r\n`);
  return file;
}

function inbox(user: string): Array<{ uid: number; subject: string; flags: string[] }> {
  return (lab.world.mailbox(user, 'INBOX')?.messages ?? []).map((m) => ({
    uid: m.uid,
    subject: /^Subject: (.*)$/im.exec(m.raw)?.[1]?.trim() ?? '',
    flags: [...m.flags],
  }));
}

describe('curl', () => {
  test('sends on 587 with --ssl-reqd (STARTTLS) and AUTH', async () => {
    const file = message('Curl over STARTTLS');
    await curl('--ssl-reqd', '-k', url('smtp', 587), '--mail-from', 'alice@example.test', '--mail-rcpt', 'bob@example.test', '-u', 'alice:wonderland', '-T', file);
    expect(inbox('bob').map((m) => m.subject)).toContain('Curl over STARTTLS');
  });

  test('sends on 465 with implicit TLS (smtps://)', async () => {
    const file = message('Curl over implicit TLS');
    await curl('-k', url('smtps', 465), '--mail-from', 'alice@example.test', '--mail-rcpt', 'bob@example.test', '-u', 'alice:wonderland', '-T', file);
    expect(inbox('bob').map((m) => m.subject)).toContain('Curl over implicit TLS');
  });

  test('refuses to send on 587 without TLS when the client will not upgrade', async () => {
    const file = message('Curl without TLS');
    await expect(
      curl(url('smtp', 587), '--mail-from', 'alice@example.test', '--mail-rcpt', 'bob@example.test', '-u', 'alice:wonderland', '-T', file),
    ).rejects.toThrow();
    expect(inbox('bob').map((m) => m.subject)).not.toContain('Curl without TLS');
  });

  test('lists with POP3 after STLS and retrieves over POP3S', async () => {
    const listing = await curl('--ssl-reqd', '-k', url('pop3', 110, '/'), '-u', 'bob:builder');
    const lines = listing.trim().split(/\r?\n/);
    expect(lines).toHaveLength(inbox('bob').length);
    expect(lines.every((l) => /^\d+ \d+$/.test(l))).toBe(true);
    const last = lines.length;
    const retrieved = await curl('-k', url('pop3s', 995, `/${last}`), '-u', 'bob:builder');
    expect(retrieved).toMatch(/^Subject: Curl over implicit TLS\r?$/m);
  });

  test('fetches by UID over IMAPS and searches by subject', async () => {
    const target = inbox('bob').find((m) => m.subject === 'Curl over STARTTLS')!;
    const fetched = await curl('-k', url('imaps', 993, `/INBOX;UID=${target.uid}`), '-u', 'bob:builder');
    expect(fetched).toMatch(/^Subject: Curl over STARTTLS\r?$/m);
    expect(fetched).toContain('Sent with curl.');
    const found = await curl('-k', url('imaps', 993, '/INBOX?SUBJECT%20%22Curl%20over%20STARTTLS%22'), '-u', 'bob:builder');
    const seq = inbox('bob').findIndex((m) => m.uid === target.uid) + 1;
    expect(found.trim()).toBe(`* SEARCH ${seq}`);
  });

  test('flags a message with a custom STORE over IMAP STARTTLS', async () => {
    const seq = inbox('bob').findIndex((m) => m.subject === 'Curl over STARTTLS') + 1;
    const out = await curl('--ssl-reqd', '-k', url('imap', 143, '/INBOX'), '-u', 'bob:builder', '-X', `STORE ${seq} +FLAGS \\Flagged`);
    expect(out).toMatch(new RegExp(`^\\* ${seq} FETCH \\(FLAGS \\(.*\\\\Flagged.*\\)\\)`, 'm'));
    expect(inbox('bob').find((m) => m.subject === 'Curl over STARTTLS')!.flags).toContain('\\Flagged');
  });

  test('deletes a message with POP3 DELE over POP3S', async () => {
    const before = inbox('bob');
    const seq = before.findIndex((m) => m.subject === 'Curl over implicit TLS') + 1;
    await curl('-k', url('pop3s', 995, `/${seq}`), '-u', 'bob:builder', '-X', 'DELE', '-I');
    const after = inbox('bob');
    expect(after).toHaveLength(before.length - 1);
    expect(after.map((m) => m.subject)).not.toContain('Curl over implicit TLS');
  });
});
