/** Tokens and Graph requests from a test lab's own HTTPS listener (offset + 443), chosen by Host as a client would. */
import { request } from 'node:https';
import { exchangeCloud } from '../../src/protocols/exchange/cloud.ts';
import { DAEMON_APP_ID, DAEMON_SECRET, MAIL_APP_ID } from '../../src/protocols/exchange/identity/platform.ts';
import type { Lab } from '../../src/lab/server.ts';

/** One HTTPS exchange with the lab: status and body text. */
export function labHttps(lab: Lab, host: string, method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; body: string }> {
  const port = lab.httpPorts.find((p) => p.standardPort === 443)!.port;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, rejectUnauthorized: false, headers: { Host: host, 'Content-Length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

/** An app-only token by client credentials for the daemon, for `resource` (Exchange Online or Graph). */
export async function appToken(lab: Lab, resource = 'https://outlook.office365.test'): Promise<string> {
  const body = form({ client_id: DAEMON_APP_ID, client_secret: DAEMON_SECRET, scope: `${resource}/.default`, grant_type: 'client_credentials' });
  const res = await labHttps(lab, 'login.microsoftonline.test', 'POST', '/common/oauth2/v2.0/token', FORM, body);
  if (res.status !== 200) throw new Error(`token endpoint: ${res.status} ${res.body}`);
  return JSON.parse(res.body).access_token as string;
}

/** A delegated token for alice by the device code flow: the app asks, alice enters the code, the app polls. */
export async function deviceToken(lab: Lab, scope: string, login = 'alice@example.test', password = 'wonderland'): Promise<string> {
  const start = await labHttps(lab, 'login.microsoftonline.test', 'POST', '/common/oauth2/v2.0/devicecode', FORM, form({ client_id: MAIL_APP_ID, scope }));
  if (start.status !== 200) throw new Error(`devicecode endpoint: ${start.status} ${start.body}`);
  const { user_code, device_code } = JSON.parse(start.body) as { user_code: string; device_code: string };
  const entered = exchangeCloud(lab.world).identity.enterUserCode(user_code, login, password);
  if (entered !== 'approved') throw new Error(`user code: ${entered}`);
  const body = form({ client_id: MAIL_APP_ID, grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code });
  const res = await labHttps(lab, 'login.microsoftonline.test', 'POST', '/common/oauth2/v2.0/token', FORM, body);
  if (res.status !== 200) throw new Error(`token endpoint: ${res.status} ${res.body}`);
  return JSON.parse(res.body).access_token as string;
}

/** Subjects of the signed-in user's messages through Graph (GET /v1.0/me/messages over the lab's HTTPS). */
export async function graphSubjects(lab: Lab, token: string): Promise<string[]> {
  const res = await labHttps(lab, 'graph.microsoft.test', 'GET', '/v1.0/me/messages?$select=subject&$top=100', { Authorization: `Bearer ${token}` });
  if (res.status !== 200) throw new Error(`graph: ${res.status} ${res.body}`);
  return (JSON.parse(res.body).value as Array<{ subject: string }>).map((m) => m.subject);
}
