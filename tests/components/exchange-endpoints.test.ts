/**
 * The Exchange widget's pure parts against the engine: endpoints() is the palette of each deployment and every
 * template gets the answer its endpoint documents; the catalogue explains what the messages show; bodies are
 * pretty-printed (XML indented, WBXML decoded) and a 10 MB body gets the server's answer and a bounded view.
 */
import { describe, expect, test } from 'vitest';
import '../../src/machines/http-servers.ts';
import { LiveExchange, parts } from '../../src/components/widgets/simulator/exchange-live.ts';
import { formRequest, xmlToWbxml } from '../../src/components/widgets/simulator/exchange-request.ts';
import { prettyBody, requestView, SHOWN_OCTETS } from '../../src/components/widgets/simulator/http-message.ts';
import { wbxmlLines } from '../../src/components/widgets/simulator/wbxml-view.ts';
import { indentXml } from '../../src/components/widgets/simulator/xml-pretty.ts';
import { endpoints, type EndpointTemplate } from '../../src/protocols/exchange/endpoints.ts';
import { explainExchange } from '../../src/protocols/exchange/explain.ts';
import { messageParts } from '../../src/protocols/exchange/explain-parts.ts';
import { explainHttpStatus } from '../../src/protocols/shared/http-catalogue.ts';
import { exchangeFacts } from '../../src/data/exchange.ts';
import type { RowEntry } from '../../src/scenarios/player-rows.ts';

const statusOf = (rows: RowEntry[]) => rows.flatMap((r) => (r.kind === 'response' ? [r.response.status] : [])).at(-1);

function sendTemplate(live: LiveExchange, t: EndpointTemplate, auth: string | undefined): RowEntry[] {
  const headers = [...t.headers, ...(auth ? [['Authorization', auth] as const] : [])].map(([n, v]) => `${n}: ${v}`).join('\n');
  return live.send({ method: t.method, target: t.target, host: t.host, headers, body: t.body, bodyKind: t.bodyKind });
}

