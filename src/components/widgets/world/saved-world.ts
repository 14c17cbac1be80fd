/**
 * Where a browser tab keeps its playground mail world: sessionStorage, one versioned key. This module is tiny on
 * purpose: the reset button needs it before the engine (and tab-world.ts) has downloaded.
 */

/** The sessionStorage key; the number changes with the snapshot format (world-snapshot.ts). */
export const SAVED_WORLD_KEY = 'mailwire.world.v1';

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
