/**
 * The catalogue of what an Exchange HTTP exchange shows: status codes, the header fields that matter, EWS's
 * ResponseClass and ResponseCode, Graph's error codes and paging links, Autodiscover's errors and the identity
 * platform's OAuth errors. Keys are "<kind>:<token>" (explain-parts.ts finds them in a message); dates and limits
 * come from the data file, so the widget says what the lesson says.
 */
import { exchangeFacts } from '../../data/exchange.ts';
import { explainHttpStatus } from '../shared/http-catalogue.ts';
import type { ReplyExplanation } from '../shared/explanation.ts';

type Entry = readonly [title: string, text: string, rfc: string];

const { graphLimits: g, ewsOnline: ews } = exchangeFacts;
const easMinimum = exchangeFacts.events.find((e) => e.id === 'eas-online-16-1-minimum');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Statuses whose meaning Exchange adds to (others: the shared HTTP catalogue, http-catalogue.ts). */
const STATUS: Readonly<Record<string, Entry>> = {
  200: ['OK', 'The request worked; the body carries the answer. EWS answers 200 even when an operation failed: read ResponseClass inside.', 'RFC 9110 §15.3.1'],
  202: ['Accepted', 'Taken for processing with nothing to return: Graph’s sendMail answers 202 with no body.', 'RFC 9110 §15.3.3'],
  204: ['No Content', 'Done, and nothing to say: Graph answers a PATCH or DELETE so.', 'RFC 9110 §15.3.5'],
  302: ['Found (a redirect)', 'Follow Location. Autodiscover’s port 80 step sends no credentials and only follows such a redirect to HTTPS.', 'RFC 9110 §15.4.3'],
  401: ['Unauthorized', 'No credentials, or they were refused. WWW-Authenticate says which kind the server wants.', 'RFC 9110 §15.5.2'],
  403: ['Forbidden', 'The server knows who you are and still refuses: a token without the needed scope, or an app that is not allowed.', 'RFC 9110 §15.5.4'],
  429: ['Too Many Requests', `Throttled: Exchange Online allows ${g.requestsPerWindow.toLocaleString('en-GB')} requests per app and mailbox in ${g.windowSeconds / 60} minutes. Wait the seconds Retry-After gives, then try again.`, 'RFC 6585 §4'],
  449: ['Retry after sending the right information', 'ActiveSync before 14.0: the device must Provision (again) before this command.', '[MS-ASHTTP] §3.2.5.1'],
  500: ['Internal Server Error', 'The server failed. EWS also sends a SOAP fault with 500 for a request it cannot process at all.', 'RFC 9110 §15.6.1'],
};

