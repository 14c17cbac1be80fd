/**
 * The playground's mail world, one per browser tab: restored from sessionStorage when the engine loads, saved
 * after every change and when the page is left, so a message sent on the SMTP page waits in the INBOX on the POP3
 * and IMAP pages of the same tab. Guided scenarios never use it: they replay on their own seeded world.
 * Nothing here breaks a page: a saved world that cannot be used, storage that throws or a world grown too big
 * to keep each leave a working world and a note in words. The world keeps the servers' usual limits (SIZE 10240000,
 * as in the scenarios); what bounds the saved text is the snapshot's cap, past which the note says it is not kept.
 */
import { MailWorld } from '../../../protocols/shared/world.ts';
import { restoreWorld, serializeWorld } from '../../../protocols/shared/world-snapshot.ts';
import { SAVED_WORLD_KEY, tabStorage, WORLD_EVENTS } from './saved-world.ts';

/** The world the playground pages of one tab share. */
export interface SharedWorld {
  /** The world now (a new one after `reset`). */
  readonly world: MailWorld;
  /** What the learner should know about keeping it, in words; undefined when all is well. */
  readonly note: string | undefined;
  /** Starts again with a fresh world and forgets the saved one. */
  reset(): void;
  /** Writes the world out now. */
  save(): void;
  /** Calls `listener` when the note changes, until the returned function is called. */
  subscribe(listener: () => void): () => void;
}

const FRESH = 'alice and bob have their starting mailboxes';

/** A tab world kept in `storage` (undefined: storage unavailable, the world lives on this page only). */
export function createTabWorld(storage: Storage | undefined): SharedWorld {
  const listeners = new Set<() => void>();
  let note: string | undefined;
  let world: MailWorld;
  let unwatch = () => {};
  let pending = false;

  const setNote = (next: string | undefined) => {
    if (next === note) return;
    note = next;
    for (const l of listeners) l();
  };
  const unavailable = 'This browser keeps no data for this tab, so the mailboxes live on this page only: another playground page starts with fresh ones.';

  function watch(next: MailWorld) {
    unwatch();
    world = next;
    unwatch = world.subscribe(() => {
      if (pending) return;
      pending = true;
      // One save for a burst of changes (STORE 1:* announces one per message).
      setTimeout(save, 0);
    });
  }

  function save() {
    pending = false;
    if (!storage) return;
    const saved = serializeWorld(world);
    if (!saved.ok) return setNote(`The mailboxes are no longer kept across pages: ${saved.problem}. Reset them to start again.`);
    try {
      storage.setItem(SAVED_WORLD_KEY, saved.text);
      if (note?.startsWith('The mailboxes are no longer kept')) setNote(undefined);
    } catch {
      setNote('The browser refused to keep the mailboxes (its storage for this site is full), so they last only while this page is open.');
    }
  }

  let text: string | null = null;
  let readable = storage !== undefined;
  try {
    text = storage?.getItem(SAVED_WORLD_KEY) ?? null;
  } catch {
    readable = false;
  }
  if (!readable) storage = undefined;
  if (text === null) {
    watch(new MailWorld());
    if (!storage) note = unavailable;
  } else {
    const restored = restoreWorld(text);
    watch(restored.world);
    if (restored.problem) note = `The mailboxes saved in this tab could not be used: ${restored.problem}. They were replaced by fresh ones: ${FRESH}.`;
  }

  return {
    get world() {
      return world;
    },
    get note() {
      return note;
    },
    reset() {
      watch(new MailWorld());
      try {
        storage?.removeItem(SAVED_WORLD_KEY);
      } catch {
        // Saving the fresh world below replaces the old text anyway.
      }
      setNote(storage ? undefined : unavailable);
      save();
    },
    save,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let current: SharedWorld | undefined;

/**
 * This tab's world, made on first use. It is saved again whenever the page is hidden or left, resets when the
 * playground's panel asks (WORLD_EVENTS.resetRequest, cancelled to say it was done here), and tells the panel its note.
 */
export function tabWorld(): SharedWorld {
  if (current) return current;
  const shared = createTabWorld(tabStorage());
  current = shared;
  if (typeof addEventListener === 'function') {
    addEventListener('pagehide', () => shared.save());
    addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') shared.save();
    });
    addEventListener(WORLD_EVENTS.resetRequest, (event) => {
      event.preventDefault();
      shared.reset();
    });
    const tell = () => dispatchEvent(new CustomEvent(WORLD_EVENTS.note, { detail: shared.note ?? '' }));
    shared.subscribe(tell);
    tell();
  }
  return shared;
}
