/**
 * Where mail lives with POP3 and with IMAP, as data: the comparison table's cells for the two protocols (from
 * src/data, so the picture says what the table says) and Alice's mailboxes and messages from a fresh mail world
 * (the same ones every scenario starts with).
 */
import { facts, type FeatureId } from '../../data/lookup.ts';
import { headerValue } from '../../protocols/shared/message.ts';
import { MailWorld } from '../../protocols/shared/world.ts';

/** One message as the picture lists it. */
export interface StoredLine {
  n: number;
  subject: string;
  flags: string[];
}

/** One mailbox as the picture lists it. */
export interface FolderLine {
  name: string;
  count: number;
}

/** The comparison rows the picture states, in this order. */
export const STORAGE_ROWS = ['whereMailLives', 'staysOnServer', 'multiDevice', 'flagsSynced'] as const satisfies readonly FeatureId[];

/** A row's label and its text for one protocol, as the comparison table has them. */
export interface StorageFact {
  id: (typeof STORAGE_ROWS)[number];
  label: string;
  text: string;
}

/** Everything the storage picture shows. */
export interface StorageView {
  user: string;
  inbox: StoredLine[];
  folders: FolderLine[];
  pop3: StorageFact[];
  imap: StorageFact[];
}

function factsFor(protocol: 'pop3' | 'imap'): StorageFact[] {
  return STORAGE_ROWS.map((id) => {
    const feature = facts.features.find((f) => f.id === id);
    const cell = feature?.cells[protocol];
    if (!feature || !cell) throw new Error(`<StorageDiagram>: the data file has no ${id} cell for ${protocol}`);
    return { id, label: feature.label, text: cell.text };
  });
}

/** The view: Alice's mail in a fresh world, and the table's words. */
export function storageView(): StorageView {
  const world = new MailWorld({ seed: 1 });
  const alice = world.user('alice')!;
  const inbox = world.mailbox('alice', 'INBOX')!.messages.map((m, i) => ({ n: i + 1, subject: headerValue(m.raw, 'Subject') ?? '(no subject)', flags: [...m.flags] }));
  const folders = [...alice.mailboxes.values()].map((b) => ({ name: b.name, count: b.messages.length }));
  return { user: alice.address, inbox, folders, pop3: factsFor('pop3'), imap: factsFor('imap') };
}
