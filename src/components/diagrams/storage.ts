/**
 * Where mail lives with POP3 and with IMAP, as data: the comparison table's cells for the protocols that hand a
 * client its mailbox (their profiles' mailModel says which and how; from src/data, so the picture says what the
 * table says) and Alice's mailboxes and messages from a fresh mail world (the same ones every scenario starts with).
 */
import { facts, type FeatureId } from '../../data/lookup.ts';
import { LINE_PROFILES, type LineProtocolName } from '../../protocols/registry.ts';
import type { MailModel } from '../../protocols/shared/profile.ts';
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

/** How a client gets its mailbox: the mail models the picture compares. */
export type StorageModel = Exclude<MailModel, 'envelope'>;

/** One protocol's panel: its name, how it hands a client its mailbox, and the table's words for it. */
export interface StoragePanel {
  protocol: LineProtocolName;
  label: string;
  model: StorageModel;
  facts: StorageFact[];
}

/** Everything the storage picture shows. */
export interface StorageView {
  user: string;
  inbox: StoredLine[];
  folders: FolderLine[];
  /** One panel per protocol that hands a client its mailbox, in the profiles' order (POP3, then IMAP). */
  panels: StoragePanel[];
}

/** The protocols the picture compares: every line protocol that hands a client its mailbox, as its profile says. */
export const STORAGE_PROFILES = LINE_PROFILES.filter((p) => p.mailModel !== 'envelope');

/** Their names, for a diagram's `show` option. */
export const storageProtocolNames = STORAGE_PROFILES.map((p) => p.id) as [LineProtocolName, ...LineProtocolName[]];

function factsFor(protocol: LineProtocolName, dataId: string): StorageFact[] {
  return STORAGE_ROWS.map((id) => {
    const feature = facts.features.find((f) => f.id === id);
    const cell = feature?.cells[dataId as keyof typeof feature.cells];
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
  const panels = STORAGE_PROFILES.map((p) => ({ protocol: p.id, label: p.label, model: p.mailModel as StorageModel, facts: factsFor(p.id, p.dataIds[0]!) }));
  return { user: alice.address, inbox, folders, panels };
}
