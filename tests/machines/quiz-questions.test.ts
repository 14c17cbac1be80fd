import { describe, expect, test } from 'vitest';
import { allQuestions, pickQuestions } from '../../src/machines/quiz-questions.ts';
import type { QuizQuestion, QuizTopic } from '../../src/machines/quiz-questions.ts';

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
    // 10 ports, 9 registered for their role (not 2525); 10 (protocol, mode) pairs with one registered port.
    expect(count('port-to-protocol')).toBe(9);
    expect(count('protocol-to-port')).toBe(10);
    expect(count('security-mode')).toBe(10);
    expect(count('myth-or-fact')).toBe(20);
    expect(all).toHaveLength(49);
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

  test('asks no port-to-protocol question about 2525, which IANA registers to ms-v-worlds', () => {
    expect(all.some((q) => q.id === 'port-to-protocol:2525')).toBe(false);
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
    const q = byId('protocol-to-port:smtp-submission:starttls-required');
    expect(q.prompt).toContain('SMTP submission');
    expect(q.prompt).toContain('STARTTLS, required');
    expect(answerLabel(q)).toBe('587');
    expect(q.source.label).toBe('RFC 6409 §3.1');
  });

  test('submission with implicit TLS answers 465, POP3 995 and IMAP 143 with STARTTLS', () => {
    expect(answerLabel(byId('protocol-to-port:smtp-submission:implicit-tls'))).toBe('465');
    expect(answerLabel(byId('protocol-to-port:pop3:implicit-tls'))).toBe('995');
    expect(answerLabel(byId('protocol-to-port:imap:starttls-required'))).toBe('143');
  });

  test('JMAP over HTTPS answers 443 and cites RFC 8620, not the Exchange docs', () => {
    const q = byId('protocol-to-port:jmap:https');
    expect(answerLabel(q)).toBe('443');
    expect(q.source.label).toBe('RFC 8620 §2');
  });

  test('asks no protocol-to-port question for submission with opportunistic STARTTLS (only 2525, unregistered)', () => {
    expect(all.some((q) => q.id === 'protocol-to-port:smtp-submission:starttls-opportunistic')).toBe(false);
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
    expect(qs).toHaveLength(10);
    expect(new Set(ids(qs)).size).toBe(10);
  });

  test('never repeats a question', () => {
    for (const seed of [0, 1, 99, 123456]) {
      const qs = pickQuestions({ count: 49, seed });
      expect(new Set(ids(qs)).size).toBe(49);
    }
  });

  test('keeps to the chosen topics', () => {
    const qs = pickQuestions({ count: 20, topics: ['port-to-protocol', 'protocol-to-port'], seed: 11 });
    expect(qs).toHaveLength(19);
    expect(new Set(qs.map((q) => q.topic))).toEqual(new Set(['port-to-protocol', 'protocol-to-port']));
  });

  test('keeps the answer pointing at the right option after shuffling', () => {
    const q = pickQuestions({ count: 49, seed: 5 }).find((x) => x.id === 'port-to-protocol:993');
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
