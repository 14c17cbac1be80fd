/**
 * The Exchange part of the lab's start-up text (HttpServer.bannerLines): its listeners, which host reaches which
 * service, the tenant and its apps. Pure text; the lab prints it.
 */
import type { HttpBannerListener } from '../shared/http-server.ts';
import { IDENTITY_HOSTS, ONLINE_HOSTS, SERVER_SE_HOSTS } from './cloud.ts';
import type { ExchangeDeploymentId } from './config.ts';
import { DAEMON_APP_ID, DAEMON_SECRET, MAIL_APP_ID, TENANT_ID, VERIFICATION_URI } from './identity/platform.ts';

const NAMES: Record<ExchangeDeploymentId, string> = { 'server-se': 'Exchange Server SE', online: 'Exchange Online' };

/**
 * The lines about Exchange for its lab listeners on `host` (already bracketed for IPv6), or none without them;
 * `fallback` is the deployment that answers localhost (the lab's --exchange).
 */
export function exchangeBanner(listeners: readonly HttpBannerListener[], host: string, fallback: ExchangeDeploymentId = 'server-se'): string[] {
  const https = listeners.find((p) => p.security === 'https');
  const plain = listeners.find((p) => p.security === 'plaintext');
  if (!https) return [];
  const identity = IDENTITY_HOSTS[0]!;
  return [
    `Exchange: HTTPS on ${host}:${https.port} (plays 443)${plain ? `, plain HTTP on ${host}:${plain.port} (plays 80: redirects to HTTPS only)` : ''}.`,
    `  The Host a request names picks who answers: ${SERVER_SE_HOSTS.join(', ')} -> Exchange Server SE;`,
    `  ${ONLINE_HOSTS.join(', ')} -> Exchange Online (Graph, EWS for allow-listed apps); ${IDENTITY_HOSTS.join(', ')} -> identity platform;`,
    `  localhost or an address -> the identity platform and Graph by their paths, anything else ${NAMES[fallback]} (--exchange).`,
    `  Try: curl -k 'https://localhost:${https.port}/autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=EWS'`,
    `       curl -k --connect-to ::${host}:${https.port} https://${ONLINE_HOSTS[1]}/v1.0/me -H 'Authorization: Bearer <token>'`,
    `  Tokens: https://${identity}/${TENANT_ID}/oauth2/v2.0/token (tenant ${TENANT_ID}, or "common"); device-code page ${VERIFICATION_URI}`,
    `  Apps: mail app ${MAIL_APP_ID} (public: device code, PKCE; EWS allow-listed), daemon ${DAEMON_APP_ID} secret ${DAEMON_SECRET}`,
  ];
}
