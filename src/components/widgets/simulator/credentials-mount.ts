/**
 * The log-in helper, mounted into free mode's disclosure the first time it opens: this module and the helper are
 * their own chunk, so a simulator's first load does not pay for them.
 */
import { mount, unmount } from 'svelte';
import CredentialsHelper from './CredentialsHelper.svelte';
import type { ClientLine } from '../../../protocols/shared/sasl-client.ts';
import type { ProtocolName } from '../../../protocols/shared/session-types.ts';

/** What the helper reads; getters keep it in step with the session (a challenge may arrive while it is open). */
export interface HelperProps {
  readonly protocol: ProtocolName;
  readonly answering: boolean;
  readonly uid: string;
  oninsert: (line: ClientLine) => void;
}

/** Mounts the helper into `target` (replacing its placeholder) and returns how to remove it. */
export function mountHelper(target: HTMLElement, props: HelperProps): () => void {
  target.textContent = '';
  const helper = mount(CredentialsHelper, { target, props });
  return () => void unmount(helper);
}
