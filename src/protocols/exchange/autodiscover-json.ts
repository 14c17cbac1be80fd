/**
 * Autodiscover v2: `GET /autodiscover/autodiscover.json/v1.0/{address}?Protocol=…` answers, without
 * authentication, one JSON object naming the URL of the protocol asked for; an unknown protocol gets 400
 * InvalidProtocol (reference sheet §5.7, in the shape Exchange Online sends). No user is looked up, so the
 * endpoint tells nobody which addresses exist.
 */
import type { HttpRequest, HttpResponse } from '../shared/http-types.ts';
import type { ExchangeConfig } from './config.ts';
import { plain } from './plain.ts';
import { toOctets } from './xml-write.ts';

/** The protocols v2 answers, with their canonical spelling, and where each lives. */
function endpoints(config: ExchangeConfig): ReadonlyMap<string, [string, string]> {
  return new Map([
    ['autodiscoverv1', ['AutodiscoverV1', `https://${config.autodiscoverHost}/autodiscover/autodiscover.xml`]],
    ['ews', ['EWS', `https://${config.host}/EWS/Exchange.asmx`]],
    ['activesync', ['ActiveSync', `https://${config.host}/Microsoft-Server-ActiveSync`]],
  ]);
}

function json(status: number, reason: string, value: unknown): HttpResponse {
  return { status, reason, headers: [['Content-Type', 'application/json; charset=utf-8']], body: toOctets(JSON.stringify(value)) };
}

const PATH = /^\/autodiscover\/autodiscover\.json\/v1\.0\/([^/?]+)(?:\?(.*))?$/i;

/** Whether a request target is for Autodiscover v2. */
export function isAutodiscoverJson(target: string): boolean {
  return /^\/autodiscover\/autodiscover\.json(?:[/?]|$)/i.test(target);
}

/** Answers one Autodiscover v2 request. */
export function autodiscoverJson(config: ExchangeConfig, request: HttpRequest): HttpResponse {
  if (request.method !== 'GET') return plain(405, 'Method Not Allowed', 'Autodiscover v2 takes GET.\r\n', [['Allow', 'GET']]);
  const m = PATH.exec(request.target);
  let address: string | undefined;
  try {
    address = m ? decodeURIComponent(m[1]!) : undefined;
  } catch {
    address = undefined;
  }
  if (!address || !/^[^\s@]+@[^\s@]+$/.test(address)) return plain(404, 'Not Found', 'Not Found\r\n');
  let protocol = '';
  for (const pair of (m![2] ?? '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).toLowerCase() === 'protocol') protocol = safeDecode(pair.slice(eq + 1));
  }
  const known = endpoints(config);
  const hit = known.get(protocol.toLowerCase());
  if (!hit) {
    const supported = [...known.values()].map(([name]) => name).join(',');
    return json(400, 'Bad Request', { ErrorCode: 'InvalidProtocol', ErrorMessage: `The given protocol value '${protocol}' is invalid. Supported values are '${supported}'` });
  }
  return json(200, 'OK', { Protocol: hit[0], Url: hit[1] });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
