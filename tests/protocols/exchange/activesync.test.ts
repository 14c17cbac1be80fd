/**
 * Exchange ActiveSync on the shared world: a phone's whole setup (OPTIONS, Provision twice, FolderSync, Sync), push
 * through Ping when SMTP delivers, read flags and deletes that IMAP sees, and the documented refusals
 * ([MS-ASHTTP] §2.2.2.1.1, [MS-ASCMD] §2.2.2, [MS-ASPROV] §3.2.5.1.1).
 */
import { describe, expect, test } from 'vitest';
import '../../../src/machines/servers.ts';
import { openSession } from '../../../src/machines/session.ts';
import { exchangeServer } from '../../../src/protocols/exchange/server.ts';
import { first, textOf, type WbxmlElement } from '../../../src/protocols/exchange/wbxml/tree.ts';
import type { MailWorld } from '../../../src/protocols/shared/world.ts';
import { decoded, deep, easPost, element, leaf, provisionPhone, setup } from './activesync-helpers.ts';
import { basic } from './helpers.ts';

const A = 'AirSync';
const F = 'FolderHierarchy';

const folderSync = (key: string) => element(F, 'FolderSync', leaf(F, 'SyncKey', key));
const syncReq = (key: string, id: string, ...extra: WbxmlElement[]) =>
  element(A, 'Sync', element(A, 'Collections', element(A, 'Collection', leaf(A, 'SyncKey', key), leaf(A, 'CollectionId', id), ...extra)));
const pingReq = (heartbeat: number, ...ids: string[]) =>
  element('Ping', 'Ping', leaf('Ping', 'HeartbeatInterval', heartbeat), element('Ping', 'Folders', ...ids.map((id) => element('Ping', 'Folder', leaf('Ping', 'Id', id), leaf('Ping', 'Class', 'Email')))));
const collection = (root: WbxmlElement) => deep(root, 'Collection')[0]!;

function smtpDeliver(world: MailWorld, subject: string) {
  const smtp = openSession(world, 'smtp', 25);
  for (const l of ['EHLO a.example', 'MAIL FROM:<carol@sender.example>', 'RCPT TO:<alice@example.test>', 'DATA', `Subject: ${subject}`, '', 'hello', '.']) smtp.send(l);
}

function imapFlags(world: MailWorld, box = 'INBOX'): string[] {
  const imap = openSession(world, 'imap', 993);
  imap.send('a LOGIN alice wonderland');
  imap.send(`b SELECT ${box}`);
  return imap.send('c FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])').replies.filter((r) => r.startsWith('* '));
}

/** Provisioned, hierarchy and Inbox synced to key 1; returns the Inbox id and policy key. */
function phone(s: ReturnType<typeof setup>) {
  const key = provisionPhone(s.call);
  const hierarchy = decoded(s.call(easPost('FolderSync', folderSync('0'), { key })));
  const inbox = deep(hierarchy, 'Add').find((a) => textOf(a, 'Type') === '2')!;
  const id = textOf(inbox, 'ServerId')!;
  s.call(easPost('Sync', syncReq('0', id), { key }));
  return { key, id };
}

