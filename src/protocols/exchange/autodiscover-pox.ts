/**
 * POX Autodiscover: `POST /autodiscover/autodiscover.xml` with the 2006 request schema, answered in the outlook
 * (2006a) or mobilesync response schema the request accepts. Element names follow Microsoft's "POX Autodiscover
 * request/response for Exchange" pages and [MS-ASCMD] §4.2; namespaces are written with http:// as real servers
 * do (reference sheet §5.2). The mapiHttp block comes only for `X-MapiHttpCapability`, EXHTTP only for
 * `X-ClientCanHandle: ExHttpInfo` on a server that still takes RPC over HTTP. Errors: 600 Invalid Request,
 * 601 for a schema no provider serves, 500 for an address the server cannot find (error codes from [MS-OXDSCLI]).
 */
import { headerValue, type HttpRequest, type HttpResponse } from '../shared/http-types.ts';
import type { MailUser, MailWorld } from '../shared/world.ts';
import { authenticate } from './auth.ts';
import type { ExchangeConfig } from './config.ts';
import { plain } from './plain.ts';
import { xmlResponse } from './soap.ts';
import { child, parseXml, type XmlElement } from './xml-read.ts';
import { el, fromOctets, leaf } from './xml-write.ts';

const S = 'http://schemas.microsoft.com/exchange/autodiscover';
const RESPONSE_NS = `${S}/responseschema/2006`;
const OUTLOOK_RESPONSE = `${S}/outlook/responseschema/2006a`;
const MOBILE_RESPONSE = `${S}/mobilesync/responseschema/2006`;
const REQUEST_NS = [`${S}/outlook/requestschema/2006`, `${S}/mobilesync/requestschema/2006`];

