import { afterEach, describe, expect, test, vi } from 'vitest';
import { createTabWorld } from '../../src/components/widgets/world/tab-world.ts';
import { SAVED_WORLD_KEY } from '../../src/components/widgets/world/saved-world.ts';
import { fromLines } from '../../src/protocols/shared/message.ts';

/** A sessionStorage stand-in; `fail` makes one of its methods throw as a blocked or full storage does. */
function memoryStorage(fail?: 'getItem' | 'setItem'): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const boom = () => {
    throw new DOMException('blocked', fail === 'setItem' ? 'QuotaExceededError' : 'SecurityError');
  };
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => (fail === 'getItem' ? boom() : (data.get(k) ?? null)),
    setItem: (k: string, v: string) => (fail === 'setItem' ? boom() : void data.set(k, v)),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
}

const mail = (subject: string) => fromLines([`Subject: ${subject}`, '', 'Hello.']);
/** Subjects in bob's INBOX beyond the one he starts with. */
const subjects = (tab: ReturnType<typeof createTabWorld>) =>
  tab.world.mailbox('bob', 'INBOX')!.messages.map((m) => m.raw.match(/Subject: (.*)/)?.[1]).filter((s) => s !== 'Lunch on Friday?');

afterEach(() => vi.useRealTimers());

describe('the tab world', () => {
  test('is saved after a change and read back by the next page of the tab', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const first = createTabWorld(storage);
    first.world.append('bob', 'INBOX', mail('Walk on Sunday'));
    vi.runAllTimers();
    expect(storage.data.get(SAVED_WORLD_KEY)).toContain('Walk on Sunday');
    const next = createTabWorld(storage);
    expect(subjects(next)).toEqual(['Walk on Sunday']);
    expect(next.note).toBeUndefined();
  });

  test('a new tab (empty storage) starts with the starting mailboxes', () => {
    const tab = createTabWorld(memoryStorage());
    expect(subjects(tab)).toEqual([]);
    expect(tab.world.mailbox('alice', 'INBOX')!.messages).toHaveLength(3);
    expect(tab.note).toBeUndefined();
  });

  test('reset forgets the saved world, starts a fresh one and saves it', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const tab = createTabWorld(storage);
    const before = tab.world;
    tab.world.append('bob', 'INBOX', mail('Old'));
    vi.runAllTimers();
    tab.reset();
    expect(tab.world).not.toBe(before);
    expect(subjects(tab)).toEqual([]);
    expect(subjects(createTabWorld(storage))).toEqual([]);
    // The old world's changes no longer reach the storage.
    before.append('bob', 'INBOX', mail('Late'));
    vi.runAllTimers();
    expect(storage.data.get(SAVED_WORLD_KEY)).not.toContain('Late');
  });

  test('a damaged saved world is replaced by a fresh one, and the note says so in words', () => {
    const storage = memoryStorage();
    storage.setItem(SAVED_WORLD_KEY, '{"version":1,"world":{"users":"nobody"}}');
    const tab = createTabWorld(storage);
    expect(tab.note).toMatch(/^The mailboxes saved in this tab could not be used: the saved mailboxes are damaged \(users is not a list\)\. They were replaced by fresh ones/);
    expect(tab.world.mailbox('alice', 'INBOX')!.messages).toHaveLength(3);
  });

  test('storage that throws on reading gives an in-memory world with a note', () => {
    const tab = createTabWorld(memoryStorage('getItem'));
    expect(tab.note).toMatch(/keeps no data for this tab, so the mailboxes live on this page only/);
    tab.world.append('bob', 'INBOX', mail('Kept in memory'));
    expect(() => tab.save()).not.toThrow();
    expect(subjects(tab)).toEqual(['Kept in memory']);
  });

  test('no storage at all gives an in-memory world with the same note, even after a reset', () => {
    const tab = createTabWorld(undefined);
    tab.reset();
    expect(tab.note).toMatch(/live on this page only/);
  });

  test('a world too big to keep is said in words, and kept again once it is reset', () => {
    const storage = memoryStorage();
    const tab = createTabWorld(storage);
    tab.world.append('bob', 'INBOX', fromLines(['Subject: huge', '', 'x'.repeat(2_100_000)]));
    tab.save();
    expect(tab.note).toMatch(/^The mailboxes are no longer kept across pages: the mailboxes hold more than can be kept \([\d,]+ characters written out, at most 2,000,000\)\. Reset them/);
    expect(storage.data.get(SAVED_WORLD_KEY) ?? '').not.toContain('huge');
    tab.reset();
    expect(tab.note).toBeUndefined();
    expect(storage.data.get(SAVED_WORLD_KEY)).toContain('"version":1');
  });

  test('storage that refuses to write (full) leaves the world working and says it lasts only on this page', () => {
    const tab = createTabWorld(memoryStorage('setItem'));
    const heard = vi.fn();
    tab.subscribe(heard);
    tab.world.append('bob', 'INBOX', mail('Unsaved'));
    tab.save();
    expect(tab.note).toMatch(/refused to keep the mailboxes/);
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe('the reset event', () => {
  test('is the one the simulator listens for', async () => {
    const { readFileSync } = await import('node:fs');
    const { WORLD_EVENTS } = await import('../../src/components/widgets/world/saved-world.ts');
    const widget = readFileSync(new URL('../../src/components/widgets/SessionSimulator.svelte', import.meta.url), 'utf8');
    expect(widget).toContain(`on${WORLD_EVENTS.reset}={() => act({ type: 'user.restart' }, 'command')}`);
  });
});
