/** The simulator's section listens for the playground's reset (world/saved-world.ts WORLD_EVENTS.reset). */
import 'svelte/elements';

declare module 'svelte/elements' {
  export interface HTMLAttributes<T extends EventTarget> {
    /** The playground's mailboxes were reset: the simulator starts a new connection on the fresh world. */
    onmailboxesreset?: ((event: Event & { currentTarget: EventTarget & T }) => void) | null | undefined;
  }
}

export {};
