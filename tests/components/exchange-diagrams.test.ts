/** The Exchange lesson's components: three build-time diagrams and <ExchangeDate>, all from src/data. */
import { describe, expect, test } from 'vitest';
import AutodiscoverOrder from '../../src/components/diagrams/AutodiscoverOrder.astro';
import ExchangeSpeaks from '../../src/components/diagrams/ExchangeSpeaks.astro';
import ExchangeTimeline from '../../src/components/diagrams/ExchangeTimeline.astro';
import ExchangeDate from '../../src/components/lesson/ExchangeDate.astro';
import GraphLimits from '../../src/components/lesson/GraphLimits.astro';
import { layoutSpeaks } from '../../src/components/diagrams/exchange-speaks-layout.ts';
import { layoutLookup, layoutTimeline, LOOKUP_WORDS } from '../../src/components/diagrams/exchange-steps-layout.ts';
import { OFFER_LABELS, lookupSteps, speaksRows } from '../../src/components/diagrams/exchange-views.ts';
import { flatten, sceneText } from '../../src/components/diagrams/scene.ts';
import { exchangeDays } from '../../src/components/lesson/exchange-days.ts';
import { longDate } from '../../src/data/dates.ts';
import { exchange } from '../../src/data/index.ts';
import { expectReadable } from './diagrams-scene-checks.ts';
import { renderToDom, text } from './render.ts';

const offer = (protocol: string, deployment: string) => exchange.offers.find((o) => o.protocol === protocol && o.deployment === deployment)!;

describe('What Exchange speaks', () => {
  test('every protocol with both deployments’ offers from exchange.ts', () => {
    const rows = speaksRows();
    expect(rows).toHaveLength(9);
    for (const r of rows) {
      expect(r.offers.map((o) => o.deployment)).toEqual(['server-se', 'online']);
      for (const o of r.offers) expect(o.state).toBe(offer(r.id, o.deployment).state);
    }
    expect(rows.find((r) => r.id === 'graph')!.offers[0]!.state).toBe('not-offered');
    expect(rows.find((r) => r.id === 'ews')!.offers[1]!.state).toBe('blocked-unless-allow-listed');
    expect(rows.find((r) => r.id === 'imap')!.offers[0]!.state).toBe('off-by-default');
  });

  test.each([[false, 340], [true, 600]] as const)('wide %s: readable, each card saying who speaks it and what each deployment offers', (wide, max) => {
    const scene = layoutSpeaks(speaksRows(), wide);
    expectReadable(scene, max);
    const all = sceneText(scene).join(' ');
    for (const t of ['MAPI over HTTP · 443', 'Classic Outlook for Windows', 'Server SE: not offered', `Online: ${OFFER_LABELS['blocked-unless-allow-listed']}`, 'IMAP4 · 993, 143', 'Server SE: off by default']) expect(all).toContain(t);
    const cards = flatten(scene.items).length;
    expect(cards).toBeGreaterThan(9 * 4);
  });

  test('renders a figure with both drawings and each protocol in words, with its offers', async () => {
    const doc = await renderToDom(ExchangeSpeaks);
    const figure = doc.querySelector('figure[data-diagram="exchange-speaks"]')!;
    expect(figure.querySelectorAll('svg[role="img"]')).toHaveLength(2);
    expect(figure.querySelector('script')).toBeNull();
    const items = [...figure.querySelectorAll('.mw-dg-words li')];
    expect(items.map((li) => li.getAttribute('data-protocol'))).toEqual(speaksRows().map((r) => r.id));
    expect(text(items[1])).toContain(offer('ews', 'online').text);
  });
});

describe('Autodiscover lookup order', () => {
  test('the data’s five steps for a domain, in order, the port 80 step without credentials', () => {
    const steps = lookupSteps('example.test');
    expect(steps.map((s) => s.id)).toEqual(exchange.autodiscoverOrder.map((s) => s.id));
    expect(steps[3]).toMatchObject({ n: 4, id: 'http-redirect', sendsCredentials: false, request: 'GET http://autodiscover.example.test/autodiscover/autodiscover.xml' });
    expect(steps.filter((s) => !s.sendsCredentials)).toHaveLength(1);
  });

  test.each([[false, 340], [true, 600]] as const)('wide %s: readable, numbered, the redirect step dashed and marked', (wide, max) => {
    const scene = layoutLookup(lookupSteps(), wide);
    expectReadable(scene, max);
    const all = sceneText(scene).join(' ');
    for (const n of ['1', '2', '3', '4', '5']) expect(sceneText(scene)).toContain(n);
    expect(all).toContain(LOOKUP_WORDS.noCredentials);
    const dashed = flatten(scene.items).filter((i) => i.kind === 'rect' && i.cls.includes('mw-dg-dashed'));
    expect(dashed).toHaveLength(1);
  });

  test('renders the steps as an ordered list a reader can follow without the picture', async () => {
    const doc = await renderToDom(AutodiscoverOrder, { domain: 'example.test' });
    const items = [...doc.querySelectorAll('figure[data-diagram="autodiscover-order"] .mw-dg-words ol > li')];
    expect(items).toHaveLength(5);
    expect(text(items[3])).toMatch(/^GET http:\/\/autodiscover\.example\.test\/.*No credentials: only follows a redirect to HTTPS\.$/);
    expect(text(items[1])).not.toMatch(/No credentials/);
  });

  test('refuses a domain that is not one', async () => {
    await expect(renderToDom(AutodiscoverOrder, { domain: 'not a domain' })).rejects.toThrow(/<AutodiscoverOrder> got invalid props: domain/);
  });
});

