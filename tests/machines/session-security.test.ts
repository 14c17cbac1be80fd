/**
 * Issue 9, correction 2: the port facts no longer say "STARTTLS, required"; refusing a login before TLS is the
 * server's configuration. The simulated servers are configured as well-configured servers are, so they stay
 * exactly as strict as before: logins wait for TLS on 587, 110 and 143; relay on 25 stays opportunistic.
 */
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { openSession } from '../../src/machines/session.ts';
import type { LineProtocolName } from '../../src/machines/session.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

/** The server lines answering each client line, one joined string per line sent. */
function replies(protocol: LineProtocolName, port: number, lines: string[]): string[] {
  const session = openSession(new MailWorld({ seed: 1 }), protocol, port);
  expect(session.view().security).toBe('starttls');
  return lines.map((l) => session.send(l).entries.flatMap((e) => (e.kind === 'server' ? [e.text] : [])).join('\n'));
}

describe('STARTTLS ports as a well-configured server runs them', () => {
  test('587 refuses MAIL and offers no AUTH before STARTTLS (530 5.7.0), and logs in after it', () => {
    const [ehlo, mail, , ehloTls, auth] = replies('smtp', 587, ['EHLO laptop.example', 'MAIL FROM:<alice@example.test>', 'STARTTLS', 'EHLO laptop.example', 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=']);
    expect(ehlo).not.toMatch(/AUTH/);
    expect(mail).toMatch(/^530 5\.7\.0 /);
    expect(ehloTls).toMatch(/250-AUTH PLAIN LOGIN/);
    expect(auth).toMatch(/^235 2\.7\.0 /);
  });

  test('110 refuses USER before STLS with -ERR [AUTH]', () => {
    expect(replies('pop3', 110, ['USER alice'])[0]).toMatch(/^-ERR \[AUTH\] /);
  });

  test('143 refuses LOGIN before STARTTLS with NO [PRIVACYREQUIRED]', () => {
    expect(replies('imap', 143, ['a1 LOGIN alice wonderland'])[0]).toMatch(/^a1 NO \[PRIVACYREQUIRED\] /m);
  });

  test('25 offers STARTTLS but does not insist: mail for a local user is accepted in plaintext', () => {
    const [ehlo, mail, rcpt] = replies('smtp', 25, ['EHLO mx.sender.example', 'MAIL FROM:<carol@sender.example>', 'RCPT TO:<bob@example.test>']);
    expect(ehlo).toMatch(/250-STARTTLS/);
    expect(mail).toMatch(/^250 /);
    expect(rcpt).toMatch(/^250 /);
  });
});
