/**
 * The multi-string scanner behind SEARCH's string keys: it finds exactly what a case-folded `includes` finds, in
 * either of its two forms, and SEARCH reads each message at most once per command however many keys it has.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldAscii, NeedleSet, textScans } from '../../../../src/protocols/imap/search-text.ts';
import { parseSearch } from '../../../../src/protocols/imap/search.ts';
import { compileSearch } from '../../../../src/protocols/imap/search-match.ts';
import { MailWorld, type StoredMessage } from '../../../../src/protocols/shared/world.ts';

// A small alphabet makes overlaps, prefixes and repeats common; it has both cases, 8-bit octets and a wide char.
const alphabet = fc.constantFrom('a', 'A', 'b', 'B', 'c', '.', ' ', '\r', '\n', '\x80', '\xff', 'Ä', 'ä', '€');
const str = (max: number) => fc.array(alphabet, { maxLength: max }).map((cs) => cs.join(''));

function reference(text: string, needles: readonly string[]): boolean[] {
  const folded = foldAscii(text);
  return needles.map((n) => folded.includes(foldAscii(n)));
}

function found(set: NeedleSet, text: string, needles: readonly string[]): boolean[] {
  const hits = set.scan(text);
  return needles.map((n) => {
    const i = set.indexOf(n);
    return i < 0 || hits[i] === 1;
  });
}

describe('NeedleSet', () => {
  test.each([
    ['native searches for a few ASCII strings', {}],
    ['a full transition table', { native: false }],
    ['failure links only', { native: false, tableCells: 0 }],
  ])('finds what a folded includes() finds, with %s', (_, options) => {
    fc.assert(
      fc.property(str(60), fc.array(str(5), { maxLength: 12 }), (text, needles) => {
        expect(found(new NeedleSet(needles, options), text, needles)).toEqual(reference(text, needles));
      }),
      { numRuns: 400 },
    );
  });

  test('searches ASCII strings natively with ASCII-only folding, even for regular-expression characters', () => {
    const needles = ['a.b', '(x)', 'q\\r', '[^-]'];
    const text = 'A.B (X) Q\\R [^-] ä';
    expect(found(new NeedleSet(needles), text, needles)).toEqual([true, true, true, true]);
    expect(found(new NeedleSet(['axb', 'k']), 'A.B \u212a', ['axb', 'k'])).toEqual([false, false]);
  });

  test('folds ASCII letters only: "Ä" and "ä" stay different, as RFC 3501 §6.4.4 asks no more', () => {
    const set = new NeedleSet(['ä', 'SUBJECT', 'x€y']);
    expect(found(set, 'Ä subject X€Y', ['ä', 'SUBJECT', 'x€y'])).toEqual([false, true, true]);
  });

  test('reads the text once and stops when every string is found', () => {
    const set = new NeedleSet(['needle', 'hay'], { native: false });
    const before = { ...textScans };
    const text = `hay needle ${'z'.repeat(10_000)}`;
    expect([...set.scan(text)]).toEqual([1, 1]);
    expect(textScans.count - before.count).toBe(1);
    expect(textScans.octets - before.octets).toBe('hay needle'.length);
  });
});

describe('SEARCH work', () => {
  const big = (octets: number) => `Subject: big\r\n\r\n${`${'~-'.repeat(38)}\r\n`.repeat(Math.ceil(octets / 78))}`;

  function run(query: string, messages: readonly StoredMessage[]): number[] {
    const parsed = parseSearch(query);
    if ('error' in parsed) throw new Error(parsed.error);
    const maxUid = messages.at(-1)?.uid ?? 0;
    const matches = compileSearch(parsed.criteria, { maxSeq: messages.length, maxUid });
    return messages.flatMap((message, i) => (matches({ message, seq: i + 1, uid: message.uid, maxSeq: messages.length, maxUid, recent: false, now: new Date() }) ? [i + 1] : []));
  }

  test('7,000 TEXT keys in a 64 KiB line read a 10 MB message once, not once per key', () => {
    const world = new MailWorld();
    world.append('alice', 'Archive', big(10_000_000));
    const messages = world.mailbox('alice', 'Archive')!.messages;
    const total = messages[0]!.size;
    // "000" to "5ep": none of them occurs in the message.
    const needle = (i: number) => i.toString(36).padStart(3, '0');
    const all = Array.from({ length: 7000 }, (_, i) => `TEXT ${needle(i)}`).join(' ');
    // Under NOT every key is evaluated; 4,600 of those still fit the line.
    const none = Array.from({ length: 4600 }, (_, i) => `NOT TEXT ${needle(i)}`).join(' ');
    for (const [query, hits] of [[all, []], [none, [1]]] as const) {
      expect(`a SEARCH ${query}`.length).toBeLessThanOrEqual(65536);
      const before = { ...textScans };
      expect(run(query, messages)).toEqual(hits);
      expect(textScans.count - before.count).toBe(messages.length);
      expect(textScans.octets - before.octets).toBe(total);
    }
  });

  test('TEXT, BODY and header keys read each message at most once per kind, whatever their number', () => {
    const world = new MailWorld();
    const messages = world.mailbox('alice', 'INBOX')!.messages;
    const before = { ...textScans };
    // Strings no message has, under OR, so that every key is evaluated for every message.
    expect(run('OR (TEXT q1q TEXT q2q) OR (BODY q3q BODY q4q) OR (SUBJECT q5q SUBJECT q6q) (FROM q7q FROM q8q)', messages)).toEqual([]);
    const fields = (m: StoredMessage, name: string) => m.raw.split('\r\n\r\n')[0]!.split('\r\n').filter((l) => l.toLowerCase().startsWith(`${name}:`)).length;
    const headerScans = messages.reduce((sum, m) => sum + fields(m, 'subject') + fields(m, 'from'), 0);
    // One scan of each message and one of its body, plus one per Subject or From field.
    expect(textScans.count - before.count).toBe(2 * messages.length + headerScans);
  });

  test('answers as before: the seed mail, each kind of string key', () => {
    const messages = new MailWorld().mailbox('alice', 'INBOX')!.messages;
    expect(run('TEXT welcome', messages)).toEqual([1]);
    expect(run('BODY "Return-Path"', messages)).toEqual([]);
    expect(run('TEXT "Return-Path"', messages)).toEqual([1, 2, 3]);
    expect(run('SUBJECT "THURSDAY"', messages)).toEqual([2]);
    expect(run('HEADER Message-ID ""', messages)).toEqual([1, 2, 3]);
    expect(run('NOT FROM bob', messages).length).toBeLessThan(3);
  });
});