describe('endpoints()', () => {
  test('is pure, with unique ids; Graph and the identity platform only in Exchange Online', () => {
    for (const d of ['server-se', 'online'] as const) {
      expect(endpoints(d)).toEqual(endpoints(d));
      const ids = endpoints(d).map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const groups = (d: 'server-se' | 'online') => [...new Set(endpoints(d).map((t) => t.group))];
    expect(groups('server-se')).toEqual(['autodiscover', 'ews', 'activesync']);
    expect(groups('online')).toEqual(['autodiscover', 'ews', 'graph', 'identity', 'activesync']);
    expect(endpoints('server-se').filter((t) => t.group === 'ews').map((t) => t.label)).toEqual(
      ['GetFolder', 'FindFolder', 'FindItem', 'GetItem', 'CreateItem', 'UpdateItem', 'MoveItem', 'DeleteItem', 'SyncFolderItems'].map((op) => `EWS ${op}`),
    );
    expect(new Set(endpoints('server-se').map((t) => t.host))).toEqual(new Set(['mail.example.test', 'autodiscover.example.test']));
    expect(new Set(endpoints('online').map((t) => t.host))).toEqual(new Set(['outlook.office365.test', 'graph.microsoft.test', 'login.microsoftonline.test']));
  });

  test('Exchange Server SE: signed in with Basic, every template is answered as its endpoint documents', () => {
    const live = new LiveExchange(1);
    const { credentials } = live.signIn('server-se');
    expect(credentials.basic).toBe(`Basic ${btoa('alice:wonderland')}`);
    const got = Object.fromEntries(endpoints('server-se').map((t) => [t.id, statusOf(sendTemplate(live, t, credentials.basic))]));
    for (const id of Object.keys(got)) expect(got[id], id).toBe(200);
  });

  test('Exchange Online: sign-in gets a Graph and an Exchange token by the device code flow; Graph lists, sends (202) and subscribes (201)', () => {
    const live = new LiveExchange(1);
    const { rows, credentials } = live.signIn('online');
    expect(rows.filter((r) => r.kind === 'request').map((r) => r.kind === 'request' && r.request.target.split('/').at(-1))).toEqual(['devicecode', 'token', 'devicecode', 'token']);
    expect(rows.filter((r) => r.kind === 'response').map((r) => r.kind === 'response' && r.response.status)).toEqual([200, 200, 200, 200]);
    const t = (id: string) => endpoints('online').find((x) => x.id === id)!;
    const auth = (x: EndpointTemplate) => (x.auth === 'graph' ? `Bearer ${credentials.graph}` : x.auth === 'exchange' ? `Bearer ${credentials.exchange}` : undefined);
    const status = (id: string) => statusOf(sendTemplate(live, t(id), auth(t(id))));
    expect(status('graph-messages')).toBe(200);
    expect(status('graph-send')).toBe(202);
    expect(status('graph-subscribe')).toBe(201);
    expect(status('ews-finditem')).toBe(200);
    expect(status('autodiscover-pox')).toBe(200);
    expect(status('identity-token-client')).toBe(200);
    // Without the token, Graph refuses with its challenge.
    const refused = sendTemplate(live, t('graph-messages'), undefined);
    expect(statusOf(refused)).toBe(401);
  });
});

describe('the catalogue', () => {
  test('explains statuses, headers and codes; 429 reads its limit from the data file; unknown keys are undefined', () => {
    expect(explainExchange('status:401')?.title).toBe('Unauthorized');
    expect(explainExchange('header:Retry-After')?.rfc).toBe('RFC 9110 §10.2.3');
    expect(explainExchange('status:429')?.text).toContain(exchangeFacts.graphLimits.requestsPerWindow.toLocaleString('en-GB'));
    for (const key of ['header:x-ms-policykey', 'header:ms-asprotocolversions', 'header:www-authenticate', 'header:@odata.nextlink', 'ews:ErrorItemNotFound', 'graph:TooManyRequests', 'autodiscover:600', 'oauth:authorization_pending']) {
      expect(explainExchange(key), key).toBeDefined();
    }
    expect(explainExchange('header:MS-ASProtocolVersions')?.text).toContain('older than 16.1 since 1 March 2026');
    expect(explainExchange('ews:ErrorAccessDenied')?.text).toContain('1 October 2026');
    // Statuses Exchange adds nothing to come from the shared HTTP catalogue: one place for each.
    expect(explainExchange('status:404')).toEqual(explainHttpStatus('404'));
    expect(explainExchange('status:200')?.text).toContain('ResponseClass');
    expect(explainExchange('ews:constructor')).toBeUndefined();
    expect(explainExchange('nonsense')).toBeUndefined();
  });

  test('finds the parts of a message once each, in reading order', () => {
    const found = messageParts({ status: 200, reason: 'OK', headers: [['Content-Type', 'text/xml'], ['X-Other', '1']], body: '<m:ResponseCode>ErrorItemNotFound</m:ResponseCode> ResponseClass="Error" <m:ResponseCode>ErrorItemNotFound</m:ResponseCode>' });
    expect(found.map((p) => p.key)).toEqual(['status:200', 'header:content-type', 'ews:Error', 'ews:ErrorItemNotFound']);
  });
});

describe('bodies', () => {
  test('XML is indented with short text on its element’s line; text that is not XML is kept', () => {
    expect(indentXml('<a><b>x</b><c/></a>')).toEqual(['<a>', '  <b>x</b>', '  <c/>', '</a>']);
    expect(prettyBody('plain text', 'text/xml')).toEqual(['plain text']);
  });

  test('ActiveSync XML goes as WBXML and comes back as the same XML', () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?>\n<FolderSync xmlns="FolderHierarchy">\n  <SyncKey>0</SyncKey>\n</FolderSync>';
    const octets = xmlToWbxml(xml)!;
    expect(octets.charCodeAt(0)).toBe(0x03);
    expect(wbxmlLines(octets).join('\n')).toBe(xml);
    expect(xmlToWbxml('<Nope xmlns="Unknown"/>')).toBeUndefined();
    // XML that cannot be encoded goes as typed: the server answers it.
    expect(formRequest({ method: 'POST', target: '/x', host: 'h', headers: '', body: '<broken', bodyKind: 'wbxml' }).request.body).toBe('<broken');
    expect(wbxmlLines('\x03\x01')[0]).toMatch(/^\[2 octets that are not WBXML/);
  });

  test('a 10 MB body gets the server’s answer, and its view shows at most SHOWN_OCTETS of it', () => {
    const live = new LiveExchange(1);
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const rows = live.send({ method: 'POST', target: '/EWS/Exchange.asmx', host: 'mail.example.test', headers: 'Content-Type: text/xml', body: huge, bodyKind: 'text' });
    expect(statusOf(rows)).toBeGreaterThanOrEqual(400);
    const request = rows.find((r) => r.kind === 'request');
    expect(request?.kind).toBe('request');
    const view = requestView(request!.kind === 'request' ? request!.request : (undefined as never));
    expect(view.cut).toBe(huge.length - SHOWN_OCTETS);
    expect(view.body.join('').length).toBeLessThanOrEqual(SHOWN_OCTETS);
    expect(parts(rows.find((r) => r.kind === 'response') as never).length).toBeGreaterThan(0);
  });
});
