/**
 * How IMAP commands grow with the mailbox, counted rather than timed: every read of a message list (the world's
 * mailbox and the session's numbering) is counted through a proxy, at 1,000 and at 4,000 messages. A command that
 * is linear (or n log n, for lookups by UID) reads a few dozen entries per message at most; a quadratic one would
 * read thousands. NOOP reads none at all.
 */
import { describe, expect, test } from 'vitest';
import { runCommand } from '../../../../src/protocols/imap/commands/dispatch.ts';
import { performImapEffects } from '../../../../src/protocols/imap/effects.ts';
import { MailboxView } from '../../../../src/protocols/imap/mailbox-view.ts';
import type { ImapState } from '../../../../src/protocols/imap/session-state.ts';
import { MailWorld, type StoredMessage } from '../../../../src/protocols/shared/world.ts';

const message = (i: number) => `From: s${i % 7}@example.net\r\nSubject: report ${i}\r\n\r\nLine of message ${i}.\r\n`;

function selected(n: number): { world: MailWorld; state: ImapState; other: MailboxView } {
  const world = new MailWorld();
  for (let i = 0; i < n; i++) world.append('alice', 'Archive', message(i), i % 3 === 0 ? ['\\Seen'] : []);
  const box = world.mailbox('alice', 'Archive')!;
  const view = new MailboxView(world, 'alice', box, 's1', false);
  // A second session with the mailbox selected, told of every change the first one makes.
  const other = new MailboxView(world, 'alice', box, 's2', false);
  world.subscribe((change) => {
    if (change.origin !== 's2') other.note(change);
  });
  const state: ImapState = { world, sessionId: 's1', tls: true, user: 'alice', view, badCount: 0, literal: undefined, saslTag: undefined, idleTag: undefined };
  return { world, state, other };
}

/** An array that counts reads of its entries. */
function counting(list: StoredMessage[], counter: { reads: number }): StoredMessage[] {
  return new Proxy(list, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) counter.reads += 1;
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** Runs one command line and returns how many message entries it read, in both sessions' lists and the world's. */
function reads(s: { world: MailWorld; state: ImapState; other: MailboxView }, line: string): number {
  const counter = { reads: 0 };
  const box = s.world.mailbox('alice', 'Archive')!;
  const view = s.state.view!;
  box.messages = counting(box.messages, counter);
  view.messages = counting(view.messages, counter);
  s.other.messages = counting(s.other.messages, counter);
  const [tag, verb, ...rest] = line.split(' ');
  const out = runCommand(s.state, { tag, verb: verb!, args: rest.join(' '), line });
  // The session makes the command's world changes once it has recorded the decision.
  performImapEffects(out.effects ?? [], s.world, 's1');
  s.other.flush(true);
  expect(out.reply.at(-1), line).toMatch(new RegExp(`^${tag} OK`));
  return counter.reads;
}

const COMMANDS = [
  'a UID FETCH 1:* (FLAGS)',
  'a FETCH 1:* (UID FLAGS RFC822.SIZE)',
  'a SEARCH UNSEEN',
  'a UID SEARCH UID 1:100,200:300,500:*',
  'a SEARCH SUBJECT "report 7" NOT TEXT nothing',
  'a STORE 1:* +FLAGS (\\Seen)',
  'a UID STORE 1:* +FLAGS.SILENT (\\Flagged $Label)',
  'a COPY 1:* Drafts',
  'a UID EXPUNGE 1:*',
];

describe('IMAP commands against the mailbox size', () => {
  test.each(COMMANDS)('%s reads a bounded number of entries per message', (line) => {
    const perMessage = [1000, 4000].map((n) => reads(selected(n), line) / n);
    expect(perMessage[1], `${perMessage}`).toBeLessThan(80);
    // Linear, or n log n at worst: the per-message cost barely grows with four times the mail.
    expect(perMessage[1]! / Math.max(perMessage[0]!, 1)).toBeLessThan(1.6);
  });

  test('EXPUNGE of 10% reads a bounded number of entries per message, in both sessions', () => {
    const perMessage = [1000, 4000].map((n) => {
      const s = selected(n);
      reads(s, `a STORE 1:${n / 10} +FLAGS.SILENT (\\Deleted)`);
      return reads(s, 'a EXPUNGE') / n;
    });
    expect(perMessage[1], `${perMessage}`).toBeLessThan(80);
    expect(perMessage[1]! / Math.max(perMessage[0]!, 1)).toBeLessThan(1.6);
  });

  test('NOOP reads no message at all, however large the mailbox', () => {
    for (const n of [1000, 4000]) expect(reads(selected(n), 'a NOOP')).toBe(0);
  });

  test('still reports the same updates: expunges in order, new keywords, flags and counts', () => {
    const s = selected(20);
    reads(s, 'a STORE 2,5,9 +FLAGS.SILENT (\\Deleted)');
    reads(s, 'a STORE 1 +FLAGS.SILENT ($New)');
    expect(s.other.flush(true)).toEqual([]);
    const out = runCommand(s.state, { tag: 'b', verb: 'EXPUNGE', args: '', line: 'b EXPUNGE' });
    performImapEffects(out.effects ?? [], s.world, 's1');
    // Each number counts the removals before it (RFC 3501 §7.4.1); this session held \Recent for all 20.
    expect(out.reply).toEqual(['* 2 EXPUNGE', '* 4 EXPUNGE', '* 7 EXPUNGE', '* 17 RECENT', 'b OK Expunge completed.']);
    // The other session learned of the keyword and the flags before, and now of the expunges.
    expect(s.other.messages).toHaveLength(20);
    expect(s.other.flush(true)).toEqual(['* 2 EXPUNGE', '* 4 EXPUNGE', '* 7 EXPUNGE']);
    expect(s.other.messages).toHaveLength(17);
  });
});
