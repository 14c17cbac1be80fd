/**
 * EWS on the shared world: Microsoft's documented request examples (Learn, web-service-reference: "GetFolder
 * operation", "FindFolder operation", "FindItem operation", "GetItem operation (email message)", "CreateItem
 * operation (email message)", "UpdateItem operation", "MoveItem operation", "DeleteItem operation",
 * "SyncFolderItems operation") replayed with their envelopes, and mail crossing between EWS, SMTP and IMAP.
 */
import { describe, expect, test } from 'vitest';
import '../../../src/machines/servers.ts';
import { openSession } from '../../../src/machines/session.ts';
import { exchangeServer } from '../../../src/protocols/exchange/server.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { exchangeFacts } from '../../../src/data/exchange.ts';
import { ALICE, all, basic, ews, M, T, textOf, xmlOf } from './helpers.ts';

const setup = () => {
  const world = new MailWorld();
  return { world, server: exchangeServer(world, 'server-se') };
};

/** The response message of a one-message response, checked for the envelope's parts. */
function message(res: ReturnType<ReturnType<typeof exchangeServer>>, op: string) {
  expect(res.status).toBe(200);
  expect(res.headers).toContainEqual(['Content-Type', 'text/xml; charset=utf-8']);
  const root = xmlOf(res);
  const info = all(root, 'ServerVersionInfo')[0]!;
  expect(info.ns).toBe(T);
  expect(info.attrs.get('MajorVersion')).toBe(String(exchangeFacts.ewsVersion.majorVersion));
  expect(info.attrs.get('Version')).toBe(exchangeFacts.ewsVersion.version);
  const msgs = all(root, `${op}ResponseMessage`);
  expect(msgs).toHaveLength(1);
  expect(msgs[0]!.ns).toBe(M);
  return msgs[0]!;
}

