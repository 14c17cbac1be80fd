import { describe, expect, test } from 'vitest';
import EnvelopeDiagram from '../../src/components/diagrams/EnvelopeDiagram.astro';
import MailPath from '../../src/components/diagrams/MailPath.astro';
import ReplyAnatomy from '../../src/components/diagrams/ReplyAnatomy.astro';
import SequenceDiagram from '../../src/components/diagrams/SequenceDiagram.astro';
import StateDiagram from '../../src/components/diagrams/StateDiagram.astro';
import StorageDiagram from '../../src/components/diagrams/StorageDiagram.astro';
import { facts, securityLabels } from '../../src/data/lookup.ts';
import bcc from './fixtures/smtp-bcc-fixture.json';
import { renderToDom, text } from './render.ts';

/** The figure's shared shape: caption, pictures with role=img named by their <title>, real text, no script. */
function figureOf(doc: Document, name: string): { figure: Element; svgText: string; words: string } {
  const figure = doc.querySelector(`figure[data-diagram="${name}"]`);
  expect(figure, name).not.toBeNull();
  expect(text(figure!.querySelector(':scope > figcaption')).length).toBeGreaterThan(3);
  const svgs = [...figure!.querySelectorAll('svg')];
  expect(svgs.length).toBeGreaterThanOrEqual(1);
  for (const svg of svgs) {
    expect(svg.getAttribute('role')).toBe('img');
    const title = doc.getElementById(svg.getAttribute('aria-labelledby')!);
    expect(title?.tagName.toLowerCase()).toBe('title');
    expect(title?.parentElement).toBe(svg);
    expect(text(title).length).toBeGreaterThan(5);
    expect(doc.getElementById(svg.getAttribute('aria-describedby')!)?.tagName.toLowerCase()).toBe('desc');
    expect(svg.querySelectorAll('text').length).toBeGreaterThan(3);
    expect(svg.querySelector('path, image, foreignObject')).toBeNull();
  }
  expect(figure!.querySelector('script')).toBeNull();
  const svgText = [...figure!.querySelectorAll('svg text')].map((t) => text(t)).join(' | ');
  return { figure: figure!, svgText, words: text(figure!.querySelector('.mw-dg-words')) };
}

const label = (port: number) => securityLabels[facts.ports.find((p) => p.port === port)!.security];

describe('MailPath', () => {
  test('draws the five hops with 587, 465 and 25 from the data file, and lists them with anchors and links', async () => {
    const doc = await renderToDom(MailPath, { hrefs: { 1: '#submission', 3: '/lessons/smtp/' } });
    const { figure, svgText, words } = figureOf(doc, 'mail-path');
    expect(figure.querySelectorAll('svg')).toHaveLength(2);
    for (const port of [`587 · ${label(587)}`, `465 · ${label(465)}`, `25 · ${label(25)}`]) expect(svgText).toContain(port);
    const items = [...figure.querySelectorAll('ol.mw-dg-hops > li')];
    expect(items.map((li) => li.id)).toEqual([1, 2, 3, 4, 5].map((n) => `mail-path-hop-${n}`));
    expect(items.map((li) => text(li.querySelector('strong')))).toEqual(['Submission', 'MX lookup', 'Relay', 'Delivery', 'Reading']);
    expect(items[0]!.querySelector('a[href="#submission"]')).not.toBeNull();
    expect(items[2]!.querySelector('a[href="/lessons/smtp/"]')).not.toBeNull();
    expect(items[1]!.querySelector('a[href^="#"], a[href^="/"]')).toBeNull();
    expect(words).toContain(`587 (${label(587)}) or 465 (${label(465)})`);
    expect(words).toContain('never an IP address, and never a port');
    expect(figure.querySelector('details')).toBeNull();
  });

  test('fails the build for a hop that does not exist or a link that is not one', async () => {
    await expect(renderToDom(MailPath, { hrefs: { 7: '#x' } })).rejects.toThrow(/<MailPath> got invalid props: hrefs/);
    await expect(renderToDom(MailPath, { hrefs: { 1: 'javascript:alert(1)' } })).rejects.toThrow(/<MailPath> got invalid props: hrefs\.1: a link/);
  });
});

describe('StateDiagram', () => {
  test('draws POP3’s RFC states and the arrows PASS, AUTH and QUIT, from the machine (no APOP: the server does not offer it)', async () => {
    const doc = await renderToDom(StateDiagram, { protocol: 'pop3' });
    const { svgText, words } = figureOf(doc, 'state');
    for (const s of ['AUTHORIZATION', 'TRANSACTION', 'UPDATE', 'start']) expect(svgText).toContain(s);
    for (const e of ['PASS', 'AUTH', 'QUIT']) expect(svgText).toMatch(new RegExp(`\\b${e}\\b`));
    expect(svgText).not.toMatch(/\bAPOP\b/);
    expect(words).toContain('A session starts in AUTHORIZATION');
    expect(words).toMatch(/TRANSACTION \(maildrop locked\).*to UPDATE on QUIT/);
    expect(words).toContain('RFC 1939 §6');
  });

  test('draws IMAP with the RFC 9051 names and says the server routes its commands', async () => {
    const { svgText, words } = figureOf(await renderToDom(StateDiagram, { protocol: 'imap' }), 'state');
    for (const s of ['Not Authenticated', 'Authenticated', 'Selected', 'Logout', 'SELECT', 'LOGIN']) expect(svgText).toContain(s);
    expect(words).toContain('the server’s answer decides');
  });

  test('fails the build for an unknown protocol, naming the component and the value', async () => {
    await expect(renderToDom(StateDiagram, { protocol: 'pop4' })).rejects.toThrow(/<StateDiagram> got invalid props: protocol: .*\(got "pop4"\)/);
  });
});

