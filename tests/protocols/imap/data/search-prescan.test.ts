/**
 * SEARCH's string work done ahead in slices (issue 10, point 5): a scan stopped and resumed anywhere finds what
 * one scan finds; a command run after a prescan answers byte for byte as without one, reads the prescan's scans
 * instead of the mail, and stays right when the prescan's budget ran out; a released prescan is never read.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import '../../../../src/machines/servers.ts';
import { openSession } from '../../../../src/machines/session.ts';
import { prescansActive, prescanSearch, prescanStats, sharedSet, SLICE_CHARS } from '../../../../src/protocols/imap/search-prescan.ts';
import { NeedleSet, textScans } from '../../../../src/protocols/imap/search-text.ts';
import { MailWorld } from '../../../../src/protocols/shared/world.ts';

const alphabet = fc.constantFrom('a', 'A', 'b', 'B', 'c', '.', ' ', '\r', '\n', '\x80', 'Ä', '€');
const str = (max: number) => fc.array(alphabet, { maxLength: max }).map((cs) => cs.join(''));

describe('NeedleSet.scanner', () => {
  test.each([
    ['native searches', {}],
    ['a full transition table', { native: false }],
    ['failure links only', { native: false, tableCells: 0 }],
  ])('read in slices of any size, it finds what one scan finds (%s)', (_, options) => {
    fc.assert(
      fc.property(str(80), fc.array(str(5), { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (text, needles, chars) => {
        const set = new NeedleSet(needles, options);
        const whole = set.scan(text);
        const scan = set.scanner(text);
        let steps = 0;
        while (!scan.step(chars)) steps += 1;
        expect([...scan.found]).toEqual([...whole]);
        expect(steps).toBeLessThanOrEqual(Math.ceil(text.length / chars));
      }),
      { numRuns: 300 },
    );
  });
});

/** A world with big and small messages; "marker-n" sits in the body of message n, in a header of every third. */
function world(): MailWorld {
  const w = new MailWorld({ seed: 5 });
  w.addUser('carol', 'carol');
  const line = 'Lorem Ipsum DOLOR sit amet, consectetur \u00c3\u00a9lit sed do eiusmod\r\n';
  for (let n = 1; n <= 12; n++) {
    const big = n % 4 === 0;
    const body = line.repeat(big ? 6000 : 3) + `marker-${n} end\r\n`;
    const extra = n % 3 === 0 ? `X-Tag: marker-${n + 100}\r\n` : '';
    w.append('carol', 'INBOX', `From: <alice@example.test>\r\nSubject: note ${n}\r\n${extra}\r\n${body}`);
  }
  return w;
}

function selected(w: MailWorld) {
  const s = openSession(w, 'imap', 993);
  s.send('l LOGIN carol carol');
  s.send('s SELECT INBOX');
  return s;
}

const many = Array.from({ length: 300 }, (_, i) => `${i % 2 ? 'TEXT' : 'BODY'} "ipsum dolzz${i}"`).join(' ');
const COMMANDS = [
  'a SEARCH TEXT marker-4',
  'b SEARCH OR BODY marker-8 TEXT "marker-103"',
  'c UID SEARCH NOT TEXT marker-12',
  'd SEARCH HEADER X-Tag marker-106 TEXT lorem',
  'e SEARCH TEXT "\u00c3\u00a9lit" BODY "SIT AMET"',
  `f SEARCH OR (${many}) BODY marker-1`,
  `g SEARCH ${many}`,
  'h SEARCH TEXT',
  'i SEARCH 2:5 OR TEXT marker-3 HEADER Subject "note 5"',
];

/** The tagged command's arguments after SEARCH, as the driver hands them to a prescan. */
const argsOf = (line: string): string => line.replace(/^\S+ (UID )?SEARCH ?/, '');

describe('a SEARCH after its prescan', () => {
  test('answers byte for byte as without one, and reads no message again', () => {
    const plain = selected(world());
    const w = world();
    const sliced = selected(w);
    for (const line of COMMANDS) {
      const expected = plain.send(line).replies;
      const started = prescanStats.started;
      const p = sliced.prepare?.(line);
      if (argsOf(line) === '') expect(p).toBeUndefined();
      let steps = 0;
      if (p) for (const _ of { [Symbol.iterator]: () => p.work() }) steps += 1;
      const scans = textScans.count;
      const replies = sliced.send(line).replies;
      const scansInCommand = textScans.count - scans;
      p?.release();
      expect(replies, line).toEqual(expected);
      if (p) {
        expect(prescanStats.started).toBe(started + 1);
        expect(steps).toBeGreaterThan(0);
        // Only header fields are scanned by the command itself; TEXT and BODY come from the prescan.
        if (!/HEADER/.test(line)) expect(scansInCommand, line).toBe(0);
      }
    }
    expect(prescansActive()).toBe(0);
  });

  test('a big message is read in slices of SLICE_CHARS characters', () => {
    const w = world();
    const s = selected(w);
    const p = s.prepare!('q SEARCH TEXT nowhere-to-be-found')!;
    const before = prescanStats.slices;
    for (const _ of { [Symbol.iterator]: () => p.work() });
    p.release();
    const octets = w.mailbox('carol', 'INBOX')!.messages.reduce((n, m) => n + m.raw.length, 0);
    // One step builds the set; the scan gives the loop a turn about every SLICE_CHARS characters.
    expect(prescanStats.slices - before).toBeGreaterThanOrEqual(1 + Math.floor(octets / SLICE_CHARS) - 1);
  });

  test('past its budget, the rest is left to the command, which still answers the same', () => {
    const plain = selected(world());
    const w = world();
    const sliced = selected(w);
    const line = `f SEARCH OR (${many}) BODY marker-1`;
    const p = prescanSearch(argsOf(line), w.mailbox('carol', 'INBOX')!.messages, 400)!;
    for (const _ of { [Symbol.iterator]: () => p.work() });
    const scans = textScans.count;
    const replies = sliced.send(line).replies;
    expect(textScans.count - scans).toBeGreaterThan(0);
    p.release();
    expect(replies).toEqual(plain.send(line).replies);
  });

  test('a released prescan lends its sets to nobody', () => {
    const w = world();
    const p = prescanSearch('TEXT marker-1', w.mailbox('carol', 'INBOX')!.messages)!;
    for (const _ of { [Symbol.iterator]: () => p.work() });
    expect(sharedSet('text', ['marker-1'])).toBeInstanceOf(NeedleSet);
    p.release();
    expect(sharedSet('text', ['marker-1'])).toBeUndefined();
    expect(prescansActive()).toBe(0);
  });

  test('nothing to prepare outside the selected state, for other commands, or for keys without strings', () => {
    const w = world();
    const s = openSession(w, 'imap', 993);
    expect(s.prepare?.('a SEARCH TEXT x')).toBeUndefined();
    s.send('l LOGIN carol carol');
    expect(s.prepare?.('a SEARCH TEXT x')).toBeUndefined();
    s.send('s SELECT INBOX');
    expect(s.prepare?.('a FETCH 1 FLAGS')).toBeUndefined();
    expect(s.prepare?.('a SEARCH 1:* SEEN')).toBeUndefined();
    expect(s.prepare?.('a SEARCH (TEXT')).toBeUndefined();
    const p = s.prepare?.('a UID SEARCH TEXT x');
    expect(p).toBeDefined();
    p!.release();
  });
});
