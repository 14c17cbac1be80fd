/** The lab's network layer against the echo driver: listeners, framing, STARTTLS, implicit TLS, limits, close. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect as netConnect } from 'node:net';
import type { Lab } from '../../src/lab/server.ts';
import { makeCertificate, type LabCertificate } from '../../src/lab/cert.ts';
import { registerFakeDrivers } from './fake-driver.ts';
import { connectPlain, connectTls, portOf, startTestLab } from './helpers.ts';
import { registerDriver } from '../../src/machines/session.ts';
import { imapDriver } from '../../src/machines/imap-session.driver.ts';
import { pop3Driver } from '../../src/machines/pop3-session.driver.ts';
import { smtpDriver } from '../../src/machines/smtp-session.driver.ts';

let lab: Lab;
let certificate: LabCertificate;
const logLines: string[] = [];

beforeAll(async () => {
  registerFakeDrivers();
  certificate = await makeCertificate();
  // Hundreds of clients from one address: raise the per-address cap (default 100) for the concurrency tests.
  lab = await startTestLab({ quiet: false, log: (l) => logLines.push(l), certificate, idleTimeout: 30, maxConnectionsPerAddress: 1000 });
});
afterAll(async () => {
  await lab.close();
  // Put the real servers back, in case test files share a module registry (Vitest with isolate: false).
  for (const driver of [smtpDriver, pop3Driver, imapDriver]) registerDriver(driver);
});

describe('lab listeners', () => {
  test('listen on offset + each standard port with the data file security', () => {
    const offset = lab.ports[0]!.port - 25;
    expect(lab.ports.map((p) => [p.protocol, p.standardPort, p.port - offset, p.security])).toEqual([
      ['smtp', 25, 25, 'starttls'],
      ['smtp', 587, 587, 'starttls'],
      ['smtp', 465, 465, 'implicit-tls'],
      ['pop3', 110, 110, 'starttls'],
      ['pop3', 995, 995, 'implicit-tls'],
      ['imap', 143, 143, 'starttls'],
      ['imap', 993, 993, 'implicit-tls'],
    ]);
  });

  test.each([25, 587, 110, 143])('greets in plaintext on %i', async (port) => {
    const c = await connectPlain(portOf(lab, port));
    expect(await c.line()).toBe('220 fake ready');
    expect(await c.command('WHO')).toBe('250 tls=false');
    c.destroy();
  });

  test.each([465, 995, 993])('greets inside TLS 1.2+ on %i (implicit TLS)', async (port) => {
    const c = await connectTls(portOf(lab, port));
    expect(await c.line()).toBe('220 fake ready');
    expect(await c.command('WHO')).toBe('250 tls=true');
    expect(['TLSv1.2', 'TLSv1.3']).toContain((c.socket as import('node:tls').TLSSocket).getProtocol());
    c.destroy();
  });

  test('serves the certificate for mail.example.test, localhost and 127.0.0.1', async () => {
    const c = await connectTls(portOf(lab, 993));
    const peer = (c.socket as import('node:tls').TLSSocket).getPeerCertificate();
    expect(peer.subject.CN).toBe('mail.example.test');
    expect(peer.subjectaltname).toContain('DNS:localhost');
    expect(peer.subjectaltname).toContain('IP Address:127.0.0.1');
    c.destroy();
  });

  test('refuses TLS 1.1 (RFC 8314 §4.1)', async () => {
    const { connect } = await import('node:tls');
    const error = await new Promise<Error | undefined>((resolve) => {
      const s = connect({ port: portOf(lab, 993), host: '127.0.0.1', rejectUnauthorized: false, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' });
      s.once('secureConnect', () => {
        s.destroy();
        resolve(undefined);
      });
      s.once('error', resolve);
    });
    expect(error?.message).toMatch(/protocol version|no protocols available|unsupported protocol/i);
  });
});

describe('lab framing on the wire', () => {
  test('answers pipelined commands in one packet in order', async () => {
    const c = await connectPlain(portOf(lab, 25));
    await c.line();
    c.write('ECHO one\r\nECHO two\nECHO three\r\n');
    expect([await c.line(), await c.line(), await c.line()]).toEqual(['250 one', '250 two', '250 three']);
    c.destroy();
  });

  test('joins a command split over packets', async () => {
    const c = await connectPlain(portOf(lab, 25));
    await c.line();
    c.write('EC');
    await new Promise((r) => setTimeout(r, 30));
    c.write('HO split\r');
    await new Promise((r) => setTimeout(r, 30));
    c.write('\n');
    expect(await c.line()).toBe('250 split');
    c.destroy();
  });

  test('passes octets through as latin1 both ways', async () => {
    const c = await connectPlain(portOf(lab, 25));
    await c.line();
    expect(await c.command('ECHO caf\u00c3\u00a9 \u00ff')).toBe('250 caf\u00c3\u00a9 \u00ff');
    c.destroy();
  });

  test('lets the protocol answer a 2 MB line once, then carries on', async () => {
    const c = await connectPlain(portOf(lab, 25));
    await c.line();
    c.write(`ECHO ${'y'.repeat(2 * 1024 * 1024)}\r\nECHO after\r\n`);
    expect(await c.line()).toBe('500 line too long');
    expect(await c.line()).toBe('250 after');
    c.destroy();
  });

  test('closes after the reply when the session closes', async () => {
    const c = await connectPlain(portOf(lab, 110));
    await c.line();
    c.write('QUIT\r\nECHO never\r\n');
    expect(await c.line()).toBe('221 bye');
    await c.closed();
    expect(await c.line()).toBeUndefined();
  });

  test('writes large replies to a slow reader without losing order', async () => {
    const c = await connectPlain(portOf(lab, 143));
    await c.line();
    c.socket.pause();
    for (let i = 0; i < 40; i++) c.write(`BIG 200000\r\nECHO n${i}\r\n`);
    await new Promise((r) => setTimeout(r, 100));
    c.socket.resume();
    for (let i = 0; i < 40; i++) {
      expect((await c.line())?.length).toBe(200_004);
      expect(await c.line()).toBe(`250 n${i}`);
    }
    c.destroy();
  });

  test('pushes world changes to a watching session', async () => {
    const c = await connectPlain(portOf(lab, 143));
    await c.line();
    lab.world.setFlags('alice', 'INBOX', 1, ['\\Seen', '\\Flagged']);
    expect(await c.line()).toBe('* CHANGED flags 1');
    c.destroy();
  });
});

describe('lab STARTTLS', () => {
  test('upgrades the same socket after the reply', async () => {
    const c = await connectPlain(portOf(lab, 587));
    await c.line();
    expect(await c.command('STARTTLS')).toBe('220 go ahead');
    const secure = await c.upgrade();
    expect(['TLSv1.2', 'TLSv1.3']).toContain(secure.getProtocol());
    expect(await c.command('WHO')).toBe('250 tls=true');
    expect(await c.command('STARTTLS')).toBe('554 already');
    c.destroy();
  });

  test('discards a command pipelined after STARTTLS in the same packet (RFC 3207 §4.2)', async () => {
    const c = await connectPlain(portOf(lab, 587));
    await c.line();
    c.write('STARTTLS\r\nECHO injected\r\n');
    expect(await c.line()).toBe('220 go ahead');
    await c.upgrade();
    expect(await c.command('ECHO real')).toBe('250 real');
    c.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(logLines.some((l) => l.includes('ECHO injected'))).toBe(false);
  });

  test('logs the handshake and marks encrypted lines', async () => {
    const c = await connectPlain(portOf(lab, 110));
    await c.line();
    await c.command('STARTTLS');
    await c.upgrade();
    await c.command('ECHO hidden');
    c.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const hidden = logLines.find((l) => l.endsWith('C*: ECHO hidden'));
    const tag = hidden!.slice(0, hidden!.indexOf(']'));
    expect(tag).toMatch(new RegExp(`^\\[${portOf(lab, 110)} s\\d+$`));
    const session = logLines.filter((l) => l.startsWith(tag));
    expect(session[0]).toMatch(/^\[\d+ s\d+\] -- connect from 127\.0\.0\.1:\d+ to POP3 on 110 --$/);
    expect(session).toContain(`${tag}] C: STARTTLS`);
    expect(session).toContain(`${tag}] S: 220 go ahead`);
    expect(session.some((l) => /-- TLS handshake \(TLSv1\.[23], .*STARTTLS\) --$/.test(l))).toBe(true);
    expect(session).toContain(`${tag}] C*: ECHO hidden`);
    expect(session).toContain(`${tag}] S*: 250 hidden`);
    expect(session.at(-1)).toMatch(/-- (closed|connection error: .*) --$/);
  });

  test('drops the connection when plaintext follows STARTTLS instead of a handshake', async () => {
    const c = await connectPlain(portOf(lab, 587));
    await c.line();
    expect(await c.command('STARTTLS')).toBe('220 go ahead');
    c.write('ECHO plaintext\r\n');
    await c.closed();
    expect(await c.line()).toBeUndefined();
  });
});

describe('lab idle timeout', () => {
  test('sends the protocol farewell and closes', async () => {
    const quick = await startTestLab({ idleTimeout: 0.3, certificate });
    try {
      const c = await connectPlain(portOf(quick, 25));
      expect(await c.line()).toBe('220 fake ready');
      expect(await c.line(2000)).toBe('421 idle timeout');
      await c.closed();
    } finally {
      await quick.close();
    }
  });
});

describe('lab concurrency and shutdown', () => {
  test('greets 250 simultaneous connections', async () => {
    const ports = lab.ports.map((p) => p.port).filter((_, i) => ![2, 4, 6].includes(i));
    const clients = await Promise.all(Array.from({ length: 250 }, (_, i) => connectPlain(ports[i % ports.length]!)));
    const greetings = await Promise.all(clients.map((c) => c.line()));
    expect(greetings.every((g) => g === '220 fake ready')).toBe(true);
    const echoes = await Promise.all(clients.map((c, i) => c.command(`ECHO ${i}`)));
    expect(echoes).toEqual(clients.map((_, i) => `250 ${i}`));
    for (const c of clients) c.destroy();
  });

  test('close() says goodbye, closes every session and stops listening', async () => {
    const stopping = await startTestLab({ certificate });
    const smtp = await connectPlain(portOf(stopping, 587));
    const imap = await connectTls(portOf(stopping, 993));
    const pop = await connectPlain(portOf(stopping, 110));
    await Promise.all([smtp.line(), imap.line(), pop.line()]);
    // A raw socket that never sends a TLS ClientHello must not hold the shutdown up.
    const silent = netConnect({ port: portOf(stopping, 995), host: '127.0.0.1' });
    silent.on('error', () => {});
    await new Promise((r) => silent.once('connect', r));
    const started = Date.now();
    await stopping.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await smtp.line()).toMatch(/^421 4\.3\.2 /);
    expect(await imap.line()).toBe('* BYE Server shutting down.');
    await Promise.all([smtp.closed(), imap.closed(), pop.closed()]);
    expect(stopping.connections).toBe(0);
    await expect(connectPlain(portOf(stopping, 25))).rejects.toThrow(/ECONNREFUSED/);
  });

  test('start fails cleanly when a port is taken', async () => {
    const offset = lab.ports[0]!.port - 25;
    await expect(startTestLabAt(offset)).rejects.toThrow(/already in use/);
  });
});

async function startTestLabAt(offset: number): Promise<Lab> {
  const { startLab } = await import('../../src/lab/server.ts');
  return startLab({ quiet: true, offset, certificate });
}
