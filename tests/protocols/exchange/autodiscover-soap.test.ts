/**
 * SOAP Autodiscover: Microsoft's documented GetUserSettings request replayed ("GetUserSettings operation (SOAP)",
 * printed with https:// namespaces), SOAP 1.2, the ErrorCode values of [MS-OXWSADISC] (NoError, InvalidUser,
 * InvalidRequest, InvalidSetting, SettingIsNotAvailable), the X-SOAP-Enabled header a client probes for, the
 * deployments' authentication, and hostile bodies that always get an answer.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { headerValue } from '../../../src/protocols/shared/http-types.ts';
import { messageParts } from '../../../src/protocols/exchange/explain-parts.ts';
import { endpoints } from '../../../src/protocols/exchange/endpoints.ts';
import { exchangeServer } from '../../../src/protocols/exchange/server.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import type { XmlElement } from '../../../src/protocols/exchange/xml-read.ts';
import { ALICE, all, post, textOf, xmlOf } from './helpers.ts';

const SVC = '/autodiscover/autodiscover.svc';
const AD = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';

/** The request of "GetUserSettings operation (SOAP)" on Microsoft Learn, with alice's address. */
const LEARN_REQUEST = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:a="https://schemas.microsoft.com/exchange/2010/Autodiscover"
               xmlns:wsa="http://www.w3.org/2005/08/addressing"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
               xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Header>
    <a:RequestedServerVersion>Exchange2010</a:RequestedServerVersion>
    <wsa:Action>https://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings</wsa:Action>
    <wsa:To>https://autodiscover.example.test/autodiscover/autodiscover.svc</wsa:To>
  </soap:Header>
  <soap:Body>
    <a:GetUserSettingsRequestMessage xmlns:a="https://schemas.microsoft.com/exchange/2010/Autodiscover">
      <a:Request>
        <a:Users>
          <a:User>
            <a:Mailbox>alice@example.test</a:Mailbox>
          </a:User>
        </a:Users>
        <a:RequestedSettings>
          <a:Setting>UserDisplayName</a:Setting>
          <a:Setting>UserDN</a:Setting>
          <a:Setting>UserDeploymentId</a:Setting>
          <a:Setting>InternalMailboxServer</a:Setting>
          <a:Setting>MailboxDN</a:Setting>
          <a:Setting>ActiveDirectoryServer</a:Setting>
          <a:Setting>CasVersion</a:Setting>
          <a:Setting>EwsSupportedSchemas</a:Setting>
        </a:RequestedSettings>
      </a:Request>
    </a:GetUserSettingsRequestMessage>
  </soap:Body>