describe("a phone's setup", () => {
  test('OPTIONS lists the versions and the commands', () => {
    const { call } = setup();
    const res = call({ method: 'OPTIONS', target: '/Microsoft-Server-ActiveSync', headers: [['Authorization', basic('alice', 'wonderland')]], body: '' });
    expect(res.status).toBe(200);
    expect(res.headers).toContainEqual(['MS-ASProtocolVersions', '2.0,2.1,2.5,12.0,12.1,14.0,14.1,16.0,16.1']);
    expect(res.headers).toContainEqual(['MS-ASProtocolCommands', 'Provision,FolderSync,Sync,Ping']);
    expect(res.headers).toContainEqual(['Allow', 'OPTIONS,POST']);
  });

  test('Provision gives a temporary key with the policy, then the final key for the acknowledgement', () => {
    const { call } = setup();
    const P = 'Provision';
    const policy = (...extra: WbxmlElement[]) => element(P, 'Provision', element(P, 'Policies', element(P, 'Policy', leaf(P, 'PolicyType', 'MS-EAS-Provisioning-WBXML'), ...extra)));
    const one = decoded(call(easPost('Provision', policy())));
    expect(textOf(one, 'Status')).toBe('1');
    const p1 = first(first(one, 'Policies'), 'Policy')!;
    const temp = textOf(p1, 'PolicyKey')!;
    expect(temp).toMatch(/^[1-9]\d*$/);
    expect(textOf(first(first(p1, 'Data'), 'EASProvisionDoc'), 'DevicePasswordEnabled')).toBe('0');
    const wrong = decoded(call(easPost('Provision', policy(leaf(P, 'PolicyKey', '12345'), leaf(P, 'Status', 1)), { key: '12345' })));
    expect(textOf(first(first(wrong, 'Policies'), 'Policy'), 'Status')).toBe('5');
    const two = decoded(call(easPost('Provision', policy(leaf(P, 'PolicyKey', temp), leaf(P, 'Status', 1)), { key: temp })));
    const p2 = first(first(two, 'Policies'), 'Policy')!;
    expect(textOf(p2, 'Status')).toBe('1');
    expect(textOf(p2, 'PolicyKey')).not.toBe(temp);
    expect(first(p2, 'Data')).toBeUndefined();
  });

  test('without the policy key: Status 142 (14.0 and later), 144 for a wrong key, HTTP 449 before 14.0', () => {
    const { call } = setup();
    expect(textOf(decoded(call(easPost('FolderSync', folderSync('0')))), 'Status')).toBe('142');
    const temp = textOf(first(first(decoded(call(easPost('Provision', element('Provision', 'Provision', element('Provision', 'Policies', element('Provision', 'Policy', leaf('Provision', 'PolicyType', 'MS-EAS-Provisioning-WBXML'))))))), 'Policies'), 'Policy'), 'PolicyKey')!;
    expect(textOf(decoded(call(easPost('FolderSync', folderSync('0'), { key: temp }))), 'Status')).toBe('144');
    const old = call(easPost('FolderSync', folderSync('0'), { version: '12.1' }));
    expect([old.status, old.reason]).toEqual([449, 'Retry after sending a PROVISION command']);
  });

  test('FolderSync 0 gives the hierarchy with Exchange names and types; the next key gives no changes', () => {
    const s = setup();
    const key = provisionPhone(s.call);
    const root = decoded(s.call(easPost('FolderSync', folderSync('0'), { key })));
    expect(textOf(root, 'Status')).toBe('1');
    expect(textOf(root, 'SyncKey')).toBe('1');
    const adds = deep(root, 'Add').map((a) => [textOf(a, 'DisplayName'), textOf(a, 'Type'), textOf(a, 'ParentId')]);
    expect(adds).toEqual([['Inbox', '2', '0'], ['Sent Items', '5', '0'], ['Drafts', '3', '0'], ['Deleted Items', '4', '0'], ['Archive', '12', '0']]);
    expect(textOf(first(root, 'Changes'), 'Count')).toBe('5');
    const again = decoded(s.call(easPost('FolderSync', folderSync('1'), { key })));
    expect(textOf(first(again, 'Changes'), 'Count')).toBe('0');
    expect(textOf(decoded(s.call(easPost('FolderSync', folderSync('7'), { key }))), 'Status')).toBe('9');
    s.world.createMailbox('alice', 'Projects');
    const added = decoded(s.call(easPost('FolderSync', folderSync('1'), { key })));
    expect([textOf(added, 'SyncKey'), deep(added, 'DisplayName').map((d) => d.text)]).toEqual(['2', ['Projects']]);
  });

  test('Sync: key 0 returns only a new key; then the Inbox arrives newest first, windowed with MoreAvailable', () => {
    const s = setup();
    const key = provisionPhone(s.call);
    const id = textOf(deep(decoded(s.call(easPost('FolderSync', folderSync('0'), { key }))), 'Add')[0]!, 'ServerId')!;
    const zero = collection(decoded(s.call(easPost('Sync', syncReq('0', id), { key }))));
    expect([textOf(zero, 'SyncKey'), textOf(zero, 'Status'), first(zero, 'Commands')]).toEqual(['1', '1', undefined]);
    const one = collection(decoded(s.call(easPost('Sync', syncReq('1', id, leaf(A, 'WindowSize', 2)), { key }))));
    expect(textOf(one, 'SyncKey')).toBe('2');
    expect(first(one, 'MoreAvailable')).toBeDefined();
    const adds = deep(one, 'Add');
    expect(adds.map((a) => textOf(a, 'ServerId'))).toEqual([`${id}:3`, `${id}:2`]);
    const data = first(adds[0]!, 'ApplicationData')!;
    expect(textOf(data, 'Read', 'Email')).toBe('0');
    expect(textOf(data, 'MessageClass', 'Email')).toBe('IPM.Note');
    expect(textOf(first(data, 'Body', 'AirSyncBase'), 'Type', 'AirSyncBase')).toBe('1');
    const two = collection(decoded(s.call(easPost('Sync', syncReq('2', id), { key }))));
    expect(deep(two, 'Add').map((a) => textOf(a, 'ServerId'))).toEqual([`${id}:1`]);
    expect(first(two, 'MoreAvailable')).toBeUndefined();
    const bad = collection(decoded(s.call(easPost('Sync', syncReq('2', id), { key }))));
    expect([textOf(bad, 'Status'), textOf(bad, 'SyncKey')]).toEqual(['3', '0']);
  });
});

