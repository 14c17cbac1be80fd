import { describe, expect, test } from 'vitest';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { headerValue, splitMessage, toLines } from '../../../src/protocols/shared/message.ts';
import { parsePlain, decodeBase64, LOGIN_CHALLENGES } from '../../../src/protocols/shared/sasl.ts';
import { imapDateTime, rfc5322Date } from '../../../src/protocols/shared/clock.ts';

const envelope = (recipients: string[]) => ({ from: 'carol@sender.example', recipients, helo: 'mx1.sender.example', clientAddress: '192.0.2.25', withProtocol: 'ESMTPS' });

describe('MailWorld', () => {
  test('starts with alice and bob, five special-use mailboxes each', () => {
    const world = new MailWorld();
    expect([...world.users.keys()]).toEqual(['alice', 'bob']);
    const boxes = [...world.user('alice')!.mailboxes.values()].map((b) => [b.name, b.specialUse]);
    expect(boxes).toEqual([['INBOX', undefined], ['Sent', '\\Sent'], ['Drafts', '\\Drafts'], ['Trash', '\\Trash'], ['Archive', '\\Archive']]);
  });

  test("fills alice's INBOX with a plain, a multipart and a dot-line message, the first one read", () => {
    const inbox = new MailWorld().mailbox('alice', 'INBOX')!;
    expect(inbox.messages.map((m) => headerValue(m.raw, 'Subject'))).toEqual(['Welcome to example.test', "Minutes of Thursday's meeting", 'Dots']);
    expect(inbox.messages.map((m) => [...m.flags])).toEqual([['\\Seen'], [], []]);
    expect(headerValue(inbox.messages[1]!.raw, 'Content-Type')).toMatch(/^multipart\/mixed; boundary=/);
    expect(toLines(splitMessage(inbox.messages[2]!.raw).body)).toEqual(['Line one.', '.', '.hidden', 'The two lines above begin with a dot.']);
    expect(inbox.uidNext).toBe(4);
  });

  test('stores messages with CRLF line ends and counts their size in octets', () => {
    const m = new MailWorld().mailbox('alice', 'INBOX')!.messages[0]!;
    expect(m.raw.includes('\n') && !/[^\r]\n/.test(m.raw)).toBe(true);
    expect(m.size).toBe(m.raw.length);
  });

  test('is deterministic under a seed and differs between seeds', () => {
    const a = new MailWorld({ seed: 7 });
    const b = new MailWorld({ seed: 7 });
    const c = new MailWorld({ seed: 8 });
    expect(a.mailbox('alice', 'INBOX')!.uidValidity).toBe(b.mailbox('alice', 'INBOX')!.uidValidity);
    expect(a.newQueueId()).toBe(b.newQueueId());
    expect(a.mailbox('alice', 'INBOX')!.uidValidity).not.toBe(c.mailbox('alice', 'INBOX')!.uidValidity);
    expect(a.newQueueId()).toMatch(/^[0-9A-F]{11}$/);
  });

  test('matches INBOX case-insensitively and other mailboxes exactly', () => {
    const world = new MailWorld();
    expect(world.mailbox('alice', 'inbox')?.name).toBe('INBOX');
    expect(world.mailbox('alice', 'sent')).toBeUndefined();
  });

  test('treats local parts as case-sensitive and accepts postmaster', () => {
    const world = new MailWorld();
    expect(world.localRecipient('bob@EXAMPLE.test')?.name).toBe('bob');
    expect(world.localRecipient('Bob@example.test')).toBeUndefined();
    expect(world.localRecipient('PostMaster@example.test')?.name).toBe('alice');
    expect(world.localRecipient('bob@elsewhere.example')).toBeUndefined();
  });

  test('delivers local mail with trace headers and queues remote mail with its next hop', () => {
    const world = new MailWorld();
    const result = world.deliver(envelope(['bob@example.test', 'dave@elsewhere.example']), 'Subject: Hi\r\n\r\nHello\r\n');
    expect(result.delivered).toEqual(['bob@example.test']);
    const got = world.mailbox('bob', 'INBOX')!.messages.at(-1)!;
    expect(got.raw).toMatch(/^Return-Path: <carol@sender\.example>\r\nReceived: from mx1\.sender\.example \(mx1\.sender\.example \[192\.0\.2\.25\]\)\r\n\tby mail\.example\.test \(Mailwire\) with ESMTPS id [0-9A-F]{11}\r\n\tfor <bob@example\.test>; /);
    expect(got.raw.endsWith('Subject: Hi\r\n\r\nHello\r\n')).toBe(true);
    expect(world.outbound).toHaveLength(1);
    expect(world.outbound[0]).toMatchObject({ to: ['dave@elsewhere.example'], domain: 'elsewhere.example', queueId: result.queueId });
    expect(world.outbound[0]!.nextHop).toMatch(/MX records of elsewhere\.example.*port 25/);
  });

  test('gives every new message the next UID and announces changes with their origin', () => {
    const world = new MailWorld();
    const seen: string[] = [];
    world.subscribe((c) => seen.push(`${c.kind}:${'uid' in c ? c.uid : ''}:${c.origin ?? '-'}`));
    const m = world.append('alice', 'INBOX', 'Subject: x\r\n\r\n', ['\\Draft'], undefined, 's9')!;
    expect(m.uid).toBe(4);
    world.setFlags('alice', 'INBOX', 4, ['\\Seen'], 's9');
    world.setFlags('alice', 'INBOX', 4, ['\\Seen'], 's9'); // no change, no event
    expect(world.expunge('alice', 'INBOX', [4, 99])).toEqual([4]);
    expect(seen).toEqual(['append:4:s9', 'flags:4:s9', 'expunge:4:-']);
    expect(world.mailbox('alice', 'INBOX')!.uidNext).toBe(5);
  });

  test('creates, renames and deletes mailboxes but never deletes INBOX', () => {
    const world = new MailWorld();
    expect(world.createMailbox('alice', 'Projects')).toBe(true);
    expect(world.createMailbox('alice', 'Projects')).toBe(false);
    const validity = world.mailbox('alice', 'Projects')!.uidValidity;
    expect(world.renameMailbox('alice', 'Projects', 'Work')).toBe(true);
    expect(world.mailbox('alice', 'Work')!.uidValidity).toBe(validity);
    expect(world.deleteMailbox('alice', 'INBOX')).toBe(false);
    expect(world.deleteMailbox('alice', 'Work')).toBe(true);
  });

  test('renaming INBOX moves its messages and leaves INBOX empty (RFC 3501 §6.3.5)', () => {
    const world = new MailWorld();
    expect(world.renameMailbox('alice', 'INBOX', 'Old')).toBe(true);
    expect(world.mailbox('alice', 'INBOX')!.messages).toHaveLength(0);
    expect(world.mailbox('alice', 'Old')!.messages).toHaveLength(3);
  });

  test('lets one POP3 session at a time hold a maildrop lock', () => {
    const world = new MailWorld();
    expect(world.lockMaildrop('bob', 's1')).toBe(true);
    expect(world.lockMaildrop('bob', 's2')).toBe(false);
    world.unlockMaildrop('bob', 's2');
    expect(world.lockMaildrop('bob', 's2')).toBe(false);
    world.unlockMaildrop('bob', 's1');
    expect(world.lockMaildrop('bob', 's2')).toBe(true);
  });
});

describe('sasl', () => {
  test('decodes the PLAIN message of the reference sheet', () => {
    expect(parsePlain('AGFsaWNlAHdvbmRlcmxhbmQ=')).toEqual({ authzid: '', authcid: 'alice', password: 'wonderland' });
  });

  test.each(['', 'not base64!', 'YWxpY2U=', 'AGFsaWNl'])('rejects %j as a PLAIN message', (text) => {
    expect(parsePlain(text)).toBeUndefined();
  });

  test('gives the LOGIN challenges Postfix sends', () => {
    expect(LOGIN_CHALLENGES).toEqual({ username: 'VXNlcm5hbWU6', password: 'UGFzc3dvcmQ6' });
    expect(decodeBase64('VXNlcm5hbWU6')).toBe('Username:');
  });
});

describe('clock formats', () => {
  test('writes RFC 5322 and IMAP dates in UTC', () => {
    const d = new Date(Date.UTC(2026, 10, 21, 9, 0, 1));
    expect(rfc5322Date(d)).toBe('Sat, 21 Nov 2026 09:00:01 +0000');
    expect(imapDateTime(d)).toBe('21-Nov-2026 09:00:01 +0000');
  });
});
