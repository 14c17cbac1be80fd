/**
 * Autodiscover: Microsoft's documented POX request ("POX Autodiscover request for Exchange", with the https
 * namespaces Learn prints), the mapiHttp block ("Protocol (POX)", "MailStore (POX)"), error 600 ("POX Autodiscover
 * response for Exchange"), error 500 ([MS-OXDSCLI] ErrorCode), the mobilesync schema ([MS-ASCMD] §4.2.4), v2 JSON
 * (reference sheet §5.7) and the port 80 redirect ("Autodiscover for Exchange").
 */
import { describe, expect, test } from 'vitest';
import { exchangePort80, exchangeServer } from '../../../src/protocols/exchange/server.ts';
import { fromOctets } from '../../../src/protocols/exchange/xml-write.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { ALICE, all, post, textOf, xmlOf } from './helpers.ts';

const LEARN_REQUEST = `<Autodiscover xmlns="https://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
   <Request>
     <EMailAddress>alice@example.test</EMailAddress>
     <AcceptableResponseSchema>https://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
   </Request>
 </Autodiscover>`;
const MOBILE_REQUEST = `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006"><Request><EMailAddress>alice@example.test</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema></Request></Autodiscover>`;
const AD = '/autodiscover/autodiscover.xml';

describe('POX Autodiscover', () => {
  test('the documented request gets settings: user, EWS URL, EXCH, EXPR and WEB on Exchange Server', () => {
    const server = exchangeServer(new MailWorld(), 'server-se');
    const root = xmlOf(server(post(AD, LEARN_REQUEST)));
    expect(root.ns).toBe('http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006');
    expect(root.children[0]!.ns).toBe('http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a');
    expect(textOf(root, 'DisplayName')).toBe('Alice');
    expect(textOf(root, 'AutoDiscoverSMTPAddress')).toBe('alice@example.test');
    expect(textOf(root, 'Action')).toBe('settings');
    expect(all(root, 'Type').map((t) => t.text)).toEqual(['EXCH', 'EXPR', 'WEB']);
    expect(textOf(root, 'EwsUrl')).toBe('https://mail.example.test/EWS/Exchange.asmx');
    expect(all(root, 'Protocol').some((p) => p.attrs.get('Type') === 'mapiHttp')).toBe(false);
  });

  test('X-MapiHttpCapability: 1 adds Protocol Type="mapiHttp" Version="1" with MailStore and AddressBook', () => {
    const server = exchangeServer(new MailWorld(), 'online', { authorizer: { authorize: () => ({ subject: 'alice', appId: 'outlook', audience: 'https://outlook.office365.test', scopes: ['EWS.AccessAsUser.All'], expiresAt: Date.UTC(2030, 0, 1) }) } });
    const root = xmlOf(server(post(AD, LEARN_REQUEST, 'Bearer x', [['X-MapiHttpCapability', '1']])));
    const mapi = all(root, 'Protocol').find((p) => p.attrs.get('Type') === 'mapiHttp')!;
    expect(mapi.attrs.get('Version')).toBe('1');
    expect(textOf(all(mapi, 'MailStore')[0]!, 'ExternalUrl')).toMatch(/^https:\/\/outlook\.office365\.test\/mapi\/emsmdb\/\?MailboxId=[0-9a-f-]{36}@example\.test$/);
    expect(textOf(all(mapi, 'AddressBook')[0]!, 'InternalUrl')).toMatch(/\/mapi\/nspi\/\?MailboxId=/);
    // Outlook Anywhere ended in Exchange Online: no EXPR there.
    expect(all(root, 'Type').map((t) => t.text)).not.toContain('EXPR');
  });

  test('a malformed request is error 600 Invalid Request in the generic namespace; an unknown address 500', () => {
    const server = exchangeServer(new MailWorld(), 'server-se');
    const bad = xmlOf(server(post(AD, '<Autodiscover><Nonsense/></Autodiscover>')));
    expect(bad.children[0]!.ns).toBe('http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006');
    expect(textOf(bad, 'ErrorCode')).toBe('600');
    expect(textOf(bad, 'Message')).toBe('Invalid Request');
    expect(all(bad, 'Error')[0]!.attrs.get('Time')).toMatch(/^\d\d:\d\d:\d\d\.\d{7}$/);
    const unknown = xmlOf(server(post(AD, LEARN_REQUEST.replace('alice@', 'nobody@'))));
    expect(textOf(unknown, 'ErrorCode')).toBe('500');
  });

  test('the mobilesync schema answers as [MS-ASCMD] 4.2.4 shows: Culture, User, Action/Settings/Server MobileSync', () => {
    const root = xmlOf(exchangeServer(new MailWorld(), 'server-se')(post(AD, MOBILE_REQUEST)));
    expect(root.children[0]!.ns).toBe('http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006');
    expect(textOf(root, 'Culture')).toBe('en:us');
    expect(textOf(root, 'EMailAddress')).toBe('alice@example.test');
    expect(textOf(root, 'Type')).toBe('MobileSync');
    expect(textOf(root, 'Url')).toBe('https://mail.example.test/Microsoft-Server-ActiveSync');
  });

  test('needs credentials: 401 without them', () => {
    const res = exchangeServer(new MailWorld(), 'server-se')({ ...post(AD, LEARN_REQUEST), headers: [['Content-Type', 'text/xml']] });
    expect(res.status).toBe(401);
    expect(exchangeServer(new MailWorld(), 'server-se')(post(AD, LEARN_REQUEST, ALICE)).status).toBe(200);
  });
});

describe('Autodiscover v2 (JSON)', () => {
  const get = (target: string) => exchangeServer(new MailWorld(), 'online')({ method: 'GET', target, headers: [], body: '' });
  test.each([
    ['EWS', { Protocol: 'EWS', Url: 'https://outlook.office365.test/EWS/Exchange.asmx' }],
    ['ActiveSync', { Protocol: 'ActiveSync', Url: 'https://outlook.office365.test/Microsoft-Server-ActiveSync' }],
    ['AutodiscoverV1', { Protocol: 'AutodiscoverV1', Url: 'https://outlook.office365.test/autodiscover/autodiscover.xml' }],
  ])('Protocol=%s answers anonymously with the URL', (protocol, expected) => {
    const res = get(`/autodiscover/autodiscover.json/v1.0/alice%40example.test?Protocol=${protocol}`);
    expect(res.status).toBe(200);
    expect(JSON.parse(fromOctets(res.body)!)).toEqual(expected);
  });

  test('an unknown protocol is 400 InvalidProtocol', () => {
    const res = get('/autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=Smtp');
    expect(res.status).toBe(400);
    const body = JSON.parse(fromOctets(res.body)!);
    expect(body.ErrorCode).toBe('InvalidProtocol');
    expect(body.ErrorMessage).toMatch(/^The given protocol value 'Smtp' is invalid\. Supported values are '/);
  });
});

describe('port 80', () => {
  test('the redirect method: 302 to the HTTPS Autodiscover URL, credentials or not', () => {
    const http = exchangePort80('server-se');
    for (const headers of [[], [['Authorization', ALICE]]] as [string, string][][]) {
      const res = http({ method: 'GET', target: '/autodiscover/autodiscover.xml', headers, body: '' });
      expect(res.status).toBe(302);
      expect(res.headers).toContainEqual(['Location', 'https://autodiscover.example.test/autodiscover/autodiscover.xml']);
      expect(res.body).toBe('');
    }
    expect(http({ method: 'POST', target: '/EWS/Exchange.asmx', headers: [], body: '' }).status).toBe(404);
  });
});