describe('push and changes across protocols', () => {
  test('a Ping is held, and returns Status 2 with the Inbox when SMTP delivers; the next Sync carries the mail', () => {
    const s = setup();
    const { key, id } = phone(s);
    s.call(easPost('Sync', syncReq('1', id), { key }));
    const out = s.eas.handle(easPost('Ping', pingReq(480, id), { key }));
    expect(out.held).toBeDefined();
    expect(out.held!.check()).toBeUndefined();
    smtpDeliver(s.world, 'Pushed');
    const pinged = decoded(out.held!.check());
    expect(textOf(pinged, 'Status')).toBe('2');
    expect(deep(pinged, 'Folder').map((f) => f.text)).toEqual([id]);
    const synced = collection(decoded(s.call(easPost('Sync', syncReq('2', id), { key }))));
    expect(deep(synced, 'Subject').map((x) => x.text)).toEqual(['Pushed']);
  });

  test('a held Ping returns Status 1 when its heartbeat runs out on the world clock; an empty Ping repeats it', () => {
    const s = setup();
    const { key, id } = phone(s);
    s.call(easPost('Sync', syncReq('1', id), { key }));
    const out = s.eas.handle(easPost('Ping', pingReq(480, id), { key }));
    s.world.clock.tick(479_000);
    expect(out.held!.check()).toBeUndefined();
    s.world.clock.tick(1_000);
    expect(textOf(decoded(out.held!.check()), 'Status')).toBe('1');
    const again = s.eas.handle(easPost('Ping', undefined, { key }));
    expect(again.held?.folders).toEqual([id]);
  });

  test('Ping refuses a heartbeat out of range (Status 5 with the limit) and an unknown folder (Status 7)', () => {
    const s = setup();
    const { key, id } = phone(s);
    const low = decoded(s.call(easPost('Ping', pingReq(10, id), { key })));
    expect([textOf(low, 'Status'), textOf(low, 'HeartbeatInterval')]).toEqual(['5', '60']);
    expect(textOf(decoded(s.call(easPost('Ping', pingReq(480, '999'), { key }))), 'Status')).toBe('7');
    // Another device with this device's key: the key is not its own (144, InvalidPolicyKey).
    expect(textOf(decoded(s.call(easPost('Ping', undefined, { key, device: 'OTHER1' }))), 'Status')).toBe('144');
  });

  test('marking read through Sync shows \\Seen in IMAP; a delete moves the message to Deleted Items', () => {
    const s = setup();
    const { key, id } = phone(s);
    s.call(easPost('Sync', syncReq('1', id), { key }));
    expect(imapFlags(s.world)[1]).not.toMatch(/\\Seen/);
    const change = element(A, 'Change', leaf(A, 'ServerId', `${id}:2`), element(A, 'ApplicationData', leaf('Email', 'Read', 1)));
    const del = element(A, 'Delete', leaf(A, 'ServerId', `${id}:3`));
    const res = collection(decoded(s.call(easPost('Sync', syncReq('2', id, element(A, 'Commands', change, del)), { key }))));
    expect(textOf(res, 'Status')).toBe('1');
    expect(first(res, 'Commands')).toBeUndefined();
    const inbox = imapFlags(s.world);
    expect(inbox).toHaveLength(2);
    expect(inbox[1]).toMatch(/^\* 2 FETCH \(FLAGS \(\\Seen[ )]/);
    expect(imapFlags(s.world, 'Trash')).toHaveLength(1);
    const missing = collection(decoded(s.call(easPost('Sync', syncReq('3', id, element(A, 'Commands', element(A, 'Delete', leaf(A, 'ServerId', `${id}:3`)))), { key }))));
    expect(textOf(first(first(missing, 'Responses'), 'Delete'), 'Status')).toBe('8');
  });

  test('a change made in IMAP reaches the phone as a Change of Email:Read', () => {
    const s = setup();
    const { key, id } = phone(s);
    s.call(easPost('Sync', syncReq('1', id), { key }));
    const imap = openSession(s.world, 'imap', 993);
    imap.send('a LOGIN alice wonderland');
    imap.send('b SELECT INBOX');
    imap.send('c STORE 3 +FLAGS (\\Seen)');
    const res = collection(decoded(s.call(easPost('Sync', syncReq('2', id), { key }))));
    const changes = deep(res, 'Change');
    expect(changes.map((c) => [textOf(c, 'ServerId'), textOf(first(c, 'ApplicationData'), 'Read', 'Email')])).toEqual([[`${id}:3`, '1']]);
  });
});

describe('refusals', () => {
  test('bad WBXML: Status 102 in 14.0 and later, HTTP 400 before; missing version 400; unknown command 501; GET 501', () => {
    const s = setup();
    const { key } = phone(s);
    expect(textOf(decoded(s.call(easPost('Sync', '\x03\x01\x6a\x00\x45\x5c', { key }))), 'Status')).toBe('102');
    expect(s.call(easPost('Sync', '\x03\x01', { key, version: '12.1' })).status).toBe(400);
    expect(s.call(easPost('Sync', '\x03\x01', { key, version: '3.0' })).status).toBe(400);
    expect(s.call(easPost('SendMail', '', { key })).status).toBe(501);
    expect(s.call({ method: 'GET', target: '/Microsoft-Server-ActiveSync', headers: [], body: '' }).status).toBe(501);
    const noDevice = easPost('FolderSync', folderSync('0'), { key });
    expect(textOf(decoded(s.call({ ...noDevice, target: '/Microsoft-Server-ActiveSync?Cmd=FolderSync&User=alice&DeviceType=iPhone' })), 'Status')).toBe('108');
  });

  test('Exchange Online refuses Basic (2022) and takes a bearer token with the ActiveSync scope', () => {
    const token = (scopes: string[]) => ({ subject: 'alice', appId: 'app', audience: 'https://outlook.office365.test', scopes, expiresAt: Date.UTC(2030, 0, 1) });
    let scopes = ['EAS.AccessAsUser.All'];
    const s = setup('online', { authorizer: { authorize: () => token(scopes) } });
    const basicRes = s.call(easPost('FolderSync', folderSync('0'), { auth: basic('alice', 'wonderland') }));
    expect(basicRes.status).toBe(401);
    expect(basicRes.headers[0]![1]).toMatch(/^Bearer /);
    const key = provisionPhone((r) => s.call({ ...r, headers: r.headers.map(([n, v]) => (n === 'Authorization' ? [n, 'Bearer t'] : [n, v])) }));
    expect(textOf(decoded(s.call(easPost('FolderSync', folderSync('0'), { key, auth: 'Bearer t' }))), 'Status')).toBe('1');
    scopes = ['EWS.AccessAsUser.All'];
    expect(s.call(easPost('FolderSync', folderSync('0'), { key, auth: 'Bearer t' })).status).toBe(403);
  });

  test('Exchange Online refuses protocol versions older than 16.1 (from 1 March 2026); Exchange Server does not', () => {
    const online = setup('online', { authorizer: { authorize: () => ({ subject: 'alice', appId: 'a', audience: 'https://outlook.office365.test', scopes: ['EAS.AccessAsUser.All'], expiresAt: Date.UTC(2030, 0, 1) }) } });
    expect(online.call(easPost('Provision', '', { version: '14.1', auth: 'Bearer t' })).status).toBe(400);
    const se = setup();
    expect(se.call(easPost('Provision', '', { version: '14.1' })).status).toBe(200);
  });

  test('exchangeServer routes /Microsoft-Server-ActiveSync (any case) and answers a waiting Ping at once', () => {
    const world = setup().world;
    const server = exchangeServer(world, 'server-se');
    const res = server({ method: 'OPTIONS', target: '/microsoft-server-activesync', headers: [['Authorization', basic('alice', 'wonderland')]], body: '' });
    expect(res.status).toBe(200);
    const key = provisionPhone(server);
    const id = textOf(deep(decoded(server(easPost('FolderSync', folderSync('0'), { key }))), 'Add')[0]!, 'ServerId')!;
    server(easPost('Sync', syncReq('0', id), { key }));
    server(easPost('Sync', syncReq('1', id), { key }));
    expect(textOf(decoded(server(easPost('Ping', pingReq(480, id), { key }))), 'Status')).toBe('1');
  });
});
