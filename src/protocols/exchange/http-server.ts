/**
 * Exchange as the HTTP session and the lab take it: HTTPS on 443 (Autodiscover, EWS, ActiveSync, Graph and the
 * identity platform, by host) and plain HTTP on 80 (redirects only), on the world's mail store (cloud.ts).
 */
import type { HttpServer } from '../shared/http-server.ts';
import { LOCAL_DOMAIN } from '../shared/host.ts';
import { exchangeHandle, IDENTITY_HOSTS, ONLINE_HOSTS, SERVER_SE_HOSTS } from './cloud.ts';
import { DEFAULT_MAX_REQUEST_OCTETS } from './config.ts';
import { exchangeBanner } from './lab-banner.ts';

/**
 * The limits: http.sys, in front of IIS and so of Exchange, reads a header section of up to 16 KiB
 * (MaxRequestBytes) and a request line within it; a body up to the largest request EWS takes here (config.ts).
 */
export const EXCHANGE_LIMITS = { requestLineOctets: 16 * 1024, headerOctets: 16 * 1024, bodyOctets: DEFAULT_MAX_REQUEST_OCTETS } as const;

/** The Exchange server of the engine. */
export const exchangeHttpServer: HttpServer = {
  protocol: 'exchange',
  framing: 'http',
  // The organisation's own domain, its Exchange Server SE, Exchange Online and the identity platform (cloud.ts).
  hosts: [LOCAL_DOMAIN, ...SERVER_SE_HOSTS, ...ONLINE_HOSTS, ...IDENTITY_HOSTS],
  ports: [
    { port: 443, security: 'https' },
    { port: 80, security: 'plaintext' },
  ],
  testOnly: false,
  // GET and POST for Autodiscover, EWS, ActiveSync and the identity platform; PATCH and DELETE for Graph; OPTIONS for ActiveSync.
  methods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
  limits: EXCHANGE_LIMITS,
  handle: exchangeHandle,
  bannerLines: exchangeBanner,
  // IIS's connectionTimeout default: 120 seconds.
  idleSeconds: 120,
};
