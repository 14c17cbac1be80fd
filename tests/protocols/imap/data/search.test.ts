import { describe, expect, test } from 'vitest';
import { MailWorld, type StoredMessage } from '../../../../src/protocols/shared/world.ts';
import { parseSearch } from '../../../../src/protocols/imap/search.ts';
import { searchMatches } from '../../../../src/protocols/imap/search-match.ts';

const E = 'Error in IMAP command SEARCH: ';

describe('parseSearch', () => {
  test.each<[string, unknown]>([
    ['SEEN', { criteria: { kind: 'flag', flag: '\\Seen', set: true } }],
    ['unseen', { criteria: { kind: 'flag', flag: '\\Seen', set: false } }],
    ['ALL', { criteria: { kind: 'all' } }],
    [
      'FROM carol SINCE 1-Feb-1994',
      { criteria: { kind: 'and', keys: [{ kind: 'header', field: 'From', value: 'carol' }, { kind: 'date', sent: false, op: 'since', day: 19940201 }] } },
    ],
    [
      'OR SEEN NOT FLAGGED',
      { criteria: { kind: 'or', left: { kind: 'flag', flag: '\\Seen', set: true }, right: { kind: 'not', key: { kind: 'flag', flag: '\\Flagged', set: true } } } },
    ],
    ['CHARSET utf-8 ALL', { criteria: { kind: 'all' }, charset: 'UTF-8' }],
    ['CHARSET "US-ASCII" ALL', { criteria: { kind: 'all' }, charset: 'US-ASCII' }],
    ['HEADER "X-Mailer" ""', { criteria: { kind: 'header', field: 'X-Mailer', value: '' } }],
    ['SUBJECT "say \\"hi\\""', { criteria: { kind: 'header', field: 'Subject', value: 'say "hi"' } }],
    ['SENTON "21-Nov-2026"', { criteria: { kind: 'date', sent: true, op: 'on', day: 20261121 } }],
    ['ON 29-Feb-2024', { criteria: { kind: 'date', sent: false, op: 'on', day: 20240229 } }],
    ['LARGER 1024', { criteria: { kind: 'size', op: 'larger', octets: 1024 } }],
    ['UID 1:*', { criteria: { kind: 'uid', ranges: [{ from: 1, to: undefined }] } }],
    ['2,4:6', { criteria: { kind: 'sequence', ranges: [{ from: 2, to: 2 }, { from: 4, to: 6 }] } }],
    ['KEYWORD $Forwarded', { criteria: { kind: 'flag', flag: '$Forwarded', set: true } }],
    ['NEW', { criteria: { kind: 'and', keys: [{ kind: 'recent', set: true }, { kind: 'flag', flag: '\\Seen', set: false }] } }],
    ['(OLD)', { criteria: { kind: 'recent', set: false } }],
    ['TEXT x BODY y', { criteria: { kind: 'and', keys: [{ kind: 'text', value: 'x' }, { kind: 'body', value: 'y' }] } }],
  ])('parses %s', (input, expected) => {
    expect(parseSearch(input)).toEqual(expected);
  });

  test.each([
    ['', `${E}Missing search parameters`],
    ['FROB', `${E}Unknown argument FROB`],
    ['FROM', `${E}Missing parameter for search key`],
    ['OR SEEN', `${E}Missing parameter for search key`],
    ['NOT', `${E}Missing parameter for search key`],
    ['SINCE 32-Jan-2026', `${E}Invalid search date parameter`],
    ['SINCE 2026-11-21', `${E}Invalid search date parameter`],
    ['ON 29-Feb-2025', `${E}Invalid search date parameter`],
    ['BEFORE 1-Foo-2026', `${E}Invalid search date parameter`],
    ['LARGER abc', `${E}Invalid search size parameter`],
    ['SMALLER -1', `${E}Invalid search size parameter`],
    ['UID 0', `${E}Invalid UID messageset`],
    ['UID abc', `${E}Invalid UID messageset`],
    ['1:0', `${E}Invalid messageset`],
    ['1,,2', `${E}Invalid messageset`],
    ['01', `${E}Invalid messageset`],
    ['(SEEN', `${E}Missing ')'`],
    ['SEEN)', `${E}Unexpected ')'`],
    ['()', `${E}Unexpected ')'`],
    ['"SEEN"', `${E}Unexpected string as search key: SEEN`],
    ['FROM (x)', `${E}Unexpected (`],
    ['SUBJECT "unterminated', `${E}Missing '"'`],
    ['CHARSET', `${E}Missing parameter for search key`],
    ['CHARSET UTF-8', `${E}Missing search parameters`],
    ['CHARSET ISO-8859-1 FROM x', '[BADCHARSET (US-ASCII UTF-8)] Unknown charset'],
    [`${'NOT '.repeat(1000)}SEEN`, `${E}Too deep search key nesting`],
    [`${'('.repeat(1000)}SEEN${')'.repeat(1000)}`, `${E}Too deep search key nesting`],
  ])('rejects %j', (input, error) => {
    expect(parseSearch(input)).toEqual({ error });
  });
});

