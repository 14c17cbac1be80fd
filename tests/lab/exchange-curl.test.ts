/**
 * curl against the lab's Exchange over real HTTPS, every endpoint family, both deployments, the host chosen with
 * --connect-to as the lab's README shows: Autodiscover POX and JSON, the port-80 redirect, every EWS operation,
 * Graph (folders, messages with $select/$top and nextLink paging, $value, sendMail, PATCH, move, DELETE, delta,
 * subscriptions, 429, 401), the identity platform (client credentials, device code and its page, the sign-in
 * form) and ActiveSync OPTIONS. Statuses, headers and parsed bodies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { graphState } from '../../src/protocols/exchange/graph/state.ts';
import { MAIL_APP_ID, OTHER_APP_ID, TENANT_ID } from '../../src/protocols/exchange/identity/platform.ts';
import { parseXml, type XmlElement } from '../../src/protocols/exchange/xml-read.ts';
import { exchangeFacts } from '../../src/data/exchange.ts';
import { all, textOf } from '../protocols/exchange/helpers.ts';
import { curlRaw, daemonToken, deviceToken, ewsEnvelope, exchangePort, jsonBody, labCurl, type CurlResponse } from './exchange-helpers.ts';
import { startTestLab } from './helpers.ts';

let lab: Lab;
let curl: ReturnType<typeof labCurl>;
let dir: string;

beforeAll(async () => {
  lab = await startTestLab({ seed: 13 });
  curl = labCurl(lab);
  dir = mkdtempSync(join(tmpdir(), 'mailwire-exchange-'));
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

function xml(res: CurlResponse): XmlElement {
  const doc = parseXml(res.body);
  if (!doc.ok) throw new Error(`not XML (${res.status}): ${res.body.slice(0, 300)}`);
  return doc.root;
}

const SE = 'https://mail.example.test';
const EXO = 'https://outlook.office365.test';
const GRAPH = 'https://graph.microsoft.test/v1.0';
const POX_REQUEST =
  '<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">' +
  '<Request><EMailAddress>alice@example.test</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>';

/** POSTs one EWS operation with the given credentials (curl -u for Basic, or an Authorization header). */
function ews(base: string, operation: string, auth: string[] = ['-u', 'alice:wonderland']): Promise<CurlResponse> {
  return curl(`${base}/EWS/Exchange.asmx`, ...auth, '-H', 'Content-Type: text/xml; charset=utf-8', '--data-binary', ewsEnvelope(operation));
}

/** The one response message of an EWS reply, checked Success/NoError. */
function ok(res: CurlResponse, op: string): XmlElement {
  expect(res.status).toBe(200);
  const m = all(xml(res), `${op}ResponseMessage`)[0]!;
  expect(m.attrs.get('ResponseClass')).toBe('Success');
  expect(textOf(m, 'ResponseCode')).toBe('NoError');
  return m;
}

const FIND_INBOX = `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>`;