describe('documented requests', () => {
  test('GetFolder inbox (Microsoft: GetFolder operation) gives the Inbox with its counts', () => {
    const { server } = setup();
    const res = server(ews('<GetFolder xmlns="' + M + '"><FolderShape><t:BaseShape>Default</t:BaseShape></FolderShape><FolderIds><t:DistinguishedFolderId Id="inbox"/></FolderIds></GetFolder>'));
    const m = message(res, 'GetFolder');
    expect(m.attrs.get('ResponseClass')).toBe('Success');
    expect(textOf(m, 'ResponseCode')).toBe('NoError');
    expect(textOf(m, 'DisplayName')).toBe('Inbox');
    expect(textOf(m, 'TotalCount')).toBe('3');
    expect(textOf(m, 'UnreadCount')).toBe('2');
  });

  test('FindFolder Shallow under msgfolderroot lists the mailboxes with Exchange names', () => {
    const { server } = setup();
    const res = server(ews(`<FindFolder Traversal="Shallow" xmlns="${M}"><FolderShape><t:BaseShape>Default</t:BaseShape></FolderShape><ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/></ParentFolderIds></FindFolder>`));
    const m = message(res, 'FindFolder');
    expect(all(m, 'DisplayName').map((d) => d.text)).toEqual(['Inbox', 'Sent Items', 'Drafts', 'Deleted Items', 'Archive']);
    expect(all(m, 'RootFolder')[0]!.attrs.get('TotalItemsInView')).toBe('5');
  });

  test('FindItem IdOnly (Microsoft: FindItem operation) lists ids, newest first, and pages', () => {
    const { server } = setup();
    const res = server(ews(`<FindItem xmlns="${M}" Traversal="Shallow"><ItemShape><t:BaseShape>IdOnly</t:BaseShape></ItemShape><ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></ParentFolderIds></FindItem>`));
    const m = message(res, 'FindItem');
    const ids = all(m, 'ItemId');
    expect(ids).toHaveLength(3);
    expect(all(m, 'RootFolder')[0]!.attrs.get('IncludesLastItemInRange')).toBe('true');
    const page = message(server(ews(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="1" Offset="0" BasePoint="Beginning"/><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>`)), 'FindItem');
    expect(all(page, 'Subject').map((s) => s.text)).toEqual(['Dots']);
    expect(all(page, 'RootFolder')[0]!.attrs.get('IncludesLastItemInRange')).toBe('false');
  });

  test('GetItem with IncludeMimeContent (Microsoft: GetItem operation (email message)) gives MIME, body and addresses', () => {
    const { world, server } = setup();
    const id = all(message(server(ews(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>`)), 'FindItem'), 'ItemId').at(-1)!;
    const res = server(ews(`<GetItem xmlns="${M}"><ItemShape><t:BaseShape>Default</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></ItemShape><ItemIds><t:ItemId Id="${id.attrs.get('Id')}" ChangeKey="${id.attrs.get('ChangeKey')}"/></ItemIds></GetItem>`));
    const m = message(res, 'GetItem');
    expect(atob(textOf(m, 'MimeContent')!)).toBe(world.mailbox('alice', 'INBOX')!.messages[0]!.raw);
    expect(textOf(m, 'Subject')).toBe('Welcome to example.test');
    expect(textOf(m, 'Body')).toContain('your mailbox is ready');
    expect(textOf(all(m, 'From')[0]!, 'EmailAddress')).toBe('bob@example.test');
    expect(textOf(m, 'IsRead')).toBe('true');
  });

  test('DeleteItem of an unknown item gives ErrorItemNotFound with the documented text; a malformed id ErrorInvalidIdMalformed', () => {
    const { server } = setup();
    const gone = btoa('I\u0000alice\u0000INBOX\u00001\u000099');
    const m = message(server(ews(`<DeleteItem DeleteType="HardDelete" xmlns="${M}"><ItemIds><t:ItemId Id="${gone}"/></ItemIds></DeleteItem>`)), 'DeleteItem');
    expect(m.attrs.get('ResponseClass')).toBe('Error');
    expect(textOf(m, 'ResponseCode')).toBe('ErrorItemNotFound');
    expect(textOf(m, 'MessageText')).toBe('The specified object was not found in the store.');
    const bad = message(server(ews(`<DeleteItem DeleteType="HardDelete" xmlns="${M}"><ItemIds><t:ItemId Id="AS4AUn=="/></ItemIds></DeleteItem>`)), 'DeleteItem');
    expect(textOf(bad, 'ResponseCode')).toBe('ErrorInvalidIdMalformed');
    expect(textOf(bad, 'MessageText')).toBe('Id is malformed.');
  });

  test('SyncFolderItems with a corrupt SyncState gives ErrorInvalidSyncStateData as documented', () => {
    const { server } = setup();
    const m = message(server(ews(`<SyncFolderItems xmlns="${M}"><ItemShape><t:BaseShape>Default</t:BaseShape></ItemShape><SyncFolderId><t:DistinguishedFolderId Id="sentitems"/></SyncFolderId><SyncState>AEbJ94eMOAAA=</SyncState><MaxChangesReturned>100</MaxChangesReturned></SyncFolderItems>`)), 'SyncFolderItems');
    expect(textOf(m, 'ResponseCode')).toBe('ErrorInvalidSyncStateData');
    expect(textOf(m, 'MessageText')).toBe('Synchronization state data is corrupt or otherwise invalid.');
  });

  test('an unknown distinguished folder fails schema validation with a SOAP fault (Microsoft: FindConversation operation)', () => {
    const { server } = setup();
    const res = server(ews(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox1"/></m:ParentFolderIds></m:FindItem>`));
    expect(res.status).toBe(500);
    expect(textOf(xmlOf(res), 'faultcode')).toBe('a:ErrorSchemaValidation');
    expect(textOf(xmlOf(res), 'faultstring')).toMatch(/^The request failed schema validation: .*inbox1/);
  });

  test('an empty SOAP body is ErrorInvalidRequest', () => {
    const { server } = setup();
    expect(textOf(xmlOf(server(ews(''))), 'faultcode')).toBe('a:ErrorInvalidRequest');
  });

  test('without credentials: 401 with WWW-Authenticate Basic; with a wrong password too', () => {
    const { server } = setup();
    const anonymous = { ...ews('<m:GetFolder/>'), headers: [['Content-Type', 'text/xml'] as const] };
    for (const request of [anonymous, ews('<m:GetFolder/>', basic('alice', 'nope'))]) {
      const res = server(request);
      expect(res.status).toBe(401);
      expect(res.headers).toContainEqual(['WWW-Authenticate', 'Basic realm="mail.example.test"']);
    }
    expect(server(ews(`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>`, basic('alice@example.test', 'wonderland'))).status).toBe(200);
  });
});

const CREATE = (to: string, subject: string) =>
  `<CreateItem MessageDisposition="SendAndSaveCopy" xmlns="${M}"><SavedItemFolderId><t:DistinguishedFolderId Id="sentitems"/></SavedItemFolderId><Items><t:Message><t:ItemClass>IPM.Note</t:ItemClass><t:Subject>${subject}</t:Subject><t:Body BodyType="Text">Priority - Update specification</t:Body><t:ToRecipients><t:Mailbox><t:EmailAddress>${to}</t:EmailAddress></t:Mailbox></t:ToRecipients><t:IsRead>false</t:IsRead></t:Message></Items></CreateItem>`;

function imapLogin(world: MailWorld, user = 'bob', password = 'builder') {
  const imap = openSession(world, 'imap', 993);
  imap.send(`a LOGIN ${user} ${password}`);
  return imap;
}

describe('mail crosses between EWS, SMTP and IMAP', () => {
  test('CreateItem SendAndSaveCopy delivers to bob (read with IMAP FETCH) and saves to Sent (the \\Sent mailbox)', () => {
    const { world, server } = setup();
    const m = message(server(ews(CREATE('bob@example.test', 'Project Action'))), 'CreateItem');
    expect(m.attrs.get('ResponseClass')).toBe('Success');
    const imap = imapLogin(world);
    imap.send('b SELECT INBOX');
    const fetched = imap.send('c FETCH 2 (BODY[HEADER.FIELDS (SUBJECT FROM)] BODY[TEXT])').replies.join('\r\n');
    expect(fetched).toContain('Subject: Project Action');
    expect(fetched).toContain('From: Alice <alice@example.test>');
    expect(fetched).toContain('Priority - Update specification');
    expect(imap.internalErrors).toBe(0);
    const sent = world.mailbox('alice', 'Sent')!;
    expect(sent.specialUse).toBe('\\Sent');
    expect(sent.messages).toHaveLength(1);
    expect(sent.messages[0]!.flags.has('\\Seen')).toBe(true);
  });

  test('a message delivered by SMTP appears in EWS FindItem', () => {
    const { world, server } = setup();
    const smtp = openSession(world, 'smtp', 25);
    for (const l of ['EHLO a.example', 'MAIL FROM:<carol@sender.example>', 'RCPT TO:<alice@example.test>', 'DATA', 'Subject: Over SMTP', '', 'hello', '.']) smtp.send(l);
    const m = message(server(ews(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>`)), 'FindItem');
    expect(all(m, 'Subject')[0]!.text).toBe('Over SMTP');
    expect(all(m, 'IsRead')[0]!.text).toBe('false');
  });

  test('UpdateItem IsRead (Microsoft: UpdateItem operation, SetItemField) shows as \\Seen in IMAP, and IMAP flags show in SyncFolderItems', () => {
    const { world, server } = setup();
    const sync = (state: string) =>
      message(server(ews(`<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>${state}<m:MaxChangesReturned>512</m:MaxChangesReturned></m:SyncFolderItems>`)), 'SyncFolderItems');
    const first = sync('');
    expect(all(first, 'Create')).toHaveLength(3);
    const state = textOf(first, 'SyncState')!;
    const id = all(first, 'ItemId')[1]!.attrs.get('Id');
    const upd = message(server(ews(`<UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AutoResolve" xmlns="${M}"><ItemChanges><t:ItemChange><t:ItemId Id="${id}"/><t:Updates><t:SetItemField><t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>true</t:IsRead></t:Message></t:SetItemField></t:Updates></t:ItemChange></ItemChanges></UpdateItem>`)), 'UpdateItem');
    expect(upd.attrs.get('ResponseClass')).toBe('Success');
    const imap = imapLogin(world, 'alice', 'wonderland');
    imap.send('b SELECT INBOX');
    expect(imap.send('c FETCH 2 (FLAGS)').replies[0]).toBe('* 2 FETCH (FLAGS (\\Seen \\Recent))');
    imap.send('d STORE 3 +FLAGS (\\Seen)');
    const next = sync(`<m:SyncState>${state}</m:SyncState>`);
    expect(all(next, 'ReadFlagChange').map((c) => textOf(c, 'IsRead'))).toEqual(['true', 'true']);
    expect(all(next, 'Create')).toHaveLength(0);
  });

  test('MoveItem to deleteditems and DeleteItem HardDelete change what IMAP sees', () => {
    const { world, server } = setup();
    const ids = all(message(server(ews(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>`)), 'FindItem'), 'ItemId').map((i) => i.attrs.get('Id'));
    const moved = message(server(ews(`<MoveItem xmlns="${M}"><ToFolderId><t:DistinguishedFolderId Id="deleteditems"/></ToFolderId><ItemIds><t:ItemId Id="${ids[0]}"/></ItemIds></MoveItem>`)), 'MoveItem');
    expect(all(moved, 'ItemId')[0]!.attrs.get('Id')).not.toBe(ids[0]);
    expect(world.mailbox('alice', 'Trash')!.messages).toHaveLength(1);
    message(server(ews(`<DeleteItem DeleteType="HardDelete" xmlns="${M}"><ItemIds><t:ItemId Id="${ids[1]}"/></ItemIds></DeleteItem>`)), 'DeleteItem');
    expect(world.mailbox('alice', 'INBOX')!.messages).toHaveLength(1);
    const again = message(server(ews(`<DeleteItem DeleteType="HardDelete" xmlns="${M}"><ItemIds><t:ItemId Id="${ids[1]}"/></ItemIds></DeleteItem>`)), 'DeleteItem');
    expect(textOf(again, 'ResponseCode')).toBe('ErrorItemNotFound');
  });
});

describe('Exchange Online', () => {
  const token = (over: Partial<{ appId: string; scopes: string[]; expiresAt: number; audience: string }> = {}) => ({
    subject: 'alice',
    appId: 'app-1',
    audience: 'https://outlook.office365.test',
    scopes: ['EWS.AccessAsUser.All'],
    expiresAt: Date.UTC(2030, 0, 1),
    ...over,
  });
  const online = (t: ReturnType<typeof token> | undefined, allow: string[] = [], ewsEnabled: boolean | undefined = true) => {
    const world = new MailWorld();
    return exchangeServer(world, 'online', { ewsEnabled, ewsAllowedAppIds: allow, authorizer: { authorize: () => t } });
  };
  const GET_INBOX = `<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>`;

  test('refuses Basic (gone since the date in the data) with a Bearer challenge', () => {
    const res = online(token(), ['app-1'])(ews(GET_INBOX, ALICE));
    expect(res.status).toBe(401);
    expect(res.headers.find(([n]) => n === 'WWW-Authenticate')![1]).toMatch(/^Bearer client_id="00000002-0000-0ff1-ce00-000000000000"/);
  });

  test('answers an allow-listed app with a good token, blocks any other app with 403 ErrorAccessDenied', () => {
    expect(online(token(), ['app-1'])(ews(GET_INBOX, 'Bearer t')).status).toBe(200);
    const blocked = online(token({ appId: 'app-2' }), ['app-1'])(ews(GET_INBOX, 'Bearer t'));
    expect(blocked.status).toBe(403);
    expect(textOf(xmlOf(blocked), 'faultcode')).toBe('a:ErrorAccessDenied');
    // EWSEnabled never set: from the switch-off day the tenant counts as switched off, allow list or not.
    const unset = exchangeServer(new MailWorld(), 'online', { ewsAllowedAppIds: ['app-1'], authorizer: { authorize: () => token() } });
    expect(unset(ews(GET_INBOX, 'Bearer t')).status).toBe(403);
  });

  test('an expired token, a token for another audience or no token gets 401 invalid_token; a token without the scope 403', () => {
    for (const t of [token({ expiresAt: Date.UTC(2020, 0, 1) }), token({ audience: 'https://graph.microsoft.test' }), undefined]) {
      const res = online(t, ['app-1'])(ews(GET_INBOX, 'Bearer t'));
      expect(res.status).toBe(401);
      expect(res.headers.find(([n]) => n === 'WWW-Authenticate')![1]).toContain('error="invalid_token"');
    }
    expect(online(token({ scopes: ['Mail.Read'] }), ['app-1'])(ews(GET_INBOX, 'Bearer t')).status).toBe(403);
  });
});
