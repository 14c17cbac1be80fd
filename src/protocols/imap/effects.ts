/**
 * The world changes an IMAP command leads to, declared by its handler and made once by the session after the
 * machine has recorded the decision (the one server pattern, src/protocols/shared/decision.ts): flag changes
 * (STORE, FETCH's implicit \Seen), new messages (APPEND, COPY, MOVE), expunges (EXPUNGE, UID EXPUNGE, CLOSE,
 * MOVE), mailbox management (CREATE, DELETE, RENAME, SUBSCRIBE) and the end of a selection. A handler answers
 * from what it plans: flags it plans are shown by the selected mailbox's view until they are made
 * (MailboxView.plan), and a message it plans has the UID the store will give it (MailWorld.planMessage).
 */
import type { MailWorld, StoredMessage } from '../shared/world.ts';
import type { MailboxView } from './mailbox-view.ts';

/** One change to the world (or to the session's hold on it) that an IMAP event leads to. */
export type ImapEffect =
  /** Replace a message's flags; `view` shows them as planned until then. */
  | { kind: 'flags'; user: string; mailbox: string; uid: number; flags: readonly string[]; view: MailboxView }
  | { kind: 'expunge'; user: string; mailbox: string; uids: readonly number[] }
  /** Store a message the step planned (MailWorld.planMessage): APPEND, and each copy of COPY and MOVE. */
  | { kind: 'store'; user: string; mailbox: string; message: StoredMessage; dated: boolean }
  | { kind: 'create'; user: string; mailbox: string }
  | { kind: 'delete'; user: string; mailbox: string }
  | { kind: 'rename'; user: string; from: string; to: string }
  | { kind: 'subscribe'; user: string; mailbox: string; on: boolean }
  /** The selected mailbox's view stops watching (the client went away). */
  | { kind: 'closeView'; view: MailboxView };

/** Makes `effects` in order on `world`, as the session `origin`; none adds a reply line. */
export function performImapEffects(effects: readonly ImapEffect[], world: MailWorld, origin: string): string[] {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'closeView':
        effect.view.close();
        break;
      case 'flags':
        world.setFlags(effect.user, effect.mailbox, effect.uid, effect.flags, origin);
        effect.view.settled(effect.uid);
        break;
      case 'expunge':
        world.expunge(effect.user, effect.mailbox, effect.uids, origin);
        break;
      case 'store':
        world.storePlanned(effect.user, effect.mailbox, effect.message, effect.dated, origin);
        break;
      case 'create':
        world.createMailbox(effect.user, effect.mailbox, origin);
        break;
      case 'delete':
        world.deleteMailbox(effect.user, effect.mailbox, origin);
        break;
      case 'rename':
        world.renameMailbox(effect.user, effect.from, effect.to, origin);
        break;
      case 'subscribe': {
        // The world has no subscribe method; the flag lives on the mailbox (RFC 3501 §6.3.6).
        const box = world.mailbox(effect.user, effect.mailbox);
        if (box) box.subscribed = effect.on;
        break;
      }
    }
  }
  return [];
}
