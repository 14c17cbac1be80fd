/**
 * Large mail through the lab with the real servers (issue 10, points 1, 3 and 4): what SMTP accepts comes out
 * whole by IMAP and POP3, through TLS, to a fast and a slow reader; one FETCH of a mailbox of big messages is
 * answered whole; an APPEND literal is counted in octets whatever its lines; only a client that really stops
 * reading is hung up.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { ByteClient, connectBytes, eventually, portOf, startTestLab, type ReadPace } from './helpers.ts';

let lab: Lab;
const logLines: string[] = [];

beforeAll(async () => {
  // A short idle time: the stall check (no output moving for this long) must still spare every reader below.
  lab = await startTestLab({ seed: 7, idleTimeout: 5, quiet: false, log: (l) => logLines.push(l) });
});
afterAll(async () => {
  expect(lab.internalErrors).toBe(0);
  await lab.close();
});

/** Lines up to the one that starts with `until` (an IMAP tag, an SMTP code with a space). */
async function upTo(c: ByteClient, until: RegExp): Promise<string[]> {
  const lines: string[] = [];
  for (;;) {
    const line = await c.line();
    if (line === undefined) throw new Error(`connection closed after ${JSON.stringify(lines.slice(-3))}`);
    lines.push(line);
    if (until.test(line)) return lines;
  }
}

/** An IMAP session over implicit TLS (993) or STARTTLS (143), logged in with INBOX selected. */
async function imap(user: string, password: string, how: 'implicit' | 'starttls', pace: ReadPace = {}): Promise<ByteClient> {
  const c = await connectBytes(portOf(lab, how === 'implicit' ? 993 : 143), how === 'implicit', pace);
  await c.line();
  if (how === 'starttls') {
    c.write('t STARTTLS\r\n');
    await upTo(c, /^t OK/);
    await c.upgrade();
  }
  c.write(`l LOGIN ${user} ${password}\r\n`);
  expect((await upTo(c, /^l /)).at(-1)).toMatch(/^l OK/);
  c.write('s SELECT INBOX\r\n');
  expect((await upTo(c, /^s /)).at(-1)).toMatch(/^s OK/);
  return c;
}

