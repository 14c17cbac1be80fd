/** The world's limits and bookkeeping (src/protocols/shared/limits.ts), users made with addUser, UID lookups. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, MESSAGE_OVERHEAD, StoreAccount, worldLimits } from '../../../src/protocols/shared/limits.ts';
import { indexOfUid } from '../../../src/protocols/shared/uid-order.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';

/** A message of exactly `octets` octets (at least 16). */
const msg = (octets: number) => `Subject: x\r\n\r\n${'y'.repeat(octets - 16)}\r\n`;

describe('limits', () => {
  test('default to Postfix\'s message_size_limit, 50 MiB per user and 200 MiB in all', () => {
    expect(DEFAULT_LIMITS).toEqual({ messageOctets: 10_240_000, userQuotaOctets: 52_428_800, storeOctets: 209_715_200 });
    expect(new MailWorld().limits).toEqual(DEFAULT_LIMITS);
  });

  test('take overrides from the world options and refuse values that are not positive whole octets', () => {
    expect(new MailWorld({ limits: { messageOctets: 1000 } }).limits).toEqual({ ...DEFAULT_LIMITS, messageOctets: 1000 });
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => worldLimits({ storeOctets: bad })).toThrow(RangeError);
    }
  });

  test('count octets per user and, with each message\'s overhead, in total', () => {
    const account = new StoreAccount(worldLimits({ userQuotaOctets: 100, storeOctets: 10_000 }));
    account.add('a', 60);
    account.add('b', 10);
    expect([account.usage('a'), account.usage('b'), account.usage('c')]).toEqual([60, 10, 0]);
    expect(account.total).toBe(70 + 2 * MESSAGE_OVERHEAD);
    account.remove('a', 60);
    expect([account.usage('a'), account.total]).toEqual([0, 10 + MESSAGE_OVERHEAD]);
  });

  test('say why a message cannot be stored: too big first, then the store, then the quota', () => {
    const account = new StoreAccount(worldLimits({ messageOctets: 50, userQuotaOctets: 100, storeOctets: 2 * MESSAGE_OVERHEAD + 150 }));
    expect(account.refusal('a', 51)).toBe('tooBig');
    expect(account.refusal('a', 50)).toBeUndefined();
    account.add('a', 50);
    account.add('a', 40);
    expect(account.isFull('a')).toBe(false);
    expect(account.refusal('a', 11)).toBe('storeFull'); // 90 + 2 overheads + 11 + 1 overhead > store
    expect(new StoreAccount(worldLimits({ userQuotaOctets: 100 })).refusal('a', 101, 0)).toBe('overQuota');
    account.add('a', 10);
    expect(account.isFull('a')).toBe(true);
  });
});

describe('MailWorld accounting', () => {
  test('adds what is appended, removes what is expunged or deleted with its mailbox, and RENAME INBOX changes nothing', () => {
    const world = new MailWorld();
    const seeded = world.usage('alice');
    expect(seeded).toBe(world.mailbox('alice', 'INBOX')!.messages.reduce((sum, m) => sum + m.size, 0));
    const before = world.storedOctets;
    const m = world.append('alice', 'Archive', msg(1000))!;
    expect(world.usage('alice')).toBe(seeded + 1000);
    expect(world.storedOctets).toBe(before + 1000 + MESSAGE_OVERHEAD);
    world.expunge('alice', 'Archive', [m.uid]);
    expect([world.usage('alice'), world.storedOctets]).toEqual([seeded, before]);
    world.append('alice', 'Trash', msg(500));
    world.deleteMailbox('alice', 'Trash');
    expect([world.usage('alice'), world.storedOctets]).toEqual([seeded, before]);
    world.renameMailbox('alice', 'INBOX', 'Old');
    expect([world.usage('alice'), world.storedOctets]).toEqual([seeded, before]);
  });

  test('delivers nothing when a local copy would not fit, and says which recipient and why', () => {
    const envelope = (recipients: string[]) => ({ from: 'c@s.example', recipients, helo: 'h', clientAddress: '192.0.2.1', withProtocol: 'ESMTP' });
    const world = new MailWorld({ limits: { userQuotaOctets: world0Usage() + 3000 } });
    const before = world.inventory();
    const result = world.deliver(envelope(['alice@example.test', 'bob@example.test', 'x@elsewhere.example']), msg(2900));
    expect(result.refused).toEqual({ reason: 'overQuota', recipient: 'alice@example.test' });
    expect(result.delivered).toEqual([]);
    expect(world.inventory()).toEqual(before);
    expect(world.outbound).toEqual([]);
    expect(world.deliver(envelope(['bob@example.test']), msg(2900)).delivered).toEqual(['bob@example.test']);
    const full = new MailWorld({ limits: { storeOctets: new MailWorld().storedOctets + 100 } });
    expect(full.deliver(envelope(['bob@example.test']), msg(200)).refused).toEqual({ reason: 'storeFull', recipient: 'bob@example.test' });
  });
});

function world0Usage(): number {
  return new MailWorld().usage('alice');
}

describe('MailWorld.addUser', () => {
  test('creates a user with the five standard mailboxes, empty, who can log in and receive mail', () => {
    const world = new MailWorld();
    const carol = world.addUser('carol', 'secret')!;
    expect(carol).toMatchObject({ name: 'carol', address: 'carol@example.test', displayName: 'carol' });
    expect([...carol.mailboxes.keys()]).toEqual(['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive']);
    expect([...carol.mailboxes.values()].every((b) => b.messages.length === 0 && b.uidNext === 1)).toBe(true);
    expect(world.authenticate('carol', 'secret')).toBe(carol);
    expect(world.localRecipient('carol@example.test')).toBe(carol);
    expect(world.usage('carol')).toBe(0);
  });

  test('refuses a name that is taken, postmaster, empty, too long or not a plain local part', () => {
    const world = new MailWorld();
    for (const name of ['alice', 'postmaster', 'PostMaster', '', 'a'.repeat(65), 'a b', 'a@b', '.a', 'ä']) {
      expect(world.addUser(name, 'x'), name).toBeUndefined();
    }
    expect(world.addUser('a'.repeat(64), 'x')).toBeDefined();
    expect(world.addUser('client-0042.bench_1', 'x')).toBeDefined();
  });

  test('gives the same UIDVALIDITY values under the same seed', () => {
    const validity = () => new MailWorld({ seed: 3 }).addUser('u1', 'p')!.mailboxes.get('INBOX')!.uidValidity;
    expect(validity()).toBe(validity());
  });
});

describe('UID lookups', () => {
  test('find a message by binary search in a mailbox kept in UID order, and say whether the mailbox holds it', () => {
    const world = new MailWorld();
    const box = world.mailbox('alice', 'Archive')!;
    for (let i = 0; i < 50; i++) world.append('alice', 'Archive', msg(20));
    world.expunge('alice', 'Archive', [1, 7, 8, 50]);
    for (const m of box.messages) expect(world.message(box, m.uid)).toBe(m);
    for (const uid of [0, 1, 7, 8, 50, 51]) expect(world.message(box, uid)).toBeUndefined();
    expect(indexOfUid([], 1)).toBe(-1);
    const m = box.messages[3]!;
    expect(world.holds('alice', box, m)).toBe(true);
    world.deleteMailbox('alice', 'Archive');
    expect(world.holds('alice', box, m)).toBe(false);
  });
});
