/**
 * The Exchange lesson's data: the protocols Exchange speaks, the dates as prose writes them, and the Exchange myths
 * and situations, whose every date must be one of exchange.ts's (no date typed twice).
 */
import { describe, expect, test } from 'vitest';
import { longDate, monthYear } from '../../src/data/dates.ts';
import { exchangeProtocol, exchangeProtocols } from '../../src/data/exchange-protocols.ts';
import { exchange, exchangeProtocolIds, facts } from '../../src/data/index.ts';
import { exchangeDay, exchangeDays } from '../../src/components/lesson/exchange-days.ts';
import { lessonQuestions } from '../../src/quiz/questions.ts';

describe('dates in prose', () => {
  test('a day and a month as the site writes them', () => {
    expect(longDate('2022-10-01')).toBe('1 October 2022');
    expect(longDate('2027-04-01')).toBe('1 April 2027');
    expect(monthYear('2026-12-31')).toBe('December 2026');
  });

  test.each(['2026-13-01', '2026-00-10', '26-10-01', '1 October 2022', '', '2026-10-32'])('refuses %j', (bad) => {
    expect(() => longDate(bad)).toThrow(/not an ISO day/);
    expect(() => monthYear(bad)).toThrow(/not an ISO day/);
  });
});

describe('the protocols Exchange speaks', () => {
  test('one entry per protocol id, in the same order, each sourced and checked in December 2026', () => {
    expect(exchangeProtocols.map((p) => p.id)).toEqual([...exchangeProtocolIds]);
    for (const p of exchangeProtocols) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(p.lastVerified, p.id).toMatch(/^2026-12-/);
    }
  });

  test('every port is one the port facts list, and the web protocols use the port Exchange’s data gives for HTTPS', () => {
    const known = facts.ports.map((p) => p.port);
    for (const p of exchangeProtocols) for (const port of p.ports) expect(known, `${p.id} ${port}`).toContain(port);
    const https = exchange.ports.find((p) => p.carriesMail)!.port;
    for (const id of ['mapi-http', 'ews', 'graph', 'activesync', 'owa', 'autodiscover'] as const) expect(exchangeProtocol(id).ports).toEqual([https]);
    expect(exchangeProtocols.flatMap((p) => p.ports)).not.toContain(exchange.ports.find((p) => !p.carriesMail)!.port);
  });

  test('the ports of IMAP, POP3 and SMTP submission are those protocols’ own', () => {
    for (const id of ['imap', 'pop3', 'smtp-submission'] as const) {
      const own = facts.ports.filter((p) => p.protocols.includes(id)).map((p) => p.port);
      for (const port of exchangeProtocol(id).ports) expect(own, id).toContain(port);
    }
  });
});

describe('the dated Exchange facts', () => {
  const days = exchangeDays();

  test('hold every date of exchange.ts, oldest first', () => {
    const dates = days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    const ews = exchange.ewsOnline;
    for (const d of [ews.allowListDeadline, ews.blockedUnlessAllowListedFrom, ews.shutdown, ...exchange.events.map((e) => e.date)]) expect(dates).toContain(d);
    for (const b of exchange.basicAuth) for (const d of [b.refusedFrom, b.defaultOffFrom]) if (d) expect(dates).toContain(d);
    for (const dep of exchange.deployments) if (dep.released) expect(dates).toContain(dep.released);
    expect(new Set(days.map((d) => d.id)).size).toBe(days.length);
  });

  test('by id, with the data’s sentence and sources; an unknown id names the ones that exist', () => {
    expect(exchangeDay('ews-shutdown')).toMatchObject({ date: exchange.ewsOnline.shutdown, deployment: 'online', sources: exchange.ewsOnline.sources });
    expect(exchangeDay('smtp-auth-default-off').date).toBe('2026-12-31');
    expect(exchangeDay('basic-auth-off').date).toBe('2022-10-01');
    expect(exchangeDay('eas-online-16-1-minimum')).toMatchObject({ date: '2026-03-01', deployment: 'online' });
    expect(() => exchangeDay('ews-shutdwon')).toThrow(/no Exchange date "ews-shutdwon".*ews-shutdown/);
  });
});

describe('Exchange myths and situations', () => {
  /** Every date a text writes in words ("1 October 2026", "April 2027"). */
  const datesIn = (s: string): string[] =>
    s.match(/\b(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g) ?? [];
  const known = new Set(exchangeDays().flatMap((d) => [longDate(d.date), monthYear(d.date)]));
  const exchangeMyths = facts.myths.filter((m) => m.lessons.includes('exchange'));
  const exchangeSituations = facts.situations.filter((s) => s.lessons.includes('exchange'));

  test('the brief’s myths are there: ports, passwords, IMAP switched off, EWS for new apps; port 80 and Outlook-over-IMAP are ports’ myths', () => {
    expect(exchangeMyths.map((m) => m.id)).toEqual(['exchange-all-ports', 'exchange-online-password', 'exchange-online-no-imap', 'ews-for-new-apps']);
    expect(facts.ports.find((p) => p.port === 80)!.misconception.myth).toMatch(/Exchange uses port 80/);
    expect(facts.ports.find((p) => p.port === 443)!.misconception.myth).toMatch(/Outlook talks to Exchange over IMAP/);
  });

  test('every date they write is one of exchange.ts’s, written by longDate or monthYear', () => {
    const texts = [
      ...exchangeMyths.flatMap((m) => [m.myth, m.correction]),
      ...exchangeSituations.flatMap((s) => [s.prompt, s.explanation]),
      facts.protocols.find((p) => p.id === 'exchange')!.summary,
      ...facts.ports.filter((p) => p.protocols.includes('exchange')).flatMap((p) => [p.description, p.misconception.correction]),
      ...facts.features.flatMap((f) => (f.cells.exchange ? [f.cells.exchange.text] : [])),
    ];
    const found = texts.flatMap(datesIn);
    expect(found.length).toBeGreaterThan(4);
    for (const d of found) expect(known, d).toContain(d);
  });

  test('the password myth gives the day Basic authentication went, from the data', () => {
    const m = facts.myths.find((x) => x.id === 'exchange-online-password')!;
    expect(m.correction).toContain(longDate(exchange.basicAuth.find((b) => b.deployment === 'online' && b.protocol === 'imap')!.refusedFrom!));
    expect(m.correction).toMatch(/XOAUTH2/);
  });

  test('the lesson’s quiz has enough questions of its own, Exchange’s situations among them', () => {
    const ids = lessonQuestions('exchange').map((q) => q.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    for (const s of exchangeSituations) expect(ids).toContain(`situation:${s.id}`);
    for (const m of exchangeMyths) expect(ids).toContain(`myth-or-fact:myth:${m.id}`);
  });
});
