/**
 * The log-in helper, mounted into free mode's disclosure the first time it opens: this module and the helper are
 * their own chunk, so a simulator's first load does not pay for them.
 */
import { mount, unmount } from 'svelte';
import CredentialsHelper from './CredentialsHelper.svelte';
import type { ClientLine } from '../../../protocols/shared/sasl-client.ts';
import type { SessionView } from '../../../protocols/shared/session-types.ts';

/**
 * Puts a line in the simulator's command line as if typed (its input listener takes it) and focuses it there: the
 * learner still presses Enter. An IMAP command gets its tag as a typed one does (automatic tags are the default).
 */
function insert(uid: string, line: ClientLine): void {
  const input = document.getElementById(`${uid}-cmd`);
  if (!(input instanceof HTMLInputElement)) return;
  input.value = line.text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.focus();
  input.setSelectionRange(line.text.length, line.text.length);
}

/**
 * Mounts the helper into the disclosure's last child (replacing its placeholder), reading the session's view as it
 * changes (a challenge may arrive while the helper is open); returns how to remove it.
 */
export function mountHelper(details: HTMLDetailsElement, view: () => SessionView, uid: string): () => void {
  const target = details.lastElementChild as HTMLElement;
  target.textContent = '';
  const helper = mount(CredentialsHelper, {
    target,
    props: {
      get protocol() { return view().protocol; },
      get answering() { return view().expects === 'sasl'; },
      uid,
      oninsert: (line: ClientLine) => insert(uid, line),
    },
  });
  return () => void unmount(helper);
}