describe('SequenceDiagram', () => {
  test('draws steps 1-4 of a scenario as played by the engine, every line in full in words', async () => {
    const doc = await renderToDom(SequenceDiagram, { scenario: 'smtp-submission-587', steps: '1-4' });
    const { svgText, words } = figureOf(doc, 'sequence');
    expect(svgText).toContain('EHLO laptop.example.test');
    expect(svgText).toContain('530 5.7.0 Must issue a STARTTLS command…');
    expect(svgText).toContain('TLS handshake: encrypted from here');
    expect(svgText).not.toContain('AUTH PLAIN');
    expect(words).toContain('530 5.7.0 Must issue a STARTTLS command first');
    expect(words).toContain('250-PIPELINING');
    expect(text(doc.querySelector('figcaption'))).toContain('steps 1–4');
  });

  test('fails the build for steps outside the scenario or an unknown scenario', async () => {
    await expect(renderToDom(SequenceDiagram, { scenario: 'smtp-submission-587', steps: '9-30' })).rejects.toThrow(/<SequenceDiagram scenario="smtp-submission-587">: steps "9-30"/);
    await expect(renderToDom(SequenceDiagram, { scenario: 'nope' })).rejects.toThrow(/<SequenceDiagram> has no scenario "nope"/);
    await expect(renderToDom(SequenceDiagram, {})).rejects.toThrow(/<SequenceDiagram> needs either scenario/);
  });
});

describe('EnvelopeDiagram', () => {
  test('puts the envelope beside the header and labels the blind copy, from a scenario given as data', async () => {
    const doc = await renderToDom(EnvelopeDiagram, { data: bcc });
    const { figure, svgText, words } = figureOf(doc, 'envelope');
    expect(svgText).toContain('MAIL FROM:<alice@example.test>');
    expect(svgText).toContain('Subject: Notes from');
    expect(figure.querySelectorAll('.is-blind')).toHaveLength(4);
    expect(words).toContain('RCPT TO:<carol@sender.example>: accepted; named in no header field, a blind copy (Bcc)');
    expect(words).toContain('carol@sender.example appears in no header field');
  });

  test('fails the build for a scenario that sends nothing', async () => {
    await expect(renderToDom(EnvelopeDiagram, { scenario: 'smtp-mistakes' })).rejects.toThrow(/<EnvelopeDiagram>.*smtp-mistakes/);
  });
});

describe('ReplyAnatomy', () => {
  test('labels the parts of a real reply from the engine', async () => {
    const doc = await renderToDom(ReplyAnatomy, { scenario: 'smtp-mistakes-relay', reply: '554 5.7.1' });
    const { svgText, words } = figureOf(doc, 'reply');
    for (const t of ['554', '5.7.1', 'Reply code', 'Enhanced status code', 'Free text', 'servers word it differently', 'Permanent negative completion']) expect(svgText).toContain(t);
    expect(words).toContain('554 5.7.1 <carol@sender.example>: Relay access denied');
    expect([...doc.querySelectorAll('.mw-dg-parts dt')].map((dt) => text(dt.querySelector('code')))).toEqual(['554', '5.7.1', '<carol@sender.example>: Relay access denied']);
  });

  test('infers the protocol, and fails the build for a reply the scenario never gets or a wrong protocol', async () => {
    const { svgText } = figureOf(await renderToDom(ReplyAnatomy, { scenario: 'pop3-stls-vs-995', reply: '-ERR' }), 'reply');
    expect(svgText).toContain('[AUTH]');
    await expect(renderToDom(ReplyAnatomy, { scenario: 'smtp-mistakes-relay', reply: '550' })).rejects.toThrow(/no server line starts with reply="550"/);
    await expect(renderToDom(ReplyAnatomy, { scenario: 'smtp-mistakes-relay', reply: '554', protocol: 'imap' })).rejects.toThrow(/protocol="imap" but the scenario is smtp/);
  });
});

describe('StorageDiagram', () => {
  test('shows POP3 copies and IMAP’s one mailbox, with the comparison table’s words', async () => {
    const { svgText, words } = figureOf(await renderToDom(StorageDiagram), 'storage');
    for (const t of ['POP3', 'IMAP', 'Laptop', 'Phone']) expect(svgText).toContain(t);
    const cell = (id: string, p: 'pop3' | 'imap') => facts.features.find((f) => f.id === id)!.cells[p]!.text;
    for (const p of ['pop3', 'imap'] as const) for (const id of ['whereMailLives', 'multiDevice', 'flagsSynced']) expect(words).toContain(cell(id, p));
    expect(words).toContain('“leave a copy on the server” means the client never sends DELE');
  });

  test('fails the build for an unknown choice', async () => {
    await expect(renderToDom(StorageDiagram, { show: 'jmap' })).rejects.toThrow(/<StorageDiagram> got invalid props: show/);
  });
});
