import { describe, expect, test } from 'vitest';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { captureState, checkState } from '../../../src/protocols/shared/world-state.ts';
import { MAX_SNAPSHOT_CHARS, restoreWorld, serializeWorld, WORLD_SNAPSHOT_VERSION } from '../../../src/protocols/shared/world-snapshot.ts';
import { fromLines, headerValue } from '../../../src/protocols/shared/message.ts';

const envelope = (recipients: string[]) => ({ from: 'alice@example.test', recipients, helo: 'laptop.example.test', clientAddress: '192.0.2.10', withProtocol: 'ESMTPSA' });
const note = (subject: string) => fromLines([`Subject: ${subject}`, '', 'Hello.', '.dot line']);

/** A world a learner has used: a delivery, a remote message queued, flags, a new mailbox, an expunge, a session. */
function usedWorld(): MailWorld {
  const world = new MailWorld({ seed: 3 });
  world.newSessionId();
  world.deliver(envelope(['bob@example.test', 'carol@elsewhere.example']), note('Walk on Sunday'));
  world.setFlags('alice', 'INBOX', 2, ['\\Seen', '\\Flagged', '$Label1']);
  world.createMailbox('bob', 'Projects');
  world.append('bob', 'Projects', note('Plans'), ['\\Draft']);
  world.expunge('alice', 'INBOX', [1]);
  world.mailbox('alice', 'INBOX')!.messages[0]!.recentOwner = 's1';
  world.mailbox('bob', 'Trash')!.subscribed = false;
  return world;
}

const text = (world: MailWorld) => {
  const saved = serializeWorld(world);
  if (!saved.ok) throw new Error(saved.problem);
  return saved.text;
};

describe('serializeWorld and restoreWorld', () => {
  test('round-trips a used world: users, mailboxes, messages, flags, UIDs, queue and counters', () => {
    const world = usedWorld();
    const back = restoreWorld(text(world));
    expect(back.problem).toBeUndefined();
    expect(captureState(back.world)).toEqual(captureState(world));
    expect(back.world.inventory()).toEqual(world.inventory());
    expect(headerValue(back.world.mailbox('bob', 'INBOX')!.messages.at(-1)!.raw, 'Subject')).toBe('Walk on Sunday');
    expect(back.world.outbound.map((q) => q.domain)).toEqual(['elsewhere.example']);
    expect(back.world.usage('bob')).toBe(world.usage('bob'));
    expect(back.world.storedOctets).toBe(world.storedOctets);
  });

  test('goes on where the world stopped: the next queue id, session id, UIDVALIDITY and UID are the ones it would have made', () => {
    const world = usedWorld();
    const back = restoreWorld(text(world)).world;
    expect(back.newQueueId()).toBe(world.newQueueId());
    expect(back.newSessionId()).toBe(world.newSessionId());
    back.createMailbox('alice', 'Later');
    world.createMailbox('alice', 'Later');
    expect(back.mailbox('alice', 'Later')!.uidValidity).toBe(world.mailbox('alice', 'Later')!.uidValidity);
    expect(back.append('alice', 'INBOX', note('Next'))!.uid).toBe(world.append('alice', 'INBOX', note('Next'))!.uid);
    expect(back.clock.peek()).toEqual(world.clock.peek());
  });

  test('keeps \\Recent with the page that claimed it: a claimed message is not recent for the next page', () => {
    const back = restoreWorld(text(usedWorld())).world;
    const inbox = back.mailbox('alice', 'INBOX')!;
    expect(inbox.messages[0]!.recentOwner).toBeDefined();
    expect(inbox.messages[1]!.recentOwner).toBeUndefined();
  });

  test('writes a versioned envelope', () => {
    expect(JSON.parse(text(new MailWorld()))).toMatchObject({ version: WORLD_SNAPSHOT_VERSION, world: { seed: 1 } });
  });

  test.each([
    ['not text', 42, 'not text'],
    ['not JSON', '{"version":1,', 'not valid JSON'],
    ['another version', JSON.stringify({ version: 99, world: {} }), 'another version of Mailwire (format 99'],
    ['no version', JSON.stringify({ world: {} }), 'format unknown'],
    ['JSON null', 'null', 'another version'],
  ])('replaces %s with a fresh world and says why', (_name, input, words) => {
    const back = restoreWorld(input);
    expect(back.problem).toContain(words);
    expect(captureState(back.world)).toEqual(captureState(new MailWorld()));
  });

  const damaged = (edit: (w: Record<string, any>) => void) => {
    const envelope = JSON.parse(text(usedWorld()));
    edit(envelope.world);
    return JSON.stringify(envelope);
  };

  test.each([
    ['UIDs out of order', (w: any) => w.users[1].mailboxes[0].messages.reverse(), 'ascending'],
    ['a UID at UIDNEXT', (w: any) => (w.users[0].mailboxes[0].uidNext = 2), 'below uidNext'],
    ['no INBOX first', (w: any) => w.users[0].mailboxes.shift(), 'starts with INBOX'],
    ['a message without text', (w: any) => delete w.users[0].mailboxes[0].messages[0].raw, 'raw is not text'],
    ['a stored \\Recent', (w: any) => w.users[0].mailboxes[0].messages[0].flags.push('\\Recent'), 'flags'],
    ['a bad user name', (w: any) => (w.users[1].name = 'bob smith'), 'login name'],
    ['no alice', (w: any) => w.users.shift(), 'with alice'],
    ['two bobs', (w: any) => w.users.push(w.users[1]), 'different users'],
    ['an endless random replay', (w: any) => (w.draws = 1e12), 'draws'],
    ['a negative clock', (w: any) => (w.clock = 'noon'), 'a time'],
    ['a mailbox name with a line break', (w: any) => (w.users[0].mailboxes[1].name = 'Sent\r\nX'), 'mailbox name'],
    ['an unknown special use', (w: any) => (w.users[0].mailboxes[1].specialUse = '\\Everything'), 'special use'],
  ])('replaces a world with %s by a fresh one, naming the problem', (_name, edit, words) => {
    const back = restoreWorld(damaged(edit));
    expect(back.problem).toMatch(/^the saved mailboxes are damaged/);
    expect(back.problem).toContain(words);
    expect(back.world.inventory()).toEqual(new MailWorld().inventory());
  });

  test('refuses a saved text over the size cap, and never writes one', () => {
    const world = new MailWorld();
    world.append('alice', 'INBOX', fromLines(['Subject: big', '', 'x'.repeat(5000)]));
    const saved = serializeWorld(world, 4000);
    expect(saved).toEqual({ ok: false, problem: expect.stringContaining('at most 4,000') });
    const whole = text(world);
    const back = restoreWorld(whole, { maxChars: whole.length - 1 });
    expect(back.problem).toContain('too big');
    expect(back.world.mailbox('alice', 'INBOX')!.messages).toHaveLength(3);
    expect(MAX_SNAPSHOT_CHARS).toBeLessThanOrEqual(2_500_000);
  });

  test('a fresh world made instead keeps the limits asked for', () => {
    const back = restoreWorld('garbage', { limits: { storeOctets: 100_000 } });
    expect(back.world.limits.storeOctets).toBe(100_000);
  });
});

describe('checkState', () => {
  test('accepts what captureState gives and never throws on odd input', () => {
    expect('state' in checkState(captureState(usedWorld()))).toBe(true);
    for (const odd of [undefined, null, [], 'x', { users: 'x' }, { users: [null] }, { users: [{ name: 'alice', mailboxes: [{}] }] }]) {
      expect(checkState(odd)).toHaveProperty('problem');
    }
  });
});
