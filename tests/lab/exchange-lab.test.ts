/**
 * How the lab presents Exchange: its start-up text (listeners, hosts, token endpoint, tenant, apps, secret), the
 * certificate's names, the `--exchange` option that picks who answers a host naming no service, and the routing
 * by path for such a host (the identity platform and Graph, which only one service has).
 */
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { banner } from '../../src/lab/banner.ts';
import { parseArgs } from '../../src/lab/options.ts';
import type { Lab } from '../../src/lab/server.ts';
import { targetOf } from '../../src/protocols/exchange/cloud.ts';
import { DAEMON_APP_ID, DAEMON_SECRET, MAIL_APP_ID, TENANT_ID } from '../../src/protocols/exchange/identity/platform.ts';
import { curlRaw, exchangePort, parseIncluded } from './exchange-helpers.ts';
import { startTestLab } from './helpers.ts';

let lab: Lab;
let online: Lab;

beforeAll(async () => {
  lab = await startTestLab({ seed: 29 });
  online = await startTestLab({ seed: 29, exchange: 'online', certificate: lab.certificate });
});
afterAll(async () => {
  await Promise.all([lab.close(), online.close()]);
});

const local = async (l: Lab, path: string, ...args: string[]) => parseIncluded(await curlRaw(['-k', '--include', ...args, `https://localhost:${exchangePort(l, 443)}${path}`]));

describe('Exchange in the lab', () => {
  test('the start-up text names both listeners, the hosts of each service, the token endpoint, the tenant, the apps and the secret', () => {
    const text = banner(lab, { host: '127.0.0.1', seed: 29, idleTimeout: undefined, quiet: true });
    const https = exchangePort(lab, 443);
    expect(text).toContain(`Exchange: HTTPS on 127.0.0.1:${https} (plays 443), plain HTTP on 127.0.0.1:${exchangePort(lab, 80)} (plays 80: redirects to HTTPS only).`);
    expect(text).toContain('mail.example.test, autodiscover.example.test -> Exchange Server SE');
    expect(text).toContain('outlook.office365.test, graph.microsoft.test -> Exchange Online');
    expect(text).toContain('login.microsoftonline.test, microsoft.test -> identity platform');
    expect(text).toContain(`https://login.microsoftonline.test/${TENANT_ID}/oauth2/v2.0/token`);
    expect(text).toContain(MAIL_APP_ID);
    expect(text).toContain(`daemon ${DAEMON_APP_ID} secret ${DAEMON_SECRET}`);
    expect(text).toContain(`--connect-to ::127.0.0.1:${https}`);
    expect(text).not.toMatch(/Test protocol: exchange/);
  });

  test("the certificate names every Microsoft host the lab answers for, besides the mail host and loopback", () => {
    const names = new X509Certificate(lab.certificate.cert).subjectAltName ?? '';
    for (const host of ['mail.example.test', 'autodiscover.example.test', 'outlook.office365.test', 'graph.microsoft.test', 'login.microsoftonline.test', 'microsoft.test', 'localhost']) {
      expect(names).toContain(`DNS:${host}`);
    }
    expect(names).toContain('IP Address:127.0.0.1');
  });

  test('--exchange takes server-se or online', () => {
    expect(parseArgs(['--exchange', 'online'])).toMatchObject({ ok: true, options: { exchange: 'online' } });
    expect(parseArgs(['--exchange=server-se'])).toMatchObject({ ok: true, options: { exchange: 'server-se' } });
    expect(parseArgs(['--exchange', 'exchange2019'])).toEqual({ ok: false, error: '--exchange must be server-se or online, not "exchange2019"' });
  });

  test('a host naming no service: the identity platform and Graph by path, the rest by the fallback', () => {
    expect(targetOf('localhost', '/common/oauth2/v2.0/token')).toBe('identity');
    expect(targetOf('127.0.0.1', '/devicelogin')).toBe('identity');
    expect(targetOf('localhost', '/v1.0/me/messages')).toBe('online');
    expect(targetOf('localhost', '/EWS/Exchange.asmx')).toBe('server-se');
    expect(targetOf('localhost', '/EWS/Exchange.asmx', 'online')).toBe('online');
    // A host that names a service is never overridden by the path: Exchange Server SE has no Graph.
    expect(targetOf('mail.example.test', '/v1.0/me/messages', 'online')).toBe('server-se');
    expect(targetOf('login.microsoftonline.test', '/EWS/Exchange.asmx')).toBe('identity');
  });

  test('on localhost, Autodiscover and EWS are Exchange Server SE by default and Exchange Online with --exchange online', async () => {
    const url = '/autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=EWS';
    expect(JSON.parse((await local(lab, url)).body)).toEqual({ Protocol: 'EWS', Url: 'https://mail.example.test/EWS/Exchange.asmx' });
    expect(JSON.parse((await local(online, url)).body)).toEqual({ Protocol: 'EWS', Url: 'https://outlook.office365.test/EWS/Exchange.asmx' });
    const ews = ['-u', 'alice:wonderland', '-H', 'Content-Type: text/xml', '--data-binary', '<x/>'];
    expect((await local(lab, '/EWS/Exchange.asmx', ...ews)).status).toBe(500);
    const refused = await local(online, '/EWS/Exchange.asmx', ...ews);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  test('on localhost, Graph answers under /v1.0/ and the identity platform under /{tenant}/oauth2/v2.0/', async () => {
    const graph = await local(lab, '/v1.0/me/messages');
    expect(graph.status).toBe(401);
    expect(JSON.parse(graph.body).error.code).toBe('InvalidAuthenticationToken');
    const token = await local(lab, '/common/oauth2/v2.0/token', '-d', 'grant_type=client_credentials', '-d', `client_id=${DAEMON_APP_ID}`, '-d', `client_secret=${DAEMON_SECRET}`, '--data-urlencode', 'scope=https://graph.microsoft.com/.default');
    expect(token.status).toBe(200);
    const app = JSON.parse(token.body).access_token as string;
    const list = await local(lab, '/v1.0/users/alice@example.test/messages?$top=2&$select=subject', '-H', `Authorization: Bearer ${app}`);
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body).value).toHaveLength(2);
  });
});
