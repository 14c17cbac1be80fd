/**
 * IMAP in the one server pattern: a command's world changes (flags, new messages, expunges, mailboxes) are
 * declared by the pure step as effects and made once by the session after the machine has recorded the decision.
 * Each case spies on the step and the world: while the step decides, the world is untouched; after the line, each
 * change was made exactly once, and the reply is what it always was. Counted with spies, no clock.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../src/machines/servers.ts';
import { imapDriver } from '../../src/machines/imap-session.driver.ts';
import { openSession, type Session } from '../../src/machines/session.ts';
import type { ImapEffect } from '../../src/protocols/imap/effects.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

const CHANGES = ['setFlags', 'expunge', 'createMailbox', 'deleteMailbox', 'renameMailbox', 'append', 'storePlanned'] as const;

/** A logged-in IMAP session on a fresh world, with INBOX selected unless `select` is false. */
function loggedIn(select = true): { world: MailWorld; session: Session } {
  const world = new MailWorld({ seed: 1 });
  const session = openSession(world, 'imap', 993);
  session.send('a LOGIN alice wonderland');
  if (select) session.send('b SELECT INBOX');
  return { world, session };
}

/** Sends `line`; gives the replies, the effects the step declared, and the world calls made during and after the step. */
function run(world: MailWorld, session: Session, line: string) {
  const spies = Object.fromEntries(CHANGES.map((m) => [m, vi.spyOn(world, m)])) as unknown as Record<(typeof CHANGES)[number], { mock: { calls: unknown[][] } }>;
  const callsNow = () => Object.fromEntries(CHANGES.map((m) => [m, spies[m].mock.calls.length]).filter(([, n]) => n !== 0));
  const decide = imapDriver.decide!.bind(imapDriver);
  let duringStep: Record<string, number> | undefined;
  let effects: readonly ImapEffect[] = [];
  const step = vi.spyOn(imapDriver, 'decide').mockImplementation((event, snapshot) => {
    const decision = decide(event, snapshot);
    duringStep = callsNow();
    effects = decision.effects as readonly ImapEffect[];
    return decision;
  });
  const replies = session.send(line).replies;
  const after = callsNow();
  const decisions = step.mock.calls.length;
  vi.restoreAllMocks();
  return { replies, effects: effects.map((e) => e.kind), duringStep, after, decisions };
}

afterEach(() => vi.restoreAllMocks());

