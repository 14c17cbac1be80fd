import { describe, expect, test } from 'vitest';
import { facts, portFact } from '../../src/data/index.ts';
import type { FeatureId, ProtocolId, Situation } from '../../src/data/index.ts';
import { allQuestions, pickQuestions } from '../../src/quiz/questions.ts';
import type { QuizQuestion, QuizTopic } from '../../src/quiz/questions.ts';
import { situationQuestion } from '../../src/quiz/situations.ts';

// Expected values are written out from src/data/facts.ts by hand, never computed by the generator.

const all = allQuestions();
const byId = (id: string): QuizQuestion => {
  const q = all.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const answerLabel = (q: QuizQuestion): string | undefined => q.options.find((o) => o.id === q.answer)?.label;
const labels = (q: QuizQuestion): string[] => q.options.map((o) => o.label).sort();

describe('allQuestions', () => {
  test('gives every question the data supports, per topic', () => {
    const count = (t: QuizTopic) => all.filter((q) => q.topic === t).length;
    // 10 ports, 9 registered for their role (not 2525), 8 carrying a mail protocol (not plaintext 80);
    // 8 (protocol, mode) pairs with one such port (Exchange is not asked by port); a security question per
    // registered port; 6 situations (2 of them Exchange's); a myth and a fact per port (10) and per general myth (20, 4 of
    // them Exchange's); a reply question
    // per trouble with a reply (11 of 13); reply classes: SMTP 4, POP3 2, IMAP 5.
    expect(count('port-to-protocol')).toBe(8);
    expect(count('protocol-to-port')).toBe(8);
    expect(count('security-mode')).toBe(9);
    expect(count('situation')).toBe(6);
    expect(count('myth-or-fact')).toBe(60);
    expect(count('reply')).toBe(11);
    expect(count('reply-class')).toBe(11);
    expect(all).toHaveLength(113);
  });

  test('gives every question a unique id', () => {
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
  });

  test('is stable from call to call', () => {
    expect(allQuestions()).toEqual(all);
  });

  test.each(all.map((q) => [q.id, q] as const))('%s is well formed', (_id, q) => {
    expect(q.options.length).toBeGreaterThanOrEqual(2);
    expect(q.options.length).toBeLessThanOrEqual(4);
    expect(q.options.filter((o) => o.id === q.answer)).toHaveLength(1);
    expect(new Set(q.options.map((o) => o.id)).size).toBe(q.options.length);
    expect(new Set(q.options.map((o) => o.label)).size).toBe(q.options.length);
    expect(q.prompt.trim()).not.toBe('');
    expect(q.explanation.trim()).not.toBe('');
    expect(q.source.label.trim()).not.toBe('');
    expect(q.source.href).toMatch(/^https:\/\//);
  });

  test('asks no port-to-protocol or security question about 2525, which IANA registers to ms-v-worlds', () => {
    expect(all.some((q) => q.id === 'port-to-protocol:2525')).toBe(false);
    expect(all.some((q) => q.id === 'security-mode:2525')).toBe(false);
  });

  test('never offers 2525 as a port to choose: its security is the vendor’s choice, so it could also be right', () => {
    for (const q of all.filter((x) => x.topic === 'protocol-to-port')) expect(labels(q), q.id).not.toContain('2525');
  });

  test('a fact question’s feedback adds the port’s role and security mode from the data', () => {
    expect(byId('myth-or-fact:fact:443').explanation).toBe('Port 443. Role: Web (HTTP). Security: HTTPS.');
    expect(byId('myth-or-fact:fact:25').explanation).toBe(
      'Port 25. Role: Relay (server to server). Security: STARTTLS (Opportunistic: a public MX must not require TLS).',
    );
    expect(byId('myth-or-fact:fact:587').explanation).toBe(
      'Port 587. Role: Submission (program to server). Security: STARTTLS (Login before TLS: refused by a well-configured server).',
    );
    expect(byId('myth-or-fact:fact:995').explanation).toBe('Port 995. Role: Mailbox access. Security: Implicit TLS.');
  });
});

describe('pinned questions', () => {
  test('port 993 is used for IMAP with implicit TLS', () => {
    const q = byId('port-to-protocol:993');
    expect(q.prompt).toContain('993');
    expect(answerLabel(q)).toContain('IMAP');
    expect(answerLabel(q)).toContain('Implicit TLS');
    expect(answerLabel(q)).toBe('IMAP (Implicit TLS)');
    expect(q.options).toHaveLength(4);
    expect(q.source).toEqual({ label: 'RFC 8314 §3.2', href: 'https://www.rfc-editor.org/rfc/rfc8314#section-3.2' });
  });

  test('port 443 names both Exchange and JMAP', () => {
    expect(answerLabel(byId('port-to-protocol:443'))).toBe('Exchange / JMAP (HTTPS)');
  });

  test('submission with STARTTLS answers 587', () => {
    const q = byId('protocol-to-port:smtp-submission:starttls');
    expect(q.prompt).toContain('SMTP submission');
    expect(q.prompt).toContain('“STARTTLS”');
    expect(answerLabel(q)).toBe('587');
    expect(q.source.label).toBe('RFC 6409 §3.1');
  });

  test('submission with implicit TLS answers 465, POP3 995 and IMAP 143 with STARTTLS', () => {
    expect(answerLabel(byId('protocol-to-port:smtp-submission:implicit-tls'))).toBe('465');
    expect(answerLabel(byId('protocol-to-port:pop3:implicit-tls'))).toBe('995');
    expect(answerLabel(byId('protocol-to-port:imap:starttls'))).toBe('143');
  });

  test('JMAP over HTTPS answers 443 and cites RFC 8620, not the Exchange docs', () => {
    const q = byId('protocol-to-port:jmap:https');
    expect(answerLabel(q)).toBe('443');
    expect(q.source.label).toBe('RFC 8620 §2');
  });

  test('asks one protocol-to-port question per STARTTLS protocol, whatever the server’s login policy', () => {
    expect(all.filter((q) => q.topic === 'protocol-to-port' && q.id.endsWith(':starttls')).map((q) => q.id)).toEqual([
      'protocol-to-port:smtp-relay:starttls',
      'protocol-to-port:smtp-submission:starttls',
      'protocol-to-port:pop3:starttls',
      'protocol-to-port:imap:starttls',
    ]);
  });

  test('a connection on 465 is protected by implicit TLS', () => {
    const q = byId('security-mode:465');
    expect(q.answer).toBe('implicit-tls');
    expect(answerLabel(q)).toBe('Implicit TLS');
    expect(q.options).toHaveLength(4);
    expect(q.source.label).toBe('RFC 8314 §3.3');
  });

  test('port 80 offers HTTPS as a distractor and answers Plaintext', () => {
    const q = byId('security-mode:80');
    expect(answerLabel(q)).toBe('Plaintext');
    expect(labels(q)).toContain('HTTPS');
  });

  test('2525 as a standard SMTP port is a myth, corrected from the IANA registry', () => {
    const q = byId('myth-or-fact:myth:2525');
    expect(q.prompt).toContain('2525 is a standard SMTP port.');
    expect(q.options).toEqual([
      { id: 'myth', label: 'Myth' },
      { id: 'fact', label: 'Fact' },
    ]);
    expect(answerLabel(q)).toBe('Myth');
    expect(q.explanation).toContain('ms-v-worlds');
    expect(q.source).toEqual({
      label: 'IANA port registry, port 2525',
      href: 'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=2525',
    });
  });

  test('port 995 carrying POP3 over TLS is a fact', () => {
    const q = byId('myth-or-fact:fact:995');
    expect(q.prompt).toContain('POP3 over TLS from the first byte.');
    expect(answerLabel(q)).toBe('Fact');
  });
});

describe('pickQuestions', () => {
  const ids = (qs: QuizQuestion[]) => qs.map((q) => q.id);

  test('gives the same quiz, option order included, for the same seed', () => {
    expect(pickQuestions({ count: 10, seed: 42 })).toEqual(pickQuestions({ count: 10, seed: 42 }));
  });

  test('gives a different quiz for a different seed', () => {
    expect(ids(pickQuestions({ count: 10, seed: 1 }))).not.toEqual(ids(pickQuestions({ count: 10, seed: 2 })));
  });

  test('shuffles option order under the seed', () => {
    const orders = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
        pickQuestions({ count: 1, topics: ['security-mode'], seed: seed })
          .map((q) => `${q.id}:${q.options.map((o) => o.id).join(',')}`)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  test.each([1, 5, 12, 49])('returns exactly %i questions', (count) => {
    expect(pickQuestions({ count, seed: 7 })).toHaveLength(count);
  });

  test('returns the whole pool, once each, when count exceeds it', () => {
    const qs = pickQuestions({ count: 100, topics: ['security-mode'], seed: 3 });
    expect(qs).toHaveLength(9);
    expect(new Set(ids(qs)).size).toBe(9);
  });

  test('never repeats a question', () => {
    for (const seed of [0, 1, 99, 123456]) {
      const qs = pickQuestions({ count: 64, seed });
      expect(new Set(ids(qs)).size).toBe(64);
    }
  });

  test('picks situations only when asked for them, answers intact', () => {
    const qs = pickQuestions({ count: 10, topics: ['situation'], seed: 4 });
    expect(qs).toHaveLength(6);
    expect(new Set(qs.map((q) => q.topic))).toEqual(new Set(['situation']));
    expect(qs.map(answerLabel).sort()).toEqual([
      'ActiveSync on port 443 (HTTPS)',
      'IMAP on port 143 or 993',
      'MAPI over HTTP on port 443 (HTTPS)',
      'Microsoft Graph on port 443 (HTTPS)',
      'SMTP relay on port 25',
      'SMTP submission on port 587 or 465',
    ]);
  });

  test('keeps to the chosen topics', () => {
    const qs = pickQuestions({ count: 20, topics: ['port-to-protocol', 'protocol-to-port'], seed: 11 });
    expect(qs).toHaveLength(16);
    expect(new Set(qs.map((q) => q.topic))).toEqual(new Set(['port-to-protocol', 'protocol-to-port']));
  });

  test('keeps the answer pointing at the right option after shuffling', () => {
    const q = pickQuestions({ count: all.length, seed: 5 }).find((x) => x.id === 'port-to-protocol:993');
    expect(q && answerLabel(q)).toBe('IMAP (Implicit TLS)');
  });

  test('does not let a caller change later quizzes by mutating one', () => {
    const first = pickQuestions({ count: 1, seed: 9 });
    first[0]!.options[0]!.label = 'changed';
    expect(pickQuestions({ count: 1, seed: 9 })[0]!.options[0]!.label).not.toBe('changed');
  });

  test('gives an empty quiz for a count of 0', () => {
    expect(pickQuestions({ count: 0, seed: 1 })).toEqual([]);
  });

  test.each([-1, Number.NaN, 1.5, Number.POSITIVE_INFINITY])('throws a RangeError for count %s', (count) => {
    expect(() => pickQuestions({ count, seed: 1 })).toThrow(RangeError);
    expect(() => pickQuestions({ count, seed: 1 })).toThrow(/count/);
  });

  test('throws a RangeError for an unknown topic', () => {
    const topics = ['ports'] as unknown as QuizTopic[];
    expect(() => pickQuestions({ count: 3, topics, seed: 1 })).toThrow(RangeError);
    expect(() => pickQuestions({ count: 3, topics, seed: 1 })).toThrow(/unknown quiz topic "ports"/);
  });

  test('throws a RangeError for an empty topic list or a non-finite seed', () => {
    expect(() => pickQuestions({ count: 3, topics: [], seed: 1 })).toThrow(RangeError);
    expect(() => pickQuestions({ count: 3, seed: Number.NaN })).toThrow(RangeError);
  });
});

// Situations: every answer is checked against the port and comparison facts directly, never against the generator.
describe('situations', () => {
  /** The port numbers a label names, e.g. [587, 465] for "SMTP submission on port 587 or 465". */
  const portsIn = (label: string): number[] => (label.match(/\d+/g) ?? []).map(Number);
  const wrong = (q: QuizQuestion) => q.options.filter((o) => o.id !== q.answer);
  const cell = (feature: FeatureId, id: ProtocolId) => facts.features.find((f) => f.id === feature)!.cells[id]!;

  test('asks exactly these situations, in the data file’s order', () => {
    expect(all.filter((q) => q.topic === 'situation').map((q) => q.id)).toEqual([
      'situation:port-25-blocked',
      'situation:phone-and-laptop',
      'situation:outlook-exchange-online',
      'situation:server-to-mx',
      'situation:new-app-exchange-online',
      'situation:phone-exchange-account',
    ]);
  });

  test('port 25 blocked: the answer is exactly the registered submission ports, and no wrong answer is one', () => {
    const q = byId('situation:port-25-blocked');
    expect(q.prompt).toContain('port 25');
    expect(answerLabel(q)).toBe('SMTP submission on port 587 or 465');
    const submission = facts.ports.filter((p) => p.role === 'submission' && p.ianaRegisteredForRole).map((p) => p.port);
    expect(portsIn(answerLabel(q)!).sort()).toEqual([...submission].sort());
    expect(submission.sort()).toEqual([465, 587]);
    for (const o of wrong(q)) {
      const named = portsIn(o.label);
      expect(named.length, o.label).toBeGreaterThan(0);
      for (const n of named) expect(portFact(n)?.role, `${o.label}: port ${n}`).not.toBe('submission');
    }
    expect(q.options.some((o) => o.label.includes('2525'))).toBe(false);
    expect(q.source).toEqual({ label: 'RFC 6409 §1', href: 'https://www.rfc-editor.org/rfc/rfc6409#section-1' });
  });

  test('phone and laptop: IMAP is the only option whose flags and folders cells say yes', () => {
    const q = byId('situation:phone-and-laptop');
    expect(answerLabel(q)).toBe('IMAP on port 143 or 993');
    expect(labels(q)).toEqual(['IMAP on port 143 or 993', 'POP3 on port 110 or 995', 'SMTP submission on port 587 or 465']);
    const protocolOf = (optionId: string) => optionId.replace(/^protocol-/, '') as ProtocolId;
    for (const f of ['flagsSynced', 'serverFolders'] as const) {
      expect(cell(f, protocolOf(q.answer)).support, f).toBe('yes');
      for (const o of wrong(q)) expect(cell(f, protocolOf(o.id)).support, `${f} ${o.id}`).not.toBe('yes');
    }
  });

  test('classic Outlook and Exchange Online: MAPI over HTTP on 443, an HTTPS port that serves Exchange', () => {
    const q = byId('situation:outlook-exchange-online');
    expect(q.prompt).toMatch(/^Classic Outlook for Windows /);
    expect(q.explanation).toMatch(/new Outlook for Windows does not use MAPI/);
    expect(answerLabel(q)).toBe('MAPI over HTTP on port 443 (HTTPS)');
    const p = portFact(portsIn(answerLabel(q)!)[0]!)!;
    expect(p.port).toBe(443);
    expect(p.security).toBe('https');
    expect(p.protocols).toContain('exchange');
    expect(p.description).toContain('MAPI over HTTP');
    expect(labels(q)).toEqual(['IMAP and SMTP, like any other mail account', 'MAPI over HTTP on port 443 (HTTPS)', 'RPC over TCP on port 135']);
    // The one literal label names a port the data file has no entry for.
    expect(portFact(135)).toBeUndefined();
    expect(q.source.href).toBe('https://learn.microsoft.com/en-us/exchange/plan-and-deploy/deployment-ref/network-ports');
  });

  test('server to MX: SMTP relay on 25, the only registered relay port', () => {
    const q = byId('situation:server-to-mx');
    expect(answerLabel(q)).toBe('SMTP relay on port 25');
    expect(facts.ports.filter((p) => p.role === 'relay').map((p) => p.port)).toEqual([25]);
    for (const o of wrong(q)) for (const n of portsIn(o.label)) expect(portFact(n)?.role).not.toBe('relay');
  });

  test('every situation explains its answer and cites its first source', () => {
    for (const s of facts.situations) {
      const q = byId(`situation:${s.id}`);
      expect(q.prompt).toBe(s.prompt);
      expect(q.explanation).toBe(s.explanation);
      expect(s.sources.length).toBeGreaterThan(0);
    }
  });

  describe('situationQuestion refuses data it cannot answer from', () => {
    const base = { id: 'test', prompt: 'A test situation?', explanation: 'A test explanation.', lessons: ['ports' as const], sources: facts.situations[0]!.sources, lastVerified: '2026-11-21' };
    const situation = (s: Pick<Situation, 'answer' | 'distractors'>): Situation => ({ ...base, ...s });

    test('two protocols saying yes', () => {
      const s = situation({ answer: { kind: 'feature', features: ['flagsSynced'], among: ['imap', 'jmap'] } });
      expect(() => situationQuestion(s)).toThrow(/exactly one of imap, jmap.*found imap, jmap/);
    });

    test('no protocol saying yes', () => {
      const s = situation({ answer: { kind: 'feature', features: ['serverFolders'], among: ['pop3', 'smtp-relay'] } });
      expect(() => situationQuestion(s)).toThrow(/found none/);
    });

    test('a port the data file does not list, or a use its description does not name', () => {
      expect(() => situationQuestion(situation({ answer: { kind: 'port', port: 135 }, distractors: [{ kind: 'protocol', protocol: 'imap' }] }))).toThrow(/135/);
      expect(() =>
        situationQuestion(situation({ answer: { kind: 'port', port: 993, via: 'MAPI over HTTP' }, distractors: [{ kind: 'protocol', protocol: 'pop3' }] })),
      ).toThrow(/does not name MAPI over HTTP/);
    });

    test('the same option twice (the submission role and the submission protocol read alike)', () => {
      const s = situation({ answer: { kind: 'role', role: 'submission' }, distractors: [{ kind: 'protocol', protocol: 'smtp-submission' }] });
      expect(() => situationQuestion(s)).toThrow(/same option twice/);
    });

    test('fewer than two options', () => {
      expect(() => situationQuestion(situation({ answer: { kind: 'role', role: 'relay' } }))).toThrow(/1 options/);
    });
  });
});

describe('general myths', () => {
  test('asks each myth tied to no port as a myth, with its correction and first source', () => {
    const expected: [string, string, string][] = [
      ['pop3-deletes', 'POP3 always deletes mail from the server.', 'RFC 1939 §6'],
      ['starttls-unencrypted', 'STARTTLS means the connection is not encrypted.', 'RFC 3207 §4'],
      ['imap-delete-immediate', 'Deleting a message in IMAP removes it from the server at once.', 'RFC 3501 §6.4.3'],
      ['imap-push', 'IMAP pushes new mail to your mail program by itself.', 'RFC 2177 §3'],
      ['smtp-receives', 'Your mail program uses SMTP to receive mail as well as to send it.', 'RFC 6409 §2.1'],
      ['pop3-many-devices', 'POP3 works as well as IMAP when several devices read one mailbox.', 'RFC 1939 §4'],
      ['imap-no-download', 'IMAP does not download your mail; only POP3 does.', 'RFC 3501 §6.4.5'],
      ['ssl-protects', 'Mail programs protect your connection with SSL.', 'RFC 7568 §3'],
      ['headers-route', 'The To: and From: lines of a message decide where it goes.', 'RFC 5321 §2.3.1'],
      ['pc-to-pc', 'An email goes straight from the sender’s computer to the recipient’s computer.', 'RFC 5321 §2.3.3'],
      ['reply-text-standard', 'The words after an SMTP reply code, such as “Ok”, are part of the standard.', 'RFC 5321 §4.2'],
      ['vrfy-verifies', 'The SMTP command VRFY tells you whether an address exists.', 'RFC 5321 §3.5.3'],
      ['any-line-length', 'A line in an email can be as long as you like.', 'RFC 5321 §4.5.3.1.6'],
      ['imap4rev1-current', 'IMAP4rev1 (RFC 3501) is the current version of IMAP.', 'RFC 9051 Appendix E'],
      ['mx-ip-or-port', 'An MX record can point to an IP address, or name a port.', 'RFC 5321 §5.1'],
      ['accepted-means-delivered', 'A 250 reply after DATA means the message was delivered.', 'RFC 5321 §4.2.5'],
      ['exchange-all-ports', 'Every IMAP, POP3 and SMTP port works with Exchange.', 'POP3 and IMAP4 in Exchange Server'],
      ['exchange-online-password', 'A mail program can still log in to Exchange Online over IMAP or POP3 with a user name and password.', 'Deprecation of Basic authentication in Exchange Online'],
      ['exchange-online-no-imap', 'Exchange Online has switched IMAP and POP3 off.', 'POP3 and IMAP4 in Exchange Online'],
      ['ews-for-new-apps', 'Exchange Web Services is the API to build a new app for Exchange Online.', 'Use the Outlook mail REST API'],
    ];
    for (const [id, myth, source] of expected) {
      const q = byId(`myth-or-fact:myth:${id}`);
      expect(q.topic).toBe('myth-or-fact');
      expect(q.prompt).toBe(`Myth or fact? ${myth}`);
      expect(q.options).toEqual([
        { id: 'myth', label: 'Myth' },
        { id: 'fact', label: 'Fact' },
      ]);
      expect(answerLabel(q)).toBe('Myth');
      expect(q.source.label).toBe(source);
    }
    expect(facts.myths.map((m) => m.id)).toEqual(expected.map(([id]) => id));
  });

  test('every general myth has sources, each RFC with a section', () => {
    for (const m of facts.myths) {
      expect(m.sources.length, m.id).toBeGreaterThan(0);
      for (const s of m.sources) if (s.kind === 'rfc') expect(s.section, `${m.id} RFC ${s.rfc}`).toBeDefined();
    }
  });

  test('the corrections say what the RFCs say: DELE then QUIT, TLS after STARTTLS, EXPUNGE, IDLE', () => {
    expect(byId('myth-or-fact:myth:pop3-deletes').explanation).toMatch(/DELE.*QUIT/);
    expect(byId('myth-or-fact:myth:starttls-unencrypted').explanation).toMatch(/TLS handshake/);
    expect(byId('myth-or-fact:myth:imap-delete-immediate').explanation).toMatch(/EXPUNGE/);
    expect(byId('myth-or-fact:myth:imap-push').explanation).toMatch(/IDLE/);
  });

  // Issue 9, correction 8: RFC 3501 §5.3, IMAP4rev2 and MOVE; JMAP submits without SMTP.
  test('the IMAP push correction names updates outside a command, IDLE in IMAP4rev2, and polling', () => {
    const text = byId('myth-or-fact:myth:imap-push').explanation;
    expect(text).toMatch(/no command is in progress \(RFC 3501 §5\.3\)/);
    expect(text).toMatch(/IMAP4rev2 \(RFC 9051\)/);
    expect(text).toMatch(/NOOP/);
  });

  test('the IMAP delete correction names \\Deleted with EXPUNGE or CLOSE, and MOVE to Trash from RFC 6851 in IMAP4rev2', () => {
    const text = byId('myth-or-fact:myth:imap-delete-immediate').explanation;
    expect(text).toMatch(/\\Deleted.*EXPUNGE or CLOSE/);
    expect(text).toMatch(/MOVE a deleted message to the Trash folder \(RFC 6851, part of IMAP4rev2\)/);
  });

  test('the SMTP-receives correction says a JMAP client submits over HTTPS with EmailSubmission', () => {
    expect(byId('myth-or-fact:myth:smtp-receives').explanation).toMatch(/JMAP client can even submit over HTTPS instead, with EmailSubmission/);
    expect(facts.myths.find((m) => m.id === 'smtp-receives')!.sources).toContainEqual({ kind: 'rfc', rfc: 8621, section: '7' });
  });

  test('agree with the comparison table', () => {
    const cell = (feature: FeatureId, id: ProtocolId) => facts.features.find((f) => f.id === feature)!.cells[id]!.support;
    // POP3 keeps mail until DELE and QUIT: partly, not never. IMAP pushes only with IDLE. POP3 on several devices: partly.
    expect(cell('staysOnServer', 'pop3')).toBe('partial');
    expect(cell('push', 'imap')).toBe('partial');
    expect(cell('multiDevice', 'pop3')).toBe('partial');
    expect(cell('flagsSynced', 'pop3')).toBe('no');
  });
});

/**
 * Every port question read back against the data file: its answer is what the data says, and no other option
 * would also be right by the data (the "ambiguous option" check). Option ids name ports (`port-993`) or security
 * modes, so each option can be looked up independently of its label.
 */
describe('every port question agrees with the data file, with one defensible answer', () => {
  const portOf = (optionId: string) => {
    const p = portFact(Number(optionId.replace(/^port-/, '')));
    if (!p) throw new Error(`option ${optionId} names no port in the data file`);
    return p;
  };
  const byTopic = (topic: QuizTopic) => all.filter((q) => q.topic === topic);

  test.each(byTopic('port-to-protocol').map((q) => [q.id, q] as const))('%s', (_id, q) => {
    const asked = Number(/Port (\d+) /.exec(q.prompt)?.[1]);
    expect(q.answer).toBe(`port-${asked}`);
    const answer = portOf(q.answer);
    for (const o of q.options.filter((x) => x.id !== q.answer)) {
      const other = portOf(o.id);
      // Same protocols and same security would describe the asked port just as well.
      const same = other.security === answer.security && other.protocols.join() === answer.protocols.join();
      expect(same, `${o.label} describes port ${asked} too`).toBe(false);
    }
  });

  test.each(byTopic('protocol-to-port').map((q) => [q.id, q] as const))('%s', (id, q) => {
    const [, protocol, mode] = id.split(':') as [string, ProtocolId, string];
    const fits = (optionId: string) => {
      const p = portOf(optionId);
      return p.protocols.includes(protocol) && p.security === mode;
    };
    expect(fits(q.answer)).toBe(true);
    expect(q.options.filter((o) => fits(o.id)).map((o) => o.label)).toEqual([answerLabel(q)]);
  });

  test.each(byTopic('security-mode').map((q) => [q.id, q] as const))('%s', (_id, q) => {
    const asked = portFact(Number(/port (\d+) /.exec(q.prompt)?.[1]));
    expect(asked?.ianaRegisteredForRole).toBe(true);
    expect(q.answer).toBe(asked?.security);
    expect(new Set(q.options.map((o) => o.id)).size).toBe(4);
  });

  test('myth-or-fact: each port’s myth is its misconception, each fact its description, and both cite the data’s sources', () => {
    for (const p of facts.ports) {
      const myth = byId(`myth-or-fact:myth:${p.port}`);
      expect(myth.prompt).toBe(`Myth or fact? ${p.misconception.myth}`);
      expect(myth.answer).toBe('myth');
      expect(myth.explanation).toBe(p.misconception.correction);
      const fact = byId(`myth-or-fact:fact:${p.port}`);
      expect(fact.prompt).toBe(`Myth or fact? Port ${p.port}: ${p.description}`);
      expect(fact.answer).toBe('fact');
    }
  });
});

describe('general myths asked both ways', () => {
  test('“Fact” is right as often as “Myth”', () => {
    const answers = all.filter((q) => q.topic === 'myth-or-fact').map((q) => q.answer);
    expect(answers.filter((a) => a === 'fact')).toHaveLength(30);
    expect(answers.filter((a) => a === 'myth')).toHaveLength(30);
  });

  test('the fact is the correction’s first sentence, a whole statement on its own', () => {
    // Issue 9, correction 1: the fact names the server's own policy beside what the protocol deletes.
    expect(byId('myth-or-fact:fact:pop3-deletes').prompt).toBe(
      'Myth or fact? The POP3 protocol deletes only the messages a client marks with DELE, when the session ends with QUIT, but a server may also delete mail by its own policy and announce it with EXPIRE.',
    );
    expect(byId('myth-or-fact:fact:imap-delete-immediate').prompt).toBe(
      'Myth or fact? In IMAP, a message marked \\Deleted stays on the server until the client sends EXPUNGE or CLOSE, and until then the flag can be cleared again.',
    );
    for (const m of facts.myths) {
      const q = byId(`myth-or-fact:fact:${m.id}`);
      expect(q.answer).toBe('fact');
      expect(m.correction.startsWith(q.prompt.replace('Myth or fact? ', ''))).toBe(true);
      expect(q.prompt).toMatch(/\.$/);
      expect(q.explanation).toContain(`“${m.myth}”`);
    }
  });
});