const HEADER: Readonly<Record<string, Entry>> = {
  'www-authenticate': ['How to authenticate', 'Sent with 401 (and 403): Basic with a realm on Exchange Server; Bearer on Exchange Online, naming the identity platform to get a token from, and error="invalid_token" or "insufficient_scope" when a token was refused.', 'RFC 9110 §11.6.1, RFC 6750 §3'],
  authorization: ['Credentials', 'Basic carries the user name and password in base64 (readable by anyone who sees it, so only over HTTPS); Bearer carries an access token from the identity platform.', 'RFC 7617, RFC 6750 §2.1'],
  'retry-after': ['When to try again', 'Seconds to wait before the next request. A well-behaved client waits at least this long after a 429.', 'RFC 9110 §10.2.3'],
  location: ['Where to go', 'The address a redirect (3xx) points to, or the new resource of a 201.', 'RFC 9110 §10.2.2'],
  allow: ['Methods this path takes', 'Sent with 405.', 'RFC 9110 §10.2.1'],
  'x-ms-policykey': ['ActiveSync policy key', 'The key Provision gave the device. The first Provision gives a temporary key; the device acknowledges the policy and gets the final key, which every later command carries.', '[MS-ASHTTP] §2.2.1.1.2.7'],
  'ms-asprotocolversions': ['ActiveSync versions offered', `The protocol versions the server speaks (OPTIONS). The device picks one for MS-ASProtocolVersion; Exchange Online refuses clients older than 16.1${easMinimum ? ` since ${day(easMinimum.date)}` : ''}.`, '[MS-ASHTTP] §2.2.4.1.1'],
  'ms-asprotocolcommands': ['ActiveSync commands offered', 'The commands the server answers (OPTIONS).', '[MS-ASHTTP] §2.2.4.1.2'],
  'ms-asprotocolversion': ['ActiveSync version used', 'The version this request speaks; it decides the shape of bodies and status codes.', '[MS-ASHTTP] §2.2.1.1.2.6'],
  'ms-server-activesync': ['Exchange’s ActiveSync version', 'The server’s build, sent with every ActiveSync answer.', '[MS-ASHTTP] §2.2.2.1.1'],
  'content-type': ['What the body is', 'text/xml for EWS and POX Autodiscover, application/json for Graph and the identity platform, application/vnd.ms-sync.wbxml (binary WBXML) for ActiveSync.', 'RFC 9110 §8.3'],
  'request-id': ['Graph’s request id', 'Quote it to Microsoft support: it finds this request in their logs.', 'Microsoft Graph: errors'],
  'x-soap-enabled': ['SOAP Autodiscover is here', 'Exchange 2010 and later send it on Autodiscover’s answers, a 401 included: a client that probes /autodiscover/autodiscover.xml learns it may POST GetUserSettings to /autodiscover/autodiscover.svc instead of using POX.', 'EWS Managed API: AutodiscoverService'],
  'x-oauth-enabled': ['Autodiscover takes OAuth', 'Exchange Online sends it on Autodiscover’s answers: SOAP Autodiscover accepts a bearer token.', 'EWS Managed API: AutodiscoverService'],
  'x-mapihttpcapability': ['MAPI over HTTP', 'Classic Outlook says it can speak MAPI over HTTP; Autodiscover then answers with the mapiHttp block.', '[MS-OXDSCLI] §2.2.3.2'],
  '@odata.nextlink': ['The next page', `More results wait at this address: Graph pages lists (${g.defaultPageSize} by default, $top up to ${g.maxPageSize}); follow the link until there is none.`, 'Microsoft Graph: paging'],
  '@odata.deltalink': ['Where to ask for changes', 'Delta is done for now: keep this link and call it later to get only what changed since.', 'Microsoft Graph: delta query'],
  '@removed': ['Removed since the last delta', 'This item was deleted or moved out of the folder since the delta link was issued.', 'Microsoft Graph: delta query'],
};