describe('IMAP declares its world changes and the session makes them once', () => {
  test('STORE: the flags are planned in the step, stored once after it, and echoed as stored', () => {
    const { world, session } = loggedIn();
    const r = run(world, session, 'c STORE 1 +FLAGS (\\Flagged $Todo)');
    expect(r.decisions).toBe(1);
    expect(r.effects).toEqual(['flags']);
    expect(r.duringStep).toEqual({});
    expect(r.after).toEqual({ setFlags: 1 });
    expect(r.replies.at(-1)).toBe('c OK Store completed.');
    expect(r.replies).toContain('* 1 FETCH (FLAGS (\\Flagged \\Seen \\Recent $Todo))');
    expect([...world.mailbox('alice', 'INBOX')!.messages[0]!.flags]).toEqual(['\\Seen', '\\Flagged', '$Todo']);
    // The next command shows what is stored, not a leftover plan.
    expect(session.send('d FETCH 1 (FLAGS)').replies[0]).toBe('* 1 FETCH (FLAGS (\\Flagged \\Seen \\Recent $Todo))');
  });

  test('FETCH BODY[]: the implicit \\Seen is one declared flag change, reported in the same response', () => {
    const { world, session } = loggedIn();
    expect(world.mailbox('alice', 'INBOX')!.messages[1]!.flags.has('\\Seen')).toBe(false);
    const r = run(world, session, 'c FETCH 2 (BODY[HEADER.FIELDS (SUBJECT)])');
    expect(r.effects).toEqual(['flags']);
    expect(r.duringStep).toEqual({});
    expect(r.after).toEqual({ setFlags: 1 });
    expect(r.replies[0]).toMatch(/^\* 2 FETCH \(FLAGS \(\\Seen \\Recent\) BODY\[HEADER\.FIELDS \(SUBJECT\)\] \{\d+\}$/);
    expect(world.mailbox('alice', 'INBOX')!.messages[1]!.flags.has('\\Seen')).toBe(true);
  });

  test('EXPUNGE: the step reports the removals, the world loses them once after it', () => {
    const { world, session } = loggedIn();
    session.send('c STORE 1 +FLAGS.SILENT (\\Deleted)');
    const before = world.mailbox('alice', 'INBOX')!.messages.length;
    const r = run(world, session, 'd EXPUNGE');
    expect(r.effects).toEqual(['expunge']);
    expect(r.duringStep).toEqual({});
    expect(r.after).toEqual({ expunge: 1 });
    expect(r.replies).toEqual(['* 1 EXPUNGE', '* 2 RECENT', 'd OK Expunge completed.']);
    expect(world.mailbox('alice', 'INBOX')!.messages).toHaveLength(before - 1);
  });

  test('APPEND: the message is planned with the UID the store gives it, stored once after the step', () => {
    const { world, session } = loggedIn();
    const inbox = world.mailbox('alice', 'INBOX')!;
    const next = inbox.uidNext;
    expect(session.send('c APPEND INBOX (\\Flagged) {5}').replies).toEqual(['+ OK']);
    const r = run(world, session, 'hello');
    expect(r.effects).toEqual(['store']);
    expect(r.duringStep).toEqual({});
    expect(r.after).toEqual({ storePlanned: 1 });
    expect(r.replies).toEqual(['* 4 EXISTS', '* 4 RECENT', `c OK [APPENDUID ${inbox.uidValidity} ${next}] Append completed.`]);
    expect(inbox.messages.at(-1)).toMatchObject({ uid: next, raw: 'hello' });
    expect(inbox.uidNext).toBe(next + 1);
  });

  test('COPY and MOVE: each copy planned and stored once, in order, and MOVE expunges after storing', () => {
    const { world, session } = loggedIn();
    const archive = world.mailbox('alice', 'Archive')!;
    const copy = run(world, session, 'c COPY 1:2 Archive');
    expect(copy.effects).toEqual(['store', 'store']);
    expect(copy.duringStep).toEqual({});
    expect(copy.after).toEqual({ storePlanned: 2 });
    expect(copy.replies).toEqual([`c OK [COPYUID ${archive.uidValidity} 1:2 1:2] Copy completed.`]);
    const move = run(world, session, 'd MOVE 3 Archive');
    expect(move.effects).toEqual(['store', 'expunge']);
    expect(move.duringStep).toEqual({});
    expect(move.after).toEqual({ storePlanned: 1, expunge: 1 });
    expect(move.replies[0]).toBe(`* OK [COPYUID ${archive.uidValidity} 3 3] Moved UIDs.`);
    expect(archive.messages.map((m) => m.uid)).toEqual([1, 2, 3]);
  });

  test('CLOSE: the silent expunge is declared, made once, and the session is back to authenticated', () => {
    const { world, session } = loggedIn();
    session.send('c STORE 1:2 +FLAGS.SILENT (\\Deleted)');
    const before = world.mailbox('alice', 'INBOX')!.messages.length;
    const r = run(world, session, 'd CLOSE');
    expect(r.effects).toEqual(['expunge']);
    expect(r.duringStep).toEqual({});
    expect(r.after).toEqual({ expunge: 1 });
    expect(r.replies).toEqual(['d OK Close completed.']);
    expect(session.view().state).toBe('authenticated');
    expect(world.mailbox('alice', 'INBOX')!.messages).toHaveLength(before - 2);
  });

  test('CREATE, RENAME, SUBSCRIBE and DELETE: each declared, each made once', () => {
    const { world, session } = loggedIn(false);
    const create = run(world, session, 'c CREATE Projects');
    expect([create.effects, create.duringStep, create.after, create.replies]).toEqual([['create'], {}, { createMailbox: 1 }, ['c OK Create completed.']]);
    const rename = run(world, session, 'd RENAME Projects Work');
    expect([rename.effects, rename.duringStep, rename.after, rename.replies]).toEqual([['rename'], {}, { renameMailbox: 1 }, ['d OK Rename completed.']]);
    const unsubscribe = run(world, session, 'e UNSUBSCRIBE Work');
    expect([unsubscribe.effects, unsubscribe.replies]).toEqual([['subscribe'], ['e OK Unsubscribe completed.']]);
    expect(world.mailbox('alice', 'Work')?.subscribed).toBe(false);
    const subscribe = run(world, session, 'e SUBSCRIBE Work');
    expect([subscribe.effects, subscribe.replies]).toEqual([['subscribe'], ['e OK Subscribe completed.']]);
    expect(world.mailbox('alice', 'Work')?.subscribed).toBe(true);
    const remove = run(world, session, 'f DELETE Work');
    expect([remove.effects, remove.duringStep, remove.after, remove.replies]).toEqual([['delete'], {}, { deleteMailbox: 1 }, ['f OK Delete completed.']]);
    expect(world.mailbox('alice', 'Work')).toBeUndefined();
  });

  test('RENAME INBOX while INBOX is selected: the step reports every message gone, the world moves them once', () => {
    const { world, session } = loggedIn();
    const n = world.mailbox('alice', 'INBOX')!.messages.length;
    const r = run(world, session, 'c RENAME INBOX Old');
    expect(r.effects).toEqual(['rename']);
    expect(r.duringStep).toEqual({});
    expect(r.after).toMatchObject({ renameMailbox: 1, expunge: 1, append: n });
    expect(r.replies).toEqual([...Array.from({ length: n }, () => '* 1 EXPUNGE'), `* 0 RECENT`, 'c OK Rename completed.']);
    expect(world.mailbox('alice', 'Old')!.messages).toHaveLength(n);
  });

  test('a refused or failing command declares nothing and changes nothing', () => {
    const { world, session } = loggedIn();
    for (const line of ['c CREATE INBOX', 'd DELETE Nope', 'e STORE 99 +FLAGS (\\Seen)', 'f EXAMINE INBOX', 'g STORE 1 +FLAGS (\\Seen)', 'h EXPUNGE']) {
      const r = run(world, session, line);
      expect(r.effects, line).toEqual([]);
      expect(r.after, line).toEqual({});
    }
  });
});
