/**
 * The endpoints a deployment offers, as request templates for the free mode's palette: Autodiscover (POX, SOAP and
 * v2 JSON), the EWS operations, and in Exchange Online Microsoft Graph, the identity platform's device-code, token and
 * client-credentials endpoints; ActiveSync's commands in both. One list, so the widget offers exactly what the
 * simulated servers answer. Bodies are text; `bodyKind` says how it travels (ActiveSync's XML goes as WBXML).
 */
import { LOCAL_DOMAIN } from '../shared/host.ts';
import type { HeaderField } from '../shared/http-types.ts';
import { IDENTITY_HOST, type ExchangeDeploymentId } from './config.ts';
import { EAS_BODIES, EWS_OPERATIONS, GRAPH_SEND, ewsEnvelope, poxRequest, soapAutodiscoverRequest } from './endpoint-bodies.ts';
import { DAEMON_APP_ID, DAEMON_SECRET, GRAPH_RESOURCE, MAIL_APP_ID, TENANT_ID } from './identity/platform.ts';
import { ONLINE_HOSTS, SERVER_SE_HOSTS } from './cloud.ts';

export { ITEM_ID } from './endpoint-bodies.ts';

/** The families of endpoints, in the palette's order. */
export type EndpointGroup = 'autodiscover' | 'ews' | 'graph' | 'identity' | 'activesync';

/** Which credentials a template's Authorization field carries: Basic, a token for Graph or Exchange, or none. */
export type EndpointAuth = 'basic' | 'graph' | 'exchange' | 'none';

/** One template of the palette: a request a learner can edit before sending. */
export interface EndpointTemplate {
  /** Unique within a deployment, e.g. "ews-finditem". */
  id: string;
  group: EndpointGroup;
  /** What the palette button says, e.g. "EWS FindItem". */
  label: string;
  method: string;
  /** Path and query (origin form). */
  target: string;
  /** The host the request addresses (its Host field). */
  host: string;
  /** Fields other than Host and Authorization. */
  headers: HeaderField[];
  /** The body as text ("" for none). */
  body: string;
  /** How the body travels: as written (UTF-8), or ActiveSync XML encoded to WBXML. */
  bodyKind: 'text' | 'wbxml';
  auth: EndpointAuth;
}

/** The names of the palette's groups, as the widget shows them. */
export const GROUP_NAMES: Readonly<Record<EndpointGroup, string>> = {
  autodiscover: 'Autodiscover',
  ews: 'EWS (SOAP)',
  graph: 'Microsoft Graph',
  identity: 'Identity platform (OAuth 2.0)',
  activesync: 'Exchange ActiveSync',
};

/** The learner's mailbox in the simulated world. */
export const LEARNER_ADDRESS = `alice@${LOCAL_DOMAIN}`;

/** The host each deployment's mail endpoints and Autodiscover answer on. */
export function hostsOf(deployment: ExchangeDeploymentId): { mail: string; autodiscover: string; graph?: string } {
  if (deployment === 'online') return { mail: ONLINE_HOSTS[0]!, autodiscover: ONLINE_HOSTS[0]!, graph: new URL(GRAPH_RESOURCE).host };
  return { mail: SERVER_SE_HOSTS[0]!, autodiscover: SERVER_SE_HOSTS[1]! };
}

const XML: HeaderField = ['Content-Type', 'text/xml; charset=utf-8'];
const JSON_TYPE: HeaderField = ['Content-Type', 'application/json'];
const FORM: HeaderField = ['Content-Type', 'application/x-www-form-urlencoded'];
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const EAS_QUERY = `?User=alice&DeviceId=MWPHONE1&DeviceType=iPhone`;

function easTemplate(cmd: string, host: string, auth: EndpointAuth): EndpointTemplate {
  const headers: HeaderField[] = [['Content-Type', 'application/vnd.ms-sync.wbxml'], ['MS-ASProtocolVersion', '16.1'], ['User-Agent', 'MailwirePhone/1.0']];
  if (cmd !== 'Provision') headers.push(['X-MS-PolicyKey', 'PASTE-THE-POLICYKEY']);
  return { id: `eas-${cmd.toLowerCase()}`, group: 'activesync', label: `ActiveSync ${cmd}`, method: 'POST', target: `/Microsoft-Server-ActiveSync?Cmd=${cmd}${EAS_QUERY.replace('?', '&')}`, host, headers, body: EAS_BODIES[cmd] ?? '', bodyKind: 'wbxml', auth };
}

