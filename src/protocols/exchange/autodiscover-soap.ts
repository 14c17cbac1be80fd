/**
 * SOAP Autodiscover (Exchange 2010 and later): `POST /autodiscover/autodiscover.svc`, the GetUserSettings operation
 * of [MS-OXWSADISC] §3.1.4.4 in SOAP 1.1 or 1.2 (answered in the version asked), with the ErrorCode values of "ErrorCode (SOAP)" on Microsoft Learn:
 * NoError, InvalidUser for an address the server does not know, InvalidRequest for a request it cannot read, and per
 * setting InvalidSetting or SettingIsNotAvailable (UserSettingError). Element names follow "GetUserSettings operation
 * (SOAP)" on Microsoft Learn; its namespaces are printed with https:// there and read both ways, as in POX.
 * The headers in `AUTODISCOVER_HEADERS` are how a client learns, from any answer of the Autodiscover directory
 * (a 401 included), that this endpoint exists: the EWS Managed API checks X-SOAP-Enabled, X-WSSecurity-Enabled,
 * X-WSSecurity-SymmetricKey-Enabled, X-WSSecurity-X509Cert-Enabled and X-OAuth-Enabled for a non-empty value
 * (AutodiscoverService.GetEndpointsFromHttpWebResponse), and otherwise falls back to POX.
 */
import { exchangeFacts } from '../../data/exchange.ts';
import type { HttpRequest, HttpResponse } from '../shared/http-types.ts';
import type { MailUser, MailWorld } from '../shared/world.ts';
import { authenticate } from './auth.ts';
import { canonical, guidOf, mailboxIdOf, MAX_AUTODISCOVER_OCTETS } from './autodiscover-pox.ts';
import type { ExchangeConfig } from './config.ts';
import { plain } from './plain.ts';
import { SOAP_NS, xmlResponse } from './soap.ts';
import { child, parseXml, type XmlElement } from './xml-read.ts';
import { el, fromOctets, leaf } from './xml-write.ts';

/** The Autodiscover 2010 namespace of requests, responses and the ServerVersionInfo header. */
export const AD_NS = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
/** SOAP 1.2's envelope namespace (W3C SOAP 1.2 Part 1 §5). */
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
const WSA_NS = 'http://www.w3.org/2005/08/addressing';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * What the Autodiscover directory says about its SOAP endpoints. Only plain SOAP (with the HTTP authentication the
 * deployment takes) and, in Exchange Online, OAuth are offered; the WS-Security endpoints (…/autodiscover.svc/wssecurity)
 * are not simulated, so their headers are left out rather than sent with a value a client would read as "enabled".
 */
export function autodiscoverHeaders(config: ExchangeConfig): [string, string][] {
  const headers: [string, string][] = [['X-SOAP-Enabled', 'True']];
  if (config.deployment === 'online') headers.push(['X-OAuth-Enabled', 'True']);
  return headers;
}

/** `response` with the Autodiscover directory's headers added (errors and 401 included, as IIS sends them). */
export function withAutodiscoverHeaders(config: ExchangeConfig, response: HttpResponse): HttpResponse {
  return { ...response, headers: [...response.headers, ...autodiscoverHeaders(config)] };
}

/** The EWS schema versions this server accepts in RequestServerVersion, oldest first. */
const EWS_SCHEMAS = 'Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, Exchange2013, Exchange2013_SP1, Exchange2015, Exchange2016';
/**
 * Settings "Setting (SOAP)" on Microsoft Learn defines that this simulation has no value for (answered
 * SettingIsNotAvailable, where a name Exchange does not define is InvalidSetting): the ECP, OAB, UM, EMWS, RPC and Outlook
 * service URLs, the protocol connection collections, and a few single names.
 */
const NOT_AVAILABLE =
  /^(?:(?:Internal|External)(?:Ecp\w*|OABUrl|UMUrl|EmwsUrl|Rpc\w*|WebClientUrls|Pop3Connections|Imap4Connections|SmtpConnections|MailboxServerDN|PhotosUrl|OutlookServiceUrl|ServerExclusiveConnect|MailboxServerAuthenticationMethods|EwsVersion)|Ecp\w*UrlFragment|ActiveDirectoryServer|AlternateMailboxes|PublicFolderServer|CrossOrganizationSharingEnabled|DocumentSharingLocations|MobileMailboxPolicy|CertPrincipalName|GroupingInformation)$/;

/** The requested settings this deployment answers for `user`, by name. */
function userSettings(config: ExchangeConfig, user: MailUser): Record<string, string> {
  const h = config.host;
  const online = config.deployment === 'online';
  const v = exchangeFacts.ewsVersion;
  const build = (n: number, width: number) => String(n).padStart(width, '0');
  const org = online ? 'ExchangeLabs' : 'Mailwire';
  const userDn = `/o=${org}/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${user.name}`;
  const mailbox = mailboxIdOf(user);
  const ews = `https://${h}/EWS/Exchange.asmx`;
  const settings: Record<string, string> = {
    UserDisplayName: user.displayName,
    UserDN: userDn,
    UserDeploymentId: guidOf(`${h}/deployment`),
    InternalMailboxServer: mailbox,
    ExternalMailboxServer: mailbox,
    ExternalMailboxServerRequiresSSL: 'True',
    MailboxDN: `/o=${org}/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=${mailbox}/cn=Microsoft Private MDB`,
    CasVersion: `${v.majorVersion}.${build(v.minorVersion, 2)}.${build(v.majorBuildNumber, 4)}.${build(v.minorBuildNumber, 3)}`,
    EwsSupportedSchemas: EWS_SCHEMAS,
    InternalEwsUrl: ews,
    ExternalEwsUrl: ews,
  };
  // Outlook Anywhere ended in Exchange Online in 2017; Exchange Server still names its RPC over HTTP proxy.
  if (!online) settings.InternalRpcClientServer = h;
  return settings;
}

