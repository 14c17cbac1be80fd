/**
 * Microsoft's side of one mail world: an Exchange Server SE in the organisation, Exchange Online with Microsoft
 * Graph, and the identity platform that issues Exchange Online's tokens, all reading and writing the world's one
 * mail store. Which one answers a request is decided by the host the client addresses (its Host header), as with
 * the real services; one set per world, made on first use.
 */
import { LOCAL_DOMAIN } from '../shared/host.ts';
import { headerValue, type HttpRequest, type HttpResponse } from '../shared/http-types.ts';
import type { MailWorld } from '../shared/world.ts';
import { IDENTITY_HOST, type ExchangeDeploymentId } from './config.ts';
import { identityOf } from './identity-of.ts';
import { MAIL_APP_ID, VERIFICATION_URI, type IdentityPlatform } from './identity/platform.ts';
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE } from './identity/scopes.ts';
import { activeSyncServer, type EasOutcome } from './activesync/endpoint.ts';
import { configOfServer, exchangePort80, exchangeServer, type HttpHandler } from './server.ts';

/** The host names of Exchange Online in the simulated world (outlook.office365.com and graph.microsoft.com in the real one). */
export const ONLINE_HOSTS: readonly string[] = [new URL(EXCHANGE_RESOURCE).host, new URL(GRAPH_RESOURCE).host];

/** The identity platform's host names: its endpoints, and the device-code verification page's (microsoft.com in the real world). */
export const IDENTITY_HOSTS: readonly string[] = [IDENTITY_HOST, new URL(VERIFICATION_URI).host];

/** The host names of the organisation's Exchange Server SE. */
export const SERVER_SE_HOSTS: readonly string[] = [`mail.${LOCAL_DOMAIN}`, `autodiscover.${LOCAL_DOMAIN}`];

/** What answers a request: one deployment of Exchange, or the identity platform. */
export type ExchangeTarget = ExchangeDeploymentId | 'identity';

/** One world's Microsoft services. */
export interface ExchangeCloud {
  /** The identity platform whose tokens Exchange Online accepts (also for XOAUTH2 on IMAP, POP and SMTP). */
  identity: IdentityPlatform;
  /** The HTTPS side of each deployment. */
  https: Record<ExchangeDeploymentId, HttpHandler>;
  /** The plain-HTTP side (port 80) of each deployment: redirects only. */
  http: Record<ExchangeDeploymentId, HttpHandler>;
  /** The deployment that answers a host naming none of the services (localhost, an address): Exchange Server SE unless set. */
  fallback: ExchangeDeploymentId;
}

const clouds = new WeakMap<MailWorld, ExchangeCloud>();

/**
 * The Microsoft services of `world`. The tenant's administrator allow-listed the course's own mail app for EWS
 * (Set-OrganizationConfig -EwsEnabled $true -EwsAllowedAppIDs), so EWS in Exchange Online answers that app and
 * refuses every other one, as it does from the data file's block date.
 */
export function exchangeCloud(world: MailWorld): ExchangeCloud {
  let cloud = clouds.get(world);
  if (!cloud) {
    const identity = identityOf(world);
    const online = { authorizer: identity.authorizer, ewsEnabled: true, ewsAllowedAppIds: [MAIL_APP_ID] };
    cloud = {
      identity,
      https: { 'server-se': exchangeServer(world, 'server-se'), online: exchangeServer(world, 'online', online) },
      http: { 'server-se': exchangePort80('server-se'), online: exchangePort80('online', online) },
      fallback: 'server-se',
    };
    clouds.set(world, cloud);
  }
  return cloud;
}

/** The host a request addresses, lower case, without a port ("" when it names none). */
export function requestHost(request: HttpRequest): string {
  const host = (headerValue(request.headers, 'host') ?? '').trim().toLowerCase();
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
}

/** The identity platform's own paths: its v2.0 endpoints and the device-code verification page. */
const IDENTITY_PATH = /^\/(?:[^/?#]+\/oauth2\/v2\.0\/[^/?#]+|devicelogin)(?:[?#]|$)/i;

/**
 * Who answers a request for `host` and `target`: the identity platform's hosts, Exchange Online's hosts, and the
 * organisation's own names Exchange Server SE. A host that names none of them (localhost or an address in the lab,
 * from a client that cannot set Host) is answered by path where only one service has it (the identity platform's
 * endpoints, Graph's /v1.0/), and otherwise by `fallback`.
 */
export function targetOf(host: string, target = '/', fallback: ExchangeDeploymentId = 'server-se'): ExchangeTarget {
  if (IDENTITY_HOSTS.includes(host)) return 'identity';
  if (ONLINE_HOSTS.includes(host)) return 'online';
  if (SERVER_SE_HOSTS.includes(host)) return 'server-se';
  if (IDENTITY_PATH.test(target)) return 'identity';
  return /^\/v1\.0\//i.test(target) ? 'online' : fallback;
}

/** Sets the deployment that answers `world`'s requests for a host naming no service (the lab's `--exchange` option). */
export function setFallbackDeployment(world: MailWorld, deployment: ExchangeDeploymentId): void {
  exchangeCloud(world).fallback = deployment;
}

/** Answers one request on `port` (443 or 80) of `world`'s Microsoft services. Never throws. */
export function exchangeHandle(world: MailWorld, request: HttpRequest, port: number): HttpResponse {
  const cloud = exchangeCloud(world);
  const target = targetOf(requestHost(request), request.target, cloud.fallback);
  if (target === 'identity') return cloud.identity.handle(request);
  return (port === 80 ? cloud.http : cloud.https)[target](request);
}

/**
 * An ActiveSync request on 443, answered by the deployment's ActiveSync server itself, so a Ping with nothing to
 * report yet is held (`held.check()` after a delivery) instead of answered at once; undefined for any other request.
 */
export function holdActiveSync(world: MailWorld, request: HttpRequest): EasOutcome | undefined {
  const cloud = exchangeCloud(world);
  const target = targetOf(requestHost(request), request.target, cloud.fallback);
  if (target === 'identity' || request.target.split('?')[0]!.toLowerCase() !== '/microsoft-server-activesync') return undefined;
  const config = configOfServer(cloud.https[target]);
  return config && activeSyncServer(world, config).handle(request);
}
