/**
 * ews-javascript-api (the EWS Managed API's port to JavaScript, pinned) against the lab's Exchange over real
 * HTTPS: FindItem, GetItem and a send (CreateItem with SendAndSaveCopy) on Exchange Server SE with Basic and on
 * Exchange Online with a bearer token for the allow-listed app, EWS blocked for another app, and mail crossing
 * with IMAP and SMTP. The library resolves the Microsoft host names to the lab through an https.Agent that
 * connects every host to the lab's port and checks the lab's certificate for that host name (what --connect-to
 * does for curl). Its AutodiscoverUrl works as against Exchange 2010 and later: an unauthenticated probe of
 * /autodiscover/autodiscover.xml whose 401 carries X-SOAP-Enabled, then GetUserSettings at /autodiscover/autodiscover.svc.
 */
import { Agent, get } from 'node:https';
import { connect } from 'node:tls';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { XhrApi } from '@ewsjs/xhr';
import * as ews from 'ews-javascript-api';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { OTHER_APP_ID } from '../../src/protocols/exchange/identity/platform.ts';
import { deviceToken, exchangePort, imapFetchBySubject, smtpSend } from './exchange-helpers.ts';
import { startTestLab } from './helpers.ts';

let lab: Lab;
let agent: Agent;
const transcript: string[] = [];
let dir: string;

/** An agent that takes every https://host/… to the lab's 443 listener, verifying the lab's certificate for `host`. */
function labAgent(port: number, ca: string): Agent {
  const a = new Agent({ keepAlive: true, ca });
  a.createConnection = ((options: { host?: string; servername?: string }) =>
    connect({ host: '127.0.0.1', port, ca, servername: options.servername ?? options.host ?? 'localhost', ALPNProtocols: ['http/1.1'] })) as Agent['createConnection'];
  return a;
}

