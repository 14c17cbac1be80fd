import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MailWorld, type StoredMessage } from '../../../../src/protocols/shared/world.ts';
import { parseFetchItems, renderFetch } from '../../../../src/protocols/imap/fetch.ts';
import { imapAstring, imapNString, imapString } from '../../../../src/protocols/imap/format.ts';
import { parseSearch } from '../../../../src/protocols/imap/search.ts';
import { searchMatches } from '../../../../src/protocols/imap/search-match.ts';
import { readFetchData } from './imap-grammar.ts';

const seeds = new MailWorld().mailbox('alice', 'INBOX')!.messages;
const octet = fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c));
const octets = (maxLength: number) => fc.string({ unit: octet, maxLength });
const stored = (raw: string): StoredMessage => ({ uid: 7, flags: new Set(['\\Seen']), internalDate: new Date(0), raw, size: raw.length, recentOwner: undefined });
const RUNS = { numRuns: 300 };

/** Words that make random strings look like FETCH and SEARCH arguments often enough to reach deep code paths. */
const fetchWords = fc.constantFrom(
  '(', ')', ' ', '[', ']', '<', '>', '.', '"', '0', '1', '2', '3', '*', ':', ',', 'BODY', 'BODY.PEEK', 'HEADER', 'HEADER.FIELDS',
  'HEADER.FIELDS.NOT', 'TEXT', 'MIME', 'FLAGS', 'UID', 'ENVELOPE', 'BODYSTRUCTURE', 'RFC822', 'RFC822.SIZE', 'RFC822.HEADER',
  'RFC822.TEXT', 'INTERNALDATE', 'ALL', 'FAST', 'FULL', 'FROM', 'SUBJECT', '\r\n', '\x00', '\xff',
);
const searchWords = fc.constantFrom(
  '(', ')', ' ', '"', '*', ':', ',', '1', '2', '3', '0', 'ALL', 'SEEN', 'UNSEEN', 'NEW', 'OLD', 'RECENT', 'NOT', 'OR', 'FROM', 'TO',
  'CC', 'BCC', 'SUBJECT', 'BODY', 'TEXT', 'HEADER', 'KEYWORD', 'UNKEYWORD', 'SINCE', 'BEFORE', 'ON', 'SENTON', 'SENTSINCE',
  'SENTBEFORE', '21-Nov-2026', '31-Feb-2026', 'LARGER', 'SMALLER', '100', 'UID', 'CHARSET', 'UTF-8', 'KOI8-R', 'carol', '\\', '\xe9',
);
// Well-formed FETCH arguments: simple items, BODY[section]<partial> with random part numbers, lists and macros.
const sectionText = fc.constantFrom('', 'HEADER', 'TEXT', 'MIME', 'HEADER.FIELDS (FROM SUBJECT)', 'HEADER.FIELDS.NOT (To "X-A")');
const section = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }), sectionText)
  .map(([nums, text]) => [...nums.map(String), ...(text === '' ? [] : [text])].join('.'))
  .filter((s) => !s.startsWith('MIME'));
const partial = fc.option(fc.tuple(fc.nat(400), fc.nat(400)).map(([a, b]) => `<${a}.${b}>`), { nil: '' });
const bodyItem = fc.tuple(fc.constantFrom('BODY', 'BODY.PEEK', 'body.peek'), section, partial).map(([n, s, p]) => `${n}[${s}]${p}`);
const simpleItem = fc.constantFrom('UID', 'FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODY', 'BODYSTRUCTURE', 'RFC822', 'RFC822.HEADER', 'RFC822.TEXT');
const fetchItem = fc.oneof(simpleItem, bodyItem);
const fetchArgs = fc.oneof(
  fetchItem,
  fc.constantFrom('ALL', 'FAST', 'FULL'),
  fc.array(fetchItem, { minLength: 1, maxLength: 6 }).map((a) => `(${a.join(' ')})`),
);

// Well-formed SEARCH keys, nested with NOT, OR and parentheses.
const simpleKey = fc.constantFrom(
  'ALL', 'SEEN', 'UNSEEN', 'NEW', 'OLD', 'RECENT', 'FLAGGED', 'UNDELETED', 'FROM carol', 'TO alice', 'CC "Bob"', 'SUBJECT dots',
  'BODY hidden', 'TEXT minutes', 'HEADER Cc ""', 'SINCE 21-Nov-2026', 'BEFORE 21-Nov-2026', 'ON 20-Nov-2026', 'SENTON 21-Nov-2026',
  'SENTSINCE 1-Jan-2026', 'LARGER 400', 'SMALLER 400', 'UID 2:*', '1,3', '*', '2:1', 'KEYWORD $X', 'UNKEYWORD $X',
);
const { key: searchKey } = fc.letrec<{ key: string }>((tie) => ({
  key: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    simpleKey,
    tie('key').map((k) => `NOT ${k}`),
    fc.tuple(tie('key'), tie('key')).map(([a, b]) => `OR ${a} ${b}`),
    fc.array(tie('key'), { minLength: 1, maxLength: 3 }).map((a) => `(${a.join(' ')})`),
  ),
}));

const mimeLines = fc.constantFrom(
  'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b', 'Content-Type: multipart/alternative; boundary="c"',
  'Content-Type: message/rfc822', 'Content-Type: text/plain; charset="utf-8', 'Content-Type: ;;;===', 'Content-Type: (((',
  'Content-Disposition: attachment; filename="a b.txt"', 'Content-Language: en, ', 'Content-Transfer-Encoding: base64',
  'From: "Bob" <bob@example.test>', 'To: group: a@b, <c@d;, (x', 'Cc: <@r1,@r2:u@h>, :;', 'Subject: hi', 'Date: 1 Jan 2026',
  ' folded', '', '--b', '--b--', '--c', '--c--', 'body text', '\x00\xff', 'no colon here',
);
const mimeMessage = fc.array(fc.oneof(mimeLines, octets(20)), { maxLength: 40 }).map((lines) => lines.join('\r\n'));

