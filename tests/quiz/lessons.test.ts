/**
 * The quiz for the course (issue 9): every question's lessons, the new topics `reply` and `reply-class`, and the
 * rules that keep a defensible answer from being marked wrong. Expected values are written out by hand from the
 * data file, the engine's catalogues and ../shared/reference/email-protocols.md.
 */
import { describe, expect, test } from 'vitest';
import { facts, lessonIds, portFact } from '../../src/data/index.ts';
import { allQuestions, lessonQuestions, quizTopics } from '../../src/quiz/questions.ts';
import type { QuizQuestion } from '../../src/quiz/questions.ts';
import { quizTopicLabels } from '../../src/quiz/types.ts';

const all = allQuestions();
const byId = (id: string): QuizQuestion => {
  const q = all.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const answerLabel = (q: QuizQuestion): string | undefined => q.options.find((o) => o.id === q.answer)?.label;
const wrongLabels = (q: QuizQuestion): string[] => q.options.filter((o) => o.id !== q.answer).map((o) => o.label);

describe('lessons of every question', () => {
  test('every question names at least one known lesson, each once', () => {
    for (const q of all) {
      expect(q.lessons.length, q.id).toBeGreaterThan(0);
      expect(new Set(q.lessons).size, q.id).toBe(q.lessons.length);
      for (const l of q.lessons) expect(lessonIds, q.id).toContain(l);
    }
  });

  test('every lesson but exchange has at least four questions', () => {
    for (const lesson of lessonIds.filter((l) => l !== 'exchange')) expect(lessonQuestions(lesson).length, lesson).toBeGreaterThanOrEqual(4);
  });

  test('port questions belong to the port’s protocol lessons and to ports', () => {
    expect(byId('port-to-protocol:993').lessons).toEqual(['imap', 'ports']);
    expect(byId('security-mode:25').lessons).toEqual(['smtp', 'ports']);
    expect(byId('myth-or-fact:fact:443').lessons).toEqual(['exchange', 'ports']);
    expect(byId('protocol-to-port:pop3:starttls').lessons).toEqual(['pop3', 'ports']);
    // JMAP has no lesson of its own yet.
    expect(byId('protocol-to-port:jmap:https').lessons).toEqual(['ports']);
  });

  test('myths and situations take their tags from the data file', () => {
    expect(byId('myth-or-fact:myth:pop3-deletes').lessons).toEqual(['pop3', 'pop3-or-imap']);
    expect(byId('myth-or-fact:fact:headers-route').lessons).toEqual(['travel', 'smtp']);
    expect(byId('situation:server-to-mx').lessons).toEqual(['travel', 'smtp']);
    expect(byId('situation:outlook-exchange-online').lessons).toEqual(['exchange']);
  });

  test('reply questions belong to their protocol’s lesson and troubleshooting; reply classes to transcripts', () => {
    expect(byId('reply:smtp-535').lessons).toEqual(['smtp', 'troubleshooting']);
    expect(byId('reply:imap-bad').lessons).toEqual(['imap', 'troubleshooting']);
    expect(byId('reply-class:smtp:4yz').lessons).toEqual(['transcripts', 'smtp']);
    expect(byId('reply-class:imap:untagged').lessons).toEqual(['transcripts', 'imap']);
  });

  test('lessonQuestions refuses an unknown lesson', () => {
    expect(() => lessonQuestions('dns' as never)).toThrow(/unknown lesson "dns"/);
  });
});

describe('topic reply: what a real reply tells you', () => {
  test('asks one question per trouble that has a reply, in the data file’s order', () => {
    expect(all.filter((q) => q.topic === 'reply').map((q) => q.id)).toEqual(
      facts.troubles.filter((t) => t.reply !== undefined).map((t) => `reply:${t.id}`),
    );
    expect(all.some((q) => q.id === 'reply:port-25-blocked' || q.id === 'reply:certificate-warning')).toBe(false);
  });

  test('535 5.7.8: the user name or the password is wrong', () => {
    const q = byId('reply:smtp-535');
    expect(q.prompt).toBe('An SMTP server answers “535 5.7.8”. What is it telling you?');
    expect(answerLabel(q)).toBe('The user name or the password is wrong.');
    expect(q.options).toHaveLength(4);
    expect(q.source).toEqual({ label: 'RFC 4954 §6', href: 'https://www.rfc-editor.org/rfc/rfc4954#section-6' });
  });

  test('-ERR [AUTH] before STLS says TLS first, and never offers a wrong password as wrong: [AUTH] also means that', () => {
    const q = byId('reply:pop3-auth');
    expect(q.prompt).toBe('A POP3 server answers “-ERR [AUTH]” to USER on port 110, before STLS. What is it telling you?');
    expect(answerLabel(q)).toBe('The server wants an encrypted connection before it lets you log in.');
    expect(wrongLabels(q)).not.toContain('The user name or the password is wrong.');
  });

  test('the relay refusal explains that 550 and 554 are both seen', () => {
    const q = byId('reply:smtp-relay-denied');
    expect(answerLabel(q)).toBe('The server will not pass your mail on to another domain for you.');
    expect(q.explanation).toMatch(/RFC 5321 §3\.6\.2 recommends 550.*Postfix answers 554 by default/);
  });

  test('every reply question offers its cause once, never another cause its reply can mean, and only other troubles’ causes', () => {
    const causesOfTroubles = new Set(facts.troubles.map((t) => facts.causes[t.cause].label));
    for (const t of facts.troubles.filter((x) => x.reply !== undefined)) {
      const q = byId(`reply:${t.id}`);
      expect(q.answer, t.id).toBe(`cause-${t.cause}`);
      for (const id of t.alsoMeans ?? []) expect(q.options.map((o) => o.id), t.id).not.toContain(`cause-${id}`);
      for (const label of q.options.map((o) => o.label)) expect(causesOfTroubles.has(label), label).toBe(true);
      expect(q.options.length, t.id).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('topic reply-class: what a first digit, a status or a marker says', () => {
  test('asks SMTP’s four classes, POP3’s two statuses, IMAP’s three statuses and two markers', () => {
    expect(all.filter((q) => q.topic === 'reply-class').map((q) => q.id)).toEqual([
      'reply-class:smtp:2yz',
      'reply-class:smtp:3yz',
      'reply-class:smtp:4yz',
      'reply-class:smtp:5yz',
      'reply-class:pop3:ok',
      'reply-class:pop3:err',
      'reply-class:imap:ok',
      'reply-class:imap:no',
      'reply-class:imap:bad',
      'reply-class:imap:untagged',
      'reply-class:imap:continuation',
    ]);
  });

  test('an SMTP reply starting with 4 is a transient failure, against the other three classes', () => {
    const q = byId('reply-class:smtp:4yz');
    expect(q.prompt).toBe('An SMTP reply code starts with the digit 4 (4yz). What does that say?');
    expect(answerLabel(q)).toBe('Transient negative completion');
    expect(wrongLabels(q).sort()).toEqual(['Permanent negative completion', 'Positive completion', 'Positive intermediate']);
    expect(q.explanation).toMatch(/may work later/);
    expect(q.source).toEqual({ label: 'RFC 5321 §4.2.1', href: 'https://www.rfc-editor.org/rfc/rfc5321#section-4.2.1' });
  });

  test('POP3 -ERR is the negative status, cited from RFC 1939 §3', () => {
    const q = byId('reply-class:pop3:err');
    expect(answerLabel(q)).toBe('Negative status');
    expect(wrongLabels(q)).toEqual(['Positive status']);
    expect(q.source.label).toBe('RFC 1939 §3');
  });

  test('IMAP NO is an operational failure; BAD a protocol error; * untagged; + a continuation', () => {
    expect(answerLabel(byId('reply-class:imap:no'))).toBe('Operational failure');
    expect(wrongLabels(byId('reply-class:imap:no')).sort()).toEqual(['Closing the connection', 'Protocol error', 'Success']);
    expect(answerLabel(byId('reply-class:imap:bad'))).toBe('Protocol error');
    expect(answerLabel(byId('reply-class:imap:untagged'))).toBe('Untagged response');
    expect(answerLabel(byId('reply-class:imap:continuation'))).toBe('Continuation request');
    expect(byId('reply-class:imap:continuation').source.label).toBe('RFC 3501 §7.5');
  });

  test('a marker question offers no status: a “* OK” line is untagged and OK at once', () => {
    for (const id of ['reply-class:imap:untagged', 'reply-class:imap:continuation']) {
      expect(wrongLabels(byId(id)), id).not.toEqual(expect.arrayContaining(['Success']));
    }
  });
});

describe('topics', () => {
  test('include reply and reply-class, each with a label for the options table', () => {
    expect(quizTopics).toEqual(expect.arrayContaining(['reply', 'reply-class']));
    expect(quizTopicLabels.reply).toBe('What a reply tells you');
    expect(quizTopicLabels['reply-class']).toBe('Reply classes');
  });
});

describe('no defensible answer is marked wrong', () => {
  // Issue 9, correction 2: one STARTTLS mode; a question offering two STARTTLS answers would mark one wrong.
  test('no security-mode question offers two STARTTLS options, and no question two options that differ only in STARTTLS', () => {
    for (const q of all.filter((x) => x.topic === 'security-mode')) {
      expect(q.options.filter((o) => /STARTTLS/.test(o.label)).length, q.id).toBe(1);
    }
    for (const q of all) {
      const stripped = q.options.map((o) => o.label.replace(/STARTTLS[^)]*/g, 'STARTTLS'));
      expect(new Set(stripped).size, `${q.id}: ${stripped.join(' | ')}`).toBe(q.options.length);
    }
  });

  // Issue 9, correction 5. The ports Exchange really uses, written out from the reference sheet §1.1 and §5.7:
  // SMTP on 25 and 587, web on 80 and 443, POP3 and IMAP on 110, 995, 143 and 993 (on by default in Exchange Online).
  const EXCHANGE_PORTS = [25, 587, 80, 443, 110, 995, 143, 993];

  test('no question about Exchange offers a port Exchange really uses as a wrong answer', () => {
    const aboutExchange = all.filter((q) => /Exchange/.test(q.prompt) || /Exchange/.test(answerLabel(q) ?? ''));
    expect(aboutExchange.map((q) => q.id)).toEqual(expect.arrayContaining(['situation:outlook-exchange-online', 'port-to-protocol:443']));
    for (const q of aboutExchange) {
      for (const label of wrongLabels(q)) {
        for (const n of (label.match(/\d+/g) ?? []).map(Number)) expect(EXCHANGE_PORTS, `${q.id}: ${label}`).not.toContain(n);
      }
    }
  });

  test('no protocol-to-port question asks about Exchange, and none names port 80’s protocol', () => {
    expect(all.filter((q) => q.id.startsWith('protocol-to-port:exchange:'))).toEqual([]);
    expect(all.some((q) => q.id === 'port-to-protocol:80')).toBe(false);
    for (const q of all.filter((x) => x.topic === 'protocol-to-port' || x.topic === 'port-to-protocol')) {
      expect(q.options.map((o) => o.id), q.id).not.toContain('port-80');
    }
    expect(portFact(80)!.security).toBe('plaintext');
  });

  // Issue 9, correction 8: a port fact cites what its text states; port 110's says STLS, so RFC 2595 §4.
  test('a port’s fact question cites the sources of its description', () => {
    expect(byId('myth-or-fact:fact:110').source.label).toBe('RFC 2595 §4');
    for (const p of facts.ports) expect(byId(`myth-or-fact:fact:${p.port}`).source.href, String(p.port)).toMatch(/^https:\/\//);
  });
});
