/**
 * A runes adapter for an XState actor: reading `snapshot` inside a component, a $derived or an $effect
 * subscribes to the actor, and the subscription ends when nothing reads it any more (createSubscriber).
 */
import { createSubscriber } from 'svelte/reactivity';
import type { Actor, AnyActorLogic, EventFromLogic, SnapshotFrom } from 'xstate';

/** An XState actor whose snapshot Svelte can track. */
export class ActorState<TLogic extends AnyActorLogic> {
  readonly actor: Actor<TLogic>;
  readonly #subscribe: () => void;

  constructor(actor: Actor<TLogic>) {
    this.actor = actor;
    this.#subscribe = createSubscriber((update) => {
      const subscription = actor.subscribe(update);
      return () => subscription.unsubscribe();
    });
  }

  /** The actor's current snapshot; reactive. */
  get snapshot(): SnapshotFrom<TLogic> {
    this.#subscribe();
    return this.actor.getSnapshot();
  }

  /** Sends an event to the actor. */
  send(event: EventFromLogic<TLogic>): void {
    this.actor.send(event);
  }
}