beforeAll(async () => {
  lab = await startTestLab({ seed: 17, quiet: false, log: (line) => void transcript.push(line) });
  agent = labAgent(exchangePort(lab, 443), lab.certificate.cert);
  ews.ConfigurationApi.ConfigureXHR(new XhrApi({ httpsAgent: agent }));
  dir = mkdtempSync(join(tmpdir(), 'mailwire-ews-'));
});
afterAll(async () => {
  agent.destroy();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

function service(credentials: ews.ExchangeCredentials, url?: string): ews.ExchangeService {
  const s = new ews.ExchangeService(ews.ExchangeVersion.Exchange2016);
  s.Credentials = credentials;
  if (url) s.Url = new ews.Uri(url);
  return s;
}

/** The lab's Autodiscover v2 JSON answer for an address, fetched through the same agent. */
function autodiscoverJson(host: string, address: string): Promise<{ Protocol: string; Url: string }> {
  return new Promise((resolve, reject) => {
    get({ host, path: `/autodiscover/autodiscover.json/v1.0/${address}?Protocol=EWS`, agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve(JSON.parse(body) as { Protocol: string; Url: string }));
    }).on('error', reject);
  });
}

async function inboxSubjects(s: ews.ExchangeService): Promise<string[]> {
  const found = await s.FindItems(ews.WellKnownFolderName.Inbox, new ews.ItemView(50));
  return found.Items.map((i) => i.Subject);
}

describe('ews-javascript-api against Exchange Server SE (Basic)', () => {
  test('AutodiscoverUrl finds the SOAP endpoint from the probe\'s 401 headers, asks GetUserSettings, and FindItem, GetItem and a send work on the URL it found', async () => {
    const s = service(new ews.WebCredentials('alice@example.test', 'wonderland'));
    const before = transcript.length;
    await s.AutodiscoverUrl('alice@example.test', () => true);
    expect(s.Url.ToString()).toBe('https://mail.example.test/EWS/Exchange.asmx');
    const sent = transcript.slice(before).join('\n');
    // The unauthenticated probe of the legacy URL gets a 401 that carries X-SOAP-Enabled; then the SOAP request.
    expect(sent).toMatch(/C\*: GET \/autodiscover\/autodiscover\.xml HTTP\/1\.1/);
    expect(sent).toMatch(/S\*: X-SOAP-Enabled: True/);
    expect(sent).toMatch(/C\*: POST \/autodiscover\/autodiscover\.svc HTTP\/1\.1/);
    expect(sent).toMatch(/<a:RequestedServerVersion>Exchange2016<\/a:RequestedServerVersion>/);
    expect(sent).toMatch(/S\*: HTTP\/1\.1 200 OK[\s\S]*GetUserSettingsResponse/);

    const items = await s.FindItems(ews.WellKnownFolderName.Inbox, new ews.ItemView(10));
    expect(items.TotalCount).toBeGreaterThan(0);
    const item = await ews.Item.Bind(s, items.Items[0]!.Id);
    expect(item.Subject).toBe(items.Items[0]!.Subject);
    const msg = new ews.EmailMessage(s);
    msg.Subject = 'Sent after SOAP Autodiscover';
    msg.Body = new ews.MessageBody(ews.BodyType.Text, 'The EWS URL came from GetUserSettings.');
    msg.ToRecipients.Add('bob@example.test');
    await msg.SendAndSaveCopy();
    expect(await imapFetchBySubject(lab, 'bob', 'builder', 'Sent after SOAP Autodiscover')).toContain('The EWS URL came from GetUserSettings.');
  });

  test('AutodiscoverService.GetUserSettings for an unknown address answers InvalidUser', async () => {
    const ad = new ews.AutodiscoverService(new ews.Uri('https://autodiscover.example.test/autodiscover/autodiscover.svc'), ews.ExchangeVersion.Exchange2016);
    ad.Credentials = new ews.WebCredentials('alice@example.test', 'wonderland');
    const response = await ad.GetUserSettings('nobody@example.test', [ews.UserSettingName.ExternalEwsUrl]);
    expect(response.ErrorCode).toBe(ews.AutodiscoverErrorCode.InvalidUser);
  });

  test('with the EWS URL from Autodiscover (JSON v2): FindItem, GetItem (Item.Bind), and a send (SendAndSaveCopy) that bob reads over IMAP', async () => {
    const found = await autodiscoverJson('autodiscover.example.test', 'alice@example.test');
    expect(found).toEqual({ Protocol: 'EWS', Url: 'https://mail.example.test/EWS/Exchange.asmx' });
    const s = service(new ews.WebCredentials('alice@example.test', 'wonderland'), found.Url);
    const items = await s.FindItems(ews.WellKnownFolderName.Inbox, new ews.ItemView(10));
    const seeded = lab.world.mailbox('alice', 'INBOX')!.messages.length;
    expect(items.TotalCount).toBe(seeded);
    const item = await ews.Item.Bind(s, items.Items[0]!.Id, new ews.PropertySet(ews.BasePropertySet.FirstClassProperties));
    expect(item.Subject).toBe(items.Items[0]!.Subject);
    expect(item.Body.Text.length).toBeGreaterThan(0);

    const msg = new ews.EmailMessage(s);
    msg.Subject = 'Sent with ews-javascript-api';
    msg.Body = new ews.MessageBody(ews.BodyType.Text, 'CreateItem with SendAndSaveCopy, from the EWS Managed API port.');
    msg.ToRecipients.Add('bob@example.test');
    await msg.SendAndSaveCopy();
    const sentItems = await s.FindItems(ews.WellKnownFolderName.SentItems, new ews.ItemView(10));
    expect(sentItems.Items.map((i) => i.Subject)).toContain('Sent with ews-javascript-api');
    const fetched = await imapFetchBySubject(lab, 'bob', 'builder', 'Sent with ews-javascript-api');
    expect(fetched).toMatch(/^Subject: Sent with ews-javascript-api\r$/m);
    expect(fetched).toMatch(/^From: .*alice@example\.test/m);
    expect(fetched).toContain('from the EWS Managed API port.');
  });

  test('a message sent with SMTP (curl, submission over implicit TLS) is found by FindItem', async () => {
    const file = join(dir, 'smtp.eml');
    writeFileSync(file, 'From: Bob <bob@example.test>\r\nTo: Alice <alice@example.test>\r\nSubject: From SMTP to EWS\r\n\r\nHello over SMTP.\r\n');
    await smtpSend(lab, file, 'bob@example.test', 'alice@example.test', 'bob:builder');
    const s = service(new ews.WebCredentials('alice', 'wonderland'), 'https://mail.example.test/EWS/Exchange.asmx');
    expect(await inboxSubjects(s)).toContain('From SMTP to EWS');
  });

  test('a wrong password is a 401 the library reports', async () => {
    const s = service(new ews.WebCredentials('alice', 'nope'), 'https://mail.example.test/EWS/Exchange.asmx');
    await expect(s.FindItems(ews.WellKnownFolderName.Inbox, new ews.ItemView(1))).rejects.toMatchObject({ HttpStatusCode: 401 });
  });
});

describe('ews-javascript-api against Exchange Online (OAuth)', () => {
  test('the allow-listed mail app with an EWS.AccessAsUser.All token: FindItem, GetItem and a send', async () => {
    const token = await deviceToken(lab, 'https://outlook.office365.com/EWS.AccessAsUser.All');
    const url = (await autodiscoverJson('outlook.office365.test', 'alice@example.test')).Url;
    expect(url).toBe('https://outlook.office365.test/EWS/Exchange.asmx');
    const s = service(new ews.OAuthCredentials(token), url);
    const items = await s.FindItems(ews.WellKnownFolderName.Inbox, new ews.ItemView(10));
    expect(items.TotalCount).toBeGreaterThan(0);
    const item = await ews.Item.Bind(s, items.Items[0]!.Id);
    expect(item.Subject).toBe(items.Items[0]!.Subject);
    const msg = new ews.EmailMessage(s);
    msg.Subject = 'EWS in Exchange Online, allow-listed';
    msg.Body = new ews.MessageBody(ews.BodyType.Text, 'Sent with a bearer token.');
    msg.ToRecipients.Add('bob@example.test');
    await msg.SendAndSaveCopy();
    expect(await imapFetchBySubject(lab, 'bob', 'builder', 'EWS in Exchange Online, allow-listed')).toContain('Sent with a bearer token.');
  });

  test('SOAP Autodiscover takes the bearer token and names Exchange Online\'s EWS URL; Basic is refused there', async () => {
    const token = await deviceToken(lab, 'https://outlook.office365.com/EWS.AccessAsUser.All');
    const url = new ews.Uri('https://outlook.office365.test/autodiscover/autodiscover.svc');
    const ad = new ews.AutodiscoverService(url, ews.ExchangeVersion.Exchange2016);
    ad.Credentials = new ews.OAuthCredentials(token);
    const response = await ad.GetUserSettings('alice@example.test', [ews.UserSettingName.ExternalEwsUrl, ews.UserSettingName.UserDisplayName]);
    expect(response.ErrorCode).toBe(ews.AutodiscoverErrorCode.NoError);
    expect(response.GetSettingValue(ews.UserSettingName.ExternalEwsUrl)).toBe('https://outlook.office365.test/EWS/Exchange.asmx');
    const basic = new ews.AutodiscoverService(url, ews.ExchangeVersion.Exchange2016);
    basic.Credentials = new ews.WebCredentials('alice@example.test', 'wonderland');
    // The port rejects with no error object when SOAP Autodiscover answers 401 (its ProcessHttpErrorResponse is
    // empty), so the refusal is read on the wire: 401 with the Bearer challenge.
    const before = transcript.length;
    const outcome = await basic.GetUserSettings('alice@example.test', [ews.UserSettingName.ExternalEwsUrl]).then(() => 'resolved', () => 'rejected');
    expect(outcome).toBe('rejected');
    const sent = transcript.slice(before).join('\n');
    expect(sent).toMatch(/C\*: POST \/autodiscover\/autodiscover\.svc[\s\S]*S\*: HTTP\/1\.1 401 Unauthorized\r?\n.*S\*: WWW-Authenticate: Bearer /);
  });

  test('another app is blocked: 403 with ErrorAccessDenied; Basic gets 401', async () => {
    const token = await deviceToken(lab, 'https://outlook.office365.com/EWS.AccessAsUser.All', 'alice', 'wonderland', OTHER_APP_ID);
    const blocked = service(new ews.OAuthCredentials(token), 'https://outlook.office365.test/EWS/Exchange.asmx');
    const error = await blocked.FindItems(ews.WellKnownFolderName.Inbox, new ews.ItemView(1)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(String((error as { message?: string }).message ?? '') + JSON.stringify(error)).toMatch(/ErrorAccessDenied|403/);
    const basic = service(new ews.WebCredentials('alice@example.test', 'wonderland'), 'https://outlook.office365.test/EWS/Exchange.asmx');
    await expect(basic.FindItems(ews.WellKnownFolderName.Inbox, new ews.ItemView(1))).rejects.toMatchObject({ HttpStatusCode: 401 });
  });
});
