/**
 * Where a browser tab keeps its playground mail world (sessionStorage, one versioned key), and the events by which
 * the playground's "Mailboxes" panel, the tab's world (tab-world.ts) and the simulator talk. Tiny on purpose: the
 * panel and the widget load it before the engine (and tab-world.ts) has downloaded.
 */

/** The sessionStorage key; the number changes with the snapshot format (world-snapshot.ts). */
export const SAVED_WORLD_KEY = 'mailwire.world.v1';

/**
 * Events: on the window, the panel asks for a reset (the tab world cancels it to say it reset itself) and the tab
 * world says its note; on each simulator's section (.mw-sim), the panel says the reset is done, and the simulator
 * starts a new connection (its `onmailboxesreset`).
 */
export const WORLD_EVENTS = {
  resetRequest: 'mailwire:mailboxes-reset-request',
  note: 'mailwire:mailboxes-note',
  reset: 'mailboxesreset',
} as const;

/** The tab's storage, or undefined where reading it throws (storage blocked, sandboxed frames) or there is none. */
export function tabStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** Forgets the tab's saved world; false when storage could not be reached. */
export function forgetSavedWorld(): boolean {
  try {
    tabStorage()?.removeItem(SAVED_WORLD_KEY);
    return true;
  } catch {
    return false;
  }
}
