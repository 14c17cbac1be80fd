/** Predict the reply: the choices each protocol offers per command, the build's record of them, and scoring. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { simulatorData } from '../../src/components/widgets/player-kit.ts';
import { stepChoices } from '../../src/components/widgets/simulator/predict-choices.ts';
import { tally, type AskedStep } from '../../src/components/widgets/simulator/predict-score.ts';
import type { Scenario } from '../../src/scenarios/scenario.ts';
import { observedCode } from '../../src/scenarios/runner.ts';
import { imapReplyChoices } from '../../src/protocols/imap/predict.ts';
import { explainImap } from '../../src/protocols/imap/replies.ts';
import { pop3ReplyChoices } from '../../src/protocols/pop3/predict.ts';
import { smtpReplyChoices } from '../../src/protocols/smtp/predict.ts';
import { explainSmtp } from '../../src/protocols/smtp/replies.ts';
import '../../src/machines/servers.ts';

const dir = new URL('../../src/content/scenarios/', import.meta.url);
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.startsWith('exchange-'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Scenario);

describe('the replies a learner may predict, per protocol and command', () => {
  test.each([
    ['EHLO laptop.example.test', 'command', ['250', '501', '502', '550']],
    ['MAIL FROM:<alice@example.test>', 'command', ['250', '451', '503', '530', '550', '552', '553']],
    ['rcpt to:<bob@example.test>', 'command', ['250', '251', '450', '452', '503', '550', '554']],
    ['DATA', 'command', ['354', '451', '503', '530', '554']],
    ['.', 'data', ['250', '450', '451', '452', '552', '554']],
    ['AUTH PLAIN AGFsaWNl', 'command', ['235', '334', '503', '504', '530', '535']],
    ['YWxpY2U=', 'sasl', ['235', '334', '501', '535']],
    ['STARTTLS', 'command', ['220', '454', '501', '503', '554']],
    ['QUIT', 'command', ['221', '250', '421', '500']],
    ['FROB', 'command', ['250', '421', '500', '501', '502']],
  ])('SMTP %s (server expects %s): %j', (line, expects, codes) => {
    expect(smtpReplyChoices(line, expects)).toEqual(codes);
    // Every one is a code the catalogue explains.
    for (const code of codes) expect(explainSmtp(code), code).toBeDefined();
  });

  test('SMTP: a line of message text gets no reply, so there is nothing to predict', () => {
    expect(smtpReplyChoices('Subject: hello', 'data')).toBeUndefined();
  });

  test('POP3: +OK or -ERR, and a "+" challenge for AUTH and its responses', () => {
    expect(pop3ReplyChoices('USER alice', 'command')).toEqual(['+OK', '-ERR']);
    expect(pop3ReplyChoices('auth PLAIN', 'command')).toEqual(['+', '+OK', '-ERR']);
    expect(pop3ReplyChoices('AGFsaWNl', 'sasl')).toEqual(['+', '+OK', '-ERR']);
  });

  test('IMAP: OK, NO or BAD, and a "+" continuation for AUTHENTICATE, IDLE and APPEND', () => {
    expect(imapReplyChoices('a1 LOGIN alice wonderland', 'command')).toEqual(['OK', 'NO', 'BAD']);
    expect(imapReplyChoices('a3 idle', 'command')).toEqual(['+', 'OK', 'NO', 'BAD']);
    expect(imapReplyChoices('a2 AUTHENTICATE PLAIN', 'command')).toEqual(['+', 'OK', 'NO', 'BAD']);
    expect(imapReplyChoices('DONE', 'idle')).toEqual(['OK', 'NO', 'BAD']);
    for (const t of ['+', 'OK', 'NO', 'BAD']) expect(explainImap(t)).toBeDefined();
  });

  test('the real reply is always among the choices, in its place by number, even when the set lacks it', () => {
    const played = { entries: [{ kind: 'server' as const, text: '421 4.7.0 mx Error: too many errors', encrypted: false }] };
    const asked = stepChoices('smtp', ['MAIL FROM:<a@b.example>'], { expects: 'command' }, played, explainSmtp, observedCode)!;
    expect(asked.answer).toBe('421');
    expect(asked.choices.map((c) => c.token)).toEqual(['250', '421', '451', '503', '530', '550', '552', '553']);
    expect(asked.choices.find((c) => c.token === '421')).toEqual({ token: '421', title: 'Service not available', ok: false });
    expect(asked.choices.find((c) => c.token === '250')?.ok).toBe(true);
  });
});

describe('the build records the choices for every step of every scenario', () => {
  test.each(scenarios.map((s) => [s.id, s] as const))('%s', async (id, scenario) => {
    const data = (await simulatorData({ scenario: id }))!;
    const { steps, replies } = data.predict!;
    expect(steps).toHaveLength(scenario.steps.length);
    const asked = steps.filter((p): p is AskedStep => p !== null);
    // Every scenario has replies to predict, and every offered reply is named once.
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked.flatMap((p) => p.choices))).toEqual(new Set(Object.keys(replies)));
    steps.forEach((p, i) => {
      const step = scenario.steps[i]!;
      if (step.event || step.expect === '-') return expect(p, `step ${i + 1}`).toBeNull();
      expect(p, `step ${i + 1}`).not.toBeNull();
      const tokens = p!.choices;
      expect(tokens, `step ${i + 1}`).toContain(p!.answer);
      expect(new Set(tokens).size).toBe(tokens.length);
      expect(tokens.length).toBeGreaterThanOrEqual(2);
      expect(tokens.length).toBeLessThanOrEqual(8);
      // The step's own expectation agrees, where it names the final status rather than an untagged update.
      if (!step.expect.startsWith('* ')) expect(p!.answer, `step ${i + 1}`).toBe(step.expect);
      // Both outcomes are offered, and the real reply can be explained before the engine loads.
      expect(new Set(tokens.map((t) => replies[t]!.ok))).toEqual(new Set([true, false]));
      expect(data.explanations[p!.answer], `${p!.answer} recorded`).toBeDefined();
    });
  });
});

describe('scoring a run', () => {
  const steps: (AskedStep | null)[] = [
    { line: 'EHLO x', answer: '250', choices: [] },
    null,
    { line: 'MAIL FROM:<a@b>', answer: '530', choices: [] },
  ];

  test('counts the predictions made for predictable steps, and the right ones', () => {
    expect(tally({}, steps)).toEqual({ right: 0, total: 0 });
    expect(tally({ 1: '250', 3: '250' }, steps)).toEqual({ right: 1, total: 2 });
    expect(tally({ 1: '250', 2: '250', 3: '530', 9: 'OK' }, steps)).toEqual({ right: 2, total: 2 });
  });
});
