/** The static transcript of the Exchange scenarios: request and response parts, pretty bodies, folding, no JavaScript. */
import { describe, expect, it } from 'vitest';
import HttpTranscript from '../../src/components/lesson/HttpTranscript.astro';
import SideBySide from '../../src/components/lesson/SideBySide.astro';
import { FOLD_HEAD, httpBlocks, shortenTokens } from '../../src/components/lesson/http-exchange-view.ts';
import { httpScenarioById, httpScenarios, playChecked } from '../../src/components/lesson/http-transcript.ts';
import { allScenarios } from '../../src/components/lesson/scenario-transcript.ts';
import { renderToDom, text } from './render.ts';

describe('HTTP transcript blocks', () => {
  it('load the course’s HTTP scenarios apart from the line scenarios', () => {
    expect(httpScenarios.map((s) => s.id).sort()).toEqual(['exchange-activesync-phone', 'exchange-autodiscover', 'exchange-graph-throttled', 'exchange-three-ways-ews', 'exchange-three-ways-graph']);
    expect(allScenarios.some((s) => s.id.startsWith('exchange-'))).toBe(false);
    expect(() => httpScenarioById('exchange-nothing')).toThrow(/no HTTP scenario "exchange-nothing"/);
  });

  it('give each step its request and response: start line, headers, and the body pretty-printed or decoded', () => {
    const scenario = httpScenarioById('exchange-activesync-phone');
    const blocks = httpBlocks(scenario, playChecked(scenario));
    expect(blocks.map((b) => b.label)).toEqual(['Connection', ...scenario.steps.map((_, i) => `Step ${i + 1}`)]);
    expect(blocks[0]!.lead).toEqual(['Connection to mail.example.test, port 443', 'TLS handshake before the first request (https); everything after this is encrypted']);
    const provision = blocks[2]!;
    expect(provision.request!.start).toBe('POST /Microsoft-Server-ActiveSync?Cmd=Provision&User=alice&DeviceId=PHONE1&DeviceType=iPhone HTTP/1.1');
    expect(provision.request!.headers).toContainEqual(['MS-ASProtocolVersion', '16.1']);
    expect(provision.request).toMatchObject({ bodyKind: 'wbxml', head: expect.arrayContaining(['<Provision xmlns="Provision">', '  <Policies>']) });
    expect(provision.response!.start).toBe('HTTP/1.1 200 OK');
    expect(provision.protection).toBe('encrypted');
    expect(blocks[7]!.during).toEqual(['While the server holds the request: New mail arrives for alice@example.test from carol@elsewhere.test: “Train times”']);
  });

  it('fold a long body after its first lines, and keep a short one whole', () => {
    const scenario = httpScenarioById('exchange-autodiscover');
    const blocks = httpBlocks(scenario, playChecked(scenario));
    const pox = blocks[4]!.response!;
    expect(pox.bodyKind).toBe('xml');
    expect(pox.head).toHaveLength(FOLD_HEAD);
    expect(pox.rest.join('\n')).toContain('<EwsUrl>https://mail.example.test/EWS/Exchange.asmx</EwsUrl>');
    expect(blocks[5]!.response).toMatchObject({ bodyKind: 'json', head: ['{', '  "Protocol": "EWS",', '  "Url": "https://mail.example.test/EWS/Exchange.asmx"', '}'], rest: [] });
    expect(blocks[1]).toMatchObject({ lead: ['Connection attempt to example.test, port 443: nothing answers'], request: undefined, response: undefined, observed: '-' });
    expect(blocks[3]!.protection).toBe('plain');
  });

  it('shorten access tokens, in headers and bodies, and nothing else', () => {
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.';
    expect(shortenTokens(`Bearer ${jwt}`)).toBe('Bearer eyJ0eXAiOiJ…');
    expect(shortenTokens('"id": "SQBhbGljZQBJTkJPWAAxNzk1MjUyMjI3ADM="')).toBe('"id": "SQBhbGljZQBJTkJPWAAxNzk1MjUyMjI3ADM="');
    const scenario = httpScenarioById('exchange-graph-throttled');
    const blocks = httpBlocks(scenario, playChecked(scenario));
    expect(blocks[2]!.request!.headers).toContainEqual(['Authorization', 'Bearer eyJ0eXAiOiJ…']);
    expect(blocks[2]!.lead).toEqual(['New connection to graph.microsoft.test, port 443', 'TLS handshake before the first request (https); everything after this is encrypted', 'The same request is sent 10,000 times; the last one is shown']);
    expect(blocks[4]!.lead).toEqual(['600 seconds pass']);
  });

  it('fail the build when a step no longer gets its status', () => {
    const scenario = httpScenarioById('exchange-graph-throttled');
    const wrong = { ...scenario, steps: scenario.steps.map((s, i) => (i === 2 ? { ...s, expect: '200' } : s)) };
    expect(() => playChecked(wrong)).toThrow(/step 3: expected 200, the engine gave 429/);
  });
});

describe('<HttpTranscript> and <SideBySide>', () => {
  it('render each step’s request and response parts, a folded body in <details>, and no script', async () => {
    const doc = await renderToDom(HttpTranscript, { id: 'exchange-autodiscover' });
    const section = doc.querySelector('section[data-http-scenario="exchange-autodiscover"]')!;
    expect(text(section.querySelector('h3'))).toBe('Outlook finds Exchange with Autodiscover');
    const steps = [...section.querySelectorAll('.mw-transcript-step')];
    expect(steps).toHaveLength(8);
    const step4 = steps[4]!;
    expect(text(step4.querySelector('[data-part="request"] .mw-http-start'))).toBe('POST /autodiscover/autodiscover.xml HTTP/1.1');
    expect(text(step4.querySelector('[data-part="request"]'))).toContain('X-MapiHttpCapability: 1');
    expect(text(step4.querySelector('[data-part="response"] .mw-http-start'))).toBe('HTTP/1.1 200 OK');
    expect(text(step4.querySelector('[data-part="response"] details summary'))).toMatch(/^Show the other \d+ lines of the body$/);
    expect(text(steps[3]!.querySelector('[data-part="response"]'))).toContain('Location: https://autodiscover.example.test/autodiscover/autodiscover.xml');
    expect(steps[1]!.getAttribute('data-status')).toBe('-');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('play its columns on one world and render one column each, IMAP lines beside HTTP parts', async () => {
    const columns = [
      { id: 'imap-exchange-online-read', label: 'IMAP' },
      { id: 'exchange-three-ways-ews', label: 'EWS' },
      { id: 'exchange-three-ways-graph', label: 'Microsoft Graph' },
    ];
    const doc = await renderToDom(SideBySide, { columns, headingLevel: 4 });
    const cols = [...doc.querySelectorAll('.mw-side-column')];
    expect(cols.map((c) => [c.getAttribute('data-column'), text(c.querySelector('h4'))])).toEqual(columns.map((c) => [c.id, c.label]));
    expect(text(cols[0]!.querySelector('.mw-side-code'))).toContain('Connection to port 993');
    expect(text(cols[0])).toContain('C: a4 FETCH * (BODY[])');
    expect(text(cols[1])).toContain('<m:GetItem>');
    expect(text(cols[2])).toContain('"isRead": true');
    expect(new Set([...doc.querySelectorAll('[id]')].map((e) => e.id)).size).toBe(doc.querySelectorAll('[id]').length);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });
});
