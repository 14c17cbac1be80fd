import { describe, expect, test } from 'vitest';
import { beginLiteral, feedLiteral, literalLineLimit, MAX_COMMAND_OCTETS } from '../../../../src/protocols/imap/literal.ts';
import type { PendingLiteral } from '../../../../src/protocols/imap/session-state.ts';

const cmd = { tag: 'b5', verb: 'APPEND', line: 'b5 APPEND Drafts {103}' };

/** Feeds lines until the command line is complete; returns the assembled arguments and how many lines it took. */
function run(p: PendingLiteral, lines: string[]): { done: string | undefined; used: number; last: PendingLiteral } {
  let pending = p;
  for (let i = 0; i < lines.length; i++) {
    const r = feedLiteral(pending, lines[i]!);
    if ('done' in r) return { done: r.done, used: i + 1, last: pending };
    pending = r.pending;
  }
  return { done: undefined, used: lines.length, last: pending };
}

describe('feedLiteral', () => {
  test('counts five lines with their CRLFs as 103 octets, then takes the next line as the end of the command (A.11 b005)', () => {
    const lines = ['From: Alice <alice@example.test>', 'To: Bob <bob@example.test>', 'Subject: Draft', '', 'Unfinished thought...', ''];
    const r = run(beginLiteral(cmd, 'Drafts (\\Draft) {103}', { size: 103, sync: true }, false), lines);
    expect(r.used).toBe(6);
    expect(r.done).toBe('Drafts (\\Draft) {103}\r\nFrom: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>\r\nSubject: Draft\r\n\r\nUnfinished thought...\r\n');
  });

  test('ends the literal inside a line and keeps the rest as command text', () => {
    const r = run(beginLiteral({ tag: 'a', verb: 'LOGIN', line: 'a LOGIN {5}' }, '{5}', { size: 5, sync: true }, false), ['alice {10}']);
    expect(r).toMatchObject({ done: '{5}\r\nalice {10}', used: 1 });
  });

  test('reads a literal of zero octets and takes the next line as the rest', () => {
    const r = run(beginLiteral(cmd, 'X {0}', { size: 0, sync: false }, false), [' more']);
    expect(r).toMatchObject({ done: 'X {0}\r\n more', used: 1 });
  });

  test('ends between CR and LF with an empty rest', () => {
    const r = run(beginLiteral(cmd, 'X {4}', { size: 4, sync: false }, false), ['abc']);
    expect(r.done).toBe('X {4}\r\nabc\r');
  });

  test('keeps nothing but the rest when discarding', () => {
    const r = run(beginLiteral(cmd, '', { size: 8, sync: false }, true), ['012345', 'tail']);
    expect(r).toMatchObject({ done: 'tail', used: 2 });
  });

  test('raises the line limit by what the literal still needs', () => {
    const p = beginLiteral(cmd, 'X {1000000}', { size: 1000000, sync: true }, false);
    expect(literalLineLimit(p)).toBe(MAX_COMMAND_OCTETS + 1000000);
    expect(literalLineLimit(undefined)).toBe(MAX_COMMAND_OCTETS);
  });
});