describe('Autodiscover with curl', () => {
  test('POX (POST, 2006 request schema) on Exchange Server SE gives the EXCH and EXPR blocks with the EWS URL', async () => {
    const res = await curl('https://autodiscover.example.test/autodiscover/autodiscover.xml', '-u', 'alice:wonderland', '-H', 'Content-Type: text/xml', '--data-binary', POX_REQUEST);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const doc = xml(res);
    expect(doc.name).toBe('Autodiscover');
    expect(all(doc, 'Type').map((t) => t.text)).toEqual(['EXCH', 'EXPR', 'WEB']);
    expect(textOf(doc, 'EwsUrl')).toBe('https://mail.example.test/EWS/Exchange.asmx');
    expect(textOf(doc, 'AutoDiscoverSMTPAddress')).toBe('alice@example.test');
  });

  test('POX on Exchange Online: Basic is refused with a Bearer challenge; an EWS token gets the answer', async () => {
    const basic = await curl(`${EXO}/autodiscover/autodiscover.xml`, '-u', 'alice@example.test:wonderland', '-H', 'Content-Type: text/xml', '--data-binary', POX_REQUEST);
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toMatch(/^Bearer client_id="00000002-0000-0ff1-ce00-000000000000", authorization_uri="https:\/\/login\.microsoftonline\.test\//);
    const token = await deviceToken(lab, 'https://outlook.office365.com/EWS.AccessAsUser.All');
    const res = await curl(`${EXO}/autodiscover/autodiscover.xml`, '-H', `Authorization: Bearer ${token}`, '-H', 'Content-Type: text/xml', '--data-binary', POX_REQUEST);
    expect(res.status).toBe(200);
    expect(textOf(xml(res), 'EwsUrl')).toBe('https://outlook.office365.test/EWS/Exchange.asmx');
  });

  test('JSON v2 (GET, no credentials) for EWS and ActiveSync on both deployments; an unknown protocol is 400 InvalidProtocol', async () => {
    for (const [host, ewsUrl] of [['autodiscover.example.test', 'https://mail.example.test/EWS/Exchange.asmx'], ['outlook.office365.test', 'https://outlook.office365.test/EWS/Exchange.asmx']] as const) {
      const res = await curl(`https://${host}/autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=EWS`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(jsonBody(res)).toEqual({ Protocol: 'EWS', Url: ewsUrl });
      const as = jsonBody(await curl(`https://${host}/autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=ActiveSync`));
      expect(as.Protocol).toBe('ActiveSync');
      expect(as.Url).toMatch(/\/Microsoft-Server-ActiveSync$/);
    }
    const bad = await curl(`${EXO}/autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=Foo`);
    expect(bad.status).toBe(400);
    expect(jsonBody(bad)).toEqual({ ErrorCode: 'InvalidProtocol', ErrorMessage: "The given protocol value 'Foo' is invalid. Supported values are 'AutodiscoverV1,EWS,ActiveSync'" });
  });

  test('localhost, a host naming no service, is Exchange Server SE (what `curl -k https://localhost:…` reaches)', async () => {
    const res = parseIncludedLocal(await curlRaw(['-k', '--include', `https://localhost:${exchangePort(lab, 443)}/autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=EWS`]));
    expect(jsonBody(res)).toEqual({ Protocol: 'EWS', Url: 'https://mail.example.test/EWS/Exchange.asmx' });
  });

  test('port 80 answers the Autodiscover redirect method with 302 to HTTPS, and reads no credentials', async () => {
    const res = await curl('http://autodiscover.example.test/autodiscover/autodiscover.xml', '-u', 'alice:wonderland');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://autodiscover.example.test/autodiscover/autodiscover.xml');
    expect((await curl('http://autodiscover.example.test/EWS/Exchange.asmx')).status).toBe(404);
  });
});

/** The localhost request above goes without --connect-to, so it is parsed here. */
function parseIncludedLocal(text: string): CurlResponse {
  const end = text.indexOf('\r\n\r\n');
  return { status: Number(text.slice(9, 12)), headers: new Map(), body: text.slice(end + 4) };
}

describe('EWS with curl', () => {
  test('the nine operations on Exchange Server SE, with Basic: GetFolder, FindFolder, FindItem, GetItem, CreateItem, UpdateItem, MoveItem, DeleteItem, SyncFolderItems', async () => {
    const folder = ok(await ews(SE, '<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>'), 'GetFolder');
    expect(textOf(folder, 'DisplayName')).toBe('Inbox');
    const folders = ok(await ews(SE, '<m:FindFolder Traversal="Shallow"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/></m:ParentFolderIds></m:FindFolder>'), 'FindFolder');
    expect(all(folders, 'DisplayName').map((d) => d.text)).toContain('Sent Items');
    const sync = ok(await ews(SE, '<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId><m:MaxChangesReturned>512</m:MaxChangesReturned></m:SyncFolderItems>'), 'SyncFolderItems');
    const state = textOf(sync, 'SyncState')!;
    const before = all(sync, 'Create').length;
    expect(before).toBeGreaterThan(0);

    const sent = ok(await ews(SE, `<m:CreateItem MessageDisposition="SendAndSaveCopy"><m:SavedItemFolderId><t:DistinguishedFolderId Id="sentitems"/></m:SavedItemFolderId><m:Items><t:Message><t:Subject>EWS by curl</t:Subject><t:Body BodyType="Text">Hello Alice, from curl.</t:Body><t:ToRecipients><t:Mailbox><t:EmailAddress>alice@example.test</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></m:Items></m:CreateItem>`), 'CreateItem');
    expect(sent).toBeDefined();
    const found = ok(await ews(SE, FIND_INBOX), 'FindItem');
    expect(textOf(found, 'Subject')).toBe('EWS by curl');
    const id = all(found, 'ItemId')[0]!.attrs.get('Id')!;
    const item = ok(await ews(SE, `<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:ItemShape><m:ItemIds><t:ItemId Id="${id}"/></m:ItemIds></m:GetItem>`), 'GetItem');
    expect(Buffer.from(textOf(item, 'MimeContent')!, 'base64').toString('utf8')).toContain('Subject: EWS by curl');
    expect(textOf(item, 'IsRead')).toBe('false');
    ok(await ews(SE, `<m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AutoResolve"><m:ItemChanges><t:ItemChange><t:ItemId Id="${id}"/><t:Updates><t:SetItemField><t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>true</t:IsRead></t:Message></t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`), 'UpdateItem');
    expect(lab.world.mailbox('alice', 'INBOX')!.messages.at(-1)!.flags.has('\\Seen')).toBe(true);
    const changes = ok(await ews(SE, `<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId><m:SyncState>${state}</m:SyncState><m:MaxChangesReturned>512</m:MaxChangesReturned></m:SyncFolderItems>`), 'SyncFolderItems');
    expect(all(changes, 'Create')).toHaveLength(1);
    const moved = ok(await ews(SE, `<m:MoveItem><m:ToFolderId><t:DistinguishedFolderId Id="deleteditems"/></m:ToFolderId><m:ItemIds><t:ItemId Id="${id}"/></m:ItemIds></m:MoveItem>`), 'MoveItem');
    const movedId = all(moved, 'ItemId')[0]!.attrs.get('Id')!;
    expect(lab.world.mailbox('alice', 'Trash')!.messages.map((m) => m.raw)).toEqual([expect.stringContaining('Subject: EWS by curl')]);
    ok(await ews(SE, `<m:DeleteItem DeleteType="HardDelete"><m:ItemIds><t:ItemId Id="${movedId}"/></m:ItemIds></m:DeleteItem>`), 'DeleteItem');
    expect(lab.world.mailbox('alice', 'Trash')!.messages).toHaveLength(0);
    const again = await ews(SE, `<m:DeleteItem DeleteType="HardDelete"><m:ItemIds><t:ItemId Id="${movedId}"/></m:ItemIds></m:DeleteItem>`);
    expect(textOf(xml(again), 'ResponseCode')).toBe('ErrorItemNotFound');
  });

  test('without credentials 401 with a Basic challenge; bad XML a SOAP fault', async () => {
    const anonymous = await ews(SE, FIND_INBOX, []);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="mail.example.test"');
    const broken = await curl(`${SE}/EWS/Exchange.asmx`, '-u', 'alice:wonderland', '-H', 'Content-Type: text/xml', '--data-binary', '<soap:Envelope><unclosed>');
    expect(broken.status).toBe(500);
    expect(textOf(xml(broken), 'faultcode')).toMatch(/Error/);
  });

  test('Exchange Online: the allow-listed app with an EWS token works, another app is blocked with ErrorAccessDenied, Basic is refused', async () => {
    const token = await deviceToken(lab, 'https://outlook.office365.com/EWS.AccessAsUser.All');
    const folder = ok(await ews(EXO, FIND_INBOX, ['-H', `Authorization: Bearer ${token}`]), 'FindItem');
    expect(all(folder, 'Subject').length).toBeGreaterThan(0);
    const other = await deviceToken(lab, 'https://outlook.office365.com/EWS.AccessAsUser.All', 'alice', 'wonderland', OTHER_APP_ID);
    const blocked = await ews(EXO, FIND_INBOX, ['-H', `Authorization: Bearer ${other}`]);
    expect(blocked.status).toBe(403);
    expect(textOf(xml(blocked), 'faultcode')).toMatch(/ErrorAccessDenied$/);
    const basic = await ews(EXO, FIND_INBOX);
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });
});

describe('Graph with curl', () => {
  let token: string;
  beforeAll(async () => {
    token = await deviceToken(lab, 'Mail.ReadWrite Mail.Send');
  });
  const g = (path: string, ...args: string[]) => curl(`${GRAPH}${path}`, '-H', `Authorization: Bearer ${token}`, ...args);

  test('mailFolders, messages with $select and $top paged by @odata.nextLink, one message, and its MIME ($value)', async () => {
    const folders = await g('/me/mailFolders');
    expect(folders.status).toBe(200);
    expect((jsonBody(folders).value as Array<{ displayName: string }>).map((f) => f.displayName)).toContain('Inbox');
    const seen: string[] = [];
    let next: string | undefined = `${GRAPH}/me/mailFolders/inbox/messages?$select=subject,isRead&$top=1`;
    let pages = 0;
    while (next) {
      const page = await curl(next, '-H', `Authorization: Bearer ${token}`);
      expect(page.status).toBe(200);
      const body = jsonBody(page);
      const value = body.value as Array<Record<string, unknown>>;
      expect(value.length).toBeLessThanOrEqual(1);
      for (const m of value) {
        expect(Object.keys(m).sort()).toEqual(['@odata.etag', 'id', 'isRead', 'subject'].filter((k) => k in m).sort());
        seen.push(m.subject as string);
      }
      next = body['@odata.nextLink'] as string | undefined;
      pages++;
    }
    expect(pages).toBe(lab.world.mailbox('alice', 'INBOX')!.messages.length);
    expect(new Set(seen).size).toBe(seen.length);
    const first = (jsonBody(await g('/me/messages?$top=1')).value as Array<{ id: string; subject: string }>)[0]!;
    const one = await g(`/me/messages/${first.id}`);
    expect(jsonBody(one).subject).toBe(first.subject);
    const mime = await g(`/me/messages/${first.id}/$value`);
    expect(mime.status).toBe(200);
    expect(mime.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(mime.body).toContain(`Subject: ${first.subject}`);
  });

  test('sendMail is 202 with no body; PATCH isRead, move and DELETE change the mailbox', async () => {
    const send = await g('/me/sendMail', '-H', 'Content-Type: application/json', '--data-binary', JSON.stringify({ message: { subject: 'Graph by curl', body: { contentType: 'Text', content: 'Hi Bob' }, toRecipients: [{ emailAddress: { address: 'bob@example.test' } }] } }));
    expect(send.status).toBe(202);
    expect(send.body).toBe('');
    expect(lab.world.mailbox('bob', 'INBOX')!.messages.at(-1)!.raw).toContain('Subject: Graph by curl');
    const list = jsonBody(await g('/me/mailFolders/inbox/messages?$select=subject,isRead')).value as Array<{ id: string; isRead: boolean }>;
    const target = list[0]!;
    const patched = await g(`/me/messages/${target.id}`, '-X', 'PATCH', '-H', 'Content-Type: application/json', '--data-binary', JSON.stringify({ isRead: !target.isRead }));
    expect(patched.status).toBe(200);
    expect(jsonBody(patched).isRead).toBe(!target.isRead);
    const moved = await g(`/me/messages/${target.id}/move`, '-H', 'Content-Type: application/json', '--data-binary', JSON.stringify({ destinationId: 'archive' }));
    expect(moved.status).toBe(201);
    const movedId = jsonBody(moved).id as string;
    expect(movedId).not.toBe(target.id);
    const deleted = await g(`/me/messages/${movedId}`, '-X', 'DELETE');
    expect(deleted.status).toBe(204);
    expect((await g(`/me/messages/${movedId}`)).status).toBe(404);
  });

  test('delta gives a deltaLink, then only what changed, with @removed for a deleted message', async () => {
    let body = jsonBody(await g('/me/mailFolders/inbox/messages/delta'));
    while (body['@odata.nextLink']) body = jsonBody(await curl(body['@odata.nextLink'] as string, '-H', `Authorization: Bearer ${token}`));
    const deltaLink = body['@odata.deltaLink'] as string;
    expect(deltaLink).toMatch(/\?%24deltatoken=/);
    const victim = (jsonBody(await g('/me/mailFolders/inbox/messages?$top=1')).value as Array<{ id: string }>)[0]!.id;
    expect((await g(`/me/messages/${victim}`, '-X', 'DELETE')).status).toBe(204);
    const changes = jsonBody(await curl(deltaLink, '-H', `Authorization: Bearer ${token}`));
    expect(changes.value).toContainEqual(expect.objectContaining({ id: victim, '@removed': { reason: 'deleted' } }));
  });

  test('a subscription is 201 after the validation handshake with the notification URL', async () => {
    const expires = new Date(lab.world.clock.peek().getTime() + 3600_000).toISOString();
    const res = await g('/subscriptions', '-H', 'Content-Type: application/json', '--data-binary', JSON.stringify({ changeType: 'created', notificationUrl: 'https://webhook.example.test/notify', resource: "me/mailFolders('Inbox')/messages", expirationDateTime: expires, clientState: 'lab' }));
    expect(res.status).toBe(201);
    expect(jsonBody(res)).toMatchObject({ changeType: 'created', notificationUrl: 'https://webhook.example.test/notify', clientState: 'lab' });
    const handshake = graphState(lab.world).outbox.find((o) => o.url.startsWith('https://webhook.example.test/notify'));
    expect(handshake?.request.target).toMatch(/validationToken=/);
    expect(handshake?.response.status).toBe(200);
  });

  test('401 with WWW-Authenticate without a token and with a bad one', async () => {
    const none = await curl(`${GRAPH}/me/messages`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm="", authorization_uri="https:\/\/login\.microsoftonline\.test\/common\/oauth2\/authorize", client_id="/);
    expect((jsonBody(none).error as { code: string }).code).toBe('InvalidAuthenticationToken');
    const bad = await curl(`${GRAPH}/me/messages`, '-H', 'Authorization: Bearer eyJ0eXAiOiJKV1QifQ.e30.');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  test(`past ${exchangeFacts.graphLimits.requestsPerWindow} requests in ${exchangeFacts.graphLimits.windowSeconds} s an app gets 429 with Retry-After`, async () => {
    const app = await daemonToken(lab);
    const { requestsPerWindow } = exchangeFacts.graphLimits;
    // One curl process, one kept-alive connection, a request per URL line of the config file.
    const config = join(dir, 'hammer.cfg');
    const url = `${GRAPH}/users/bob@example.test/mailFolders/inbox`;
    writeFileSync(config, `${Array.from({ length: requestsPerWindow + 1 }, () => `url = "${url}"\noutput = "/dev/null"\n`).join('')}`);
    const codes = await curlRaw(['-k', '--connect-to', `::127.0.0.1:${exchangePort(lab, 443)}`, '-H', `Authorization: Bearer ${app}`, '-w', '%{http_code}\\n', '--config', config]);
    const counts = new Map<string, number>();
    for (const c of codes.trim().split('\n')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ '200': requestsPerWindow, '429': 1 });
    const throttled = await curl(url, '-H', `Authorization: Bearer ${app}`);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((jsonBody(throttled).error as { code: string }).code).toBe('TooManyRequests');
    // 10,001 HTTPS requests: a guard against a hang, not a speed limit (the machine is shared).
  }, 120_000);
});

describe('the identity platform with curl', () => {
  test('client credentials: a Bearer token with the daemon roles; a wrong secret is invalid_client', async () => {
    const token = await daemonToken(lab);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.test', tid: TENANT_ID, roles: ['Mail.ReadWrite', 'Mail.Send'] });
    const bad = await curl(`https://login.microsoftonline.test/${TENANT_ID}/oauth2/v2.0/token`, '-d', 'grant_type=client_credentials', '-d', 'client_id=6b2d8e4f-1a9c-4d3e-b7f0-8e5a2c6d9b14', '-d', 'client_secret=wrong', '--data-urlencode', 'scope=https://graph.microsoft.com/.default');
    expect(bad.status).toBe(401);
    expect(jsonBody(bad).error).toBe('invalid_client');
  });

  test('device code by hand: pending, the verification page (form, CSP, escaped echo), a wrong code, then the token', async () => {
    const code = jsonBody(await curl('https://login.microsoftonline.test/common/oauth2/v2.0/devicecode', '-d', `client_id=${MAIL_APP_ID}`, '-d', 'scope=Mail.Read'));
    expect(code).toMatchObject({ verification_uri: 'https://microsoft.test/devicelogin', expires_in: 900, interval: 5 });
    const poll = () => curl('https://login.microsoftonline.test/common/oauth2/v2.0/token', '--data-urlencode', 'grant_type=urn:ietf:params:oauth:grant-type:device_code', '-d', `client_id=${MAIL_APP_ID}`, '-d', `device_code=${code.device_code as string}`);
    const pending = await poll();
    expect(pending.status).toBe(400);
    expect(jsonBody(pending).error).toBe('authorization_pending');
    const page = await curl('https://microsoft.test/devicelogin');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    expect(page.body).toMatch(/<form method="post" action="\/devicelogin">/);
    expect(page.body).toContain('name="otc"');
    expect(page.body).not.toMatch(/<script/i);
    const wrong = await curl('https://microsoft.test/devicelogin', '-d', 'otc=<b>NOPE</b>', '-d', 'login=alice', '-d', 'passwd=wonderland');
    expect(wrong.body).toContain("AADSTS70000: That code didn&#39;t work.");
    expect(wrong.body).not.toContain('<b>');
    const signed = await curl('https://microsoft.test/devicelogin', '--data-urlencode', `otc=${code.user_code as string}`, '-d', 'login=alice', '-d', 'passwd=wonderland');
    expect(signed.body).toContain('You are signed in');
    const granted = await poll();
    expect(granted.status).toBe(200);
    expect(jsonBody(granted)).toMatchObject({ token_type: 'Bearer', scope: 'Mail.Read' });
  });

  test('authorization code: the sign-in form carries the request as hidden fields and posting it back redirects with the code', async () => {
    const query = `client_id=${MAIL_APP_ID}&response_type=code&redirect_uri=${encodeURIComponent('http://localhost/callback')}&scope=Mail.Read&state=%22%3E%3Cx&code_challenge=${'a'.repeat(43)}&code_challenge_method=plain`;
    const page = await curl(`https://login.microsoftonline.test/common/oauth2/v2.0/authorize?${query}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form method="post" action="/common/oauth2/v2.0/authorize">');
    expect(page.body).toContain('<input type="hidden" name="state" value="&#34;&#62;&#60;x">');
    const hidden = [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))]);
    const args = [...hidden, ['login', 'alice@example.test'], ['passwd', 'wonderland']].flatMap(([n, v]) => ['--data-urlencode', `${n}=${v}`]);
    const back = await curl('https://login.microsoftonline.test/common/oauth2/v2.0/authorize', ...args);
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('http://localhost/callback');
    expect(location.searchParams.get('code')).toMatch(/^0\.AXcA/);
    expect(location.searchParams.get('state')).toBe('"><x');
  });

  test('a host naming no service reaches the identity platform by its path (a browser on https://localhost:…/devicelogin)', async () => {
    const text = await curlRaw(['-k', '--include', `https://localhost:${exchangePort(lab, 443)}/devicelogin`]);
    expect(text).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(text).toContain('<h1>Enter code</h1>');
  });
});

describe('ActiveSync with curl', () => {
  test('OPTIONS gives the protocol versions and commands', async () => {
    const res = await curl(`${SE}/Microsoft-Server-ActiveSync`, '-X', 'OPTIONS', '-u', 'alice:wonderland');
    expect(res.status).toBe(200);
    expect(res.headers.get('ms-asprotocolversions')).toMatch(/16\.1/);
    expect(res.headers.get('ms-asprotocolcommands')?.split(',')).toEqual(expect.arrayContaining(['Sync', 'FolderSync', 'Ping', 'Provision']));
  });
});