/** FETCH BODY.PEEK[] of one message by UID: the literal's octets, exactly. */
async function fetchBody(c: ByteClient, uid: number): Promise<Buffer> {
  c.write(`f UID FETCH ${uid} (BODY.PEEK[])\r\n`);
  const head = await c.line();
  const size = Number(/\{(\d+)\}$/.exec(head ?? '')?.[1]);
  expect(head).toMatch(/^\* \d+ FETCH \(UID \d+ BODY\[\] \{\d+\}$/);
  const body = await c.octets(size);
  expect(await c.line()).toBe(')');
  expect(await c.line()).toMatch(/^f OK/);
  return body;
}

/** RETR of message n over POP3 with implicit TLS (995) or STLS (110): the message with dot-stuffing undone. */
async function retr(user: string, password: string, how: 'implicit' | 'starttls', pace: ReadPace = {}): Promise<string> {
  const c = await connectBytes(portOf(lab, how === 'implicit' ? 995 : 110), how === 'implicit', pace);
  expect(await c.line()).toMatch(/^\+OK/);
  if (how === 'starttls') {
    c.write('STLS\r\n');
    expect(await c.line()).toMatch(/^\+OK/);
    await c.upgrade();
  }
  c.write(`USER ${user}\r\nPASS ${password}\r\nSTAT\r\n`);
  expect(await c.line()).toMatch(/^\+OK/);
  expect(await c.line()).toMatch(/^\+OK/);
  const count = Number(/^\+OK (\d+) /.exec((await c.line()) ?? '')?.[1]);
  c.write(`RETR ${count}\r\n`);
  expect(await c.line()).toMatch(/^\+OK/);
  const lines: string[] = [];
  for (let line = await c.line(); line !== '.'; line = await c.line()) {
    if (line === undefined) throw new Error('connection closed inside RETR');
    lines.push(line.startsWith('.') ? line.slice(1) : line);
  }
  c.write('QUIT\r\n');
  expect(await c.line()).toMatch(/^\+OK/);
  c.destroy();
  return lines.map((l) => `${l}\r\n`).join('');
}

/** A message of exactly `size` octets: headers, then lines of up to 998 octets, some starting with a dot. */
function messageOf(size: number): string {
  const head = 'From: <sender@remote.test>\r\nTo: <bob@example.test>\r\nSubject: the largest message SMTP advertises\r\n\r\n';
  const parts = [head];
  let length = head.length;
  for (let i = 0; length < size; i++) {
    const left = size - length;
    const text = i % 50 === 0 ? `.dot line ${i} ` : `line ${i} `;
    // Never leave 1 octet for the last line: a line needs at least its CRLF.
    const wanted = Math.min(998, left - 4);
    const line = left <= 1000 ? 'z'.repeat(Math.max(0, left - 2)) : (text + 'abcdefghij'.repeat(100)).slice(0, wanted);
    parts.push(`${line}\r\n`);
    length += line.length + 2;
  }
  return parts.join('');
}

describe('the largest message SMTP advertises', () => {
  let content = '';
  let stored = '';
  let uid = 0;

  beforeAll(async () => {
    const smtp = await connectBytes(portOf(lab, 25), false);
    expect(await smtp.line()).toMatch(/^220 /);
    smtp.write('EHLO tester.remote.test\r\n');
    const ehlo = await upTo(smtp, /^250 /);
    const size = Number(/^250[ -]SIZE (\d+)$/m.exec(ehlo.join('\n'))?.[1]);
    expect(size).toBeGreaterThan(1_000_000);
    content = messageOf(size);
    expect(content.length).toBe(size);
    smtp.write(`MAIL FROM:<sender@remote.test> SIZE=${size}\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n`);
    expect(await smtp.line()).toMatch(/^250 /);
    expect(await smtp.line()).toMatch(/^250 /);
    expect(await smtp.line()).toMatch(/^354 /);
    const stuffed = content.replace(/^\./gm, '..');
    smtp.write(Buffer.from(`${stuffed}.\r\n`, 'latin1'));
    expect(await smtp.line(30_000)).toMatch(/^250 2\.0\.0 /);
    smtp.write('QUIT\r\n');
    smtp.destroy();
    const message = lab.world.mailbox('bob', 'INBOX')!.messages.at(-1)!;
    stored = message.raw;
    uid = message.uid;
    expect(stored.endsWith(content)).toBe(true);
  }, 60_000);

  const slow: ReadPace = { pauseEvery: 128 * 1024, pauseMs: 25 };
  test.each([
    ['IMAP 993, full speed', 'implicit', {}],
    ['IMAP 143 after STARTTLS, slow reader', 'starttls', slow],
  ] as const)('comes out whole by %s', async (_name, how, pace) => {
    const c = await imap('bob', 'builder', how, pace);
    const body = await fetchBody(c, uid);
    expect(body.length).toBe(stored.length);
    expect(body.equals(Buffer.from(stored, 'latin1'))).toBe(true);
    c.destroy();
  }, 60_000);

  test.each([
    ['POP3 995, full speed', 'implicit', {}],
    ['POP3 110 after STLS, slow reader', 'starttls', slow],
  ] as const)('comes out whole by %s', async (_name, how, pace) => {
    expect(await retr('bob', 'builder', how, pace)).toBe(stored);
  }, 60_000);
});

describe('one FETCH of a mailbox of large messages', () => {
  test('is answered whole, message by message, and the lab keeps serving', async () => {
    lab.world.addUser('hoarder', 'hoarder');
    const messages = Array.from({ length: 6 }, (_, i) => `Subject: big ${i}\r\n\r\n${`${String(i).repeat(76)}\r\n`.repeat(130_000)}`);
    for (const m of messages) lab.world.append('hoarder', 'INBOX', m);
    const c = await imap('hoarder', 'hoarder', 'implicit');
    c.write('a FETCH 1:* (BODY.PEEK[])\r\n');
    for (const [i, m] of messages.entries()) {
      expect(await c.line()).toBe(`* ${i + 1} FETCH (BODY[] {${m.length}}`);
      expect((await c.octets(m.length)).equals(Buffer.from(m, 'latin1'))).toBe(true);
      expect(await c.line()).toBe(')');
    }
    expect(await c.line()).toMatch(/^a OK /);
    c.write('b NOOP\r\n');
    expect(await c.line()).toMatch(/^b OK /);
    const other = await imap('alice', 'wonderland', 'implicit');
    other.destroy();
    c.destroy();
  }, 120_000);
});

describe('APPEND literals are counted in octets', () => {
  test.each([
    ['a line of 1.5 MiB', `Subject: one long line\r\n\r\n${'y'.repeat(1.5 * 1024 * 1024)}\r\nend\r\n`],
    ['bare LF line ends and a lone CR', 'Subject: bare LF\n\nfirst\nsecond\r\nthird\rfourth\n'],
  ])('%s: stored byte-exact, tagged OK, and the next command is a command', async (_name, literal) => {
    const c = await imap('alice', 'wonderland', 'implicit');
    const before = lab.world.mailbox('alice', 'INBOX')!.messages.length;
    c.write(`a APPEND INBOX {${literal.length}}\r\n`);
    expect(await c.line()).toMatch(/^\+ /);
    c.write(Buffer.from(`${literal}\r\nb NOOP\r\n`, 'latin1'));
    expect((await upTo(c, /^a /)).at(-1)).toMatch(/^a OK \[APPENDUID \d+ \d+\]/);
    expect((await upTo(c, /^b /)).at(-1)).toMatch(/^b OK /);
    const box = lab.world.mailbox('alice', 'INBOX')!;
    expect(box.messages.length).toBe(before + 1);
    expect(box.messages.at(-1)!.raw === literal).toBe(true);
    c.destroy();
  }, 60_000);
});

describe('a client that stops reading', () => {
  test('is hung up once nothing has left for the idle time; the lab goes on', async () => {
    const quick = await startTestLab({ idleTimeout: 1, quiet: false, log: (l) => logLines.push(l) });
    try {
      quick.world.addUser('big', 'big');
      quick.world.append('big', 'INBOX', `Subject: big\r\n\r\n${'q'.repeat(998)}\r\n`.repeat(20_000));
      const c = await connectBytes(portOf(quick, 993), true);
      await c.line();
      c.write('l LOGIN big big\r\ns SELECT INBOX\r\nf FETCH 1 (BODY.PEEK[])\r\n');
      await eventually(() => c.received > 0);
      c.socket.pause();
      await eventually(() => quick.connections === 0);
      expect(logLines.some((l) => l.includes('client has not read its replies for 1 s: hanging up'))).toBe(true);
      const reader = await connectBytes(portOf(quick, 993), true);
      expect(await reader.line()).toMatch(/^\* OK /);
      reader.write('n NOOP\r\n');
      expect(await reader.line()).toMatch(/^n OK /);
      reader.destroy();
      c.destroy();
    } finally {
      await quick.close();
    }
  }, 60_000);
});
