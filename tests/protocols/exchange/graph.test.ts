/**
 * Microsoft Graph mail on the shared world against Microsoft's v1.0 reference: list, get, $value, sendMail,
 * PATCH isRead, move, DELETE, delta and subscriptions; mail crossing Graph and IMAP both ways on one world; 401,
 * 403 and 429 as documented.
 */
import { describe, expect, test } from 'vitest';
import '../../../src/machines/servers.ts';
import { openSession } from '../../../src/machines/session.ts';
import { exchangeFacts } from '../../../src/data/exchange.ts';
import { graphState } from '../../../src/protocols/exchange/graph/state.ts';
import { exchangeServer } from '../../../src/protocols/exchange/server.ts';
import { fromOctets } from '../../../src/protocols/exchange/xml-write.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { delegatedToken, graph, jsonOf, online } from './oauth-helpers.ts';

const ALL = 'Mail.ReadWrite Mail.Send';
function setup(scope = ALL) {
  const o = online();
  const token = delegatedToken(o.idp, scope).access_token as string;
  const call = (method: string, target: string, body?: unknown, headers: [string, string][] = []) => o.server(graph(method, target, token, body, headers));
  return { ...o, token, call };
}
const header = (res: { headers: readonly (readonly [string, string])[] }, name: string) => res.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const SEND = (to: string, subject: string) => ({ message: { subject, body: { contentType: 'Text', content: 'The new cafeteria is open.' }, toRecipients: [{ emailAddress: { address: to } }] }, saveToSentItems: true });

