import { describe, expect, test } from 'vitest';
import { capabilities, MECHANISMS } from '../../../src/protocols/pop3/auth.ts';
import { POP3_TOKENS, REPLY, explainPop3 } from '../../../src/protocols/pop3/replies.ts';

/** Every line the reply table can produce (functions called with sample arguments). */
function replyLines(): string[] {
  return Object.values(REPLY).map((r) => (typeof r === 'function' ? (r as (a: never) => string)('1' as never) : r));
}

describe('explainPop3', () => {
  test('explains each status, response code and token the brief names', () => {
    for (const token of ['+OK', '-ERR', '[IN-USE]', '[LOGIN-DELAY]', '[SYS/TEMP]', '[SYS/PERM]', '[AUTH]', '+', '.', '..']) {
      const entry = explainPop3(token);
      expect(entry, token).toBeDefined();
      expect(entry!.rfc).toMatch(/^(RFC \d+( §[\d.]+)?|draft-[a-z-]+)$/);
      expect(entry!.text.length).toBeGreaterThan(20);
    }
  });

  test('explains every status and response code the server can send', () => {
    for (const line of replyLines()) {
      const status = /^(\+OK|-ERR|\+)/.exec(line)![1]!;
      expect(explainPop3(status), line).toBeDefined();
      const code = /^-ERR (\[[A-Z/-]+\])/.exec(line)?.[1];
      if (code) expect(explainPop3(code), line).toBeDefined();
    }
  });

  test('explains every capability keyword and SASL mechanism the server announces', () => {
    const announced = new Set<string>();
    for (const tls of [false, true]) {
      for (const user of [undefined, 'bob']) for (const cap of capabilities({ tls, tlsRequired: true, user })) announced.add(cap);
    }
    for (const cap of announced) expect(explainPop3(cap), cap).toBeDefined();
    for (const mech of MECHANISMS) expect(explainPop3(mech), mech).toBeDefined();
  });

  test('finds response codes with or without brackets and in any case', () => {
    expect(explainPop3('IN-USE')?.token).toBe('[IN-USE]');
    expect(explainPop3('[sys/temp]')?.token).toBe('[SYS/TEMP]');
    expect(explainPop3('SASL PLAIN LOGIN')?.token).toBe('SASL');
  });

  test('returns undefined for what POP3 never sends', () => {
    expect(explainPop3('250')).toBeUndefined();
    expect(explainPop3('[TRYCREATE]')).toBeUndefined();
    expect(explainPop3('')).toBeUndefined();
  });

  test('has one entry per token', () => {
    expect(new Set(POP3_TOKENS).size).toBe(POP3_TOKENS.length);
  });
});
