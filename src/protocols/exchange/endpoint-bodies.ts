/**
 * The request bodies the free mode's palette starts from: an EWS envelope around one operation (prefixes m and t
 * bound, as EWS clients send them), the POX Autodiscover request Microsoft documents, Graph's JSON bodies and
 * ActiveSync's commands as XML (the widget encodes them to WBXML, [MS-ASWBXML]). Indented so a learner can edit them.
 */
import { M_NS, SOAP_NS, T_NS } from './soap.ts';

/** A SOAP 1.1 envelope with RequestServerVersion and one EWS operation in its body. */
export function ewsEnvelope(operation: string): string {
  const body = operation.split('\n').map((line) => `    ${line}`).join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<soap:Envelope xmlns:soap="${SOAP_NS}" xmlns:t="${T_NS}" xmlns:m="${M_NS}">`,
    '  <soap:Header><t:RequestServerVersion Version="Exchange2016"/></soap:Header>',
    '  <soap:Body>',
    body,
    '  </soap:Body>',
    '</soap:Envelope>',
  ].join('\n');
}

/** Where an item id goes: the learner pastes one from FindItem's answer. */
export const ITEM_ID = 'PASTE-AN-ITEMID-FROM-FINDITEM';

/** The EWS operations, by name: the element inside soap:Body. */
export const EWS_OPERATIONS: Readonly<Record<string, string>> = {
  GetFolder: `<m:GetFolder>
  <m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>
  <m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds>
</m:GetFolder>`,
  FindFolder: `<m:FindFolder Traversal="Shallow">
  <m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>
  <m:ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/></m:ParentFolderIds>
</m:FindFolder>`,
  FindItem: `<m:FindItem Traversal="Shallow">
  <m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>
  <m:IndexedPageItemView MaxEntriesReturned="5" Offset="0" BasePoint="Beginning"/>
  <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
</m:FindItem>`,
  GetItem: `<m:GetItem>
  <m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>
  <m:ItemIds><t:ItemId Id="${ITEM_ID}"/></m:ItemIds>
</m:GetItem>`,
  CreateItem: `<m:CreateItem MessageDisposition="SendAndSaveCopy">
  <m:SavedItemFolderId><t:DistinguishedFolderId Id="sentitems"/></m:SavedItemFolderId>
  <m:Items>
    <t:Message>
      <t:Subject>Lunch on Friday?</t:Subject>
      <t:Body BodyType="Text">The new cafeteria is open.</t:Body>
      <t:ToRecipients><t:Mailbox><t:EmailAddress>bob@example.test</t:EmailAddress></t:Mailbox></t:ToRecipients>
    </t:Message>
  </m:Items>
</m:CreateItem>`,
  UpdateItem: `<m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AutoResolve">
  <m:ItemChanges>
    <t:ItemChange>
      <t:ItemId Id="${ITEM_ID}"/>
      <t:Updates>
        <t:SetItemField>
          <t:FieldURI FieldURI="message:IsRead"/>
          <t:Message><t:IsRead>true</t:IsRead></t:Message>
        </t:SetItemField>
      </t:Updates>
    </t:ItemChange>
  </m:ItemChanges>
</m:UpdateItem>`,
  MoveItem: `<m:MoveItem>
  <m:ToFolderId><t:DistinguishedFolderId Id="deleteditems"/></m:ToFolderId>
  <m:ItemIds><t:ItemId Id="${ITEM_ID}"/></m:ItemIds>
</m:MoveItem>`,
  DeleteItem: `<m:DeleteItem DeleteType="HardDelete">
  <m:ItemIds><t:ItemId Id="${ITEM_ID}"/></m:ItemIds>
</m:DeleteItem>`,
  SyncFolderItems: `<m:SyncFolderItems>
  <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
  <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
  <m:MaxChangesReturned>100</m:MaxChangesReturned>
</m:SyncFolderItems>`,
};

/** The POX Autodiscover request Outlook sends ("POX Autodiscover request for Exchange" on Microsoft Learn). */
/** A SOAP Autodiscover GetUserSettings request for `address` at `host`, asking what an EWS client needs. */
export function soapAutodiscoverRequest(address: string, host: string): string {
  const settings = ['UserDisplayName', 'ExternalEwsUrl', 'InternalEwsUrl', 'CasVersion', 'EwsSupportedSchemas'].map((s) => `        <a:Setting>${s}</a:Setting>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover" xmlns:wsa="http://www.w3.org/2005/08/addressing">
  <soap:Header>
    <a:RequestedServerVersion>Exchange2013</a:RequestedServerVersion>
    <wsa:Action>http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings</wsa:Action>
    <wsa:To>https://${host}/autodiscover/autodiscover.svc</wsa:To>
  </soap:Header>
  <soap:Body>
    <a:GetUserSettingsRequestMessage>
      <a:Request>
        <a:Users><a:User><a:Mailbox>${address}</a:Mailbox></a:User></a:Users>
        <a:RequestedSettings>
${settings}
        </a:RequestedSettings>
      </a:Request>
    </a:GetUserSettingsRequestMessage>
  </soap:Body>
</soap:Envelope>`;
}

export function poxRequest(address: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
  <Request>
    <EMailAddress>${address}</EMailAddress>
    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
  </Request>
</Autodiscover>`;
}

/** ActiveSync's commands as XML ([MS-ASCMD] writes its examples so); the code page names are the namespaces. */
export const EAS_BODIES: Readonly<Record<string, string>> = {
  Provision: `<?xml version="1.0" encoding="utf-8"?>
<Provision xmlns="Provision">
  <Policies>
    <Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy>
  </Policies>
</Provision>`,
  FolderSync: `<?xml version="1.0" encoding="utf-8"?>
<FolderSync xmlns="FolderHierarchy">
  <SyncKey>0</SyncKey>
</FolderSync>`,
  Sync: `<?xml version="1.0" encoding="utf-8"?>
<Sync xmlns="AirSync">
  <Collections>
    <Collection>
      <SyncKey>0</SyncKey>
      <CollectionId>PASTE-THE-INBOX-SERVERID</CollectionId>
    </Collection>
  </Collections>
</Sync>`,
  Ping: `<?xml version="1.0" encoding="utf-8"?>
<Ping xmlns="Ping">
  <HeartbeatInterval>480</HeartbeatInterval>
  <Folders>
    <Folder><Id>PASTE-THE-INBOX-SERVERID</Id><Class>Email</Class></Folder>
  </Folders>
</Ping>`,
};

/** Graph's sendMail body (Microsoft Graph v1.0, "user: sendMail"). */
export const GRAPH_SEND = JSON.stringify(
  { message: { subject: 'Lunch on Friday?', body: { contentType: 'Text', content: 'The new cafeteria is open.' }, toRecipients: [{ emailAddress: { address: 'bob@example.test' } }] }, saveToSentItems: true },
  null,
  2,
);
