/**
 * Shared by the lab's Exchange tests: curl with the lab's Microsoft host names resolved to the lab (as a learner
 * does with --connect-to), responses parsed into status, headers and body, and tokens from the lab's identity
 * platform (client credentials, and the device code flow followed through the verification page).
 */
import { execFile } from 'node:child_process';
import type { Lab } from '../../src/lab/server.ts';
import { DAEMON_APP_ID, DAEMON_SECRET, MAIL_APP_ID } from '../../src/protocols/exchange/identity/platform.ts';

/** A response as curl saw it: the last status line (after any 100 Continue), header fields lower-cased, the body. */
export interface CurlResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** The lab's port for Exchange HTTPS (offset + 443) or plain HTTP (offset + 80). */
export function exchangePort(lab: Lab, standardPort: 443 | 80): number {
  const found = lab.httpPorts.find((p) => p.protocol === 'exchange' && p.standardPort === standardPort);
  if (!found) throw new Error(`no Exchange listener for ${standardPort}`);
  return found.port;
}

/** Runs curl (asynchronously: the lab answers from this same process) and returns stdout. */
export function curlRaw(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('curl', ['--silent', '--show-error', '--max-time', '30', ...args], { timeout: 40_000, encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`curl ${args.join(' ').slice(0, 300)} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Parses `curl --include` output: the last header block wins (a 100 Continue comes first). */
export function parseIncluded(text: string): CurlResponse {
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`no header section in ${JSON.stringify(text.slice(0, 200))}`);
    const head = rest.slice(0, end).split('\r\n');
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? '')?.[1]);
    rest = rest.slice(end + 4);
    if (status === 100) continue;
    const headers = new Map<string, string>();
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).toLowerCase();
      headers.set(name, headers.has(name) ? `${headers.get(name)}, ${line.slice(colon + 1).trim()}` : line.slice(colon + 1).trim());
    }
    return { status, headers, body: Buffer.from(rest, 'latin1').toString('utf8') };
  }
}

/** A curl for one lab: `https://<host>/…` URLs reach the lab's 443 listener whatever the host, as --connect-to makes them. */
export function labCurl(lab: Lab): (url: string, ...args: string[]) => Promise<CurlResponse> {
  const https = exchangePort(lab, 443);
  const http = exchangePort(lab, 80);
  return async (url, ...args) => parseIncluded(await curlRaw(['-k', '--include', '--connect-to', `::127.0.0.1:${url.startsWith('http:') ? http : https}`, ...args, url]));
}

/** The parsed JSON body of a response. */
export function jsonBody(res: CurlResponse): Record<string, unknown> {
  return JSON.parse(res.body) as Record<string, unknown>;
}

const TOKEN_URL = 'https://login.microsoftonline.test/common/oauth2/v2.0/token';

/** An app-only token for the daemon (client credentials) for `scope` (a resource's /.default). */
export async function daemonToken(lab: Lab, scope = 'https://graph.microsoft.com/.default'): Promise<string> {
  const res = await labCurl(lab)(TOKEN_URL, '--data-urlencode', 'grant_type=client_credentials', '--data-urlencode', `client_id=${DAEMON_APP_ID}`, '--data-urlencode', `client_secret=${DAEMON_SECRET}`, '--data-urlencode', `scope=${scope}`);
  if (res.status !== 200) throw new Error(`client credentials: ${res.status} ${res.body}`);
  return jsonBody(res).access_token as string;
}

/**
 * A delegated token by the device code flow, as a learner follows it with curl: ask for a code, sign in on the
 * verification page with it, then poll the token endpoint.
 */
export async function deviceToken(lab: Lab, scope: string, user = 'alice', password = 'wonderland', clientId = MAIL_APP_ID): Promise<string> {
  const curl = labCurl(lab);
  const code = jsonBody(await curl('https://login.microsoftonline.test/common/oauth2/v2.0/devicecode', '--data-urlencode', `client_id=${clientId}`, '--data-urlencode', `scope=${scope}`));
  const page = await curl(code.verification_uri as string, '--data-urlencode', `otc=${code.user_code as string}`, '--data-urlencode', `login=${user}`, '--data-urlencode', `passwd=${password}`, '--data-urlencode', 'consent=accept');
  if (!page.body.includes('You are signed in')) throw new Error(`verification page: ${page.body}`);
  const res = await curl(TOKEN_URL, '--data-urlencode', 'grant_type=urn:ietf:params:oauth:grant-type:device_code', '--data-urlencode', `client_id=${clientId}`, '--data-urlencode', `device_code=${code.device_code as string}`);
  if (res.status !== 200) throw new Error(`device code token: ${res.status} ${res.body}`);
  return jsonBody(res).access_token as string;
}

/** An EWS SOAP envelope around one operation, as EWS clients write it (m: and t: prefixes bound). */
export function ewsEnvelope(operation: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">' +
    `<soap:Header><t:RequestServerVersion Version="Exchange2016"/></soap:Header><soap:Body>${operation}</soap:Body></soap:Envelope>`
  );
}

/** Finds a message by subject in a user's INBOX over IMAPS with curl (SEARCH, then FETCH by sequence number), as a learner would. */
export async function imapFetchBySubject(lab: Lab, user: string, password: string, subject: string): Promise<string | undefined> {
  const port = lab.ports.find((p) => p.standardPort === 993)!.port;
  const search = await curlRaw(['-k', `imaps://127.0.0.1:${port}/INBOX?SUBJECT%20%22${encodeURIComponent(subject)}%22`, '-u', `${user}:${password}`]);
  const numbers = /^\* SEARCH(.*)$/m.exec(search)?.[1]?.trim().split(' ').filter((n) => n !== '') ?? [];
  if (numbers.length === 0) return undefined;
  return curlRaw(['-k', `imaps://127.0.0.1:${port}/INBOX;MAILINDEX=${numbers.at(-1)!}`, '-u', `${user}:${password}`]);
}

/** Sends a message with curl over SMTP submission with implicit TLS (465). */
export async function smtpSend(lab: Lab, file: string, from: string, to: string, login: string): Promise<void> {
  const port = lab.ports.find((p) => p.standardPort === 465)!.port;
  await curlRaw(['-k', `smtps://127.0.0.1:${port}`, '--mail-from', from, '--mail-rcpt', to, '-u', login, '-T', file]);
}