describe('searchMatches', () => {
  const world = new MailWorld();
  const inbox = world.mailbox('alice', 'INBOX')!.messages;
  // Message 3 is \Recent in this session; messages 1 and 2 are not.
  const matching = (query: string, messages: readonly StoredMessage[] = inbox, recent: ReadonlySet<number> = new Set([3])) => {
    const parsed = parseSearch(query);
    if ('error' in parsed) throw new Error(parsed.error);
    const maxUid = Math.max(0, ...messages.map((m) => m.uid));
    return messages
      .map((message, i) => ({ message, seq: i + 1, uid: message.uid, maxSeq: messages.length, maxUid, recent: recent.has(message.uid), now: new Date(Date.UTC(2026, 10, 21, 9)) }))
      .filter((m) => searchMatches(parsed.criteria, m))
      .map((m) => m.seq);
  };

  test.each<[string, number[]]>([
    ['ALL', [1, 2, 3]],
    ['SEEN', [1]],
    ['UNSEEN', [2, 3]],
    ['RECENT', [3]],
    ['OLD', [1, 2]],
    ['NEW', [3]],
    ['FROM carol', [2]],
    ['FROM CAROL', [2]],
    ['FROM "Carol <carol@"', [2]],
    ['TO alice', [1, 2, 3]],
    ['CC bob', [2]],
    ['BCC bob', []],
    ['SUBJECT "welcome TO"', [1]],
    ['SUBJECT dots', [3]],
    ['BODY hidden', [3]],
    ['BODY minutes', [2]],
    ['BODY "Message-ID"', []],
    ['TEXT "Message-ID"', [1, 2, 3]],
    ['TEXT "subject: dots"', [3]],
    ['HEADER Message-ID minutes', [2]],
    ['HEADER CC ""', [2]],
    ['HEADER X-Nope ""', []],
    ['SINCE 21-Nov-2026', [3]],
    ['BEFORE 21-Nov-2026', [1, 2]],
    ['ON 20-Nov-2026', [1, 2]],
    ['ON "21-nov-2026"', [3]],
    ['SINCE 1-Jan-2027', []],
    ['SENTON 21-Nov-2026', [3]],
    ['SENTBEFORE 21-Nov-2026', [1, 2]],
    ['SENTSINCE 20-Nov-2026', [1, 2, 3]],
    ['LARGER 358', [2]],
    ['SMALLER 358', [3]],
    ['LARGER 317 SMALLER 359', [1, 3]],
    ['2:*', [2, 3]],
    ['*', [3]],
    ['3:1', [1, 2, 3]],
    ['1,3', [1, 3]],
    ['4', []],
    ['UID 2', [2]],
    ['UID *', [3]],
    ['NOT SEEN', [2, 3]],
    ['NOT NOT SEEN', [1]],
    ['OR SEEN FROM dan', [1, 3]],
    ['OR (SEEN FROM bob) (UNSEEN SMALLER 400)', [1, 3]],
    ['NOT OR SEEN RECENT', [2]],
    ['OR OR SEEN RECENT FROM carol', [1, 2, 3]],
    ['NOT (FROM carol OR UNSEEN RECENT)', [1, 3]],
    ['NOT (FROM carol OR SEEN RECENT)', [1, 2, 3]],
    ['(FROM carol)', [2]],
    ['CHARSET UTF-8 FROM dan', [3]],
  ])('%s matches %j', (query, expected) => {
    expect(matching(query)).toEqual(expected);
  });

  test('tells sequence numbers from UIDs after an expunge', () => {
    const later = inbox.slice(1);
    expect(matching('1', later)).toEqual([1]);
    expect(matching('UID 2', later)).toEqual([1]);
    expect(matching('UID 1', later)).toEqual([]);
    expect(matching('UID 3:*', later)).toEqual([2]);
    expect(matching('*', later)).toEqual([2]);
  });

  test('matches nothing with * in an empty mailbox', () => {
    expect(matching('*', [])).toEqual([]);
  });

  test('matches flags and keywords, ignoring their case', () => {
    const w = new MailWorld();
    const [m1, m2, m3] = w.mailbox('alice', 'INBOX')!.messages;
    m2!.flags.add('\\Flagged').add('\\Answered');
    m3!.flags.add('\\Deleted').add('\\Draft').add('$Forwarded');
    const all = [m1!, m2!, m3!];
    expect(matching('FLAGGED', all)).toEqual([2]);
    expect(matching('UNFLAGGED', all)).toEqual([1, 3]);
    expect(matching('ANSWERED', all)).toEqual([2]);
    expect(matching('UNANSWERED', all)).toEqual([1, 3]);
    expect(matching('DELETED', all)).toEqual([3]);
    expect(matching('UNDELETED', all)).toEqual([1, 2]);
    expect(matching('DRAFT', all)).toEqual([3]);
    expect(matching('UNDRAFT', all)).toEqual([1, 2]);
    expect(matching('KEYWORD $forwarded', all)).toEqual([3]);
    expect(matching('UNKEYWORD $Forwarded', all)).toEqual([1, 2]);
    expect(matching('KEYWORD $Junk', all)).toEqual([]);
  });

  test('compares 8-bit octets exactly while folding ASCII case', () => {
    const raw = 'From: J\xc3\xb6rg <j@example.test>\r\nSubject: Gr\xc3\xbc\xc3\x9fe\r\n\r\nBODY TEXT\r\n';
    const m: StoredMessage = { uid: 9, flags: new Set(), internalDate: new Date(0), raw, size: raw.length, recentOwner: undefined };
    expect(matching('CHARSET UTF-8 SUBJECT "gr\xc3\xbc\xc3\x9f"', [m])).toEqual([1]);
    expect(matching('CHARSET UTF-8 SUBJECT "GR\xc3\x9c"', [m])).toEqual([]);
    expect(matching('BODY "body text"', [m])).toEqual([1]);
    expect(matching('SENTON 1-Jan-1970', [m])).toEqual([]);
  });

  test('matches nothing for criteria it does not know', () => {
    expect(searchMatches({ kind: 'frob' }, { message: inbox[0]!, seq: 1, uid: 1, maxSeq: 3, maxUid: 3, recent: false, now: new Date() })).toBe(false);
  });
});
