import { describe, expect, test } from 'vitest';
import { playedScenario } from '../../src/components/diagrams/scenario-data.ts';
import { flatten, sceneText } from '../../src/components/diagrams/scene.ts';
import { layoutSequence, NARROW, WIDE } from '../../src/components/diagrams/sequence-layout.ts';
import { outcomeOf, parseSteps, sequenceRows } from '../../src/components/diagrams/sequence-rows.ts';
import { expectReadable } from './diagrams-scene-checks.ts';

const smtp587 = playedScenario('SequenceDiagram', 'smtp-submission-587', undefined);
const rowsOf = (range: string) => sequenceRows(smtp587.scenario, smtp587.playback, parseSteps(range, smtp587.scenario.steps.length));

describe('sequenceRows', () => {
  test('starts with the connection and the greeting, then one arrow per line or reply', () => {
    const rows = rowsOf('1-2');
    expect(rows.map((r) => (r.kind === 'message' ? `${r.from}: ${r.lines[0]} (${r.lines.length})` : `${r.kind}: ${r.text}`))).toEqual([
      'note: Connection to port 587',
      'server: 220 mail.example.test ESMTP Mailwire (1)',
      'client: EHLO laptop.example.test (1)',
      'server: 250-mail.example.test (8)',
      'client: MAIL FROM:<alice@example.test> (1)',
      'server: 530 5.7.0 Must issue a STARTTLS command first (1)',
    ]);
  });

  test('draws STARTTLS’s handshake as a band after the 220, and QUIT as the end of the connection', () => {
    const kinds = rowsOf('3-11').map((r) => r.kind);
    expect(kinds.slice(0, 3)).toEqual(['message', 'message', 'tls']);
    expect(kinds.at(-1)).toBe('end');
  });

  test('says a range that starts inside TLS is encrypted already', () => {
    expect(rowsOf('6-7')[0]).toEqual({ kind: 'note', text: 'Encrypted: inside TLS since an earlier step', step: 6 });
  });

  test('keeps IMAP’s tagged completion apart from the untagged data before it', () => {
    const imap = playedScenario('SequenceDiagram', 'imap-login-read', undefined);
    const rows = sequenceRows(imap.scenario, imap.playback, parseSteps('4', imap.scenario.steps.length));
    const server = rows.filter((r) => r.kind === 'message' && r.from === 'server').map((r) => (r.kind === 'message' ? r.lines[0] : ''));
    expect(server.at(-1)).toMatch(/^a4 OK /);
    expect(server[0]).toMatch(/^\* /);
  });

  test('reads success and failure from the code or status', () => {
    expect(outcomeOf('smtp', '530 5.7.0 Must issue a STARTTLS command first')).toBe('fail');
    expect(outcomeOf('smtp', '354 End data with <CR><LF>.<CR><LF>')).toBe('ok');
    expect(outcomeOf('pop3', '-ERR [IN-USE] Mailbox is locked by another POP3 session.')).toBe('fail');
    expect(outcomeOf('imap', 'a1 NO [AUTHENTICATIONFAILED] Authentication failed.')).toBe('fail');
    expect(outcomeOf('imap', '* 3 EXISTS')).toBe('neutral');
  });
});

describe('parseSteps', () => {
  test.each([
    [undefined, { first: 1, last: 11 }],
    ['4', { first: 4, last: 4 }],
    ['1-4', { first: 1, last: 4 }],
  ])('reads %s', (value, range) => expect(parseSteps(value, 11)).toEqual(range));

  test.each(['0-3', '5-4', '1-12', 'one', '1,2'])('refuses %s with a sentence', (value) => {
    expect(() => parseSteps(value, 11)).toThrow(/steps "/);
  });
});

describe('layoutSequence', () => {
  test.each([['phone', NARROW, 340], ['wide', WIDE, 600]] as const)('keeps the %s ladder readable and shortens long lines to 40 characters', (_n, size, max) => {
    const scene = layoutSequence(rowsOf('1-11'), 'port 587', size);
    expectReadable(scene, max);
    const text = sceneText(scene);
    expect(text).toContain('530 5.7.0 Must issue a STARTTLS command…');
    expect(text).toContain('+ 7 more lines');
    expect(text).toContain('TLS handshake: encrypted from here');
    for (const line of flatten(scene.items).filter((i) => i.kind === 'text' && i.cls.includes('mw-dg-wire'))) {
      if (line.kind === 'text') expect([...line.lines[0]!].length).toBeLessThanOrEqual(40);
    }
  });
});
