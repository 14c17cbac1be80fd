import { describe, expect, test } from 'vitest';
import { allFacts, causeIds, causeOf, facts, factsSchema, lessonIds, mythById, staleFacts, troubleById, troubleLessons } from '../../src/data/index.ts';
import { facts as raw } from '../../src/data/facts.ts';

const messages = (data: unknown): string[] => factsSchema.safeParse(data).error?.issues.map((i) => i.message) ?? [];

describe('lessons', () => {
  test('are the closed set the lesson kit fixes, in course order', () => {
    expect(lessonIds).toEqual(['travel', 'transcripts', 'smtp', 'pop3', 'imap', 'pop3-or-imap', 'ports', 'troubleshooting', 'exchange']);
  });

  test('every myth and situation names at least one lesson', () => {
    for (const f of [...facts.myths, ...facts.situations]) expect(f.lessons.length, f.id).toBeGreaterThan(0);
  });

  test('the schema rejects a myth without lessons, an unknown lesson and a lesson named twice', () => {
    const none = structuredClone(raw);
    none.myths[0]!.lessons = [];
    expect(messages(none)).toContain('every myth and situation names at least one lesson');
    const unknown = structuredClone(raw) as unknown as { situations: { lessons: string[] }[] };
    unknown.situations[0]!.lessons = ['dns'];
    expect(factsSchema.safeParse(unknown).success).toBe(false);
    const twice = structuredClone(raw);
    twice.myths[0]!.lessons = ['pop3', 'pop3'];
    expect(messages(twice)).toContain('a lesson is named twice');
  });
});

describe('the new general myths (reference sheet §7)', () => {
  test.each([
    ['imap-no-download', 'RFC 3501 §6.4.5'],
    ['ssl-protects', 'RFC 7568 §3'],
    ['headers-route', 'RFC 5321 §2.3.1'],
    ['pc-to-pc', 'RFC 5321 §2.3.3'],
    ['reply-text-standard', 'RFC 5321 §4.2'],
    ['vrfy-verifies', 'RFC 5321 §3.5.3'],
    ['any-line-length', 'RFC 5321 §4.5.3.1.6'],
    ['imap4rev1-current', 'RFC 9051 Appendix E'],
    ['mx-ip-or-port', 'RFC 5321 §5.1'],
    ['accepted-means-delivered', 'RFC 5321 §4.2.5'],
  ])('%s is in the data, one sentence, first cited from %s', (id, first) => {
    const m = mythById(id)!;
    expect(m).toBeDefined();
    expect(m.myth.match(/[.?!](\s|$)/g), m.myth).toHaveLength(1);
    const s = m.sources[0]!;
    expect(s.kind === 'rfc' && `RFC ${s.rfc} ${/^Appendix/.test(s.section ?? '') ? s.section : `§${s.section}`}`).toBe(first);
  });

  test('a 250 after DATA: responsibility, then deliver, retry or bounce (RFC 5321 §4.2.5, §3.6.3, §4.5.4.1)', () => {
    const m = mythById('accepted-means-delivered')!;
    expect(m.myth).toBe('A 250 reply after DATA means the message was delivered.');
    expect(m.correction).toMatch(/^A 250 after the final dot means the server has taken responsibility for the message, not that it has arrived: it must now deliver it, retry, or send a bounce/);
    expect(m.sources.map((s) => (s.kind === 'rfc' ? s.section : ''))).toEqual(['4.2.5', '3.6.3', '4.5.4.1']);
  });
});

describe('causes', () => {
  test('every cause has a label, an action and sources', () => {
    expect(Object.keys(facts.causes).sort()).toEqual([...causeIds].sort());
    for (const [id, c] of Object.entries(facts.causes)) {
      expect(c.label, id).toMatch(/\.$/);
      expect(c.action.length, id).toBeGreaterThan(20);
      expect(c.sources.length, id).toBeGreaterThan(0);
    }
  });

  test('the schema wants every cause', () => {
    const missing = structuredClone(raw) as { causes: Record<string, unknown> };
    delete missing.causes['too-big'];
    expect(factsSchema.safeParse(missing).success).toBe(false);
  });
});