describe('Exchange timeline', () => {
  test.each([[false, 340], [true, 600]] as const)('wide %s: readable, days after the check hollow and below the line', (wide, max) => {
    const entries = [
      { id: 'a', day: '1 October 2022', title: 'Basic authentication off', who: 'Exchange Online', future: false },
      { id: 'b', day: '1 April 2027', title: 'EWS shuts down', who: 'Exchange Online', future: true },
    ];
    const scene = layoutTimeline(entries, 'Facts checked on 7 December 2026', wide);
    expectReadable(scene, max);
    const texts = sceneText(scene);
    expect(texts.indexOf('1 October 2022')).toBeLessThan(texts.indexOf('Facts checked on 7 December 2026'));
    expect(texts.indexOf('Facts checked on 7 December 2026')).toBeLessThan(texts.indexOf('1 April 2027'));
    const hollow = flatten(scene.items).filter((i) => i.kind === 'circle' && i.cls === 'mw-dg-num');
    expect(hollow).toHaveLength(1);
  });

  test('renders every dated fact with its sources; days after the check are marked planned', async () => {
    const doc = await renderToDom(ExchangeTimeline);
    const items = [...doc.querySelectorAll('figure[data-diagram="exchange-timeline"] .mw-dg-words ol > li')];
    const days = exchangeDays();
    expect(items.map((li) => li.getAttribute('data-event'))).toEqual(days.map((d) => d.id));
    const checked = exchange.ewsOnline.lastVerified;
    for (const [i, d] of days.entries()) {
      expect(items[i]!.querySelector('time')!.getAttribute('datetime')).toBe(d.date);
      expect(text(items[i]).includes('(planned)'), d.id).toBe(d.date > checked);
      expect(items[i]!.querySelectorAll('a[href^="https://"]').length, d.id).toBe(d.sources.length);
    }
    expect(text(doc.querySelector('figure svg desc'))).toContain(longDate(checked));
  });

  test('`from` leaves out older days', async () => {
    const doc = await renderToDom(ExchangeTimeline, { from: '2026-01-01' });
    const ids = [...doc.querySelectorAll('.mw-dg-words li')].map((li) => li.getAttribute('data-event'));
    expect(ids).not.toContain('basic-auth-off');
    expect(ids).toContain('ews-shutdown');
  });
});

describe('<ExchangeDate>', () => {
  test('writes the data’s day in a <time> element, or its month', async () => {
    const day = await renderToDom(ExchangeDate, { id: 'ews-shutdown' });
    const time = day.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(exchange.ewsOnline.shutdown);
    expect(text(time)).toBe(longDate(exchange.ewsOnline.shutdown));
    const month = await renderToDom(ExchangeDate, { id: 'smtp-auth-default-off', month: true });
    expect(text(month.querySelector('time'))).toBe('December 2026');
  });

  test('fails the build for an unknown id, or `until` on a single day', async () => {
    await expect(renderToDom(ExchangeDate, { id: 'ews-off' })).rejects.toThrow(/no Exchange date "ews-off"/);
    await expect(renderToDom(ExchangeDate, { id: 'ews-shutdown', until: true })).rejects.toThrow(/has no last day/);
  });
});

describe('<GraphLimits>', () => {
  test('says Graph’s Outlook limits from the data', async () => {
    const doc = await renderToDom(GraphLimits);
    const { requestsPerWindow, windowSeconds, concurrentRequests } = exchange.graphLimits;
    expect(text(doc.querySelector('[data-graph-limits]'))).toBe(`${requestsPerWindow.toLocaleString('en-GB')} requests per mailbox in ${windowSeconds / 60} minutes, and ${concurrentRequests} at a time`);
    expect(text(doc.body)).toBe('10,000 requests per mailbox in 10 minutes, and 4 at a time');
  });
});
