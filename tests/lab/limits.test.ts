/**
 * The lab's limits with the real servers (issue 10, points 6 and 7): sockets on the implicit-TLS ports are
 * freed whatever the client does before TLS, a command line has a deadline that trickling octets do not
 * restart, and connections are capped per client address and in total, refused in each protocol's words
 * while other clients are served.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { makeCertificate, type LabCertificate } from '../../src/lab/cert.ts';
import { connectBytes, eventually, portOf, startTestLab } from './helpers.ts';

let certificate: LabCertificate;
beforeAll(async () => {
  certificate = await makeCertificate();
});

/** A raw TCP connection, from a loopback source address if given; undefined if it is refused. */
function raw(port: number, localAddress?: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const s = netConnect({ port, host: '127.0.0.1', localAddress });
    s.once('connect', () => resolve(s));
    s.once('error', () => resolve(undefined));
  });
}

/** Open file descriptors of this process, or undefined where /proc does not exist. */
function fds(): number | undefined {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return undefined;
  }
}

/** Whether 127.0.0.2 and up reach loopback here (Linux routes all of 127.0.0.0/8 to it). */
async function aliases(port: number): Promise<boolean> {
  const s = await raw(port, '127.0.0.2');
  s?.destroy();
  return s !== undefined;
}

describe('sockets on the implicit-TLS ports', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startTestLab({ certificate, commandTimeout: 0.5, maxConnectionsPerAddress: 1000 });
  });
  afterAll(async () => {
    expect(lab.internalErrors).toBe(0);
    await lab.close();
  });

  test('connect-and-close and silent connections on 465, 993 and 995 are all closed and freed', async () => {
    const n = 40;
    const before = fds();
    const ports = [465, 993, 995].map((p) => portOf(lab, p));
    const quick = await Promise.all(Array.from({ length: n * 3 }, (_, i) => raw(ports[i % 3]!)));
    for (const s of quick) s!.end();
    const silent = (await Promise.all(Array.from({ length: n * 3 }, (_, i) => raw(ports[i % 3]!)))).map((s) => s!);
    let closedByLab = 0;
    for (const s of silent) {
      s.on('error', () => {});
      s.on('close', () => closedByLab++);
    }
    // The lab closes the silent ones at the handshake deadline; nobody on the client side closes them.
    await eventually(() => closedByLab === silent.length);
    await eventually(() => lab.connections === 0);
    for (const s of quick) s!.destroy();
    const after = fds();
    if (before !== undefined && after !== undefined) await eventually(() => (fds() ?? 0) <= before + 2);
    const c = await connectBytes(portOf(lab, 993), true);
    expect(await c.line()).toMatch(/^\* OK /);
    c.destroy();
    await eventually(() => lab.connections === 0);
  }, 60_000);

  test('a TLS client that stops in the middle of its handshake is closed at the deadline', async () => {
    const s = (await raw(portOf(lab, 995)))!;
    // The first octets of a TLS record (a handshake record header), and nothing more.
    s.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]));
    await new Promise<void>((resolve) => s.once('close', () => resolve()));
    await eventually(() => lab.connections === 0);
  });
});

