/**
 * The simulator's first screen without XState: from the build's playback, the player's first state and context
 * come from the same pure functions the machine runs (bakedStart), so the widget hydrates on them and starts the
 * machine a task later (player.ts), off the hydration's critical path.
 */
import { bakedStart, type BakedPlayer, type PlayerContext, type PlayerInput } from '../../../machines/scenario-player.context.ts';

/** A state the widget asks about: a top-level state, or a top-level state and its child. */
export type StateQuery = string | Record<string, string>;

/** What the widget reads of the player: the machine's snapshot, or the first screen before the machine runs. */
export interface Screen {
  readonly context: PlayerContext;
  matches(query: StateQuery): boolean;
}

/** The player's first screen from the build's playback. */
export function firstScreen(input: PlayerInput & { baked: BakedPlayer }): Screen {
  const { value, context } = bakedStart(input);
  const at: Record<string, string> = value;
  return {
    context,
    matches: (query) => (typeof query === 'string' ? Object.hasOwn(at, query) : Object.entries(query).every(([top, child]) => at[top] === child)),
  };
}
