/**
 * The WBXML code pages ActiveSync's mail commands use, from [MS-ASWBXML] §2.1.2.1 (revision 24.0, 2025): each page
 * is an XML namespace, and a tag's token is 0x05 plus its place in the list ("-" marks a token the page leaves
 * unassigned). Only the pages Provision, FolderSync, Sync, Ping and Settings need are here, plus Contacts for the
 * specification's own example; a token of any other page is refused as WBXML this server cannot decode.
 */

const PAGES: Readonly<Record<number, readonly [namespace: string, tags: string]>> = {
  0: ['AirSync', 'Sync Responses Add Change Delete Fetch SyncKey ClientId ServerId Status Collection Class - CollectionId GetChanges MoreAvailable WindowSize Commands Options FilterType Truncation - Conflict Collections ApplicationData DeletesAsMoves - Supported SoftDelete MIMESupport MIMETruncation Wait Limit Partial ConversationMode MaxItems HeartbeatInterval'],
  1: ['Contacts', 'Anniversary AssistantName AssistantPhoneNumber Birthday Body BodySize BodyTruncated Business2PhoneNumber BusinessAddressCity BusinessAddressCountry BusinessAddressPostalCode BusinessAddressState BusinessAddressStreet BusinessFaxNumber BusinessPhoneNumber CarPhoneNumber Categories Category Children Child CompanyName Department Email1Address Email2Address Email3Address FileAs FirstName Home2PhoneNumber HomeAddressCity HomeAddressCountry HomeAddressPostalCode HomeAddressState HomeAddressStreet HomeFaxNumber HomePhoneNumber JobTitle LastName MiddleName MobilePhoneNumber OfficeLocation OtherAddressCity OtherAddressCountry OtherAddressPostalCode OtherAddressState OtherAddressStreet PagerNumber RadioPhoneNumber Spouse Suffix Title WebPage YomiCompanyName YomiFirstName YomiLastName - Picture Alias WeightedRank'],
  // The specification's table spells 0x09 "Att0id" (a zero), a typo for AttOid.
  2: ['Email', 'Attachment Attachments AttName AttSize AttOid AttMethod - Body BodySize BodyTruncated DateReceived DisplayName DisplayTo Importance MessageClass Subject Read To Cc From ReplyTo AllDayEvent Categories Category DtStamp EndTime InstanceType BusyStatus Location MeetingRequest Organizer RecurrenceId Reminder ResponseRequested Recurrences Recurrence Type Until Occurrences Interval DayOfWeek DayOfMonth WeekOfMonth MonthOfYear StartTime Sensitivity TimeZone GlobalObjId ThreadTopic MIMEData MIMETruncated MIMESize InternetCPID Flag Status ContentClass FlagType CompleteTime DisallowNewTimeProposal'],
  7: ['FolderHierarchy', 'Folders Folder DisplayName ServerId ParentId Type - Status - Changes Add Delete Update SyncKey FolderCreate FolderDelete FolderUpdate FolderSync Count'],
  13: ['Ping', 'Ping - Status HeartbeatInterval Folders Folder Id Class MaxFolders'],
  14: ['Provision', 'Provision Policies Policy PolicyType PolicyKey Data Status RemoteWipe EASProvisionDoc DevicePasswordEnabled AlphanumericDevicePasswordRequired RequireStorageCardEncryption PasswordRecoveryEnabled - AttachmentsEnabled MinDevicePasswordLength MaxInactivityTimeDeviceLock MaxDevicePasswordFailedAttempts MaxAttachmentSize AllowSimpleDevicePassword DevicePasswordExpiration DevicePasswordHistory AllowStorageCard AllowCamera RequireDeviceEncryption AllowUnsignedApplications AllowUnsignedInstallationPackages MinDevicePasswordComplexCharacters AllowWiFi AllowTextMessaging AllowPOPIMAPEmail AllowBluetooth AllowIrDA RequireManualSyncWhenRoaming AllowDesktopSync MaxCalendarAgeFilter AllowHTMLEmail MaxEmailAgeFilter MaxEmailBodyTruncationSize MaxEmailHTMLBodyTruncationSize RequireSignedSMIMEMessages RequireEncryptedSMIMEMessages RequireSignedSMIMEAlgorithm RequireEncryptionSMIMEAlgorithm AllowSMIMEEncryptionAlgorithmNegotiation AllowSMIMESoftCerts AllowBrowser AllowConsumerEmail AllowRemoteDesktop AllowInternetSharing UnapprovedInROMApplicationList ApplicationName ApprovedApplicationList Hash AccountOnlyRemoteWipe'],
  17: ['AirSyncBase', 'BodyPreference Type TruncationSize AllOrNone - Body Data EstimatedDataSize Truncated Attachments Attachment DisplayName FileReference Method ContentId ContentLocation IsInline NativeBodyType ContentType Preview BodyPartPreference BodyPart Status Add Delete ClientId Content Location Annotation Street City State Country PostalCode Latitude Longitude Accuracy Altitude AltitudeAccuracy LocationUri InstanceId'],
  18: ['Settings', 'Settings Status Get Set Oof OofState StartTime EndTime OofMessage AppliesToInternal AppliesToExternalKnown AppliesToExternalUnknown Enabled ReplyMessage BodyType DevicePassword Password DeviceInformation Model IMEI FriendlyName OS OSLanguage PhoneNumber UserInformation EmailAddresses SMTPAddress UserAgent EnableOutboundSMS MobileOperator PrimarySmtpAddress Accounts Account AccountId AccountName UserDisplayName SendDisabled - RightsManagementInformation'],
};

/** The first tag token of every page ([WBXML1.2] §5.8.2: 0x00–0x04 are global tokens). */
const FIRST_TOKEN = 0x05;

const byPage = new Map<number, { ns: string; tags: string[] }>();
const byName = new Map<string, { page: number; token: number }>();
for (const [key, [ns, list]] of Object.entries(PAGES)) {
  const page = Number(key);
  const tags = list.split(' ');
  byPage.set(page, { ns, tags });
  tags.forEach((tag, i) => {
    if (tag !== '-') byName.set(`${ns} ${tag}`, { page, token: FIRST_TOKEN + i });
  });
}

/** The namespace and tag a page and token stand for, or undefined when this server does not know them. */
export function tagOf(page: number, token: number): { ns: string; name: string } | undefined {
  const p = byPage.get(page);
  const name = p?.tags[token - FIRST_TOKEN];
  return p && name !== undefined && name !== '-' ? { ns: p.ns, name } : undefined;
}

/** The page and token of a tag in a namespace, or undefined when no known page has it. */
export function tokenOf(ns: string, name: string): { page: number; token: number } | undefined {
  return byName.get(`${ns} ${name}`);
}

/** The namespaces of the known pages, in page order (the prefixes a transcript declares). */
export const NAMESPACES: readonly string[] = [...byPage.values()].map((p) => p.ns);
