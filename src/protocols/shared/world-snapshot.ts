/**
 * A mail world as text, and back: what a browser tab keeps between pages (the widget layer stores it). The text is
 * versioned and bounded; reading it never throws, and anything wrong with it (damaged, too long, another version)
 * comes back as a sentence for the learner, never as a broken world.
 */
import { MailWorld, type WorldLimits } from './world.ts';
import { captureState, checkState } from './world-state.ts';

/** The format's version: text written by another version is refused, not guessed at. */
export const WORLD_SNAPSHOT_VERSION = 1;

/**
 * The longest text kept, in characters: well inside the 5 MB that browsers give one origin's sessionStorage (counted in
 * UTF-16 units), with room for the site's other entries.
 */
export const MAX_SNAPSHOT_CHARS = 2_000_000;

/** A world written out, or why it was not. */
export type SavedWorld = { ok: true; text: string } | { ok: false; problem: string };

/** A world read back: `problem` says why a fresh world was made instead. */
export interface RestoredWorld {
  world: MailWorld;
  problem?: string;
}

/** Options for reading a world back. */
export interface RestoreOptions {
  /** The longest text accepted (MAX_SNAPSHOT_CHARS by default). */
  maxChars?: number;
  /** Limits of the world (the restored one and the fresh one alike). */
  limits?: Partial<WorldLimits>;
  /** Seed of the fresh world made when the text cannot be used. */
  seed?: number;
}

const chars = (n: number) => n.toLocaleString('en-US');

/** The world as text, or why it is too big to keep. */
export function serializeWorld(world: MailWorld, maxChars = MAX_SNAPSHOT_CHARS): SavedWorld {
  const text = JSON.stringify({ version: WORLD_SNAPSHOT_VERSION, world: captureState(world) });
  if (text.length > maxChars) {
    return { ok: false, problem: `the mailboxes hold more than can be kept (${chars(text.length)} characters written out, at most ${chars(maxChars)})` };
  }
  return { ok: true, text };
}

/** The world the text describes, or a fresh one with the reason when the text cannot be used. Never throws. */
export function restoreWorld(text: unknown, options: RestoreOptions = {}): RestoredWorld {
  const { maxChars = MAX_SNAPSHOT_CHARS, limits, seed } = options;
  const fresh = (problem: string): RestoredWorld => ({ world: new MailWorld({ seed, limits }), problem });
  if (typeof text !== 'string') return fresh('the saved mailboxes are not text');
  if (text.length > maxChars) return fresh(`the saved mailboxes are too big (${chars(text.length)} characters, at most ${chars(maxChars)})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fresh('the saved mailboxes are damaged (not valid JSON)');
  }
  const envelope = typeof parsed === 'object' && parsed !== null ? (parsed as { version?: unknown; world?: unknown }) : {};
  if (envelope.version !== WORLD_SNAPSHOT_VERSION) {
    return fresh(`the saved mailboxes were written by another version of Mailwire (format ${String(envelope.version ?? 'unknown')}, this one reads ${WORLD_SNAPSHOT_VERSION})`);
  }
  const checked = checkState(envelope.world);
  if ('problem' in checked) return fresh(`the saved mailboxes are damaged (${checked.problem})`);
  try {
    return { world: new MailWorld({ restore: checked.state, limits }) };
  } catch {
    return fresh('the saved mailboxes could not be rebuilt');
  }
}
