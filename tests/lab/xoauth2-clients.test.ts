/**
 * Real clients nobody here wrote against the lab's Exchange Online listeners (offset + 1000 + 993, 995, 587):
 * Python's imaplib, poplib and smtplib, and imapflow and nodemailer from npm. Each tries a password first and gets
 * Microsoft's refusal, then a bad token (refused), then a token from the lab's own identity platform over HTTPS
 * (accepted). Mail sent with SMTP XOAUTH2 is read with IMAP XOAUTH2 and through Graph. The world starts in January
 * 2027, after SMTP AUTH with a password went off by default (the data file's date); IMAP and POP refuse it since 2022.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';
import { daemonToken, deviceToken } from './exchange-helpers.ts';
import { graphSubjects } from './xoauth2-helpers.ts';
import { startTestLab } from './helpers.ts';

const script = fileURLToPath(new URL('./clients/oauthclients.py', import.meta.url));
const JANUARY_2027 = Date.UTC(2027, 0, 5, 9, 0, 0);
const HOST = 'SN2PR00CA0018.namprd00.prod.outlook.test';

function python(...args: Array<string | number>): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    execFile('python3', [script, ...args.map(String)], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`python3 ${args[0]} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as Record<string, any>);
    });
  });
}

/** The listening port of Exchange Online's listener for a standard port. */
function exoPort(lab: Lab, standardPort: number): number {
  return lab.exchangeOnlinePorts.find((p) => p.standardPort === standardPort)!.port;
}

let lab: Lab;
const transcript: string[] = [];
let exchangeToken: string;
let graphToken: string;
beforeAll(async () => {
  lab = await startTestLab({ world: new MailWorld({ seed: 5, start: JANUARY_2027 }), quiet: false, log: (line) => transcript.push(line) });
  exchangeToken = await daemonToken(lab, 'https://outlook.office365.test/.default');
  graphToken = await daemonToken(lab, 'https://graph.microsoft.test/.default');
});
afterAll(() => lab.close());

describe('the lab serves Exchange Online', () => {
  test('on offset + 1000 + 993, 995 and 587, beside the course\'s own listeners', () => {
    const offset = lab.ports[0]!.port - 25;
    expect(lab.exchangeOnlinePorts.map((p) => [p.protocol, p.port - offset, p.security, p.server])).toEqual([
      ['imap', 1993, 'implicit-tls', 'exchange-online'],
      ['pop3', 1995, 'implicit-tls', 'exchange-online'],
      ['smtp', 1587, 'starttls', 'exchange-online'],
    ]);
  });
});

