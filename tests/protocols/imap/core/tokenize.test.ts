import { describe, expect, test } from 'vitest';
import { isValidTag, literalsToQuoted, openLiteral, scanArgs, splitCommandLine } from '../../../../src/protocols/imap/tokenize.ts';

describe('splitCommandLine', () => {
  test.each([
    ['a001 LOGIN alice wonderland', { tag: 'a001', verb: 'LOGIN', args: 'alice wonderland' }],
    ['a1 noop', { tag: 'a1', verb: 'NOOP', args: '' }],
    ['a2 UID FETCH 1:* FLAGS', { tag: 'a2', verb: 'UID', args: 'FETCH 1:* FLAGS' }],
    ['From: Alice <alice@example.test>', { tag: 'From:', verb: 'ALICE', args: '<alice@example.test>' }],
    ['Unfinished thought...', { tag: 'Unfinished', verb: 'THOUGHT...', args: '' }],
    ['', { tag: undefined, verb: '', args: '' }],
    ['a(1 NOOP', { tag: undefined, verb: 'NOOP', args: '' }],
    ['lonely', { tag: 'lonely', verb: '', args: '' }],
  ])('splits %j', (line, expected) => {
    expect(splitCommandLine(line)).toEqual(expected);
  });
});

describe('isValidTag', () => {
  test.each([
    ['a001', true], ['A.1', true], ['tag]', true], ['tag/', true], ['x}', true],
    ['tag+', false], ['tag*', false], ['tag%', false], ['t"g', false], ['t\\g', false], ['t(g', false], ['t{g', false],
    ['', false], ['t\x01', false], ['t\x80', false], ['x'.repeat(101), false],
  ])('%j is %s', (tag, valid) => {
    expect(isValidTag(tag)).toBe(valid);
  });
});

describe('scanArgs', () => {
  test.each([
    ['alice wonderland', [{ kind: 'atom', value: 'alice' }, { kind: 'atom', value: 'wonderland' }]],
    ['"alice" "won der\\"land"', [{ kind: 'string', value: 'alice', literal: false }, { kind: 'string', value: 'won der"land', literal: false }]],
    ['INBOX (MESSAGES UNSEEN)', [{ kind: 'atom', value: 'INBOX' }, { kind: 'list', items: [{ kind: 'atom', value: 'MESSAGES' }, { kind: 'atom', value: 'UNSEEN' }] }]],
    ['"" "*"', [{ kind: 'string', value: '', literal: false }, { kind: 'string', value: '*', literal: false }]],
    ['1:* +FLAGS (\\Seen $Forwarded)', [{ kind: 'atom', value: '1:*' }, { kind: 'atom', value: '+FLAGS' }, { kind: 'list', items: [{ kind: 'atom', value: '\\Seen' }, { kind: 'atom', value: '$Forwarded' }] }]],
    ['{5}\r\nalice {10+}\r\nwonderland', [{ kind: 'string', value: 'alice', literal: true }, { kind: 'string', value: 'wonderland', literal: true }]],
    ['Drafts {0}\r\n', [{ kind: 'atom', value: 'Drafts' }, { kind: 'string', value: '', literal: true }]],
    ['', []],
  ])('reads %j', (text, tokens) => {
    expect(scanArgs(text)).toEqual({ tokens });
  });

  test.each([
    ['(a b', "Missing ')'"],
    ['a)', "Unexpected ')'"],
    ['"open', "Missing '\"'"],
    ['"bad \\x escape"', "Missing '\"'"],
    ['caf\xe9', 'Invalid characters in atom'],
    ['{5}xx', 'Missing CRLF after literal'],
    ['{9}\r\nshort', 'Literal shorter than announced'],
  ])('refuses %j', (text, error) => {
    expect(scanArgs(text)).toEqual({ error });
  });

  test.each([
    ['Drafts (\\Draft) {103}', { size: 103, sync: true }],
    ['INBOX {93+}', { size: 93, sync: false }],
    ['{5}', { size: 5, sync: true }],
    ['{5}\r\nalice {10}', { size: 10, sync: true }],
    ['(a {3}', { size: 3, sync: true }],
  ])('finds the open literal of %j', (text, open) => {
    expect(openLiteral(text)).toEqual(open);
  });

  test.each(['alice wonderland', '"x {5}"', '{5}\r\nalice', 'a{5}', '{99999999999}', '{5-}'])('finds no open literal in %j', (text) => {
    expect(openLiteral(text)).toBeUndefined();
  });
});

describe('literalsToQuoted', () => {
  test.each([
    ['FROM {5}\r\ncarol', 'FROM "carol"'],
    ['SUBJECT {4+}\r\na"\\b BODY x', 'SUBJECT "a\\"\\\\b" BODY x'],
    ['SUBJECT "{5}" ALL', 'SUBJECT "{5}" ALL'],
    ['1 BODY[HEADER.FIELDS (FROM)]', '1 BODY[HEADER.FIELDS (FROM)]'],
  ])('rewrites %j', (text, expected) => {
    expect(literalsToQuoted(text)).toBe(expected);
  });
});