describe('troubles', () => {
  test('are the thirteen replies of the troubleshooting lesson, each with its reply, cause and reproduction', () => {
    expect(facts.troubles.map((t) => [t.id, t.protocol, t.reply ?? '-', t.cause, t.reproducedBy.kind === 'scenario' ? t.reproducedBy.scenario : 'tls-check'])).toEqual([
      ['smtp-530', 'smtp', '530 5.7.0', 'tls-required', 'smtp-submission-587'],
      ['smtp-535', 'smtp', '535 5.7.8', 'bad-credentials', 'smtp-trouble-auth'],
      ['smtp-relay-denied', 'smtp', '554 5.7.1', 'relay-denied', 'smtp-mistakes-relay'],
      ['smtp-550-unknown', 'smtp', '550 5.1.1', 'unknown-recipient', 'smtp-trouble-unknown-user'],
      ['smtp-421', 'smtp', '421 4.4.2', 'timeout', 'smtp-trouble-timeout'],
      ['smtp-552', 'smtp', '552 5.3.4', 'too-big', 'smtp-trouble-too-big'],
      ['pop3-auth', 'pop3', '-ERR [AUTH]', 'tls-required', 'pop3-stls-vs-995'],
      ['pop3-in-use', 'pop3', '-ERR [IN-USE]', 'mailbox-locked', 'pop3-trouble-in-use'],
      ['imap-privacy-required', 'imap', 'NO [PRIVACYREQUIRED]', 'tls-required', 'imap-trouble-login'],
      ['imap-auth-failed', 'imap', 'NO [AUTHENTICATIONFAILED]', 'bad-credentials', 'imap-trouble-login'],
      ['imap-bad', 'imap', 'BAD', 'bad-command', 'imap-trouble-login'],
      ['port-25-blocked', 'smtp', '-', 'port-blocked', 'smtp-trouble-port-25-blocked'],
      ['certificate-warning', 'none', '-', 'untrusted-certificate', 'tls-check'],
    ]);
  });

  test('the relay refusal says RFC 5321 §3.6.2 recommends 550 and Postfix defaults to 554', () => {
    const t = troubleById('smtp-relay-denied')!;
    expect(t.note).toMatch(/RFC 5321 §3\.6\.2 recommends 550.*Postfix answers 554 by default.*both/);
    expect(t.sources[0]).toEqual({ kind: 'rfc', rfc: 5321, section: '3.6.2' });
  });

  test('lessons derive from the protocol: its lesson, then troubleshooting', () => {
    expect(troubleLessons(troubleById('smtp-535')!)).toEqual(['smtp', 'troubleshooting']);
    expect(troubleLessons(troubleById('pop3-in-use')!)).toEqual(['pop3', 'troubleshooting']);
    expect(troubleLessons(troubleById('certificate-warning')!)).toEqual(['troubleshooting']);
    expect(causeOf(troubleById('imap-bad')!).label).toMatch(/did not accept the command itself/);
  });

  const broken = (change: (t: (typeof raw.troubles)[number]) => void): string[] => {
    const data = structuredClone(raw);
    change(data.troubles[0]!);
    return messages(data);
  };

  test('the schema rejects a reply that is not how the protocol’s replies start', () => {
    expect(broken((t) => (t.reply = '5.7.8 535'))).toContain('trouble smtp-530: "5.7.8 535" is not how a smtp reply starts');
    expect(broken((t) => ((t.protocol = 'pop3'), (t.reply = '+OK [IN USE]')))).toContain('trouble smtp-530: "+OK [IN USE]" is not how a pop3 reply starts');
  });

  test('the schema rejects a scenario of another protocol, a reply without a protocol, and a cause repeated in alsoMeans', () => {
    expect(broken((t) => (t.reproducedBy = { kind: 'scenario', scenario: 'imap-trouble-login' }))).toContain(
      'trouble smtp-530: scenario imap-trouble-login is not a smtp scenario',
    );
    expect(broken((t) => (t.protocol = 'none'))).toContain('trouble smtp-530: a trouble without a protocol has no reply');
    expect(broken((t) => (t.alsoMeans = ['tls-required']))).toContain('trouble smtp-530: alsoMeans repeats the cause');
    const twice = structuredClone(raw);
    twice.troubles.push(structuredClone(twice.troubles[0]!));
    expect(messages(twice)).toContain('trouble smtp-530 is listed twice');
  });

  test('the schema rejects a STARTTLS port without a login policy and a registered port without governing RFCs', () => {
    const data = structuredClone(raw);
    delete data.ports.find((p) => p.port === 587)!.tlsBeforeLogin;
    data.ports.find((p) => p.port === 993)!.governingRfcs = [];
    expect(messages(data)).toEqual(
      expect.arrayContaining(['port 587: tlsBeforeLogin is given exactly when the security is starttls', 'port 993 is registered for its role, so it names the RFCs that govern it']),
    );
  });
});

describe('the freshness warning', () => {
  test('covers every new list: login policies, causes and troubles', () => {
    const paths = allFacts().map((r) => r.path);
    for (const id of ['opportunistic', 'configuration']) expect(paths).toContain(`tlsBeforeLogin.${id}`);
    for (const id of causeIds) expect(paths).toContain(`causes.${id}`);
    for (const t of facts.troubles) expect(paths).toContain(`troubles.${t.id}`);
  });

  test('reports a stale cause and a stale trouble by path', () => {
    const old = structuredClone(raw);
    old.causes.timeout.lastVerified = '2025-10-01';
    old.troubles.find((t) => t.id === 'pop3-in-use')!.lastVerified = '2025-10-01';
    const stale = staleFacts(new Date('2026-12-08T00:00:00Z'), 365, factsSchema.parse(old));
    expect(stale.map((s) => s.path)).toEqual(['causes.timeout', 'troubles.pop3-in-use']);
  });
});
