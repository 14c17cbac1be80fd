import { describe, expect, test } from 'vitest';
import { ehloKeywords, ehloReply, helpReply, offersAuth } from '../../../src/protocols/smtp/capabilities.ts';

describe('ehloKeywords', () => {
  test.each([
    [{ tls: false, role: 'relay' }, ['PIPELINING', 'SIZE 10240000', 'VRFY', 'STARTTLS', 'ENHANCEDSTATUSCODES', '8BITMIME', 'LIMITS RCPTMAX=100']],
    [{ tls: true, role: 'relay' }, ['PIPELINING', 'SIZE 10240000', 'VRFY', 'ENHANCEDSTATUSCODES', '8BITMIME', 'LIMITS RCPTMAX=100']],
    [{ tls: false, role: 'submission' }, ['PIPELINING', 'SIZE 10240000', 'VRFY', 'STARTTLS', 'ENHANCEDSTATUSCODES', '8BITMIME', 'LIMITS RCPTMAX=100']],
    [{ tls: true, role: 'submission' }, ['PIPELINING', 'SIZE 10240000', 'VRFY', 'AUTH PLAIN LOGIN', 'ENHANCEDSTATUSCODES', '8BITMIME', 'LIMITS RCPTMAX=100']],
  ] as const)('offers for %o', (facts, keywords) => {
    expect(ehloKeywords(facts)).toEqual(keywords);
  });

  test('never offers what the server refuses as unimplemented', () => {
    const all = [true, false].flatMap((tls) => ehloKeywords({ tls, role: 'submission' }).concat(ehloKeywords({ tls, role: 'relay' })));
    for (const k of ['ETRN', 'DSN', 'SMTPUTF8', 'CHUNKING', 'BINARYMIME', 'EXPN']) expect(all.join(' ')).not.toContain(k);
  });

  test('offers AUTH only on submission with TLS', () => {
    expect(offersAuth({ tls: true, role: 'submission' })).toBe(true);
    expect(offersAuth({ tls: false, role: 'submission' })).toBe(false);
    expect(offersAuth({ tls: true, role: 'relay' })).toBe(false);
  });
});

describe('ehloReply', () => {
  test('names the server first and ends with a space separator', () => {
    const reply = ehloReply({ tls: true, role: 'relay' });
    expect(reply[0]).toBe('250-mail.example.test');
    expect(reply.at(-1)).toBe('250 LIMITS RCPTMAX=100');
    expect(reply.slice(0, -1).every((l) => l.startsWith('250-'))).toBe(true);
  });
});

describe('helpReply', () => {
  test.each([
    ['', { tls: false, role: 'relay' }, ['214-2.0.0 Mailwire SMTP server. Commands:', '214-2.0.0 EHLO HELO STARTTLS MAIL RCPT DATA RSET NOOP VRFY HELP QUIT', '214 2.0.0 HELP <command> shows its syntax']],
    ['rcpt', { tls: false, role: 'relay' }, ['214 2.0.0 RCPT TO:<recipient>']],
    ['AUTH', { tls: true, role: 'submission' }, ['214 2.0.0 AUTH PLAIN|LOGIN [initial-response]']],
    ['nonsense', { tls: true, role: 'submission' }, ['214-2.0.0 Mailwire SMTP server. Commands:', '214-2.0.0 EHLO HELO AUTH MAIL RCPT DATA RSET NOOP VRFY HELP QUIT', '214 2.0.0 HELP <command> shows its syntax']],
  ] as const)('HELP %j for %o', (topic, facts, reply) => {
    expect(helpReply(topic, facts)).toEqual(reply);
  });
});
