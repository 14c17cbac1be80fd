/**
 * Request latency of the lab's Exchange, for the report (not a test: no wall-clock limits in tests). Starts
 * `node src/lab/main.ts --quiet --test-protocols` in its own process, then one kept-alive connection per kind
 * sends, in interleaved rounds, the hello test protocol's GET (plain HTTP, the baseline), an Autodiscover JSON GET
 * (HTTPS, the cheapest Exchange request), EWS FindItem on Exchange Server SE with Basic, and a Graph list of ten
 * messages with the daemon's token. Prints p50 and p99 in ms, and each as a ratio of the baseline.
 * Run: node tests/lab/exchange-latency.ts [rounds]
 */
import { spawn } from 'node:child_process';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { DAEMON_APP_ID, DAEMON_SECRET } from '../../src/protocols/exchange/identity/platform.ts';

const rounds = Number(process.argv[2] ?? 2000);
const warmup = 200;
/** Starts the lab on a random offset, trying another while ports are taken (other labs may run on this machine). */
async function startLab(): Promise<{ offset: number; lab: ReturnType<typeof spawn> }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const offset = 30_000 + Math.floor(Math.random() * 200) * 100;
    const lab = spawn(process.execPath, ['src/lab/main.ts', '--offset', String(offset), '--quiet', '--test-protocols'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const up = await new Promise<boolean>((resolve) => {
      let out = '';
      lab.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ctrl-C stops the lab')) resolve(true);
      });
      lab.once('exit', () => resolve(false));
    });
    if (up) return { offset, lab };
  }
  throw new Error('no free offset for the lab');
}
const { offset, lab } = await startLab();

interface Kind {
  name: string;
  send(): Promise<number>;
}

/** One request on `agent`; resolves with the status once the whole body is in. */
function call(secure: boolean, agent: HttpAgent, host: string, port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, method, path, agent, headers: { Host: host, ...headers, ...(body ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) }, servername: host };
    const req = (secure ? httpsRequest : httpRequest)(options, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const https = offset + 443;
const tls = () => new HttpsAgent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
const token = await (async () => {
  const form = `grant_type=client_credentials&client_id=${DAEMON_APP_ID}&client_secret=${encodeURIComponent(DAEMON_SECRET)}&scope=${encodeURIComponent('https://graph.microsoft.com/.default')}`;
  return new Promise<string>((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port: https, method: 'POST', path: '/common/oauth2/v2.0/token', rejectUnauthorized: false, servername: 'login.microsoftonline.test', headers: { Host: 'login.microsoftonline.test', 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(form.length) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve((JSON.parse(text) as { access_token: string }).access_token));
    });
    req.on('error', reject);
    req.end(form);
  });
})();

const FIND =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">' +
  '<soap:Body><m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem></soap:Body></soap:Envelope>';
const helloAgent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
const [adAgent, ewsAgent, graphAgent] = [tls(), tls(), tls()];
const kinds: Kind[] = [
  { name: 'hello GET (HTTP, baseline)', send: () => call(false, helloAgent, 'localhost', offset + 8080, 'GET', '/hello?name=ada', {}) },
  { name: 'Autodiscover JSON GET (HTTPS)', send: () => call(true, adAgent, 'autodiscover.example.test', https, 'GET', '/autodiscover/autodiscover.json/v1.0/alice@example.test?Protocol=EWS', {}) },
  { name: 'EWS FindItem, Exchange Server SE', send: () => call(true, ewsAgent, 'mail.example.test', https, 'POST', '/EWS/Exchange.asmx', { Authorization: `Basic ${btoa('alice:wonderland')}`, 'Content-Type': 'text/xml; charset=utf-8' }, FIND) },
  { name: 'Graph list messages ($top=10)', send: () => call(true, graphAgent, 'graph.microsoft.test', https, 'GET', '/v1.0/users/alice@example.test/messages?$top=10', { Authorization: `Bearer ${token}` }) },
];

const samples = kinds.map(() => [] as number[]);
for (let round = 0; round < warmup + rounds; round++) {
  for (const [i, kind] of kinds.entries()) {
    const start = process.hrtime.bigint();
    const status = await kind.send();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (status !== 200) throw new Error(`${kind.name}: status ${status}`);
    if (round >= warmup) samples[i]!.push(ms);
  }
}
const pct = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
const base = { p50: pct(samples[0]!, 50), p99: pct(samples[0]!, 99) };
console.log(`${rounds} requests of each kind after ${warmup} warm-up rounds, interleaved, one kept-alive connection per kind, lab in its own process`);
for (const [i, kind] of kinds.entries()) {
  const p50 = pct(samples[i]!, 50);
  const p99 = pct(samples[i]!, 99);
  console.log(`${kind.name.padEnd(36)} p50 ${p50.toFixed(3)} ms (${(p50 / base.p50).toFixed(2)}x)  p99 ${p99.toFixed(3)} ms (${(p99 / base.p99).toFixed(2)}x)`);
}
for (const a of [helloAgent, adAgent, ewsAgent, graphAgent]) a.destroy();
lab.kill('SIGTERM');
