import { describe, expect, test } from 'vitest';
import { ciphertextOf, TLS_RECORD_OVERHEAD, wireLine } from '../../src/components/widgets/wire.ts';

const AUTH = 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=';

describe('wireLine', () => {
  test('shows plaintext lines and events as they are', () => {
    expect(wireLine({ kind: 'client', text: AUTH, encrypted: false }, 3)).toEqual({ text: AUTH, ciphertext: false });
    expect(wireLine({ kind: 'event', event: 'tls', text: 'TLS handshake' }, 4)).toEqual({ text: 'TLS handshake', ciphertext: false });
  });

  test('shows an encrypted line as a TLS application-data record in base64', () => {
    const wire = wireLine({ kind: 'client', text: AUTH, encrypted: true }, 9);
    expect(wire.ciphertext).toBe(true);
    expect(wire.text).not.toContain('AGFsaWNl');
    // 0x17 0x03 0x03: application_data, TLS 1.2 on the wire as TLS 1.3 sends it.
    expect(wire.text.startsWith('FwMD')).toBe(true);
    expect(wire.text).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  test('is as long as the line, its CRLF and the record overhead', () => {
    const bytes = AUTH.length + 2 + TLS_RECORD_OVERHEAD;
    expect(TLS_RECORD_OVERHEAD).toBe(22);
    expect(ciphertextOf(AUTH, 0)).toHaveLength(Math.ceil(bytes / 3) * 4);
    const header = Buffer.from(ciphertextOf(AUTH, 0), 'base64').subarray(0, 5);
    expect([...header]).toEqual([23, 3, 3, 0, AUTH.length + 2 + 17]);
  });

  test('is deterministic per line and position, and differs between positions', () => {
    expect(ciphertextOf('QUIT', 5)).toBe(ciphertextOf('QUIT', 5));
    expect(ciphertextOf('QUIT', 5)).not.toBe(ciphertextOf('QUIT', 6));
    expect(ciphertextOf('QUIT', 5)).not.toBe(ciphertextOf('NOOP', 5));
  });

  test('never equals the plaintext, even for an empty line', () => {
    for (const line of ['', '.', 'QUIT', 'FwMDAAAA', 'x'.repeat(300)]) {
      expect(ciphertextOf(line, 1)).not.toBe(line);
      expect(ciphertextOf(line, 1).length).toBeGreaterThan(line.length);
    }
  });
});