function checkRendered(out: string): void {
  const { literals } = readFetchData(out);
  for (const l of literals) expect(l.octets.length).toBe(l.announced);
}

describe('format properties', () => {
  test('imapString and imapNString round-trip any octets through the response grammar', () => {
    fc.assert(
      fc.property(octets(200), (s) => {
        const { pairs } = readFetchData(`X ${imapString(s)} Y ${imapNString(s)} Z ${imapAstring(s)}`);
        for (const [, v] of pairs) expect(typeof v === 'string' ? v : (v as { str: string }).str).toBe(s);
      }),
      RUNS,
    );
  });
});

describe('FETCH properties', () => {
  test('parseFetchItems never throws on arbitrary octets or word salad', () => {
    fc.assert(
      fc.property(fc.oneof(octets(300), fc.array(fetchWords, { maxLength: 30 }).map((w) => w.join(''))), (s) => {
        const r = parseFetchItems(s);
        expect('items' in r || ('error' in r && r.error.startsWith('Error in IMAP command FETCH: '))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('well-formed items parse and render readable data with exact literal lengths on the seed messages', () => {
    fc.assert(
      fc.property(fetchArgs, fc.boolean(), fc.boolean(), (s, uid, recent) => {
        const r = parseFetchItems(s);
        if (!('items' in r)) throw new Error(`${s}: ${r.error}`);
        for (const m of seeds) checkRendered(renderFetch(m, r.items, { uid, recent, flags: [...m.flags] }));
      }),
      { numRuns: 1000 },
    );
  });

  test('every section of arbitrary MIME-like messages renders without throwing', () => {
    const items = parseFetchItems(
      '(UID FLAGS ENVELOPE BODY BODYSTRUCTURE RFC822.HEADER BODY[] BODY[1] BODY[1.MIME] BODY[2.1] BODY[2.HEADER] BODY[1.TEXT] BODY[HEADER.FIELDS (FROM TO)] BODY[TEXT]<3.7>)',
    );
    if (!('items' in items)) throw new Error(items.error);
    fc.assert(
      fc.property(fc.oneof(mimeMessage, octets(500)), (raw) => {
        checkRendered(renderFetch(stored(raw), items.items, { uid: true, recent: true, flags: ['\\Seen'] }));
      }),
      RUNS,
    );
  });
});

describe('SEARCH properties', () => {
  test('parseSearch never throws, and what parses matches without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(octets(300), fc.array(searchWords, { maxLength: 30 }).map((w) => w.join(' ')), searchKey), (s) => {
        const r = parseSearch(s);
        if ('error' in r) return;
        seeds.forEach((message, i) =>
          searchMatches(r.criteria, { message, seq: i + 1, uid: message.uid, maxSeq: 3, maxUid: 3, recent: i === 2, now: new Date() }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  test('NOT inverts any well-formed key', () => {
    fc.assert(
      fc.property(fc.array(searchKey, { minLength: 1, maxLength: 3 }).map((k) => k.join(' ')), (s) => {
        const r = parseSearch(s);
        const n = parseSearch(`NOT (${s})`);
        if ('error' in r || 'error' in n) throw new Error(`${s} did not parse`);
        seeds.forEach((message, i) => {
          const m = { message, seq: i + 1, uid: message.uid, maxSeq: 3, maxUid: 3, recent: false, now: new Date() };
          expect(searchMatches(n.criteria, m)).toBe(!searchMatches(r.criteria, m));
        });
      }),
      RUNS,
    );
  });
});

describe('100 kB hostile input', () => {
  const garbage = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 256)).join('');
  const inputs: Array<[string, string]> = [
    ['garbage', garbage],
    ['parentheses', '('.repeat(100_000)],
    ['quotes', `"${'\\'.repeat(99_999)}`],
    ['brackets', `BODY[${'1.'.repeat(50_000)}`],
    ['colons', ':'.repeat(100_000)],
    ['boundaries', `MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${'--b\r\n'.repeat(20_000)}`],
    ['nested multiparts', `${'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n'.repeat(1_500)}x`],
    ['comments', `From: ${'('.repeat(50_000)}${')'.repeat(50_000)}\r\n\r\n`],
    ['group markers', `To: ${'a:'.repeat(50_000)}\r\nCc: ${'<'.repeat(50_000)}\r\n\r\n`],
    ['header lines', `${'X: y\r\n'.repeat(16_000)}\r\n`],
  ];

  test.each(inputs)('parsers and renderers finish quickly on %s', (_name, s) => {
    const started = performance.now();
    parseFetchItems(s);
    parseSearch(s);
    const all = parseFetchItems('(ENVELOPE BODYSTRUCTURE BODY[HEADER.FIELDS (FROM)] BODY[1.1.1] BODY[TEXT]<0.100>)');
    if (!('items' in all)) throw new Error(all.error);
    const message = stored(s);
    checkRendered(renderFetch(message, all.items, { uid: true, recent: false, flags: [] }));
    const search = parseSearch('OR TEXT zzz HEADER From x');
    if ('error' in search) throw new Error(search.error);
    searchMatches(search.criteria, { message, seq: 1, uid: 7, maxSeq: 1, maxUid: 7, recent: false, now: new Date() });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