/** Microsoft Learn prints these namespaces with https://; clients send http://. Both are read, http is written. */
export const canonical = (ns: string) => ns.replace(/^https:\/\//, 'http://');

/** The largest Autodiscover request body read (POX and SOAP); a request is a few hundred octets. */
export const MAX_AUTODISCOVER_OCTETS = 65_536;

/** The mailbox's GUID at its domain, the name Exchange 2013 and later give as the mailbox server. */
export function mailboxIdOf(user: MailUser): string {
  return `${guidOf(user.address)}@${user.address.slice(user.address.indexOf('@') + 1)}`;
}

/** A stable GUID-shaped id from text (FNV-1a), for DeploymentId and MAPI's MailboxId. */
export function guidOf(text: string): string {
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    let h = 0x811c9dc5 ^ round;
    for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function errorResponse(world: MailWorld, config: ExchangeConfig, ns: string, code: number, message: string): HttpResponse {
  const t = world.clock.peek().toISOString().slice(11, 23);
  const id = parseInt(guidOf(config.host).slice(0, 8), 16);
  const error = el('Error', { Time: `${t}0000`, Id: id }, leaf('ErrorCode', code), leaf('Message', message), el('DebugData', {}));
  return autodiscoverXml(el('Response', { xmlns: ns }, error));
}

function autodiscoverXml(response: string): HttpResponse {
  return xmlResponse(200, 'OK', `<?xml version="1.0" encoding="utf-8"?>${el('Autodiscover', { xmlns: RESPONSE_NS }, response)}`);
}

function outlookSettings(config: ExchangeConfig, user: MailUser, request: HttpRequest): string {
  const h = config.host;
  const ews = `https://${h}/EWS/Exchange.asmx`;
  const mailboxId = mailboxIdOf(user);
  const mapi = headerValue(request.headers, 'X-MapiHttpCapability')?.trim() === '1';
  const online = config.deployment === 'online';
  const exHttp = !online && /(^|,)\s*ExHttpInfo\s*(,|$)/i.test(headerValue(request.headers, 'X-ClientCanHandle') ?? '');
  const urls = [leaf('ASUrl', ews), leaf('EwsUrl', ews), leaf('OOFUrl', ews), leaf('OABUrl', `https://${h}/OAB/${guidOf(`${h}/oab`)}/`)];
  const protocols = [
    mapi &&
      el(
        'Protocol',
        { Type: 'mapiHttp', Version: 1 },
        el('MailStore', {}, leaf('InternalUrl', `https://${h}/mapi/emsmdb/?MailboxId=${mailboxId}`), leaf('ExternalUrl', `https://${h}/mapi/emsmdb/?MailboxId=${mailboxId}`)),
        el('AddressBook', {}, leaf('InternalUrl', `https://${h}/mapi/nspi/?MailboxId=${mailboxId}`), leaf('ExternalUrl', `https://${h}/mapi/nspi/?MailboxId=${mailboxId}`)),
      ),
    el('Protocol', {}, leaf('Type', 'EXCH'), leaf('Server', mailboxId), ...urls),
    // Outlook Anywhere (RPC over HTTP) ended in Exchange Online in 2017; Exchange Server still offers it.
    !online && el('Protocol', {}, leaf('Type', 'EXPR'), leaf('Server', h), leaf('SSL', 'On'), leaf('AuthPackage', 'Basic'), ...urls),
    exHttp && el('Protocol', {}, leaf('Type', 'EXHTTP'), leaf('Server', h), leaf('SSL', 'On'), leaf('AuthPackage', 'Basic'), ...urls),
    el('Protocol', {}, leaf('Type', 'WEB'), el('Internal', {}, leaf('OWAUrl', `https://${h}/owa/`, { AuthenticationMethod: online ? 'Fba' : 'Basic, Fba' }))),
  ];
  const userEl = el('User', {}, leaf('DisplayName', user.displayName), leaf('AutoDiscoverSMTPAddress', user.address), leaf('DeploymentId', guidOf(`${h}/deployment`)));
  const account = el('Account', {}, leaf('AccountType', 'email'), leaf('Action', 'settings'), ...protocols);
  return el('Response', { xmlns: OUTLOOK_RESPONSE }, userEl, account);
}

function mobileSettings(config: ExchangeConfig, user: MailUser): string {
  const url = `https://${config.host}/Microsoft-Server-ActiveSync`;
  const server = el('Server', {}, leaf('Type', 'MobileSync'), leaf('Url', url), leaf('Name', url));
  const userEl = el('User', {}, leaf('DisplayName', user.displayName), leaf('EMailAddress', user.address));
  return el('Response', { xmlns: MOBILE_RESPONSE }, leaf('Culture', 'en:us'), userEl, el('Action', {}, el('Settings', {}, server)));
}

function requestFields(root: XmlElement): { address: string; schema: string } | undefined {
  if (root.name !== 'Autodiscover' || !REQUEST_NS.includes(canonical(root.ns))) return undefined;
  const request = child(root, root.ns, 'Request');
  const address = child(request, root.ns, 'EMailAddress')?.text.trim();
  const schema = child(request, root.ns, 'AcceptableResponseSchema')?.text.trim();
  return address && schema ? { address, schema: canonical(schema) } : undefined;
}

/** Answers one POX Autodiscover request (HTTPS). */
export function autodiscoverPox(world: MailWorld, config: ExchangeConfig, request: HttpRequest): HttpResponse {
  const auth = authenticate(world, config, request, 'autodiscover');
  if ('refused' in auth) return auth.refused;
  if (request.method !== 'POST') return errorResponse(world, config, RESPONSE_NS, 600, 'Invalid Request');
  if (request.body.length > MAX_AUTODISCOVER_OCTETS) return plain(413, 'Content Too Large', 'The request is larger than this server accepts.\r\n');
  const text = fromOctets(request.body);
  const doc = text === undefined ? undefined : parseXml(text);
  const fields = doc?.ok ? requestFields(doc.root) : undefined;
  if (!fields) return errorResponse(world, config, RESPONSE_NS, 600, 'Invalid Request');
  const mobile = fields.schema === MOBILE_RESPONSE;
  if (!mobile && fields.schema !== OUTLOOK_RESPONSE) return errorResponse(world, config, RESPONSE_NS, 601, 'The requested schema is not available.');
  const user = world.localRecipient(fields.address);
  if (!user || user.address !== fields.address) return errorResponse(world, config, mobile ? MOBILE_RESPONSE : RESPONSE_NS, 500, 'The email address cannot be found.');
  return autodiscoverXml(mobile ? mobileSettings(config, user) : outlookSettings(config, user, request));
}