describe('Python imaplib, poplib and smtplib', () => {
  test('smtplib: AUTH LOGIN with a password gets 535 5.7.139, a bad token 535 5.7.3, a token 235; the mail is sent', async () => {
    const out = await python('smtp', '127.0.0.1', exoPort(lab, 587), 'alice@example.test', 'wonderland', exchangeToken, 'forged.token', 'Sent by smtplib with XOAUTH2');
    expect(out).toMatchObject({ auth_before_tls: false, starttls: 220, auth: 'LOGIN XOAUTH2', xoauth2: 235, refused: {}, quit: 221 });
    expect(out.login).toEqual([535, '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.']);
    expect(out.bad_token).toEqual([535, `5.7.3 Authentication unsuccessful [${HOST}]`]);
  });

  test('imaplib: LOGIN refused, a Graph token refused, XOAUTH2 accepted and the smtplib mail found', async () => {
    const out = await python('imap', '127.0.0.1', exoPort(lab, 993), 'alice@example.test', 'wonderland', exchangeToken, graphToken, 'Sent by smtplib with XOAUTH2');
    expect(out.greeting).toMatch(/^\* OK The Microsoft Exchange IMAP4 service is ready\. \[/);
    expect(out.capabilities).toEqual(expect.arrayContaining(['AUTH=XOAUTH2', 'AUTH=PLAIN', 'SASL-IR']));
    expect(out.login).toContain('LOGIN failed.');
    expect(out.bad_token).toContain('AUTHENTICATE failed.');
    expect(out.xoauth2).toEqual(['OK', ['AUTHENTICATE completed.']]);
    expect(out.found).toBe(1);
  });

  test('poplib: PASS refused, a bad token refused, AUTH XOAUTH2 in two steps accepted', async () => {
    const out = await python('pop3', '127.0.0.1', exoPort(lab, 995), 'alice@example.test', 'wonderland', exchangeToken, 'forged.token');
    expect(out.greeting).toMatch(/^\+OK The Microsoft Exchange POP3 service is ready\. \[/);
    expect(out.capa).toEqual(['SASL', 'TOP', 'UIDL', 'USER']);
    expect(out.pass).toBe('-ERR Logon failure: unknown user name or bad password.');
    expect(out.auth_bad).toBe('+');
    expect(out.bad_token).toBe('-ERR Authentication failure: unknown user name or bad password.');
    expect(out.xoauth2).toBe('+OK User successfully authenticated.');
    expect(out.stat[0]).toBeGreaterThan(0);
  });

  // The same client completes a TLS 1.1 handshake with `openssl s_server -tls1_1` on this machine, so the failure is the server's.
  test('a TLS 1.1 handshake fails on IMAP and POP3 (Exchange Online\'s legacy-TLS block)', async () => {
    for (const port of [exoPort(lab, 993), exoPort(lab, 995)]) {
      expect((await python('tls11', '127.0.0.1', port)).handshake).toBe('failed');
      expect(transcript.some((l) => l.startsWith(`[${port} --]`) && l.includes('Exchange Online accepts only TLS 1.2 or later on POP3 and IMAP4')), `transcript of ${port}`).toBe(true);
    }
  });
});

describe('imapflow and nodemailer from npm', () => {
  const tls = { rejectUnauthorized: false };

  test('nodemailer: a password refused, a bad token refused, OAuth2 with accessToken sends', async () => {
    const options = { host: '127.0.0.1', port: exoPort(lab, 587), secure: false, requireTLS: true, tls };
    const basic = nodemailer.createTransport({ ...options, auth: { user: 'alice@example.test', pass: 'wonderland' } });
    await expect(basic.verify()).rejects.toMatchObject({ responseCode: 535, response: expect.stringContaining('5.7.139') });
    const bad = nodemailer.createTransport({ ...options, auth: { type: 'OAuth2', user: 'alice@example.test', accessToken: 'forged.token' } });
    await expect(bad.verify()).rejects.toMatchObject({ responseCode: 535, response: expect.stringContaining('5.7.3') });
    const good = nodemailer.createTransport({ ...options, auth: { type: 'OAuth2', user: 'alice@example.test', accessToken: exchangeToken } });
    const info = await good.sendMail({ from: 'alice@example.test', to: 'alice@example.test', subject: 'Sent by nodemailer with XOAUTH2', text: 'Hello from nodemailer.' });
    expect(info.accepted).toEqual(['alice@example.test']);
  });

  test('imapflow: a password refused, a Graph token (wrong audience) refused, accessToken logs in and reads the nodemailer mail', async () => {
    const options = { host: '127.0.0.1', port: exoPort(lab, 993), secure: true, tls, logger: false as const };
    const basic = new ImapFlow({ ...options, auth: { user: 'alice@example.test', pass: 'wonderland' } });
    await expect(basic.connect()).rejects.toMatchObject({ authenticationFailed: true });
    const wrong = new ImapFlow({ ...options, auth: { user: 'alice@example.test', accessToken: graphToken } });
    await expect(wrong.connect()).rejects.toMatchObject({ authenticationFailed: true });
    const client = new ImapFlow({ ...options, auth: { user: 'alice@example.test', accessToken: exchangeToken } });
    await client.connect();
    const lock = await client.getMailboxLock('INBOX');
    try {
      const found = await client.search({ subject: 'Sent by nodemailer with XOAUTH2' });
      expect(found).toHaveLength(1);
    } finally {
      lock.release();
    }
    await client.logout();
  });
});

describe('the same mail through Graph', () => {
  test('GET /v1.0/me/messages with a delegated token (device code) lists what SMTP XOAUTH2 sent', async () => {
    const subjects = await graphSubjects(lab, await deviceToken(lab, 'https://graph.microsoft.test/Mail.Read'));
    expect(subjects).toEqual(expect.arrayContaining(['Sent by smtplib with XOAUTH2', 'Sent by nodemailer with XOAUTH2']));
  });

  test('a token that logged in is refused once the world\'s clock passes its hour (imapflow)', async () => {
    const token = await daemonToken(lab, 'https://outlook.office365.test/.default');
    const options = { host: '127.0.0.1', port: exoPort(lab, 993), secure: true, tls: { rejectUnauthorized: false }, logger: false as const, auth: { user: 'alice@example.test', accessToken: token } };
    const fresh = new ImapFlow(options);
    await fresh.connect();
    await fresh.logout();
    lab.world.clock.tick(3600 * 1000);
    await expect(new ImapFlow(options).connect()).rejects.toMatchObject({ authenticationFailed: true });
  });
});
