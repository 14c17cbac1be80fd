import { describe, expect, test } from 'vitest';
import { allFacts, facts, factsSchema, portFact, portsOf, protocolIds, sourceHref, sourceLabel, staleFacts } from '../../src/data/index.ts';
import { facts as raw } from '../../src/data/facts.ts';

describe('port facts', () => {
  // Expected values written out from ../shared/reference/email-protocols.md §1.1, not read from the data file.
  // Issue 9, correction 2 (changed on purpose): the mode is what the protocol does on the port, one STARTTLS for
  // all; whether logins wait for TLS is opportunistic on relay (RFC 3207 §4) and the server's configuration elsewhere.
  test.each([
    [25, ['smtp-relay'], 'relay', 'smtp', 'starttls', 'opportunistic'],
    [587, ['smtp-submission'], 'submission', 'submission', 'starttls', 'configuration'],
    [465, ['smtp-submission'], 'submission', 'submissions', 'implicit-tls', undefined],
    [2525, ['smtp-submission'], 'submission', 'ms-v-worlds', 'starttls', 'configuration'],
    [110, ['pop3'], 'access', 'pop3', 'starttls', 'configuration'],
    [995, ['pop3'], 'access', 'pop3s', 'implicit-tls', undefined],
    [143, ['imap'], 'access', 'imap', 'starttls', 'configuration'],
    [993, ['imap'], 'access', 'imaps', 'implicit-tls', undefined],
    [80, ['exchange'], 'http', 'http', 'plaintext', undefined],
    [443, ['exchange', 'jmap'], 'http', 'https', 'https', undefined],
  ])('port %i is %j, role %s, IANA %s, security %s, TLS before login %s', (port, protocols, role, ianaName, security, tlsBeforeLogin) => {
    const p = portFact(port);
    expect(p).toBeDefined();
    expect(p!.protocols).toEqual(protocols);
    expect(p!.role).toBe(role);
    expect(p!.ianaName).toBe(ianaName);
    expect(p!.security).toBe(security);
    expect(p!.tlsBeforeLogin).toBe(tlsBeforeLogin);
  });

  test('lists exactly the ten ports of the course', () => {
    expect(facts.ports.map((p) => p.port).sort((a, b) => a - b)).toEqual([25, 80, 110, 143, 443, 465, 587, 993, 995, 2525]);
  });

  test('marks 2525 as not registered for mail and every other port as registered', () => {
    expect(facts.ports.filter((p) => !p.ianaRegisteredForRole).map((p) => p.port)).toEqual([2525]);
  });

  test('cites RFC 8314 for 465 and its misconception says it is submission, not relay', () => {
    const p = portFact(465)!;
    expect(p.governingRfcs).toContain(8314);
    expect(p.misconception.correction).toMatch(/submission/i);
    expect(p.misconception.correction).toMatch(/25/);
  });

  test('says 587 is STARTTLS, not the SSL port', () => {
    expect(portFact(587)!.misconception.correction).toMatch(/STARTTLS/);
  });

  // Issue 9, correction 4 (changed on purpose): port 80 is more than a redirect in Exchange Server.
  test('says port 80 carries calendar publishing and redirects, no mail protocol and no credentials', () => {
    const p = portFact(80)!;
    for (const text of [p.description, p.misconception.correction]) {
      expect(text).toMatch(/calendar publishing/);
      expect(text).toMatch(/Autodiscover redirect fallback/);
      expect(text).toMatch(/redirect.*Outlook on the web|Outlook on the web.*redirect/);
      expect(text).toMatch(/no mail protocol|No mail protocol/);
    }
    expect(p.misconception.correction).toMatch(/no credentials/);
    expect(p.description).not.toMatch(/only redirects/);
  });

  test('finds the ports of a protocol', () => {
    expect(portsOf('imap').map((p) => p.port)).toEqual([143, 993]);
    expect(portsOf('jmap').map((p) => p.port)).toEqual([443]);
  });
});

