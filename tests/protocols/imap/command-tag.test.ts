import { describe, expect, test } from 'vitest';
import { hasOwnTag, IMAP_COMMAND_NAMES } from '../../../src/protocols/imap/command-tag.ts';
import { IMAP_VERBS } from '../../../src/protocols/imap/commands/dispatch.ts';

describe('hasOwnTag', () => {
  test.each([
    ['a9 NOOP', true],
    ['x1 uid fetch 1:* FLAGS', true],
    ['A001 LOGIN alice wonderland', true],
    ['tag.7 select INBOX', true],
    ['NOOP', false],
    ['LOGIN alice wonderland', false],
    ['UID FETCH 1:* FLAGS', false],
    ['select INBOX', false],
    ['a9', false],
    ['a9 HELLO', false],
    ['* NOOP', false],
    ['a+ NOOP', false],
    ['', false],
    [' a9 NOOP', false],
  ])('%j: %s', (line, expected) => {
    expect(hasOwnTag(line)).toBe(expected);
  });

  test('knows exactly the commands the server knows', () => {
    expect([...IMAP_COMMAND_NAMES].sort()).toEqual([...IMAP_VERBS].sort());
  });
});
