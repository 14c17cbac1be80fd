import { describe, expect, test } from 'vitest';
import { ehloReply, helpReply } from '../../../src/protocols/smtp/capabilities.ts';
import { parseReplyLine } from '../../../src/protocols/smtp/format.ts';
import { explainSmtp, queued, relayDenied, SMTP, unsupportedOption, userUnknown } from '../../../src/protocols/smtp/replies.ts';
import { replyProblems } from './helpers.ts';

/** Every reply line the server can send: the fixed ones, the built ones, EHLO and HELP in each variant. */
const EMITTED = [
  ...Object.values(SMTP),
  queued('7E7AD1800F8'),
  relayDenied('a@elsewhere.example'),
  userUnknown('x@example.test'),
  unsupportedOption('X=1'),
  ...[true, false].flatMap((tls) => (['relay', 'submission'] as const).flatMap((role) => [...ehloReply({ tls, role }), ...helpReply('', { tls, role }), ...helpReply('MAIL', { tls, role })])),
];

describe('SMTP replies', () => {
  test.each(EMITTED)('%j is a well-formed reply line', (l) => {
    expect(replyProblems([l.replace(/^(\d{3})-/, '$1 ')])).toEqual([]);
  });

  // 354 has none either, as in the live Postfix captures (sheet Appendix A).
  test('carry an enhanced status code on every line except the greeting, EHLO/HELO, 354 and SASL challenges', () => {
    const without = EMITTED.filter((l) => !parseReplyLine(l)!.enhanced);
    expect(without.filter((l) => !/^(220 mail|250[ -]|334 |354 )/.test(l))).toEqual([]);
  });
});

describe('explainSmtp', () => {
  test.each(EMITTED)('explains the codes of %j', (l) => {
    const { code, enhanced } = parseReplyLine(l)!;
    expect(explainSmtp(String(code))?.token).toBe(String(code));
    if (enhanced) expect(explainSmtp(enhanced)?.token).toBe(enhanced);
  });

  test('explains every code of RFC 5321 §4.2.3 and every first digit', () => {
    const codes = ['211', '214', '220', '221', '250', '251', '252', '354', '421', '450', '451', '452', '455', '500', '501', '502', '503', '504', '550', '551', '552', '553', '554', '555'];
    for (const t of [...codes, '2yz', '3yz', '4yz', '5yz', '4xx', 'x0z', 'x5z']) expect(explainSmtp(t), t).toBeDefined();
  });

  test('explains the RFC 4954 §6 authentication codes', () => {
    for (const t of ['235', '334', '432', '454', '530', '534', '535', '538', '4.7.0', '4.7.12', '5.7.8', '5.7.9', '5.7.11', '5.5.6', '5.7.0']) {
      expect(explainSmtp(t), t).toBeDefined();
    }
  });

  test('explains enhanced classes, subjects and the generic X form', () => {
    expect(explainSmtp('5.X.X')).toMatchObject({ title: 'Permanent failure' });
    expect(explainSmtp('X.7.X')).toMatchObject({ title: 'Security or policy' });
    expect(explainSmtp('X.1.1')).toMatchObject({ title: 'Bad destination mailbox address' });
    expect(explainSmtp('4.5.3')).toMatchObject({ token: '4.5.3', title: 'Too many recipients', rfc: 'RFC 3463 §3.6' });
    expect(explainSmtp('4.5.3')!.text).toMatch(/^Persistent transient failure: /);
  });

  test.each(['', '600', '250x', '2.1', '9.9.9', '5.9.9', 'X.X.X', 'constructor', '__proto__', 'toString'])('has no entry for %j', (t) => {
    expect(explainSmtp(t)).toBeUndefined();
  });

  test('gives each entry a title, one or two sentences and an RFC section', () => {
    for (const t of ['250', '452', '2yz', 'x3z', '5.1.1', '2.0.0', 'X.6.0', '4.X.X', 'X.0.X']) {
      const e = explainSmtp(t)!;
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.text).toMatch(/\.$/);
      expect(e.rfc).toMatch(/^RFC \d+ §/);
    }
  });
});
