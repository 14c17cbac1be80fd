/**
 * One server pattern: a client line is decided once. A correct POP3 PASS, IMAP LOGIN and SMTP AUTH (PLAIN with an
 * initial response, and LOGIN in steps) each run the protocol's pure step once per line, check the credentials
 * once, and a POP3 login takes the maildrop lock once. Before the step was pulled out of the machines, a PASS
 * checked the password 3 times and took the lock 4 times (releasing it 3), and an SMTP AUTH PLAIN checked it 7
 * times (guards and action). Counted with spies, no clock.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../src/machines/servers.ts';
import { imapDriver } from '../../src/machines/imap-session.driver.ts';
import { pop3Driver } from '../../src/machines/pop3-session.driver.ts';
import { openSession, type ProtocolDriver } from '../../src/machines/session.ts';
import { smtpDriver } from '../../src/machines/smtp-session.driver.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

/** Spies on the step and the world around `send`, and gives what the lines cost. */
function count(driver: ProtocolDriver, world: MailWorld, send: () => void) {
  const decide = vi.spyOn(driver, 'decide');
  const authenticate = vi.spyOn(world, 'authenticate');
  const lock = vi.spyOn(world, 'lockMaildrop');
  const unlock = vi.spyOn(world, 'unlockMaildrop');
  send();
  return { decisions: decide.mock.calls.length, authentications: authenticate.mock.calls.length, locks: lock.mock.calls.length, unlocks: unlock.mock.calls.length };
}

afterEach(() => vi.restoreAllMocks());

describe('a correct login is decided once', () => {
  test('POP3 PASS: one decision, one password check, one lock and no release', () => {
    const world = new MailWorld();
    const session = openSession(world, 'pop3', 995);
    session.send('USER alice');
    let reply: string[] = [];
    const n = count(pop3Driver, world, () => (reply = session.send('PASS wonderland').replies));
    expect(reply).toEqual(['+OK Logged in.']);
    expect(n).toEqual({ decisions: 1, authentications: 1, locks: 1, unlocks: 0 });
    expect(world.maildropHolder('alice')).toBe(session.id);
  });

  test('POP3 AUTH PLAIN after its challenge: one decision per line, one check, one lock', () => {
    const world = new MailWorld();
    const session = openSession(world, 'pop3', 995);
    const n = count(pop3Driver, world, () => {
      session.send('AUTH PLAIN');
      expect(session.send('AGFsaWNlAHdvbmRlcmxhbmQ=').replies).toEqual(['+OK Logged in.']);
    });
    expect(n).toEqual({ decisions: 2, authentications: 1, locks: 1, unlocks: 0 });
  });

  test('POP3 QUIT after login: one decision, the lock released once', () => {
    const world = new MailWorld();
    const session = openSession(world, 'pop3', 995);
    session.send('USER alice');
    session.send('PASS wonderland');
    const n = count(pop3Driver, world, () => session.send('QUIT'));
    expect(n).toEqual({ decisions: 1, authentications: 0, locks: 0, unlocks: 1 });
    expect(world.maildropHolder('alice')).toBeUndefined();
  });

  test('IMAP LOGIN: one decision, one password check, no maildrop lock', () => {
    const world = new MailWorld();
    const session = openSession(world, 'imap', 993);
    let reply: string[] = [];
    const n = count(imapDriver, world, () => (reply = session.send('a LOGIN alice wonderland').replies));
    expect(reply.at(-1)).toMatch(/^a OK /);
    expect(n).toEqual({ decisions: 1, authentications: 1, locks: 0, unlocks: 0 });
  });

  test('SMTP AUTH PLAIN with an initial response: one decision, one password check', () => {
    const world = new MailWorld();
    const session = openSession(world, 'smtp', 465);
    session.send('EHLO client.example');
    let reply: string[] = [];
    const n = count(smtpDriver, world, () => (reply = session.send('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=').replies));
    expect(reply).toEqual(['235 2.7.0 Authentication successful']);
    expect(n).toEqual({ decisions: 1, authentications: 1, locks: 0, unlocks: 0 });
  });

  test('SMTP AUTH LOGIN in steps: one decision per line, one password check at the end', () => {
    const world = new MailWorld();
    const session = openSession(world, 'smtp', 465);
    session.send('EHLO client.example');
    const replies: string[][] = [];
    const n = count(smtpDriver, world, () => {
      for (const line of ['AUTH LOGIN', 'YWxpY2U=', 'd29uZGVybGFuZA==']) replies.push(session.send(line).replies);
    });
    expect(replies).toEqual([['334 VXNlcm5hbWU6'], ['334 UGFzc3dvcmQ6'], ['235 2.7.0 Authentication successful']]);
    expect(n).toEqual({ decisions: 3, authentications: 1, locks: 0, unlocks: 0 });
  });
});