function graphTemplates(host: string): EndpointTemplate[] {
  const g = (id: string, label: string, method: string, target: string, body = ''): EndpointTemplate => ({ id: `graph-${id}`, group: 'graph', label, method, target, host, headers: body ? [JSON_TYPE] : [], body, bodyKind: 'text', auth: 'graph' });
  const one = '/v1.0/me/messages/PASTE-A-MESSAGE-ID';
  return [
    g('folders', 'List mail folders', 'GET', '/v1.0/me/mailFolders'),
    g('messages', 'List messages', 'GET', '/v1.0/me/messages?$select=subject,from,receivedDateTime,isRead&$top=2'),
    g('message', 'Get a message', 'GET', one),
    g('value', 'Get its MIME ($value)', 'GET', `${one}/$value`),
    g('send', 'Send mail', 'POST', '/v1.0/me/sendMail', GRAPH_SEND),
    g('read', 'Mark as read (PATCH)', 'PATCH', one, JSON.stringify({ isRead: true }, null, 2)),
    g('move', 'Move to Archive', 'POST', `${one}/move`, JSON.stringify({ destinationId: 'archive' }, null, 2)),
    g('delete', 'Delete a message', 'DELETE', one),
    g('delta', 'Inbox delta', 'GET', '/v1.0/me/mailFolders/inbox/messages/delta'),
    g('subscribe', 'Subscribe to new mail', 'POST', '/v1.0/subscriptions', JSON.stringify({ changeType: 'created', notificationUrl: 'https://webhook.example/notify', resource: "me/mailFolders('Inbox')/messages", expirationDateTime: '2026-11-23T09:00:00Z', clientState: 'secretClientValue' }, null, 2)),
  ];
}

function identityTemplates(): EndpointTemplate[] {
  const base = `/${TENANT_ID}/oauth2/v2.0`;
  const i = (id: string, label: string, path: string, fields: Record<string, string>): EndpointTemplate => ({ id: `identity-${id}`, group: 'identity', label, method: 'POST', target: `${base}/${path}`, host: IDENTITY_HOST, headers: [FORM], body: form(fields), bodyKind: 'text', auth: 'none' });
  return [
    i('devicecode', 'Device code', 'devicecode', { client_id: MAIL_APP_ID, scope: 'Mail.ReadWrite Mail.Send offline_access' }),
    i('token-device', 'Token (device code grant)', 'token', { client_id: MAIL_APP_ID, grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'PASTE-THE-DEVICE-CODE' }),
    i('token-client', 'Token (client credentials)', 'token', { client_id: DAEMON_APP_ID, client_secret: DAEMON_SECRET, grant_type: 'client_credentials', scope: `${GRAPH_RESOURCE}/.default` }),
  ];
}

/** Every endpoint `deployment` offers, grouped in the palette's order. Pure: the same list on every call. */
export function endpoints(deployment: ExchangeDeploymentId): EndpointTemplate[] {
  const hosts = hostsOf(deployment);
  // Exchange Server SE takes alice's password (Basic over HTTPS); Exchange Online refuses Basic since 2022 (data file).
  const exchangeAuth: EndpointAuth = deployment === 'online' ? 'exchange' : 'basic';
  const out: EndpointTemplate[] = [
    { id: 'autodiscover-pox', group: 'autodiscover', label: 'POX Autodiscover', method: 'POST', target: '/autodiscover/autodiscover.xml', host: hosts.autodiscover, headers: [XML], body: poxRequest(LEARNER_ADDRESS), bodyKind: 'text', auth: exchangeAuth },
    { id: 'autodiscover-soap', group: 'autodiscover', label: 'SOAP Autodiscover (GetUserSettings)', method: 'POST', target: '/autodiscover/autodiscover.svc', host: hosts.autodiscover, headers: [XML], body: soapAutodiscoverRequest(LEARNER_ADDRESS, hosts.autodiscover), bodyKind: 'text', auth: exchangeAuth },
    { id: 'autodiscover-json', group: 'autodiscover', label: 'Autodiscover v2 (JSON)', method: 'GET', target: `/autodiscover/autodiscover.json/v1.0/${LEARNER_ADDRESS}?Protocol=EWS`, host: hosts.autodiscover, headers: [], body: '', bodyKind: 'text', auth: 'none' },
    ...Object.entries(EWS_OPERATIONS).map(([op, xml]): EndpointTemplate => ({ id: `ews-${op.toLowerCase()}`, group: 'ews', label: `EWS ${op}`, method: 'POST', target: '/EWS/Exchange.asmx', host: hosts.mail, headers: [XML], body: ewsEnvelope(xml), bodyKind: 'text', auth: exchangeAuth })),
  ];
  if (hosts.graph) out.push(...graphTemplates(hosts.graph), ...identityTemplates());
  out.push({ id: 'eas-options', group: 'activesync', label: 'ActiveSync OPTIONS', method: 'OPTIONS', target: '/Microsoft-Server-ActiveSync', host: hosts.mail, headers: [], body: '', bodyKind: 'text', auth: exchangeAuth });
  out.push(...['Provision', 'FolderSync', 'Sync', 'Ping'].map((cmd) => easTemplate(cmd, hosts.mail, exchangeAuth)));
  return out;
}