describe('reading mail', () => {
  test('GET /me/mailFolders lists the mailboxes with counts; /me/mailFolders/inbox reads one', () => {
    const { call } = setup();
    const list = jsonOf(call('GET', '/v1.0/me/mailFolders'));
    expect(list['@odata.context']).toMatch(/^https:\/\/graph\.microsoft\.test\/v1\.0\/\$metadata#users\('[0-9a-f-]{36}'\)\/mailFolders$/);
    expect(list.value.map((f: any) => f.displayName)).toEqual(['Inbox', 'Sent Items', 'Drafts', 'Deleted Items', 'Archive']);
    const inbox = jsonOf(call('GET', '/v1.0/me/mailFolders/inbox'));
    expect(inbox).toMatchObject({ displayName: 'Inbox', totalItemCount: 3, childFolderCount: 0 });
    expect(inbox.id).toBe(list.value[0].id);
  });

  test('GET /me/messages: newest first, $select keeps id and @odata.etag, $top pages by @odata.nextLink with $skip', () => {
    const { call } = setup();
    const first = jsonOf(call('GET', '/v1.0/me/messages?$select=subject,from&$top=2'));
    expect(first['@odata.context']).toMatch(/\/messages\(subject,from\)$/);
    expect(first.value).toHaveLength(2);
    expect(Object.keys(first.value[0])).toEqual(['@odata.etag', 'id', 'subject', 'from']);
    expect(first['@odata.nextLink']).toBe('https://graph.microsoft.test/v1.0/me/messages?%24top=2&%24select=subject%2cfrom&%24skip=2');
    const next = jsonOf(call('GET', first['@odata.nextLink'].replace('https://graph.microsoft.test', '')));
    expect(next.value).toHaveLength(1);
    expect(next['@odata.nextLink']).toBeUndefined();
    const ids = [...first.value, ...next.value].map((m: any) => m.id);
    expect(new Set(ids).size).toBe(3);
    const all = jsonOf(call('GET', '/v1.0/me/messages?$select=receivedDateTime')).value.map((m: any) => m.receivedDateTime);
    expect(all).toEqual([...all].sort().reverse());
    expect(jsonOf(call('GET', '/v1.0/me/messages')).value).toHaveLength(3);
    expect(call('GET', '/v1.0/me/messages?$top=0').status).toBe(400);
    expect(call('GET', '/v1.0/me/messages?$top=1001').status).toBe(400);
    expect(jsonOf(call('GET', '/v1.0/me/messages?$select=nope')).error.code).toBe('RequestBroker--ParseUri');
  });

  test('GET /me/messages/{id} has the message resource fields; /$value is the stored MIME; unknown ids are 404 or 400', () => {
    const { world, call } = setup();
    const id = jsonOf(call('GET', '/v1.0/me/mailFolders/inbox/messages?$top=1')).value[0].id;
    const m = jsonOf(call('GET', `/v1.0/me/messages/${id}`));
    for (const k of ['id', 'subject', 'from', 'toRecipients', 'body', 'bodyPreview', 'isRead', 'receivedDateTime', 'parentFolderId', 'changeKey', 'internetMessageId']) expect(m).toHaveProperty(k);
    expect(m['@odata.etag']).toBe(`W/"${m.changeKey}"`);
    const raw = call('GET', `/v1.0/me/messages/${id}/$value`);
    expect(raw.status).toBe(200);
    const box = world.mailbox('alice', 'INBOX')!;
    expect(box.messages.map((x) => x.raw)).toContain(raw.body);
    expect(jsonOf(call('GET', `/v1.0/me/messages/${id.slice(0, -4)}AAAA`)).error.code).toMatch(/^ErrorI(temNotFound|nvalidIdMalformed)$/);
    expect(jsonOf(call('GET', '/v1.0/me/messages/!!')).error).toMatchObject({ code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' });
  });
});

describe('mail crosses between Graph and IMAP on one world', () => {
  test('sendMail answers 202 with no body; bob reads it over IMAP; a copy is in Sent Items', () => {
    const { world, call } = setup();
    const res = call('POST', '/v1.0/me/sendMail', SEND('bob@example.test', 'Meet for lunch?'));
    expect(res.status).toBe(202);
    expect(res.body).toBe('');
    const imap = openSession(world, 'imap', 993);
    imap.send('a LOGIN bob builder');
    imap.send('b SELECT INBOX');
    const fetched = imap.send('c FETCH 2 (BODY[HEADER.FIELDS (SUBJECT FROM)] BODY[TEXT])').replies.join('\r\n');
    expect(fetched).toContain('Subject: Meet for lunch?');
    expect(fetched).toContain('From: Alice <alice@example.test>');
    expect(fetched).toContain('The new cafeteria is open.');
    const sent = jsonOf(call('GET', '/v1.0/me/mailFolders/sentitems/messages'));
    expect(sent.value.map((m: any) => m.subject)).toEqual(['Meet for lunch?']);
  });

  test('mail delivered by SMTP appears in /me/messages; IMAP \\Seen shows as isRead and PATCH isRead shows as \\Seen', () => {
    const { world, call } = setup();
    const smtp = openSession(world, 'smtp', 25);
    for (const l of ['EHLO a.example', 'MAIL FROM:<carol@sender.example>', 'RCPT TO:<alice@example.test>', 'DATA', 'From: Carol <carol@sender.example>', 'Subject: Over SMTP', '', 'hello', '.']) smtp.send(l);
    const newest = jsonOf(call('GET', '/v1.0/me/messages?$top=1')).value[0];
    expect(newest).toMatchObject({ subject: 'Over SMTP', isRead: false, from: { emailAddress: { address: 'carol@sender.example' } } });
    const patched = jsonOf(call('PATCH', `/v1.0/me/messages/${newest.id}`, { isRead: true }));
    expect(patched.isRead).toBe(true);
    const imap = openSession(world, 'imap', 993);
    imap.send('a LOGIN alice wonderland');
    imap.send('b SELECT INBOX');
    expect(imap.send('c UID FETCH 4 (FLAGS)').replies[0]).toMatch(/FLAGS \(\\Seen/);
    imap.send('d UID STORE 4 -FLAGS (\\Seen)');
    expect(jsonOf(call('GET', `/v1.0/me/messages/${newest.id}?$select=isRead`)).isRead).toBe(false);
  });

  test('move answers 201 with a new id in the target folder; DELETE answers 204 and moves to Deleted Items, then removes', () => {
    const { world, call } = setup();
    const id = jsonOf(call('GET', '/v1.0/me/mailFolders/inbox/messages?$top=1')).value[0].id;
    const moved = call('POST', `/v1.0/me/messages/${id}/move`, { destinationId: 'archive' });
    expect(moved.status).toBe(201);
    const m = jsonOf(moved);
    expect(m.id).not.toBe(id);
    expect(world.mailbox('alice', 'Archive')!.messages).toHaveLength(1);
    expect(call('GET', `/v1.0/me/messages/${id}`).status).toBe(404);
    const del = call('DELETE', `/v1.0/me/messages/${m.id}`);
    expect(del.status).toBe(204);
    const trash = world.mailbox('alice', 'Trash')!;
    expect(trash.messages).toHaveLength(1);
    const trashed = jsonOf(call('GET', '/v1.0/me/mailFolders/deleteditems/messages')).value[0].id;
    expect(call('DELETE', `/v1.0/me/messages/${trashed}`).status).toBe(204);
    expect(trash.messages).toHaveLength(0);
  });
});

describe('delta', () => {
  test('the first round pages every message and ends with a deltaLink; the next round has only changes and @removed', () => {
    const { world, call } = setup();
    const first = jsonOf(call('GET', '/v1.0/me/mailFolders/inbox/messages/delta?$select=subject,isRead', undefined, [['Prefer', 'odata.maxpagesize=2']]));
    expect(first.value).toHaveLength(2);
    const second = jsonOf(call('GET', first['@odata.nextLink'].replace('https://graph.microsoft.test', ''), undefined, [['Prefer', 'odata.maxpagesize=2']]));
    expect(second.value).toHaveLength(1);
    const deltaLink: string = second['@odata.deltaLink'];
    expect(deltaLink).toMatch(/^https:\/\/graph\.microsoft\.test\/v1\.0\/me\/mailFolders\/inbox\/messages\/delta\?%24deltatoken=[0-9a-f-]{36}$/);
    expect(jsonOf(call('GET', deltaLink.replace('https://graph.microsoft.test', ''))).value).toEqual([]);
    const [gone, read] = [...first.value, ...second.value];
    call('DELETE', `/v1.0/me/messages/${gone.id}`);
    call('PATCH', `/v1.0/me/messages/${read.id}`, { isRead: !read.isRead });
    world.deliver({ from: 'carol@sender.example', recipients: ['alice@example.test'], helo: 'a.example', clientAddress: '192.0.2.1', withProtocol: 'ESMTP' }, 'Subject: Late\r\n\r\nhi\r\n');
    const changes = jsonOf(call('GET', deltaLink.replace('https://graph.microsoft.test', ''))).value;
    expect(changes.filter((c: any) => c['@removed'])).toEqual([{ '@odata.type': '#microsoft.graph.message', id: gone.id, '@removed': { reason: 'deleted' } }]);
    expect(changes.filter((c: any) => !c['@removed']).map((c: any) => c.subject).sort()).toEqual(['Late', read.subject].sort());
    expect(call('GET', '/v1.0/me/mailFolders/inbox/messages/delta?$deltatoken=bogus').status).toBe(410);
  });
});

describe('subscriptions', () => {
  const SUB = { changeType: 'created,updated', notificationUrl: 'https://webhook.example/notify', resource: "me/mailFolders('Inbox')/messages", expirationDateTime: '2026-11-23T09:00:00Z', clientState: 'secretClientValue' };

  test('creation validates the notificationUrl (validationToken echoed as text/plain), answers 201, then notifies new mail', () => {
    const { world, call } = setup('Mail.Read');
    const res = call('POST', '/v1.0/subscriptions', SUB);
    expect(res.status).toBe(201);
    const sub = jsonOf(res);
    expect(sub).toMatchObject({ changeType: 'created,updated', resource: SUB.resource, clientState: 'secretClientValue', expirationDateTime: '2026-11-23T09:00:00Z' });
    const outbox = graphState(world).outbox;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.request.target).toMatch(/^\/notify\?validationToken=Validation%3A/);
    expect(header(outbox[0]!.request, 'Content-Type')).toBe('text/plain; charset=utf-8');
    const smtp = openSession(world, 'smtp', 25);
    for (const l of ['EHLO a.example', 'MAIL FROM:<carol@sender.example>', 'RCPT TO:<alice@example.test>', 'DATA', 'Subject: Ping', '', 'x', '.']) smtp.send(l);
    expect(outbox).toHaveLength(2);
    const note = JSON.parse(fromOctets(outbox[1]!.request.body)!).value[0];
    expect(note).toMatchObject({ subscriptionId: sub.id, changeType: 'created', clientState: 'secretClientValue', resourceData: { '@odata.type': '#Microsoft.Graph.Message' } });
    expect(jsonOf(call('GET', `/v1.0/me/messages/${note.resourceData.id}`)).subject).toBe('Ping');
    expect(call('DELETE', `/v1.0/subscriptions/${sub.id}`).status).toBe(204);
    world.deliver({ from: 'carol@sender.example', recipients: ['alice@example.test'], helo: 'a', clientAddress: '192.0.2.1', withProtocol: 'ESMTP' }, 'Subject: Quiet\r\n\r\n.\r\n');
    expect(outbox).toHaveLength(2);
  });

  test('an endpoint that does not echo the token fails validation (400); past 10,080 minutes is refused; PATCH renews', () => {
    const { world, call } = setup('Mail.Read');
    graphState(world).receiver = () => ({ status: 200, reason: 'OK', headers: [], body: 'wrong' });
    expect(jsonOf(call('POST', '/v1.0/subscriptions', SUB)).error.code).toBe('ValidationError');
    graphState(world).receiver = (url, req) => ({ status: 200, reason: 'OK', headers: [], body: decodeURIComponent(/validationToken=([^&]*)/.exec(req.target)![1]!) });
    expect(call('POST', '/v1.0/subscriptions', { ...SUB, expirationDateTime: '2026-12-01T00:00:00Z' }).status).toBe(400);
    const sub = jsonOf(call('POST', '/v1.0/subscriptions', SUB));
    const renewed = jsonOf(call('PATCH', `/v1.0/subscriptions/${sub.id}`, { expirationDateTime: '2026-11-24T09:00:00Z' }));
    expect(renewed.expirationDateTime).toBe('2026-11-24T09:00:00Z');
    expect(jsonOf(call('GET', '/v1.0/subscriptions')).value).toHaveLength(1);
  });
});

describe('authentication, permissions and throttling', () => {
  test('no token: 401 with WWW-Authenticate naming the authority; a bad or expired token adds error="invalid_token"', () => {
    const { world, token, server } = setup();
    const none = server(graph('GET', '/v1.0/me/messages', undefined));
    expect(none.status).toBe(401);
    expect(header(none, 'WWW-Authenticate')).toBe('Bearer realm="", authorization_uri="https://login.microsoftonline.test/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"');
    expect(jsonOf(none).error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    const forged = server(graph('GET', '/v1.0/me/messages', `${token.split('.')[0]}.eyJhdWQiOiJ4In0.`));
    expect(forged.status).toBe(401);
    expect(header(forged, 'WWW-Authenticate')).toMatch(/error="invalid_token"$/);
    world.clock.tick(3_599_000);
    expect(jsonOf(server(graph('GET', '/v1.0/me/messages', token))).error.message).toBe('Lifetime validation failed, the token is expired.');
  });

  test('a token without the permission gets 403 ErrorAccessDenied; an Exchange Online token has the wrong audience; Exchange Server has no Graph', () => {
    const { idp, call, server } = setup('Mail.Read');
    expect(call('POST', '/v1.0/me/sendMail', SEND('bob@example.test', 'x')).status).toBe(403);
    expect(jsonOf(call('PATCH', '/v1.0/me/messages/x', { isRead: true })).error.code).toBe('ErrorAccessDenied');
    const exo = delegatedToken(idp, 'https://outlook.office.com/IMAP.AccessAsUser.All').access_token;
    expect(server(graph('GET', '/v1.0/me/messages', exo)).status).toBe(401);
    expect(exchangeServer(new MailWorld(), 'server-se')(graph('GET', '/v1.0/me/messages', exo)).status).toBe(404);
  });

  test(`past ${exchangeFacts.graphLimits.requestsPerWindow} requests in ${exchangeFacts.graphLimits.windowSeconds} s one app gets 429 with Retry-After, and may go on after it`, () => {
    const { world, call } = setup();
    const { requestsPerWindow, windowSeconds } = exchangeFacts.graphLimits;
    for (let i = 0; i < requestsPerWindow; i++) {
      if (i === requestsPerWindow / 2) world.clock.tick(60_000);
      expect(call('GET', '/v1.0/me/mailFolders/inbox').status).toBe(200);
    }
    const throttled = call('GET', '/v1.0/me/mailFolders/inbox');
    expect(throttled.status).toBe(429);
    expect(header(throttled, 'Retry-After')).toBe(String(windowSeconds - 60));
    expect(jsonOf(throttled).error).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.' });
    world.clock.tick(windowSeconds * 1000);
    expect(call('GET', '/v1.0/me/mailFolders/inbox').status).toBe(200);
  });
});
