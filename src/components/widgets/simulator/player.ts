/**
 * The simulator's player machine, started after hydration: its own chunk (XState and the player's definition),
 * which the widget imports once it has shown its first screen (first-screen.ts).
 */
import { createActor } from 'xstate';
import { scenarioPlayerMachine, type PlayerInput } from '../../../machines/scenario-player.machine.ts';
import { ActorState } from '../actor.svelte.ts';

/** The simulator's player, not yet started. */
export type Player = ActorState<typeof scenarioPlayerMachine>;

/** A new player on `input`. */
export function createPlayer(input: PlayerInput): Player {
  return new ActorState(createActor(scenarioPlayerMachine, { input }));
}