describe('sources', () => {
  test('every fact has at least one source and a verification date', () => {
    const refs = allFacts();
    expect(refs.length).toBeGreaterThan(80);
    for (const r of refs) {
      expect(r.sources.length, r.path).toBeGreaterThan(0);
      expect(r.lastVerified, r.path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('every comparison row but the derived one has a cell for every protocol', () => {
    for (const f of facts.features.filter((f) => f.id !== 'defaultPorts')) {
      expect(Object.keys(f.cells).sort(), f.id).toEqual([...protocolIds].sort());
    }
  });

  test('the schema rejects a fact without a source', () => {
    const broken = structuredClone(raw);
    broken.features[0]!.cells.pop3!.sources = [];
    const result = factsSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('every fact needs a source');
  });

  test('the schema rejects a port listed twice and an impossible date', () => {
    const twice = structuredClone(raw);
    twice.ports.push(structuredClone(twice.ports[0]!));
    expect(factsSchema.safeParse(twice).error?.issues.map((i) => i.message)).toContain('port 25 is listed twice');
    const badDate = structuredClone(raw);
    badDate.ports[0]!.lastVerified = '2026-02-31';
    expect(factsSchema.safeParse(badDate).success).toBe(false);
  });

  test('the schema wants a definition, with a source, for every port role and security mode', () => {
    const missing = structuredClone(raw) as { security: Record<string, unknown> };
    delete missing.security['implicit-tls'];
    expect(factsSchema.safeParse(missing).success).toBe(false);
    const unsourced = structuredClone(raw);
    unsourced.roles.relay.sources = [];
    expect(factsSchema.safeParse(unsourced).error?.issues[0]?.message).toBe('every fact needs a source');
  });

  test('the schema rejects a documentation source that is not https', () => {
    const insecure = structuredClone(raw);
    insecure.protocols[0]!.sources = [{ kind: 'doc', title: 'Somewhere', url: 'http://example.com/' }];
    expect(factsSchema.safeParse(insecure).success).toBe(false);
  });

  test.each([
    [{ kind: 'rfc', rfc: 5321, section: '4.5.3.1' }, 'https://www.rfc-editor.org/rfc/rfc5321#section-4.5.3.1', 'RFC 5321 §4.5.3.1'],
    [{ kind: 'rfc', rfc: 9051 }, 'https://www.rfc-editor.org/rfc/rfc9051', 'RFC 9051'],
    [{ kind: 'iana', port: 465 }, 'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=465', 'IANA port registry, port 465'],
  ] as const)('links %j to its source', (source, href, label) => {
    expect(sourceHref(source)).toBe(href);
    expect(sourceLabel(source)).toBe(label);
  });
});

describe('general myths and situations', () => {
  test('are all covered by allFacts, so the freshness warning sees them', () => {
    const paths = allFacts().map((r) => r.path);
    for (const m of facts.myths) expect(paths).toContain(`myths.${m.id}`);
    expect(facts.myths.map((m) => m.id)).toEqual(expect.arrayContaining(['pop3-deletes', 'starttls-unencrypted', 'imap-delete-immediate', 'imap-push', 'smtp-receives', 'pop3-many-devices']));
    for (const id of ['port-25-blocked', 'phone-and-laptop', 'outlook-exchange-online', 'server-to-mx']) {
      expect(paths).toContain(`situations.${id}`);
    }
  });

  test('cite RFCs by section and documents over https only', () => {
    for (const f of [...facts.myths, ...facts.situations]) {
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      for (const s of f.sources) {
        if (s.kind === 'rfc') expect(s.section, `${f.id} RFC ${s.rfc}`).toMatch(/^(\d+(\.\d+)*|Appendix [A-Z](\.\d+)*)$/);
        if (s.kind === 'doc') expect(s.url, f.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      }
    }
  });

  test('the submission situation cites RFC 6409 and RFC 8314 §3.3; the Outlook one the Exchange ports document', () => {
    const sources = (id: string) => facts.situations.find((s) => s.id === id)!.sources;
    expect(sources('port-25-blocked')).toEqual(
      expect.arrayContaining([{ kind: 'rfc', rfc: 6409, section: '1' }, { kind: 'rfc', rfc: 8314, section: '3.3' }]),
    );
    expect(sources('outlook-exchange-online')[0]).toMatchObject({ kind: 'doc', title: 'Network ports for clients and mail flow in Exchange' });
  });

  const messages = (data: unknown): string[] => factsSchema.safeParse(data).error?.issues.map((i) => i.message) ?? [];

  test('the schema rejects a myth or situation id listed twice, or one that is not a slug', () => {
    const twice = structuredClone(raw);
    twice.myths.push(structuredClone(twice.myths[0]!));
    twice.situations.push(structuredClone(twice.situations[0]!));
    expect(messages(twice)).toEqual(expect.arrayContaining(['myth pop3-deletes is listed twice', 'situation port-25-blocked is listed twice']));
    const badId = structuredClone(raw);
    badId.myths[0]!.id = '25-is-plaintext';
    expect(messages(badId)).toContain('ids are lower-case words joined by hyphens');
  });

  test('the schema rejects a literal answer, a feature answer with distractors, and a data answer without', () => {
    const literal = structuredClone(raw) as unknown as { situations: { answer: unknown }[] };
    literal.situations[0]!.answer = { kind: 'literal', label: 'SMTP on port 2525' };
    expect(factsSchema.safeParse(literal).success).toBe(false);
    const feature = structuredClone(raw);
    feature.situations.find((s) => s.id === 'phone-and-laptop')!.distractors = [{ kind: 'protocol', protocol: 'jmap' }];
    expect(messages(feature)).toContain('situation phone-and-laptop: a feature answer takes no distractors');
    const bare = structuredClone(raw);
    delete bare.situations.find((s) => s.id === 'server-to-mx')!.distractors;
    expect(messages(bare)).toContain('situation server-to-mx needs at least one distractor');
  });

  test('the schema rejects a port option the ports do not list, a use the port does not carry, and a literal naming a listed port', () => {
    const broken = structuredClone(raw);
    const outlook = broken.situations.find((s) => s.id === 'outlook-exchange-online')!;
    outlook.answer = { kind: 'port', port: 993, via: 'MAPI over HTTP' };
    outlook.distractors = [{ kind: 'port', port: 135 }, { kind: 'literal', label: 'SMTP on port 25' }];
    expect(messages(broken)).toEqual(
      expect.arrayContaining([
        "situation outlook-exchange-online: port 993's description does not name MAPI over HTTP",
        'situation outlook-exchange-online names port 135, which ports does not list',
        'situation outlook-exchange-online: "SMTP on port 25" names port 25; use a port option',
      ]),
    );
  });

  test('the schema accepts the data file as it is', () => {
    expect(messages(raw)).toEqual([]);
  });
});

describe('staleFacts', () => {
  test('finds nothing stale the day after verification', () => {
    expect(staleFacts(new Date('2026-11-22T00:00:00Z'))).toEqual([]);
  });

  test('reports a fact verified more than a year ago, by its path', () => {
    const old = structuredClone(raw);
    old.ports.find((p) => p.port === 993)!.lastVerified = '2025-10-01';
    const stale = staleFacts(new Date('2026-11-22T00:00:00Z'), 365, factsSchema.parse(old));
    expect(stale.map((s) => s.path)).toEqual([
      'ports[993].ianaName',
      'ports[993].role',
      'ports[993].security',
      'ports[993].misconception',
      'ports[993].description',
    ]);
  });

  test('reports a stale general myth and a stale situation by path', () => {
    const old = structuredClone(raw);
    old.myths.find((m) => m.id === 'starttls-unencrypted')!.lastVerified = '2025-10-01';
    old.situations.find((s) => s.id === 'phone-and-laptop')!.lastVerified = '2025-10-01';
    const stale = staleFacts(new Date('2026-11-22T00:00:00Z'), 365, factsSchema.parse(old));
    expect(stale.map((s) => s.path)).toEqual(['myths.starttls-unencrypted', 'situations.phone-and-laptop']);
  });

  test('reports every fact two years on', () => {
    expect(staleFacts(new Date('2028-12-01T00:00:00Z')).length).toBe(allFacts().length);
  });
});
