import { describe, expect, test } from 'vitest';
import { facts, securityLabels } from '../../src/data/lookup.ts';
import { mailPathHops, PLACES, portLines } from '../../src/components/diagrams/mail-path.ts';
import { layoutMailPathNarrow, layoutMailPathWide } from '../../src/components/diagrams/mail-path-layout.ts';
import { flatten, sceneText, type Item } from '../../src/components/diagrams/scene.ts';
import { expectReadable } from './diagrams-scene-checks.ts';

const hops = mailPathHops();
const hop = (title: string) => hops.find((h) => h.title === title)!;
const label = (port: number) => securityLabels[facts.ports.find((p) => p.port === port)!.security];

describe('mailPathHops', () => {
  test('numbers five hops: submission, MX lookup, relay, delivery, reading', () => {
    expect(hops.map((h) => `${h.n} ${h.title}: ${h.from} → ${h.to}`)).toEqual([
      '1 Submission: sender → msa',
      '2 MX lookup: msa → dns',
      '3 Relay: msa → mx',
      '4 Delivery: mx → mailbox',
      '5 Reading: mailbox → reader',
    ]);
  });

  test('takes ports and security from the data file: the registered submission ports, 25 for relay, IMAP and POP3 for reading', () => {
    expect(hop('Submission').ports.map((p) => p.port)).toEqual([587, 465]);
    expect(portLines(hop('Submission'))).toEqual([`587 · ${label(587)}`, `465 · ${label(465)}`]);
    expect(hop('Relay').ports).toEqual([{ port: 25, security: label(25) }]);
    expect(portLines(hop('Reading'))).toEqual([`IMAP 143 · ${label(143)}`, `IMAP 993 · ${label(993)}`, `POP3 110 · ${label(110)}`, `POP3 995 · ${label(995)}`]);
    expect(hop('Submission').protocol).toBe(facts.protocols.find((p) => p.id === 'smtp-submission')!.name);
  });

  test('leaves out 2525, which IANA does not register for mail', () => {
    expect(hops.flatMap((h) => h.ports.map((p) => p.port))).not.toContain(2525);
  });

  test('names the MX lookup’s answer a host name, never an address or a port', () => {
    const lookup = hop('MX lookup');
    expect(lookup.ports).toEqual([]);
    expect(lookup.text).toMatch(/host name, mail\.example\.test: never an IP address, and never a port/);
    expect(lookup.sources).toEqual([{ kind: 'rfc', rfc: 5321, section: '5.1' }]);
  });
});

describe('mail path layouts', () => {
  test.each([
    ['narrow', layoutMailPathNarrow, 340],
    ['wide', layoutMailPathWide, 600],
  ] as const)('the %s drawing has every place, every hop number and 587, 465 and 25, all readable', (_name, layout, max) => {
    const scene = layout(PLACES, hops);
    expectReadable(scene, max);
    const text = sceneText(scene).join('\n');
    for (const p of PLACES) expect(text.replace(/\n/g, ' ')).toContain(p.title.split(' ')[0]);
    for (const n of ['1', '2', '3', '4', '5']) expect(sceneText(scene)).toContain(n);
    for (const port of ['587', '465', '25 ']) expect(text).toContain(port);
    const hopGroups = flatten2(scene.items).filter((i) => i.kind === 'group' && i.data?.hop);
    expect(new Set(hopGroups.map((g) => (g as { data: Record<string, string> }).data.hop))).toEqual(new Set(['1', '2', '3', '4', '5']));
  });
});

function flatten2(items: readonly Item[]): Item[] {
  return items.flatMap((i) => (i.kind === 'group' ? [i, ...flatten2(i.items)] : [i]));
}
void flatten;