</soap:Envelope>`;

/** A GetUserSettings request in SOAP 1.1 or 1.2 for `mailboxes` and `settings`. */
function request(mailboxes: string[], settings: string[], soap = 'http://schemas.xmlsoap.org/soap/envelope/'): string {
  const users = mailboxes.map((m) => `<a:User><a:Mailbox>${m}</a:Mailbox></a:User>`).join('');
  const wanted = settings.map((s) => `<a:Setting>${s}</a:Setting>`).join('');
  return `<s:Envelope xmlns:s="${soap}" xmlns:a="${AD}"><s:Header><a:RequestedServerVersion>Exchange2016</a:RequestedServerVersion></s:Header><s:Body><a:GetUserSettingsRequestMessage><a:Request><a:Users>${users}</a:Users><a:RequestedSettings>${wanted}</a:RequestedSettings></a:Request></a:GetUserSettingsRequestMessage></s:Body></s:Envelope>`;
}

/** The settings of the first UserResponse, by name. */
function settingsOf(root: XmlElement): Record<string, string> {
  return Object.fromEntries(all(root, 'UserSetting').map((s) => [textOf(s, 'Name')!, textOf(s, 'Value') ?? '']));
}

const se = () => exchangeServer(new MailWorld(), 'server-se');

describe('SOAP Autodiscover: GetUserSettings', () => {
  test("Microsoft's documented request: NoError, the settings it asks for, and SettingIsNotAvailable for ActiveDirectoryServer", () => {
    const res = se()(post(SVC, LEARN_REQUEST));
    expect(res.status).toBe(200);
    expect(headerValue(res.headers, 'X-SOAP-Enabled')).toBe('True');
    const root = xmlOf(res);
    expect(root.ns).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    expect(textOf(root, 'Action')).toBe(`${AD}/Autodiscover/GetUserSettingsResponse`);
    expect(textOf(root, 'MajorVersion')).toBe('15');
    const message = all(root, 'GetUserSettingsResponseMessage')[0]!;
    expect(message.ns).toBe(AD);
    expect(all(root, 'ErrorCode').map((e) => e.text)).toEqual(['NoError', 'NoError', 'SettingIsNotAvailable']);
    const settings = settingsOf(root);
    expect(Object.keys(settings)).toEqual(['UserDisplayName', 'UserDN', 'UserDeploymentId', 'InternalMailboxServer', 'MailboxDN', 'CasVersion', 'EwsSupportedSchemas']);
    expect(settings.UserDisplayName).toBe('Alice');
    expect(settings.UserDN).toMatch(/^\/o=[^/]+\/ou=Exchange Administrative Group \(FYDIBOHF23SPDLT\)\/cn=Recipients\/cn=alice$/);
    expect(settings.InternalMailboxServer).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@example\.test$/);
    expect(settings.CasVersion).toMatch(/^15\.02\.\d{4}\.\d{3}$/);
    expect(settings.EwsSupportedSchemas).toContain('Exchange2016');
    expect(textOf(all(root, 'UserSettingError')[0]!, 'SettingName')).toBe('ActiveDirectoryServer');
    for (const s of all(root, 'UserSetting')) expect(s.attrs.get('type')).toBe('StringSetting');
  });

  test('the EWS URLs are the deployment host names; Exchange Online names its own', () => {
    const wanted = ['InternalEwsUrl', 'ExternalEwsUrl', 'ExternalMailboxServer'];
    const onSe = settingsOf(xmlOf(se()(post(SVC, request(['alice@example.test'], wanted)))));
    expect(onSe.ExternalEwsUrl).toBe('https://mail.example.test/EWS/Exchange.asmx');
    expect(onSe.InternalEwsUrl).toBe('https://mail.example.test/EWS/Exchange.asmx');
    const authorizer = { authorize: () => ({ subject: 'alice', appId: 'outlook', audience: 'https://outlook.office365.test', scopes: ['EWS.AccessAsUser.All'], expiresAt: Date.UTC(2030, 0, 1) }) };
    const online = exchangeServer(new MailWorld(), 'online', { authorizer });
    const res = online(post(SVC, request(['alice@example.test'], wanted), 'Bearer token'));
    expect(headerValue(res.headers, 'X-OAuth-Enabled')).toBe('True');
    expect(settingsOf(xmlOf(res)).ExternalEwsUrl).toBe('https://outlook.office365.test/EWS/Exchange.asmx');
  });

  test("the widget's palette template is answered NoError with the EWS URL", () => {
    const template = endpoints('server-se').find((t) => t.id === 'autodiscover-soap')!;
    const root = xmlOf(se()(post(template.target, template.body)));
    expect(all(root, 'ErrorCode').map((e) => e.text)).toEqual(['NoError', 'NoError']);
    expect(settingsOf(root).ExternalEwsUrl).toBe('https://mail.example.test/EWS/Exchange.asmx');
  });

  test('SOAP 1.2 is answered in SOAP 1.2 as application/soap+xml', () => {
    const res = se()(post(SVC, request(['alice@example.test'], ['UserDisplayName'], 'http://www.w3.org/2003/05/soap-envelope')));
    expect(headerValue(res.headers, 'Content-Type')).toMatch(/^application\/soap\+xml/);
    expect(xmlOf(res).ns).toBe('http://www.w3.org/2003/05/soap-envelope');
    expect(settingsOf(xmlOf(res)).UserDisplayName).toBe('Alice');
  });

  test('an unknown address is InvalidUser, an unknown setting InvalidSetting; other users in the request are answered', () => {
    const root = xmlOf(se()(post(SVC, request(['nobody@example.test', 'bob@example.test'], ['UserDisplayName', 'NoSuchSetting']))));
    const users = all(root, 'UserResponse');
    expect(users.map((u) => textOf(u, 'ErrorCode'))).toEqual(['InvalidUser', 'NoError']);
    expect(textOf(users[0]!, 'ErrorMessage')).toContain('nobody@example.test');
    expect(settingsOf(users[1]!).UserDisplayName).toBe('Bob');
    expect(textOf(all(users[1]!, 'UserSettingError')[0]!, 'ErrorCode')).toBe('InvalidSetting');
    const ecp = xmlOf(se()(post(SVC, request(['alice@example.test'], ['InternalEcpUrl', 'ExternalOABUrl']))));
    expect(all(ecp, 'UserSettingError').map((e) => textOf(e, 'ErrorCode'))).toEqual(['SettingIsNotAvailable', 'SettingIsNotAvailable']);
  });

  test("the widget's catalogue explains the answer's error codes and the X-SOAP-Enabled header", () => {
    const res = se()(post(SVC, request(['nobody@example.test'], ['UserDisplayName'])));
    const keys = messageParts(res).map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['header:x-soap-enabled', 'autodiscover:InvalidUser']));
  });
});

describe('SOAP Autodiscover: authentication and hostile requests', () => {
  test('no credentials: 401 with the Basic challenge and X-SOAP-Enabled (what a client probes for); a wrong password: 401', () => {
    const res = se()({ method: 'GET', target: '/autodiscover/autodiscover.xml', headers: [['Host', 'autodiscover.example.test']], body: '' });
    expect(res.status).toBe(401);
    expect(headerValue(res.headers, 'WWW-Authenticate')).toMatch(/^Basic realm=/);
    expect(headerValue(res.headers, 'X-SOAP-Enabled')).toBe('True');
    expect(headerValue(res.headers, 'X-WSSecurity-Enabled')).toBeUndefined();
    const anonymous = { ...post(SVC, LEARN_REQUEST), headers: [['Content-Type', 'text/xml']] as [string, string][] };
    expect(se()(anonymous).status).toBe(401);
    expect(se()(post(SVC, LEARN_REQUEST, `Basic ${btoa('alice:nope')}`)).status).toBe(401);
  });

  test('Exchange Online refuses Basic (the data file dates it) and challenges for a bearer token', () => {
    const res = exchangeServer(new MailWorld(), 'online')(post(SVC, LEARN_REQUEST, ALICE));
    expect(res.status).toBe(401);
    expect(headerValue(res.headers, 'WWW-Authenticate')).toMatch(/^Bearer /);
  });

  test('bad XML, a DOCTYPE, another operation and an empty body are InvalidRequest; a huge body 413; GET 405', () => {
    const server = se();
    const doctype = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${request(['alice@example.test'], ['UserDisplayName'])}`;
    for (const body of ['<s:Envelope', doctype, '<x/>', '', request([], ['UserDisplayName']), request(['alice@example.test'], [])]) {
      const res = server(post(SVC, body));
      expect(res.status).toBe(200);
      const root = xmlOf(res);
      expect(all(root, 'ErrorCode').map((e) => e.text)).toEqual(['InvalidRequest']);
      expect(all(root, 'UserResponse')).toEqual([]);
    }
    expect(server(post(SVC, `<x>${'a'.repeat(70_000)}</x>`)).status).toBe(413);
    const get = server({ method: 'GET', target: SVC, headers: [['Authorization', ALICE]], body: '' });
    expect(get.status).toBe(405);
    expect(headerValue(get.headers, 'Allow')).toBe('POST');
  });

  test('property: any body and any address get a well-formed answer with one documented ErrorCode, never a crash', () => {
    const server = se();
    const codes = ['NoError', 'InvalidRequest', 'InvalidUser', 'InvalidSetting', 'SettingIsNotAvailable'];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string().map((a) => request([a.replace(/[<&]/g, '')], ['UserDisplayName', 'ExternalEwsUrl']))), (body) => {
        const res = server(post(SVC, body));
        expect(res.status).toBe(200);
        const found = all(xmlOf(res), 'ErrorCode').map((e) => e.text);
        expect(found.length).toBeGreaterThan(0);
        for (const code of found) expect(codes).toContain(code);
      }),
      { numRuns: 200 },
    );
  });
});