const CODE: Readonly<Record<string, Entry>> = {
  'ews:Success': ['ResponseClass Success', 'This operation worked for this item; EWS gives one response message per item asked for.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:Warning': ['ResponseClass Warning', 'Done in part: read ResponseCode.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:Error': ['ResponseClass Error', 'This operation failed for this item, though HTTP said 200: ResponseCode says why.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:NoError': ['No error', 'The ResponseCode of a success.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:ErrorItemNotFound': ['No such item', 'The ItemId names nothing in the store: wrong, or the item was moved or deleted. Ask FindItem for current ids.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:ErrorInvalidIdMalformed': ['Malformed id', 'The Id is not an id this server issued (paste one from FindItem).', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:ErrorFolderNotFound': ['No such folder', 'The folder id or distinguished name names no folder.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:ErrorInvalidRequest': ['Invalid request', 'The request is well-formed XML but not a request this operation takes.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:ErrorInvalidSyncStateData': ['Bad sync state', 'The SyncState is not one this server gave; start again without it.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:ErrorInvalidRecipients': ['Bad recipient', 'At least one recipient address is not valid.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:ErrorQuotaExceeded': ['Mailbox full', 'The mailbox has no room for this item.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:ErrorInvalidPropertyRequest': ['Property not valid', 'The property does not apply to this kind of item.', '[MS-OXWSCDATA] §2.2.5.24'],
  'ews:ErrorAccessDenied': ['EWS refused', `Exchange Online blocks EWS from ${day(ews.blockedUnlessAllowListedFrom)} unless the calling app is allow-listed, and shuts it down on ${day(ews.shutdown)}. Exchange Server keeps EWS.`, 'Microsoft Learn: EWS in Exchange Online'],
  'graph:ErrorItemNotFound': ['No such item', 'The id names no message in this mailbox (Graph ids change when a message moves).', 'Microsoft Graph: errors'],
  'graph:ErrorInvalidIdMalformed': ['Malformed id', 'The id is not one Graph issued: paste one from a list.', 'Microsoft Graph: errors'],
  'graph:ErrorFolderNotFound': ['No such folder', 'The folder id or well-known name names no folder.', 'Microsoft Graph: errors'],
  'graph:ErrorInvalidParameter': ['Bad parameter', 'A query option or body field has a value Graph does not take.', 'Microsoft Graph: errors'],
  'graph:ErrorAccessDenied': ['Access denied', 'The token lacks the permission this call needs (e.g. Mail.Send to send).', 'Microsoft Graph: errors'],
  'graph:InvalidAuthenticationToken': ['Token missing or refused', 'Graph needs a bearer token for its own audience, not expired; sign in again.', 'Microsoft Graph: errors'],
  'graph:TooManyRequests': ['Throttled', 'Too many requests from this app for this mailbox: wait as Retry-After says.', 'Microsoft Graph: throttling'],
  'graph:ErrorInvalidRecipients': ['Bad recipient', 'At least one recipient address is not valid.', 'Microsoft Graph: errors'],
  'graph:ErrorInvalidUser': ['No such user', 'The user in the path is not in this tenant; with an app token use /users/{address}, not /me.', 'Microsoft Graph: errors'],
  'autodiscover:600': ['Invalid Request', 'POX Autodiscover could not read the request (not a POST, or not the 2006 request schema).', '[MS-OXDSCLI] §2.2.4.2'],
  'autodiscover:InvalidUser': ['No such user', 'SOAP Autodiscover does not know this address; the other users in the same request are still answered.', 'Microsoft Learn: ErrorCode (SOAP)'],
  'autodiscover:InvalidRequest': ['Invalid request', 'SOAP Autodiscover could not read a GetUserSettings request (not SOAP, or no user or setting named).', 'Microsoft Learn: ErrorCode (SOAP)'],
  'autodiscover:InvalidSetting': ['No such setting', 'The setting name is not one Autodiscover defines.', 'Microsoft Learn: ErrorCode (SOAP)'],
  'autodiscover:SettingIsNotAvailable': ['Setting not available', 'A real setting this server has no value for (for example ActiveDirectoryServer).', 'Microsoft Learn: ErrorCode (SOAP)'],
  'autodiscover:InvalidProtocol': ['Protocol not known', 'Autodiscover v2 answers EWS, ActiveSync and AutodiscoverV1 in its Protocol parameter.', 'Microsoft Learn: Autodiscover v2'],
  'oauth:authorization_pending': ['Not signed in yet', 'The user has not finished on the verification page; poll again after `interval` seconds.', 'RFC 8628 §3.5'],
  'oauth:expired_token': ['Device code expired', 'Too late: ask for a new device code.', 'RFC 8628 §3.5'],
  'oauth:authorization_declined': ['The user said no', 'Sign-in was declined on the verification page.', 'RFC 8628 §3.5'],
  'oauth:bad_verification_code': ['Unknown device code', 'The device_code is not one this platform issued.', 'RFC 8628 §3.5'],
  'oauth:invalid_grant': ['Grant refused', 'The code, refresh token or consent does not allow this token.', 'RFC 6749 §5.2'],
  'oauth:invalid_client': ['Client not authenticated', 'A confidential app sent a wrong or no client secret.', 'RFC 6749 §5.2'],
  'oauth:invalid_request': ['Request incomplete', 'A required parameter is missing or the request is malformed.', 'RFC 6749 §5.2'],
  'oauth:invalid_scope': ['Scope not valid', 'One token is for one resource (Graph or Exchange), with permissions that resource defines.', 'RFC 6749 §5.2'],
  'oauth:unauthorized_client': ['Unknown app', 'No app with this client_id is registered in the tenant.', 'RFC 6749 §5.2'],
  'oauth:unsupported_grant_type': ['Unknown grant', 'The platform takes authorization_code, device_code, client_credentials and refresh_token.', 'RFC 6749 §5.2'],
};

/** What `key` ("status:401", "header:retry-after", "ews:ErrorItemNotFound", …) means, or undefined. */
export function explainExchange(key: string): ReplyExplanation | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const token = key.slice(colon + 1);
  const [table, name] = kind === 'status' ? [STATUS, token] : kind === 'header' ? [HEADER, token.toLowerCase()] : [CODE, key];
  const entry = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!entry) return kind === 'status' ? explainHttpStatus(token) : undefined;
  return { token, title: entry[0], text: entry[1], rfc: entry[2] };
}
