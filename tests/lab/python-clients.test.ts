/**
 * Real clients against the real servers: Python's smtplib, poplib and imaplib over STARTTLS and implicit TLS,
 * all on ONE lab, so mail submitted with SMTP is listed with POP3 and fetched with IMAP.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { portOf, startTestLab } from './helpers.ts';

const script = fileURLToPath(new URL('./clients/mailclients.py', import.meta.url));

/** Runs one client session in Python (asynchronously: the lab answers from this same process). */
function python(...args: Array<string | number>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile('python3', [script, ...args.map(String)], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`python3 ${args.slice(0, 2).join(' ')} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as Record<string, unknown>);
    });
  });
}

/** Subjects of the messages in a user's mailbox, straight from the world. */
function subjects(lab: Lab, user: string, mailbox: string): string[] {
  const box = lab.world.mailbox(user, mailbox);
  return (box?.messages ?? []).map((m) => /^Subject: (.*)$/im.exec(m.raw)?.[1]?.trim() ?? '');
}

let lab: Lab;
beforeAll(async () => {
  lab = await startTestLab({ seed: 7 });
});
afterAll(() => lab.close());

describe('Python smtplib', () => {
  test('submits on 587 after STARTTLS and AUTH, and AUTH is only offered inside TLS', async () => {
    const out = await python('smtp', 'starttls', '127.0.0.1', portOf(lab, 587), 'alice', 'wonderland', 'alice@example.test', 'alice@example.test', 'Lab STARTTLS submission');
    expect(out).toMatchObject({ ehlo_before_tls: 250, auth_before_tls: false, starttls: 220, ehlo: 250, auth_after_tls: true, login: 235, refused: {}, quit: 221 });
    expect(subjects(lab, 'alice', 'INBOX')).toContain('Lab STARTTLS submission');
  });

  test('submits on 465 with implicit TLS', async () => {
    const out = await python('smtp', 'ssl', '127.0.0.1', portOf(lab, 465), 'bob', 'builder', 'bob@example.test', 'alice@example.test', 'Lab implicit TLS submission');
    expect(out).toMatchObject({ ehlo: 250, auth_after_tls: true, login: 235, refused: {}, quit: 221 });
    expect(subjects(lab, 'alice', 'INBOX')).toContain('Lab implicit TLS submission');
  });
});

describe('Python poplib', () => {
  test('lists and retrieves the submitted message after STLS on 110', async () => {
    const out = await python('pop3', 'starttls', '127.0.0.1', portOf(lab, 110), 'alice', 'wonderland', 'Lab STARTTLS submission', 'no');
    expect(String(out.stls)).toMatch(/^\+OK/);
    expect(out.capa).toEqual(expect.arrayContaining(['UIDL', 'TOP']));
    expect(String(out.user)).toMatch(/^\+OK/);
    expect(String(out.pass)).toMatch(/^\+OK/);
    const found = out.found as { subject: string; body: string } | null;
    expect(found?.subject).toBe('Lab STARTTLS submission');
    expect(found?.body).toContain('\n.A line that starts with a dot.');
    expect((out.top as string[]).some((l) => l === 'Subject: Lab STARTTLS submission')).toBe(true);
    expect(String(out.quit)).toMatch(/^\+OK/);
  });

  test('deletes a message over POP3S on 995, committed at QUIT', async () => {
    const before = subjects(lab, 'alice', 'INBOX').length;
    const out = await python('pop3', 'ssl', '127.0.0.1', portOf(lab, 995), 'alice', 'wonderland', 'Lab implicit TLS submission', 'yes');
    expect((out.found as { subject: string }).subject).toBe('Lab implicit TLS submission');
    expect(String(out.dele)).toMatch(/^\+OK/);
    expect(String(out.quit)).toMatch(/^\+OK/);
    expect(subjects(lab, 'alice', 'INBOX')).not.toContain('Lab implicit TLS submission');
    expect(subjects(lab, 'alice', 'INBOX')).toHaveLength(before - 1);
  });
});

describe('Python imaplib', () => {
  test('fetches, flags, copies and expunges the submitted message after STARTTLS on 143', async () => {
    const out = await python('imap', 'starttls', '127.0.0.1', portOf(lab, 143), 'alice', 'wonderland', 'Lab STARTTLS submission', 'copy');
    expect(out.capabilities_before_tls).toEqual(expect.arrayContaining(['STARTTLS', 'LOGINDISABLED']));
    expect(out.capabilities).not.toContain('LOGINDISABLED');
    expect(out).toMatchObject({ starttls: 'OK', login: 'OK', copy: 'OK', store_deleted: 'OK', close: 'OK', logout: 'BYE' });
    expect(out.fetch_header).toBe('Subject: Lab STARTTLS submission');
    expect(out.fetch_subject).toBe('Lab STARTTLS submission');
    expect((out.store as [string, string[]])[0]).toBe('OK');
    expect((out.store as [string, string[]])[1].join(' ')).toContain('\\Flagged');
    expect(out.flagged).toEqual(expect.arrayContaining(out.search as string[]));
    expect((out.expunge as [string, string[]])[0]).toBe('OK');
    expect(subjects(lab, 'alice', 'INBOX')).not.toContain('Lab STARTTLS submission');
    expect(subjects(lab, 'alice', 'Archive')).toContain('Lab STARTTLS submission');
    const archived = lab.world.mailbox('alice', 'Archive')!.messages.find((m) => m.raw.includes('Subject: Lab STARTTLS submission'));
    expect([...archived!.flags]).toContain('\\Flagged');
  });

  test('moves a message over IMAPS on 993', async () => {
    await python('smtp', 'ssl', '127.0.0.1', portOf(lab, 465), 'alice', 'wonderland', 'alice@example.test', 'bob@example.test', 'Lab message to move');
    const out = await python('imap', 'ssl', '127.0.0.1', portOf(lab, 993), 'bob', 'builder', 'Lab message to move', 'move');
    expect(out).toMatchObject({ login: 'OK', move: 'OK', close: 'OK', logout: 'BYE' });
    expect((out.append as [string, string[]])[0]).toBe('OK');
    expect((out.append as [string, string[]])[1][0]).toMatch(/^\[APPENDUID \d+ \d+\]/);
    const draft = lab.world.mailbox('bob', 'Drafts')!.messages.at(-1)!;
    expect(draft.raw).toBe('From: bob@example.test\r\nSubject: Draft via APPEND\r\n\r\nA literal with\r\n.a dot line\r\n');
    expect([...draft.flags]).toContain('\\Draft');
    expect(out.fetch_subject).toBe('Lab message to move');
    expect(subjects(lab, 'bob', 'INBOX')).not.toContain('Lab message to move');
    expect(subjects(lab, 'bob', 'Archive')).toContain('Lab message to move');
  });
});
