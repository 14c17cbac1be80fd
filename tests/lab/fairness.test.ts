/**
 * No command holds the lab (issue 10, point 5): a pathological SEARCH is worked in slices, so a new client on
 * another port is greeted before the SEARCH is answered (and, with slicing off, after: the test tells the two
 * apart); a FETCH of megabytes is rendered in slices, so the greeting comes before the FETCH's first line; the
 * replies on the wire are the same octets either way; a client that leaves halfway releases the work.
 * Bounded by order and counts, never by time.
 */
import { afterEach, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { createHash } from 'node:crypto';
import { prerendersActive } from '../../src/protocols/imap/fetch-prerender.ts';
import { prescansActive, prescanStats } from '../../src/protocols/imap/search-prescan.ts';
import { textScans } from '../../src/protocols/imap/search-text.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';
import { connectPlain, connectTls, portOf, startTestLab, type LineClient } from './helpers.ts';

const labs: Lab[] = [];
afterEach(async () => {
  for (const lab of labs.splice(0)) {
    expect(lab.internalErrors).toBe(0);
    await lab.close();
  }
  expect(prescansActive()).toBe(0);
  expect(prerendersActive()).toBe(0);
});

/** Four 2 MB messages and a few small ones: a string SEARCH over them takes dozens of slices. */
function world(): MailWorld {
  const w = new MailWorld({ seed: 11 });
  w.addUser('dave', 'dave');
  const line = 'Lorem Ipsum DOLOR sit amet, consectetur adipiscing \u00c3\u00a9lit sed do eiusmod tempor\r\n';
  for (let n = 1; n <= 8; n++) {
    const body = line.repeat(n % 2 === 0 ? 25_000 : 2) + `marker-${n}\r\n`;
    w.append('dave', 'INBOX', `From: <alice@example.test>\r\nSubject: big ${n}\r\nX-N: ${n}\r\n\r\n${body}`);
  }
  return w;
}

async function lab(slicing: boolean): Promise<Lab> {
  const l = await startTestLab({ world: world(), slicing });
  labs.push(l);
  return l;
}

/** Lines up to the one tagged `tag` (a reply to a SEARCH over megabytes may take a while on a busy machine). */
async function reply(c: LineClient, tag: string): Promise<string[]> {
  const lines: string[] = [];
  for (;;) {
    const line = await c.line(60_000);
    if (line === undefined) throw new Error(`closed after ${JSON.stringify(lines)}`);
    lines.push(line);
    if (line.startsWith(`${tag} `)) return lines;
  }
}

async function selected(l: Lab): Promise<LineClient> {
  const c = await connectTls(portOf(l, 993));
  await c.line();
  c.write('l LOGIN dave dave\r\n');
  expect((await reply(c, 'l')).at(-1)).toMatch(/^l OK/);
  c.write('s SELECT INBOX\r\n');
  expect((await reply(c, 's')).at(-1)).toMatch(/^s OK/);
  return c;
}

// 600 TEXT and BODY keys that match long prefixes of the text and are never found: every octet is read.
const KEYS = Array.from({ length: 600 }, (_, i) => `${i % 2 ? 'TEXT' : 'BODY'} "${['lorem ipsum', 'dolor sit', 'consectetur', 'eiusmod'][i % 4]} ${i}"`).join(' ');

/** Sends the SEARCH, waits until the lab has begun reading mail for it, then connects on 110: which answer comes first? */
async function race(l: Lab, command = `q SEARCH ${KEYS}\r\n`): Promise<string[]> {
  const c = await selected(l);
  const scans = textScans.count;
  c.write(command);
  while (textScans.count === scans) await new Promise((r) => setImmediate(r));
  const order: string[] = [];
  const probe = connectPlain(portOf(l, 110)).then(async (p) => {
    expect(await p.line(60_000)).toMatch(/^\+OK/);
    order.push('greeting');
    p.destroy();
  });
  const search = reply(c, 'q').then((lines) => {
    expect(lines).toEqual(['* SEARCH', 'q OK Search completed.']);
    order.push('search');
  });
  await Promise.all([probe, search]);
  c.destroy();
  return order;
}

describe('a pathological SEARCH', () => {
  test('does not keep a new client on another port from its greeting; unsliced, it did', async () => {
    const slices = prescanStats.slices;
    expect(await race(await lab(true))).toEqual(['greeting', 'search']);
    // Dozens of turns given back: 8 MB of text and body read in slices of SLICE_CHARS.
    expect(prescanStats.slices - slices).toBeGreaterThan(20);
    const unsliced = prescanStats.slices;
    expect(await race(await lab(false))).toEqual(['search', 'greeting']);
    expect(prescanStats.slices).toBe(unsliced);
  });

  test('with its first key sent as a literal ({n+}) is prepared on the line that completes it, like any other', async () => {
    // The literal "lorem ipsum" ends mid-line; the rest of the command line (600 keys) follows on that line.
    const command = `q SEARCH TEXT {11+}\r\nlorem ipsum ${KEYS}\r\n`;
    const slices = prescanStats.slices;
    expect(await race(await lab(true), command)).toEqual(['greeting', 'search']);
    expect(prescanStats.slices - slices).toBeGreaterThan(20);
    expect(await race(await lab(false), command)).toEqual(['search', 'greeting']);
  });

  test('gets the same octets on the wire sliced and unsliced', async () => {
    const commands = [
      `a SEARCH ${KEYS}`,
      'b SEARCH OR TEXT marker-2 BODY marker-3',
      'c UID SEARCH NOT TEXT marker-4',
      `d SEARCH OR (${KEYS}) HEADER X-N 6`,
      'e SEARCH TEXT "\u00c3\u00a9lit" BODY "TEMPOR"',
      'f SEARCH TEXT',
      'g SEARCH CHARSET UTF-8 BODY "sed do" SUBJECT "big 8"',
    ];
    const transcripts: string[][] = [];
    for (const slicing of [true, false]) {
      const c = await selected(await lab(slicing));
      const lines: string[] = [];
      for (const line of commands) {
        c.write(`${line}\r\n`);
        lines.push(...(await reply(c, line.split(' ')[0]!)));
      }
      c.destroy();
      transcripts.push(lines);
    }
    expect(transcripts[0]).toEqual(transcripts[1]);
    expect(transcripts[0]!.filter((l) => l.startsWith('* SEARCH'))).toEqual(['* SEARCH', '* SEARCH 2 3', '* SEARCH 1 2 3 5 6 7 8', '* SEARCH 6', '* SEARCH 1 2 3 4 5 6 7 8', '* SEARCH 8']);
  });

  test('is released when its client leaves halfway, and the lab goes on', async () => {
    const l = await lab(true);
    const c = await selected(l);
    const scans = textScans.count;
    c.write(`q SEARCH ${KEYS}\r\n`);
    while (textScans.count === scans) await new Promise((r) => setImmediate(r));
    expect(prescansActive()).toBe(1);
    c.destroy();
    while (prescansActive() > 0) await new Promise((r) => setImmediate(r));
    const other = await selected(l);
    other.write('n NOOP\r\n');
    expect((await reply(other, 'n')).at(-1)).toMatch(/^n OK/);
    other.destroy();
  });
});

describe('a FETCH of every big message', () => {
  test('lets a new client on another port be greeted before its response begins', async () => {
    const l = await lab(true);
    const c = await selected(l);
    c.write('f FETCH 1:* (BODY.PEEK[])\r\n');
    while (prerendersActive() === 0) await new Promise((r) => setImmediate(r));
    const order: string[] = [];
    const probe = connectPlain(portOf(l, 110)).then(async (p) => {
      expect(await p.line(60_000)).toMatch(/^\+OK/);
      order.push('greeting');
      p.destroy();
    });
    const first = c.line(60_000).then((line) => {
      expect(line).toMatch(/^\* 1 FETCH \(BODY\[\] \{\d+\}$/);
      order.push('fetch');
    });
    await Promise.all([probe, first]);
    expect(order).toEqual(['greeting', 'fetch']);
    expect((await reply(c, 'f')).at(-1)).toBe('f OK Fetch completed.');
    c.destroy();
  });

  test('gets the same octets on the wire sliced and unsliced, \\Seen set by the FETCH included', async () => {
    const digests: string[] = [];
    for (const slicing of [true, false]) {
      const c = await selected(await lab(slicing));
      const hash = createHash('sha256');
      let lines = 0;
      for (const line of ['a FETCH 1:* (BODY.PEEK[])', 'b UID FETCH 2:6 (FLAGS RFC822.TEXT)', 'c FETCH 1:* (FLAGS RFC822.SIZE)']) {
        c.write(`${line}\r\n`);
        for (const l of await reply(c, line.split(' ')[0]!)) {
          hash.update(`${l}\r\n`, 'latin1');
          lines += 1;
        }
      }
      c.destroy();
      digests.push(`${lines} ${hash.digest('hex')}`);
    }
    expect(digests[0]).toBe(digests[1]);
    expect(Number(digests[0]!.split(' ')[0])).toBeGreaterThan(100_000);
  });
});