/** The SOAP envelope of an answer, in the SOAP version of the request, with the WS-Addressing action and ServerVersionInfo. */
function envelope(soapNs: string, body: string): HttpResponse {
  const v = exchangeFacts.ewsVersion;
  const action = leaf('a:Action', `${AD_NS}/Autodiscover/GetUserSettingsResponse`, { 's:mustUnderstand': 1 });
  const version = el('h:ServerVersionInfo', { 'xmlns:h': AD_NS }, leaf('h:MajorVersion', v.majorVersion), leaf('h:MinorVersion', v.minorVersion), leaf('h:MajorBuildNumber', v.majorBuildNumber), leaf('h:MinorBuildNumber', v.minorBuildNumber), leaf('h:Version', 'Exchange2015'));
  const xml = el('s:Envelope', { 'xmlns:s': soapNs, 'xmlns:a': WSA_NS }, el('s:Header', {}, action, version), el('s:Body', {}, body));
  // SOAP 1.2 travels as application/soap+xml (RFC 3902), SOAP 1.1 as text/xml.
  const res = xmlResponse(200, 'OK', `<?xml version="1.0" encoding="utf-8"?>${xml}`);
  return soapNs === SOAP12_NS ? { ...res, headers: [['Content-Type', 'application/soap+xml; charset=utf-8']] } : res;
}

/** A GetUserSettingsResponseMessage: the request's error code, and one UserResponse per user when it was readable. */
function responseMessage(soapNs: string, code: 'NoError' | 'InvalidRequest', users: readonly string[]): HttpResponse {
  const message = code === 'NoError' ? '' : 'The request is invalid.';
  const response = el('Response', { 'xmlns:i': XSI_NS }, leaf('ErrorCode', code), leaf('ErrorMessage', message), el('UserResponses', {}, ...users));
  return envelope(soapNs, el('GetUserSettingsResponseMessage', { xmlns: AD_NS }, response));
}

function userResponse(config: ExchangeConfig, world: MailWorld, address: string, requested: readonly string[]): string {
  const user = world.localRecipient(address);
  if (!user || user.address !== address) {
    return el('UserResponse', {}, leaf('ErrorCode', 'InvalidUser'), leaf('ErrorMessage', `Invalid user: '${address}'`), el('RedirectTarget', { 'i:nil': 'true' }), el('UserSettingErrors', {}), el('UserSettings', {}));
  }
  const values = userSettings(config, user);
  const settings: string[] = [];
  const errors: string[] = [];
  for (const name of requested) {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value !== undefined) settings.push(el('UserSetting', { 'i:type': 'StringSetting' }, leaf('Name', name), leaf('Value', value)));
    else {
      const [code, text] = NOT_AVAILABLE.test(name) ? ['SettingIsNotAvailable', 'The requested setting is not available.'] : ['InvalidSetting', 'The requested setting is invalid.'];
      errors.push(el('UserSettingError', {}, leaf('ErrorCode', code), leaf('ErrorMessage', text), leaf('SettingName', name)));
    }
  }
  return el('UserResponse', {}, leaf('ErrorCode', 'NoError'), leaf('ErrorMessage', 'No error.'), el('RedirectTarget', { 'i:nil': 'true' }), el('UserSettingErrors', {}, ...errors), el('UserSettings', {}, ...settings));
}

/** The addresses and setting names of a GetUserSettings request, or undefined when it is not one. */
function readRequest(envelopeEl: XmlElement): { mailboxes: string[]; settings: string[] } | undefined {
  const ad = (e: XmlElement | undefined, name: string) => e?.children.find((c) => c.name === name && canonical(c.ns) === AD_NS);
  const message = ad(child(envelopeEl, envelopeEl.ns, 'Body'), 'GetUserSettingsRequestMessage');
  const request = ad(message, 'Request');
  const users = ad(request, 'Users');
  const requested = ad(request, 'RequestedSettings');
  if (!users || !requested) return undefined;
  const mailboxes = users.children.filter((u) => u.name === 'User').map((u) => ad(u, 'Mailbox')?.text.trim() ?? '');
  const settings = requested.children.filter((s) => s.name === 'Setting').map((s) => s.text.trim());
  // Every user and setting must be named; at most 100 users a request, a bound of this simulation.
  if (mailboxes.length === 0 || mailboxes.length > 100 || mailboxes.includes('') || settings.length === 0 || settings.includes('')) return undefined;
  return { mailboxes, settings };
}

/** Answers one SOAP Autodiscover request (HTTPS). Never throws. */
export function autodiscoverSoap(world: MailWorld, config: ExchangeConfig, request: HttpRequest): HttpResponse {
  const auth = authenticate(world, config, request, 'autodiscover');
  if ('refused' in auth) return auth.refused;
  if (request.method !== 'POST') return plain(405, 'Method Not Allowed', 'Use POST.\r\n', [['Allow', 'POST']]);
  if (request.body.length > MAX_AUTODISCOVER_OCTETS) return plain(413, 'Content Too Large', 'The request is larger than this server accepts.\r\n');
  const text = fromOctets(request.body);
  const doc = text === undefined ? undefined : parseXml(text);
  const root = doc?.ok ? doc.root : undefined;
  const soapNs = root?.name === 'Envelope' && (root.ns === SOAP_NS || root.ns === SOAP12_NS) ? root.ns : undefined;
  const fields = soapNs && root ? readRequest(root) : undefined;
  if (!soapNs || !fields) return responseMessage(soapNs ?? SOAP_NS, 'InvalidRequest', []);
  return responseMessage(soapNs, 'NoError', fields.mailboxes.map((address) => userResponse(config, world, address, fields.settings)));
}
