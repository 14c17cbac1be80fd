/** The Exchange facts: valid, sourced and dated, and the simulated Exchange reads its dates from them. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exchange, exchangeFactsSchema } from '../../src/data/index.ts';
import { exchangeFacts } from '../../src/data/exchange.ts';
import { exchangeServer } from '../../src/protocols/exchange/server.ts';
import { basicRefused, dayStart, ewsGate } from '../../src/protocols/exchange/policy.ts';
import { exchangeConfig } from '../../src/protocols/exchange/config.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

/** Every object in the facts that carries `sources`. */
function facts(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => facts(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('sources' in o || 'lastVerified' in o) out.push(o);
    else Object.values(o).forEach((v) => facts(v, out));
  }
  return out;
}

describe('Exchange facts', () => {
  test('pass their schema', () => {
    expect(exchangeFactsSchema.safeParse(exchangeFacts).success).toBe(true);
    expect(exchange.ewsOnline.shutdown).toBe(exchangeFacts.ewsOnline.shutdown);
  });

  test('every fact has at least one source and a lastVerified date in December 2026 (reference sheet §5.7)', () => {
    const all = facts(exchangeFacts);
    expect(all.length).toBeGreaterThan(30);
    for (const f of all) {
      expect(Array.isArray(f.sources) && f.sources.length > 0).toBe(true);
      expect(f.lastVerified).toMatch(/^2026-12-\d\d$/);
    }
  });

  test('the dates §5.7 gives', () => {
    expect(exchangeFacts.ewsOnline).toMatchObject({ blockedUnlessAllowListedFrom: '2026-10-01', shutdown: '2027-04-01' });
    const smtp = exchangeFacts.basicAuth.find((b) => b.deployment === 'online' && b.protocol === 'smtp-submission')!;
    expect(smtp.refusedFrom).toBeUndefined();
    expect(smtp.defaultOffFrom).toBe('2026-12-31');
    for (const p of ['imap', 'pop3', 'ews', 'activesync'] as const) {
      expect(exchangeFacts.basicAuth.find((b) => b.deployment === 'online' && b.protocol === p)!.refusedFrom).toBe('2022-10-01');
    }
    expect(exchangeFacts.graphLimits).toMatchObject({ requestsPerWindow: 10_000, windowSeconds: 600, concurrentRequests: 4 });
    expect(exchangeFacts.autodiscoverOrder.map((s) => s.id)).toEqual(['scp', 'https-root', 'https-autodiscover', 'http-redirect', 'srv']);
    expect(exchangeFacts.autodiscoverOrder.find((s) => s.id === 'http-redirect')!.sendsCredentials).toBe(false);
  });

  test('no date is written in the simulated Exchange: its sources hold no YYYY-MM-DD and no year', () => {
    const dir = 'src/protocols/exchange';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      expect(text, file).not.toMatch(/\b20\d\d-\d\d-\d\d\b|Date\.UTC\(/);
    }
  });
});

describe('the simulator reads the dates', () => {
  const day = 86_400_000;
  const config = exchangeConfig('online', { ewsEnabled: true, ewsAllowedAppIds: ['app-1'] });
  const switchOff = dayStart(exchangeFacts.ewsOnline.blockedUnlessAllowListedFrom);
  const shutdown = dayStart(exchangeFacts.ewsOnline.shutdown);

  test('EWS in Exchange Online: open the day before the switch-off, allow-listed only from it, gone from the shutdown', () => {
    const unlisted = exchangeConfig('online', {});
    expect(ewsGate(unlisted, 'app-2', new Date(switchOff - day))).toBe('open');
    expect(ewsGate(unlisted, 'app-2', new Date(switchOff))).toBe('blocked');
    expect(ewsGate(config, 'app-1', new Date(switchOff))).toBe('allow-listed');
    expect(ewsGate(config, 'app-1', new Date(shutdown - 1))).toBe('allow-listed');
    expect(ewsGate(config, 'app-1', new Date(shutdown))).toBe('retired');
    expect(ewsGate(exchangeConfig('server-se'), undefined, new Date(shutdown + 365 * day))).toBe('open');
  });

  test('Basic refused from the data’s day, not before', () => {
    const from = dayStart(exchangeFacts.basicAuth.find((b) => b.deployment === 'online' && b.protocol === 'ews')!.refusedFrom!);
    expect(basicRefused('online', 'ews', new Date(from - 1))).toBe(false);
    expect(basicRefused('online', 'ews', new Date(from))).toBe(true);
    expect(basicRefused('server-se', 'ews', new Date(from + day))).toBe(false);
  });

  test('a world whose clock is before the switch-off day gets EWS answers without an allow list', () => {
    const token = { subject: 'alice', appId: 'app-9', audience: 'https://outlook.office365.test', scopes: ['EWS.AccessAsUser.All'], expiresAt: shutdown };
    const request = {
      method: 'POST',
      target: '/EWS/Exchange.asmx',
      headers: [['Content-Type', 'text/xml'], ['Authorization', 'Bearer x']] as const,
      body: '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetFolder xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><FolderShape><BaseShape xmlns="http://schemas.microsoft.com/exchange/services/2006/types">IdOnly</BaseShape></FolderShape><FolderIds><DistinguishedFolderId xmlns="http://schemas.microsoft.com/exchange/services/2006/types" Id="inbox"/></FolderIds></GetFolder></s:Body></s:Envelope>',
    };
    const before = exchangeServer(new MailWorld({ start: switchOff - 2 * day }), 'online', { authorizer: { authorize: () => token } });
    const after = exchangeServer(new MailWorld({ start: switchOff + day }), 'online', { authorizer: { authorize: () => token } });
    expect(before(request).status).toBe(200);
    expect(after(request).status).toBe(403);
  });
});
