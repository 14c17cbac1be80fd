/**
 * Port 80 of an Exchange server, for the lookup-order scenario: the Autodiscover redirect method answers an
 * unauthenticated GET of /autodiscover/autodiscover.xml with 302 to the HTTPS Autodiscover URL, and Outlook on the
 * web is redirected to HTTPS. No credentials are read and no mail protocol answers here ("Autodiscover for
 * Exchange"; "Network ports for clients and mail flow in Exchange").
 */
import type { HttpRequest, HttpResponse } from '../shared/http-types.ts';
import type { ExchangeConfig } from './config.ts';
import { plain } from './plain.ts';

/** The https URL the redirect method points to. */
export function autodiscoverUrl(config: ExchangeConfig): string {
  return `https://${config.autodiscoverHost}/autodiscover/autodiscover.xml`;
}

/** Answers one plain-HTTP request on port 80. The Authorization header, if a client sent one, is never read. */
export function httpPort80(config: ExchangeConfig, request: HttpRequest): HttpResponse {
  const path = request.target.split('?')[0]!.toLowerCase();
  if (path === '/autodiscover/autodiscover.xml' && (request.method === 'GET' || request.method === 'POST')) {
    return { status: 302, reason: 'Found', headers: [['Location', autodiscoverUrl(config)]], body: '' };
  }
  if (path === '/' || path === '/owa' || path.startsWith('/owa/')) {
    return { status: 302, reason: 'Found', headers: [['Location', `https://${config.host}/owa/`]], body: '' };
  }
  return plain(404, 'Not Found', 'Not Found\r\n');
}
