/**
 * One Exchange deployment as a pure HTTP server on the shared mail world: `exchangeServer(world, deployment)`
 * gives the HTTPS (port 443) handler, `exchangePort80(deployment)` the plain-HTTP one. Sessions, the widget and the
 * lab call these; nothing here knows about sockets or frameworks.
 */
import type { HttpRequest, HttpResponse } from '../shared/http-types.ts';
import type { MailWorld } from '../shared/world.ts';
import { activeSyncEndpoint } from './activesync/endpoint.ts';
import { autodiscoverJson, isAutodiscoverJson } from './autodiscover-json.ts';
import { autodiscoverPox } from './autodiscover-pox.ts';
import { autodiscoverSoap, withAutodiscoverHeaders } from './autodiscover-soap.ts';
import { exchangeConfig, type ExchangeConfig, type ExchangeDeploymentId, type ExchangeOptions } from './config.ts';
import { ewsEndpoint } from './ews.ts';
import { graphEndpoint } from './graph/graph.ts';
import { plain } from './plain.ts';
import { httpPort80 } from './redirect.ts';

export type { AccessToken, Authorizer, ExchangeConfig, ExchangeDeploymentId, ExchangeOptions } from './config.ts';

/** An HTTP server: one request in, one response out. */
export type HttpHandler = (request: HttpRequest) => HttpResponse;

function route(world: MailWorld, config: ExchangeConfig, request: HttpRequest): HttpResponse {
  const path = request.target.split('?')[0]!.toLowerCase();
  if (path === '/ews/exchange.asmx') return ewsEndpoint(world, config, request);
  if (path === '/microsoft-server-activesync') return activeSyncEndpoint(world, config, request);
  // Every answer of the Autodiscover directory says which SOAP endpoints exist (see autodiscover-soap.ts).
  if (path === '/autodiscover/autodiscover.xml') return withAutodiscoverHeaders(config, autodiscoverPox(world, config, request));
  if (path === '/autodiscover/autodiscover.svc') return withAutodiscoverHeaders(config, autodiscoverSoap(world, config, request));
  if (isAutodiscoverJson(request.target)) return autodiscoverJson(config, request);
  if (path.startsWith('/v1.0/') && config.deployment === 'online') return graphEndpoint(world, config, request);
  return plain(404, 'Not Found', 'Not Found\r\n');
}

/** The HTTPS side of one deployment (paths compare case-insensitively, as IIS does). Never throws. */
export function exchangeServer(world: MailWorld, deployment: ExchangeDeploymentId, options: ExchangeOptions = {}): HttpHandler {
  const config = exchangeConfig(deployment, options);
  const handler: HttpHandler = (request) => {
    try {
      return route(world, config, request);
    } catch {
      return plain(500, 'Internal Server Error', 'The server could not answer this request.\r\n');
    }
  };
  configs.set(handler, config);
  return handler;
}

const configs = new WeakMap<HttpHandler, ExchangeConfig>();

/** The configuration an `exchangeServer` handler answers with (a guided scenario holds its ActiveSync Pings through it). */
export function configOfServer(handler: HttpHandler): ExchangeConfig | undefined {
  return configs.get(handler);
}

/** The plain-HTTP side (port 80) of one deployment: redirects only, no credentials read. */
export function exchangePort80(deployment: ExchangeDeploymentId, options: ExchangeOptions = {}): HttpHandler {
  const config = exchangeConfig(deployment, options);
  return (request) => httpPort80(config, request);
}
