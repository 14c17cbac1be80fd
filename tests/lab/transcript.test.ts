import { describe, expect, test } from 'vitest';
import { formatEntries, formatEvent, formatLine, printable, sessionTag } from '../../src/lab/transcript.ts';

describe('lab transcript', () => {
  test('tags lines with the port and session id', () => {
    expect(sessionTag(10587, 's3')).toBe('[10587 s3]');
  });

  test.each([
    ['client', false, 'EHLO laptop', '[10587 s3] C: EHLO laptop'],
    ['server', false, '250-mail.example.test', '[10587 s3] S: 250-mail.example.test'],
    ['client', true, 'AUTH PLAIN AGFsaWNl', '[10587 s3] C*: AUTH PLAIN AGFsaWNl'],
    ['server', true, '235 2.7.0 Authentication successful', '[10587 s3] S*: 235 2.7.0 Authentication successful'],
  ] as const)('formats a %s line (encrypted %s)', (who, encrypted, text, expected) => {
    expect(formatLine('[10587 s3]', who, text, encrypted)).toBe(expected);
  });

  test('formats events', () => {
    expect(formatEvent('[10587 s3]', 'TLS handshake (TLSv1.3)')).toBe('[10587 s3] -- TLS handshake (TLSv1.3) --');
  });

  test('shows UTF-8 decoded, other high octets and control characters escaped', () => {
    expect(printable('Subject: caf\u00c3\u00a9')).toBe('Subject: café');
    expect(printable('caf\u00e9')).toBe('caf\\xe9');
    expect(printable('a\x1b[31mred\x00\r')).toBe('a\\x1b[31mred\\x00\\x0d');
    expect(printable('tab\there')).toBe('tab\there');
  });

  test('shortens very long lines and says how long they were', () => {
    const out = printable('z'.repeat(5000));
    expect(out).toBe(`${'z'.repeat(400)} [… 4,600 more octets]`);
  });

  test('leaves out the session events the lab logs itself', () => {
    expect(
      formatEntries('[10110 s1]', [
        { kind: 'client', text: 'STLS', encrypted: false },
        { kind: 'server', text: '+OK Begin TLS negotiation now.', encrypted: false },
        { kind: 'event', event: 'tls', text: 'TLS handshake' },
      ]),
    ).toEqual(['[10110 s1] C: STLS', '[10110 s1] S: +OK Begin TLS negotiation now.']);
  });
});
