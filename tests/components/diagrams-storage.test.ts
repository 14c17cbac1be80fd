import { describe, expect, test } from 'vitest';
import { facts } from '../../src/data/lookup.ts';
import { sceneText } from '../../src/components/diagrams/scene.ts';
import { STORAGE_ROWS, storageView } from '../../src/components/diagrams/storage.ts';
import { layoutStorage } from '../../src/components/diagrams/storage-layout.ts';
import { expectReadable } from './diagrams-scene-checks.ts';

const cell = (id: string, protocol: 'pop3' | 'imap') => facts.features.find((f) => f.id === id)!.cells[protocol]!.text;

describe('storageView', () => {
  test('says what the comparison table says for POP3 and IMAP', () => {
    const view = storageView();
    for (const protocol of ['pop3', 'imap'] as const) {
      expect(view.panels.find((p) => p.protocol === protocol)!.facts.map((f) => f.text)).toEqual(STORAGE_ROWS.map((id) => cell(id, protocol)));
    }
  });

  test('shows Alice’s mailboxes and messages from a fresh mail world', () => {
    const view = storageView();
    expect(view.folders.map((f) => f.name)).toEqual(['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive']);
    expect(view.inbox[0]).toEqual({ n: 1, subject: 'Welcome to example.test', flags: ['\\Seen'] });
  });
});

describe('layoutStorage', () => {
  test.each([[false, 340], [true, 600]] as const)('wide %s: both panels with their devices and the table’s words, readable', (wide, max) => {
    const scene = layoutStorage(storageView(), wide);
    expectReadable(scene, max);
    const text = sceneText(scene).join(' ');
    for (const t of ['POP3', 'IMAP', 'Laptop', 'Phone', 'RETR', 'INBOX (3)', '\\Seen', 'Downloaded to each device', 'all see one mailbox']) expect(text).toContain(t);
  });

  test('draws one protocol alone', () => {
    const text = sceneText(layoutStorage(storageView(), true, 'imap')).join(' ');
    expect(text).toContain('IMAP');
    expect(text).not.toContain('RETR');
  });
});
