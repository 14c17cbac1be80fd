import { describe, expect, test } from 'vitest';
import { parseDateTime } from '../../../../src/protocols/imap/commands/append.ts';
import { parseFlags } from '../../../../src/protocols/imap/flags.ts';
import { scanArgs, type ImapToken } from '../../../../src/protocols/imap/tokenize.ts';

const tokens = (text: string) => (scanArgs(text) as { tokens: ImapToken[] }).tokens;

describe('parseFlags', () => {
  test.each([
    ['\\seen \\FLAGGED', ['\\Seen', '\\Flagged']],
    ['$Forwarded \\Draft $Forwarded', ['$Forwarded', '\\Draft']],
    ['', []],
  ])('reads %j', (text, flags) => {
    expect(parseFlags(tokens(text))).toEqual({ flags });
  });

  test.each([
    ['\\Recent', 'Invalid system flag \\RECENT'],
    ['\\Important', 'Invalid system flag \\IMPORTANT'],
    ['"quoted"', 'Flags list contains non-atoms.'],
    ['(nested)', 'Flags list contains non-atoms.'],
    ['bad]word', 'Invalid keyword bad]word'],
  ])('refuses %j', (text, error) => {
    expect(parseFlags(tokens(text))).toEqual({ error });
  });
});

describe('parseDateTime', () => {
  test.each([
    ['21-Nov-2026 09:00:01 +0000', '2026-11-21T09:00:01.000Z'],
    [' 1-Jan-2026 10:00:00 +0100', '2026-01-01T09:00:00.000Z'],
    ['1-jan-2026 00:00:00 -0230', '2026-01-01T02:30:00.000Z'],
    ['29-Feb-2028 12:00:00 +0000', '2028-02-29T12:00:00.000Z'],
  ])('reads %j', (text, iso) => {
    expect(parseDateTime(text)?.toISOString()).toBe(iso);
  });

  test.each(['2026-11-21 09:00:01', '31-Nov-2026 09:00:00 +0000', '29-Feb-2026 09:00:00 +0000', '21-Nov-2026 24:00:00 +0000', '21-Xyz-2026 09:00:00 +0000', '21-Nov-2026 09:00:00'])(
    'refuses %j',
    (text) => {
      expect(parseDateTime(text)).toBeUndefined();
    },
  );
});
