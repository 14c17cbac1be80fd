/**
 * The lab with the real SMTP, POP3 and IMAP servers, driven over raw sockets: one world behind every port,
 * IDLE pushes, STARTTLS injection, limits, timeouts and hundreds of concurrent sessions.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { connectPlain, connectTls, portOf, startTestLab, type LineClient } from './helpers.ts';

const logLines: string[] = [];
let lab: Lab;
beforeAll(async () => {
  // Hundreds of clients from one address: raise the per-address cap (default 100) for the concurrency test.
  lab = await startTestLab({ seed: 5, quiet: false, log: (l) => logLines.push(l), maxConnectionsPerAddress: 1000 });
});
afterAll(async () => {
  expect(lab.internalErrors).toBe(0);
  await lab.close();
});

/** Reads an SMTP reply up to its last line ("250 …", not "250-…"). */
async function smtpReply(c: LineClient): Promise<string[]> {
  const lines: string[] = [];
  for (;;) {
    const line = await c.line();
    if (line === undefined) return lines;
    lines.push(line);
    if (/^\d{3}( |$)/.test(line)) return lines;
  }
}

/** Reads IMAP lines up to the tagged completion. */
async function imapUntil(c: LineClient, tag: string): Promise<string[]> {
  const lines: string[] = [];
  for (;;) {
    const line = await c.line();
    if (line === undefined) return lines;
    lines.push(line);
    if (line.startsWith(`${tag} `)) return lines;
  }
}

describe('lab with the real servers', () => {
  test('greets with each protocol on its port', async () => {
    const smtp = await connectPlain(portOf(lab, 25));
    const pop3 = await connectTls(portOf(lab, 995));
    const imap = await connectPlain(portOf(lab, 143));
    expect(await smtp.line()).toMatch(/^220 mail\.example\.test /);
    expect(await pop3.line()).toMatch(/^\+OK /);
    expect(await imap.line()).toMatch(/^\* OK \[CAPABILITY .*STARTTLS.*LOGINDISABLED.*\]/);
    for (const c of [smtp, pop3, imap]) c.destroy();
  });

  test('pushes a message submitted on 465 to an IMAP IDLE session on 993', async () => {
    const imap = await connectTls(portOf(lab, 993));
    await imap.line();
    imap.write('a1 LOGIN bob builder\r\n');
    await imapUntil(imap, 'a1');
    imap.write('a2 SELECT INBOX\r\n');
    const selected = await imapUntil(imap, 'a2');
    const exists = Number(/^\* (\d+) EXISTS$/m.exec(selected.join('\n'))?.[1]);
    imap.write('a3 IDLE\r\n');
    expect(await imap.line()).toMatch(/^\+ /);

    const smtp = await connectTls(portOf(lab, 465));
    await smtpReply(smtp);
    const auth = Buffer.from('\0alice\0wonderland').toString('base64');
    for (const line of ['EHLO laptop', `AUTH PLAIN ${auth}`, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<bob@example.test>', 'DATA']) {
      smtp.write(`${line}\r\n`);
      await smtpReply(smtp);
    }
    smtp.write('Subject: pushed\r\n\r\nHello Bob.\r\n.\r\n');
    expect((await smtpReply(smtp))[0]).toMatch(/^250 2\.0\.0 /);
    smtp.destroy();

    expect(await imap.line()).toBe(`* ${exists + 1} EXISTS`);
    imap.write('DONE\r\n');
    const done = await imapUntil(imap, 'a3');
    expect(done.at(-1)).toMatch(/^a3 OK/);
    imap.destroy();
  });

  test('discards commands pipelined after STARTTLS on 587: the injected EHLO never counts', async () => {
    const c = await connectPlain(portOf(lab, 587));
    await smtpReply(c);
    c.write('EHLO laptop\r\n');
    await smtpReply(c);
    c.write('STARTTLS\r\nEHLO injected.example\r\nMAIL FROM:<evil@injected.example>\r\n');
    expect(await c.line()).toBe('220 2.0.0 Ready to start TLS');
    await c.upgrade();
    c.write('MAIL FROM:<alice@example.test>\r\n');
    expect((await smtpReply(c))[0]).toMatch(/^503 5\.5\.1 /);
    c.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(logLines.some((l) => l.includes('injected.example'))).toBe(false);
  });

  test('lets SMTP answer a 2 MB line with its own 500 5.5.2', async () => {
    const c = await connectPlain(portOf(lab, 25));
    await smtpReply(c);
    c.write(`EHLO ${'a'.repeat(2 * 1024 * 1024)}\r\nNOOP\r\n`);
    expect((await smtpReply(c))[0]).toMatch(/^500 5\.5\.2 /);
    expect((await smtpReply(c))[0]).toMatch(/^250 /);
    c.destroy();
  });

  test('serves 300 concurrent sessions across all seven ports', async () => {
    const plan = lab.ports;
    const clients = await Promise.all(
      Array.from({ length: 300 }, (_, i) => {
        const l = plan[i % plan.length]!;
        return l.security === 'implicit-tls' ? connectTls(l.port) : connectPlain(l.port);
      }),
    );
    const greetings = await Promise.all(clients.map((c) => c.line()));
    greetings.forEach((g, i) => {
      const protocol = plan[i % plan.length]!.protocol;
      expect(g).toMatch(protocol === 'smtp' ? /^220 / : protocol === 'pop3' ? /^\+OK / : /^\* OK /);
    });
    const noop = await Promise.all(clients.map((c, i) => c.command(plan[i % plan.length]!.protocol === 'imap' ? 'n1 NOOP' : 'NOOP')));
    noop.forEach((r, i) => {
      const protocol = plan[i % plan.length]!.protocol;
      // POP3 has no NOOP before login (RFC 1939 §5), so it answers -ERR there.
      expect(r).toMatch(protocol === 'smtp' ? /^250 / : protocol === 'pop3' ? /^-ERR / : /^n1 OK/);
    });
    for (const c of clients) c.destroy();
  });
});

describe('lab idle timeout with the real servers', () => {
  test.each([
    [25, false, /^421 4\.4\.2 mail\.example\.test /],
    [995, true, /^-ERR /],
    [143, false, /^\* BYE /],
  ])('port %i says the protocol farewell and closes', async (port, tls, farewell) => {
    const quick = await startTestLab({ idleTimeout: 0.3, certificate: lab.certificate });
    try {
      const c = tls ? await connectTls(portOf(quick, port)) : await connectPlain(portOf(quick, port));
      await c.line();
      expect(await c.line(3000)).toMatch(farewell);
      await c.closed();
    } finally {
      await quick.close();
    }
  });
});
