import { describe, expect, test } from 'vitest';
import { envelopeOf } from '../../src/components/diagrams/envelope.ts';
import { envelopeRows, headerRows, layoutEnvelope } from '../../src/components/diagrams/envelope-layout.ts';
import { playedScenario } from '../../src/components/diagrams/scenario-data.ts';
import { sceneText } from '../../src/components/diagrams/scene.ts';
import bcc from './fixtures/smtp-bcc-fixture.json';
import { expectReadable } from './diagrams-scene-checks.ts';

const viewOf = (id: string | undefined, data?: unknown) => {
  const { scenario, playback } = playedScenario('EnvelopeDiagram', id, data);
  return envelopeOf(scenario, playback);
};

describe('envelopeOf', () => {
  test('finds a blind copy: accepted in the envelope, named in no To or Cc field', () => {
    const view = viewOf(undefined, bcc);
    expect(view.mailFrom.address).toBe('alice@example.test');
    expect(view.recipients.map((r) => [r.address, r.fields, r.blind])).toEqual([
      ['bob@example.test', ['To'], false],
      ['dave@elsewhere.example', ['Cc'], false],
      ['carol@sender.example', [], true],
    ]);
    expect(view.header.map((h) => h.name)).toEqual(['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID']);
  });

  test('keeps a refused recipient with the server’s reply, and never calls it a blind copy', () => {
    const view = viewOf('smtp-relay-25');
    const dave = view.recipients.find((r) => r.address === 'dave@elsewhere.example')!;
    expect(dave).toMatchObject({ accepted: false, blind: false });
    expect(dave.reply).toMatch(/^554 5\.7\.1 /);
    expect(view.header.find((h) => h.name === 'To')!.addresses).toEqual(['alice@example.test', 'bob@example.test']);
  });

  test('refuses a scenario that is not SMTP or sends no message', () => {
    expect(() => viewOf('pop3-rset')).toThrow(/not SMTP/);
    expect(() => viewOf('smtp-mistakes')).toThrow(/sends no message|DATA/);
  });
});

describe('layoutEnvelope', () => {
  test.each([[false, 340], [true, 600]] as const)('wide %s: both panels, the blind copy labelled in each, readable', (wide, max) => {
    const scene = layoutEnvelope(viewOf(undefined, bcc), wide);
    expectReadable(scene, max);
    const text = sceneText(scene);
    expect(text).toContain('Envelope');
    expect(text).toContain('Message header');
    expect(text).toContain('RCPT TO:<carol@sender.example>');
    expect(text.filter((l) => l.startsWith('Bcc:'))).toHaveLength(2);
  });

  test('labels refused and accepted recipients in words', () => {
    const view = viewOf('smtp-relay-25');
    expect(envelopeRows(view).map((r) => r.note)).toEqual(['the sender: bounces go back here', 'accepted; named in To', 'accepted; named in To', 'refused (554 5.7.1): not delivered']);
    expect(headerRows(view).every((r) => r.mark === undefined)).toBe(true);
  });
});
