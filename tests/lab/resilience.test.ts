/**
 * No input ends the lab (issue 10, points 1 and 9), against the echo driver: a reply larger than the longest
 * string V8 can hold is streamed whole, an error that escapes the engine ends one session with the protocol's
 * farewell while the others go on, and 100 MB of garbage on one connection prints a bounded transcript.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { constants } from 'node:buffer';
import type { Lab } from '../../src/lab/server.ts';
import { makeCertificate, type LabCertificate } from '../../src/lab/cert.ts';
import { TRANSCRIPT_LIMITS } from '../../src/lab/session-log.ts';
import { registerDriver } from '../../src/machines/session.ts';
import { imapDriver } from '../../src/machines/imap-session.driver.ts';
import { pop3Driver } from '../../src/machines/pop3-session.driver.ts';
import { smtpDriver } from '../../src/machines/smtp-session.driver.ts';
import { registerFakeDrivers } from './fake-driver.ts';
import { connectBytes, connectPlain, connectTls, portOf, startTestLab } from './helpers.ts';

let lab: Lab;
let certificate: LabCertificate;

beforeAll(async () => {
  registerFakeDrivers();
  certificate = await makeCertificate();
  lab = await startTestLab({ certificate });
});
afterAll(async () => {
  await lab.close();
  for (const driver of [smtpDriver, pop3Driver, imapDriver]) registerDriver(driver);
});

describe('big replies', () => {
  test('a reply longer than V8 can hold in one string leaves whole, and the lab keeps serving', async () => {
    const count = 520;
    const size = 1024 * 1024;
    const total = count * (size + 2);
    // Joining it into one string, as the lab once did, throws "RangeError: Invalid string length".
    expect(total).toBeGreaterThan(constants.MAX_STRING_LENGTH);
    const c = await connectBytes(portOf(lab, 143), false);
    expect(await c.line()).toBe('220 fake ready');
    c.write(`MANY ${count} ${size}\r\nECHO after\r\n`);
    const head = await c.octets(size + 2);
    expect(head.subarray(0, 4).toString('latin1')).toBe('xxxx');
    expect(head.subarray(size).toString('latin1')).toBe('\r\n');
    expect(await c.discard(total - head.length, 30_000)).toBe(total - head.length);
    expect(await c.line()).toBe('250 after');
    const other = await connectPlain(portOf(lab, 25));
    expect(await other.line()).toBe('220 fake ready');
    expect(await other.command('ECHO still here')).toBe('250 still here');
    for (const client of [c, other]) client.destroy();
    expect(lab.internalErrors).toBe(0);
  }, 120_000);
});

describe('an internal error ends one session, never the lab', () => {
  test.each([
    [25, false, /^421 4\.3\.0 mail\.example\.test /],
    [110, false, /^-ERR \[SYS\/TEMP\] /],
    [143, false, /^\* BYE /],
    [993, true, /^\* BYE /],
  ])('on %i: the farewell, then close; another session on the port goes on', async (port, tls, farewell) => {
    const before = lab.internalErrors;
    const connect = tls ? connectTls : connectPlain;
    const victim = await connect(portOf(lab, port));
    const other = await connect(portOf(lab, port));
    expect([await victim.line(), await other.line()]).toEqual(['220 fake ready', '220 fake ready']);
    expect(await victim.command('ECHO before')).toBe('250 before');
    victim.write('CRASH now\r\nECHO never\r\n');
    expect(await victim.line()).toMatch(farewell);
    await victim.closed();
    expect(await victim.line()).toBeUndefined();
    expect(await other.command('ECHO after')).toBe('250 after');
    expect(lab.internalErrors).toBeGreaterThan(before);
    other.destroy();
  });
});

describe('a failure inside the engine', () => {
  test.each([
    [25, /^421 4\.3\.0 mail\.example\.test /],
    [110, /^-ERR \[SYS\/TEMP\] /],
    [143, /^\* BYE /],
  ])('on %i: the engine answers the command, the lab adds the farewell and closes; the lab goes on', async (port, farewell) => {
    const before = lab.internalErrors;
    const victim = await connectPlain(portOf(lab, port));
    const other = await connectPlain(portOf(lab, port));
    expect([await victim.line(), await other.line()]).toEqual(['220 fake ready', '220 fake ready']);
    victim.write('FAIL now\r\nECHO never\r\n');
    expect(await victim.line()).toBe('451 internal error');
    expect(await victim.line()).toMatch(farewell);
    await victim.closed();
    expect(await victim.line()).toBeUndefined();
    expect(await other.command('ECHO after')).toBe('250 after');
    expect(lab.internalErrors).toBe(before + 1);
    other.destroy();
  });
});

describe('transcript bounds', () => {
  test('100 MB of garbage on one connection prints a bounded, rate-limited transcript', async () => {
    let lines = 0;
    let octets = 0;
    let skippedNotes = 0;
    let cutLines = 0;
    const noisy = await startTestLab({
      certificate,
      quiet: false,
      log: (line) => {
        lines += 1;
        octets += line.length + 1;
        if (/transcript lines skipped/.test(line)) skippedNotes += 1;
        if (/\[… [\d,]+ more octets\]$/.test(line)) cutLines += 1;
      },
    });
    try {
      const c = await connectBytes(portOf(noisy, 25), false);
      expect(await c.line()).toBe('220 fake ready');
      const started = performance.now();
      // Pseudo-random octets (NUL, ESC, CR, bytes that are not UTF-8), with a line end every 4 KiB.
      let seed = 42;
      const chunk = Buffer.alloc(64 * 1024);
      const chunks = 1600;
      let answers = 0;
      const reading = (async () => {
        for (let line = await c.line(30_000); line !== undefined && line !== '221 bye'; line = await c.line(30_000)) answers += 1;
      })();
      for (let i = 0; i < chunks; i++) {
        for (let j = 0; j < chunk.length; j++) {
          seed = (seed * 1103515245 + 12345) >>> 0;
          const octet = seed >>> 24;
          chunk[j] = (j + 1) % 4096 === 0 ? 0x0a : octet === 0x0a ? 0x0b : octet;
        }
        if (!c.socket.write(Buffer.from(chunk))) await new Promise((r) => c.socket.once('drain', r));
      }
      c.write('QUIT\r\n');
      await reading;
      const seconds = (performance.now() - started) / 1000;
      expect(answers).toBe((chunks * chunk.length) / 4096);
      // Bounded by the token bucket however long the run took, plus the events and notes around it.
      const allowed = TRANSCRIPT_LIMITS.burstLines + TRANSCRIPT_LIMITS.linesPerSecond * seconds + 20;
      expect(lines).toBeLessThanOrEqual(allowed);
      expect(octets).toBeLessThanOrEqual(allowed * 2000);
      expect(octets).toBeLessThan(chunks * chunk.length / 20);
      expect(skippedNotes).toBeGreaterThan(0);
      expect(cutLines).toBeGreaterThan(0);
    } finally {
      await noisy.close();
    }
  }, 120_000);
});