describe('the command-line deadline (slowloris)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startTestLab({ certificate, commandTimeout: 0.5 });
  });
  afterAll(async () => {
    expect(lab.internalErrors).toBe(0);
    await lab.close();
  });

  test.each([
    [25, /^421 4\.4\.2 mail\.example\.test Error: timeout exceeded$/, 'NOOP', /^250 /],
    [110, /^-ERR Disconnected for inactivity\.$/, 'USER alice', /^(\+OK|-ERR)/],
    [143, /^\* BYE Disconnected for inactivity\.$/, 'a NOOP', /^a OK /],
  ])('on %i a line trickled one octet at a time is cut off at the deadline; another client is served', async (port, farewell, command, answer) => {
    const loris = await connectBytes(portOf(lab, port), false);
    const other = await connectBytes(portOf(lab, port), false);
    await Promise.all([loris.line(), other.line()]);
    let sent = 0;
    // One octet every 50 ms: each would restart an idle timer, none restarts the deadline. At most 200 octets.
    while (!loris.ended && sent < 200) {
      loris.write('N');
      sent += 1;
      await new Promise((r) => setTimeout(r, 50));
      if (sent === 3) {
        other.write(`${command}\r\n`);
        expect(await other.line()).toMatch(answer);
      }
    }
    expect(await loris.line()).toMatch(farewell);
    await loris.closed();
    expect(sent).toBeLessThan(200);
    other.write(`${command}\r\n`);
    expect(await other.line()).toMatch(answer);
    other.destroy();
  }, 30_000);

  test('a line typed slowly but finished within the deadline is answered', async () => {
    const c = await connectBytes(portOf(lab, 25), false);
    await c.line();
    for (const octet of 'NOOP\r\n') {
      c.write(octet);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await c.line()).toMatch(/^250 /);
    c.destroy();
  });

  test('the deadline does not cut an APPEND literal that arrives slowly (octets, not a command line)', async () => {
    const c = await connectBytes(portOf(lab, 993), true);
    await c.line();
    c.write('l LOGIN alice wonderland\r\n');
    expect(await c.line()).toMatch(/^l OK/);
    const literal = 'Subject: slow\r\n\r\nbody\r\n';
    c.write(`a APPEND INBOX {${literal.length}}\r\n`);
    expect(await c.line()).toMatch(/^\+ /);
    for (const piece of literal.match(/[^]{1,4}/g)!) {
      c.write(piece);
      await new Promise((r) => setTimeout(r, 100));
    }
    c.write('\r\n');
    expect(await c.line()).toMatch(/^a OK \[APPENDUID /);
    c.destroy();
  }, 30_000);
});

describe('connection caps', () => {
  let lab: Lab;
  let many = false;
  beforeAll(async () => {
    lab = await startTestLab({ certificate, maxConnectionsPerAddress: 3, maxConnections: 5 });
    many = await aliases(portOf(lab, 25));
    await eventually(() => lab.connections === 0);
  });
  afterAll(async () => {
    expect(lab.internalErrors).toBe(0);
    await lab.close();
  });

  test('past the cap for one address, each protocol refuses in its own words; others are served', async () => {
    const held = await Promise.all([25, 110, 143].map((p) => connectBytes(portOf(lab, p), false)));
    expect(await Promise.all(held.map((c) => c.line()))).toEqual([expect.stringMatching(/^220 /), expect.stringMatching(/^\+OK/), expect.stringMatching(/^\* OK/)]);
    const refusals: Array<[number, boolean, string]> = [
      [25, false, '421 4.7.0 mail.example.test Error: too many connections from 127.0.0.1'],
      [110, false, '-ERR [SYS/TEMP] Too many connections from 127.0.0.1, try again later.'],
      [143, false, '* BYE Too many connections from 127.0.0.1, try again later.'],
      [993, true, '* BYE Too many connections from 127.0.0.1, try again later.'],
      [465, true, '421 4.7.0 mail.example.test Error: too many connections from 127.0.0.1'],
    ];
    for (const [port, tls, words] of refusals) {
      const refused = await connectBytes(portOf(lab, port), tls);
      expect(await refused.line()).toBe(words);
      await refused.closed();
    }
    held[0]!.write('NOOP\r\n');
    expect(await held[0]!.line()).toMatch(/^250 /);
    if (many) {
      const elsewhere = await connectBytes(portOf(lab, 25), false, {}, '127.0.0.2');
      expect(await elsewhere.line()).toMatch(/^220 /);
      const another = await connectBytes(portOf(lab, 143), false, {}, '127.0.0.3');
      expect(await another.line()).toMatch(/^\* OK/);
      // Five open in all: the total cap refuses a sixth, whatever its address.
      const sixth = await connectBytes(portOf(lab, 25), false, {}, '127.0.0.4');
      expect(await sixth.line()).toBe('421 4.7.0 mail.example.test Error: too many connections');
      await sixth.closed();
      for (const c of [elsewhere, another]) c.destroy();
    }
    for (const c of held) c.destroy();
    await eventually(() => lab.connections === 0);
    const again = await connectBytes(portOf(lab, 25), false);
    expect(await again.line()).toMatch(/^220 /);
    again.destroy();
  }, 30_000);
});
