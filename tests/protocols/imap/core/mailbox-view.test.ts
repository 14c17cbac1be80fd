import { describe, expect, test } from 'vitest';
import { MailboxView } from '../../../../src/protocols/imap/mailbox-view.ts';
import { MailWorld } from '../../../../src/protocols/shared/world.ts';

const raw = 'Subject: x\r\n\r\nbody\r\n';

function setup() {
  const world = new MailWorld();
  const inbox = world.mailbox('alice', 'INBOX')!;
  return { world, inbox };
}

describe('MailboxView', () => {
  test('lets the first read-write selection claim every unseen-by-anyone message as \\Recent', () => {
    const { world, inbox } = setup();
    const first = new MailboxView(world, 'alice', inbox, 's1', false);
    const second = new MailboxView(world, 'alice', inbox, 's2', false);
    expect(first.selectLines()).toContain('* 3 RECENT');
    expect(second.selectLines()).toContain('* 0 RECENT');
    expect(inbox.messages.map((m) => m.recentOwner)).toEqual(['s1', 's1', 's1']);
  });

  test('shows unclaimed messages as recent under EXAMINE without claiming them', () => {
    const { world, inbox } = setup();
    const examined = new MailboxView(world, 'alice', inbox, 's1', true);
    expect(examined.selectLines()).toEqual([
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
      '* OK [PERMANENTFLAGS ()] Read-only mailbox.',
      '* 3 EXISTS',
      '* 3 RECENT',
      '* OK [UNSEEN 2] First unseen.',
      `* OK [UIDVALIDITY ${inbox.uidValidity}] UIDs valid`,
      '* OK [UIDNEXT 4] Predicted next UID',
    ]);
    expect(inbox.messages.every((m) => m.recentOwner === undefined)).toBe(true);
  });

  test('leaves \\Recent to the appending session when it has the mailbox selected', () => {
    const { world, inbox } = setup();
    const watcher = new MailboxView(world, 'alice', inbox, 's1', false);
    const appender = new MailboxView(world, 'alice', inbox, 's2', false);
    const m = world.append('alice', 'INBOX', raw, [], undefined, 's2')!;
    watcher.note({ kind: 'append', user: 'alice', mailbox: 'INBOX', uid: m.uid, origin: 's2' });
    appender.learn(m);
    expect(watcher.flush(true)).toEqual(['* 4 EXISTS']);
    expect(appender.flush(true)).toEqual(['* 4 EXISTS', '* 1 RECENT']);
    expect(m.recentOwner).toBe('s2');
  });

  test('claims mail delivered by SMTP (no origin) when it learns of it', () => {
    const { world, inbox } = setup();
    const view = new MailboxView(world, 'alice', inbox, 's1', false);
    const m = world.append('alice', 'INBOX', raw)!;
    view.note({ kind: 'append', user: 'alice', mailbox: 'INBOX', uid: m.uid, origin: undefined });
    expect(view.flush(false)).toEqual(['* 4 EXISTS', '* 4 RECENT']);
  });

  test('withholds EXPUNGE when asked and keeps the old numbering until it is sent', () => {
    const { world, inbox } = setup();
    const view = new MailboxView(world, 'alice', inbox, 's1', true);
    world.setFlags('alice', 'INBOX', 3, ['\\Flagged'], 's2');
    view.note({ kind: 'flags', user: 'alice', mailbox: 'INBOX', uid: 3, origin: 's2' });
    world.expunge('alice', 'INBOX', [2], 's2');
    view.note({ kind: 'expunge', user: 'alice', mailbox: 'INBOX', uid: 2, origin: 's2' });
    expect(view.flush(false)).toEqual(['* 3 FETCH (FLAGS (\\Flagged \\Recent))']);
    expect(view.seqOf(3)).toBe(3);
    expect(view.flush(true)).toEqual(['* 2 EXPUNGE', '* 2 RECENT']);
    expect(view.seqOf(3)).toBe(2);
  });

  test('numbers successive EXPUNGEs as the RFC 3501 §6.4.3 example does', () => {
    const { world, inbox } = setup();
    for (let i = 0; i < 3; i++) world.append('alice', 'INBOX', raw);
    const view = new MailboxView(world, 'alice', inbox, 's1', false);
    view.expunged([2, 3, 5]);
    expect(view.flush(true)).toEqual(['* 2 EXPUNGE', '* 2 EXPUNGE', '* 3 EXPUNGE', '* 3 RECENT']);
  });

  test('never announces a message that came and went before it was reported', () => {
    const { world, inbox } = setup();
    const view = new MailboxView(world, 'alice', inbox, 's1', false);
    const m = world.append('alice', 'INBOX', raw, [], undefined, 's2')!;
    view.note({ kind: 'append', user: 'alice', mailbox: 'INBOX', uid: m.uid, origin: 's2' });
    view.note({ kind: 'expunge', user: 'alice', mailbox: 'INBOX', uid: m.uid, origin: 's2' });
    expect(view.flush(true)).toEqual([]);
  });

  test('announces a new keyword with FLAGS and PERMANENTFLAGS before the flag change', () => {
    const { world, inbox } = setup();
    const view = new MailboxView(world, 'alice', inbox, 's1', false);
    world.setFlags('alice', 'INBOX', 1, ['\\Seen', '$Forwarded'], 's2');
    view.note({ kind: 'flags', user: 'alice', mailbox: 'INBOX', uid: 1, origin: 's2' });
    expect(view.flush(true)).toEqual([
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)',
      '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded \\*)] Flags permitted.',
      '* 1 FETCH (FLAGS (\\Seen \\Recent $Forwarded))',
    ]);
  });

  test('ignores changes to other mailboxes and other users', () => {
    const { world, inbox } = setup();
    const view = new MailboxView(world, 'alice', inbox, 's1', false);
    world.append('alice', 'Sent', raw);
    view.note({ kind: 'append', user: 'alice', mailbox: 'Sent', uid: 1, origin: undefined });
    view.note({ kind: 'expunge', user: 'bob', mailbox: 'INBOX', uid: 1, origin: undefined });
    view.note({ kind: 'mailboxes', user: 'alice', origin: undefined });
    expect(view.hasPending).toBe(false);
  });
});
