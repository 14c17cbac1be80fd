import { describe, expect, test } from 'vitest';
import { fetchSetsSeen, parseFetchItems, type FetchItem } from '../../../../src/protocols/imap/fetch.ts';

const section = (part: number[], text: string, fields: string[] = [], peek = false, partial?: { start: number; count: number | undefined }) => ({
  kind: 'BODY[section]',
  peek,
  section: { part, text, fields },
  partial,
});

describe('parseFetchItems', () => {
  test.each<[string, unknown[]]>([
    ['FLAGS', [{ kind: 'FLAGS' }]],
    ['flags', [{ kind: 'FLAGS' }]],
    ['(UID FLAGS RFC822.SIZE)', [{ kind: 'UID' }, { kind: 'FLAGS' }, { kind: 'RFC822.SIZE' }]],
    ['(uid Flags internaldate)', [{ kind: 'UID' }, { kind: 'FLAGS' }, { kind: 'INTERNALDATE' }]],
    ['ALL', [{ kind: 'FLAGS' }, { kind: 'INTERNALDATE' }, { kind: 'RFC822.SIZE' }, { kind: 'ENVELOPE' }]],
    ['fast', [{ kind: 'FLAGS' }, { kind: 'INTERNALDATE' }, { kind: 'RFC822.SIZE' }]],
    ['FULL', [{ kind: 'FLAGS' }, { kind: 'INTERNALDATE' }, { kind: 'RFC822.SIZE' }, { kind: 'ENVELOPE' }, { kind: 'BODY' }]],
    ['(ENVELOPE BODY BODYSTRUCTURE)', [{ kind: 'ENVELOPE' }, { kind: 'BODY' }, { kind: 'BODYSTRUCTURE' }]],
    ['(RFC822 RFC822.HEADER RFC822.TEXT)', [{ kind: 'RFC822' }, { kind: 'RFC822.HEADER' }, { kind: 'RFC822.TEXT' }]],
    ['BODY[]', [section([], '')]],
    ['BODY.PEEK[]', [section([], '', [], true)]],
    ['body[text]', [section([], 'TEXT')]],
    ['BODY[HEADER]', [section([], 'HEADER')]],
    ['BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]', [section([], 'HEADER.FIELDS', ['FROM', 'SUBJECT'], true)]],
    ['BODY[HEADER.FIELDS.NOT (Received "X-Spam Flag")]', [section([], 'HEADER.FIELDS.NOT', ['RECEIVED', 'X-SPAM FLAG'])]],
    ['BODY[1]', [section([1], '')]],
    ['BODY[2.1]', [section([2, 1], '')]],
    ['BODY[1.HEADER]', [section([1], 'HEADER')]],
    ['BODY[2.TEXT]', [section([2], 'TEXT')]],
    ['BODY[2.MIME]', [section([2], 'MIME')]],
    ['BODY[3.HEADER.FIELDS (To)]', [section([3], 'HEADER.FIELDS', ['TO'])]],
    ['BODY[TEXT]<0.10>', [section([], 'TEXT', [], false, { start: 0, count: 10 })]],
    ['BODY.PEEK[]<100.2048>', [section([], '', [], true, { start: 100, count: 2048 })]],
    ['BODY[]<5>', [section([], '', [], false, { start: 5, count: undefined })]],
    ['(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])', [{ kind: 'FLAGS' }, section([], 'HEADER.FIELDS', ['SUBJECT'], true)]],
    ['(BODY[1]<0.4> UID)', [section([1], '', [], false, { start: 0, count: 4 }), { kind: 'UID' }]],
    ['( FLAGS  UID )', [{ kind: 'FLAGS' }, { kind: 'UID' }]],
  ])('parses %s', (input, items) => {
    expect(parseFetchItems(input)).toEqual({ items });
  });

  test.each([
    ['(FLAGS', "Error in IMAP command FETCH: Missing ')'"],
    ['(FLAGS UID', "Error in IMAP command FETCH: Missing ')'"],
    ['(FLAGS ', "Error in IMAP command FETCH: Missing ')'"],
    ['FLAGS)', "Error in IMAP command FETCH: Unexpected ')'"],
    ['', 'Error in IMAP command FETCH: Invalid arguments.'],
    ['()', 'Error in IMAP command FETCH: FETCH list is empty.'],
    ['FOO', 'Error in IMAP command FETCH: Unknown parameter: FOO'],
    ['(FLAGS FROB)', 'Error in IMAP command FETCH: Unknown parameter: FROB'],
    ['(ALL)', 'Error in IMAP command FETCH: Unknown parameter: ALL'],
    ['BINARY[1]', 'Error in IMAP command FETCH: Unknown parameter: BINARY['],
    ['BODY.PEEK', "Error in IMAP command FETCH: Invalid BODY[..] parameter: Missing '['"],
    ['BODY[TEXT', "Error in IMAP command FETCH: Invalid BODY[..] parameter: Missing ']'"],
    ['BODY[FOO]', 'Error in IMAP command FETCH: Invalid BODY[..] section'],
    ['BODY[0]', 'Error in IMAP command FETCH: Invalid BODY[..] section'],
    ['BODY[1.]', 'Error in IMAP command FETCH: Invalid BODY[..] section'],
    ['BODY[MIME]', 'Error in IMAP command FETCH: Invalid BODY[..] section'],
    ['BODY[HEADER.FIELDS]', 'Error in IMAP command FETCH: Invalid BODY[..] section'],
    ['BODY[HEADER.FIELDS ()]', 'Error in IMAP command FETCH: Invalid BODY[..] section'],
    ['BODY[TEXT (FROM)]', 'Error in IMAP command FETCH: Invalid BODY[..] section'],
    ['BODY[HEADER.FIELDS (FROM]', "Error in IMAP command FETCH: Missing ')'"],
    ['BODY[]<1.2', "Error in IMAP command FETCH: Invalid BODY[..] parameter: Missing '>' in partial"],
    ['BODY[]<99999999999>', 'Error in IMAP command FETCH: Invalid BODY[..] parameter: Too big partial start'],
    ['BODY[]<0.10>x', "Error in IMAP command FETCH: Invalid BODY[..] parameter: Unexpected data after '>'"],
    ['BODY[]x', "Error in IMAP command FETCH: Invalid BODY[..] parameter: Unexpected data after ']'"],
    ['FLAGS UID', 'Error in IMAP command FETCH: Invalid arguments.'],
    ['FLAGS (CHANGEDSINCE 1)', 'Error in IMAP command FETCH: Unknown FETCH modifier'],
    ['(FLAGS "UID")', 'Error in IMAP command FETCH: FETCH list contains non-atoms.'],
    ['(FLAGS (UID))', 'Error in IMAP command FETCH: FETCH list contains non-atoms.'],
  ])('rejects %j', (input, error) => {
    expect(parseFetchItems(input)).toEqual({ error });
  });
});

describe('fetchSetsSeen', () => {
  const items = (s: string): FetchItem[] => {
    const r = parseFetchItems(s);
    if ('error' in r) throw new Error(r.error);
    return r.items;
  };

  test.each([
    ['BODY[]', true],
    ['BODY[TEXT]', true],
    ['(FLAGS BODY[HEADER.FIELDS (SUBJECT)])', true],
    ['RFC822', true],
    ['RFC822.TEXT', true],
    ['BODY.PEEK[]', false],
    ['BODY.PEEK[TEXT]<0.10>', false],
    ['RFC822.HEADER', false],
    ['(UID FLAGS ENVELOPE BODYSTRUCTURE BODY RFC822.SIZE)', false],
    ['FULL', false],
  ])('is %s for %s', (input, expected) => {
    expect(fetchSetsSeen(items(input as string))).toBe(expected);
  });
});
