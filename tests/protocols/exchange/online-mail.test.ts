/**
 * Exchange Online's personality of IMAP, POP3 and SMTP submission through openSession: Microsoft's greetings and
 * capabilities, XOAUTH2 with tokens the world's identity platform issued (accepted; bad, expired, wrong-audience
 * and wrong-scope refused with Microsoft's replies), Basic refused on the data file's dates, each line decided once.
 * The default server is untouched: the same lines without the option get the Dovecot/Postfix-like answers.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../../src/machines/servers.ts';
import { imapDriver } from '../../../src/machines/imap-session.driver.ts';
import { pop3Driver } from '../../../src/machines/pop3-session.driver.ts';
import { openSession, personalityFor } from '../../../src/machines/session.ts';
import { smtpDriver } from '../../../src/machines/smtp-session.driver.ts';
import { exchangeCloud } from '../../../src/protocols/exchange/cloud.ts';
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE, MAIL_APP_ID, DAEMON_APP_ID } from '../../../src/protocols/exchange/identity/platform.ts';
import { serverBlob } from '../../../src/protocols/exchange/online-mail.ts';
import { encodeBase64 } from '../../../src/protocols/shared/sasl.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { xoauth2Message } from '../../../src/protocols/shared/xoauth2.ts';

const EXO = { server: 'exchange-online' } as const;
const HOST = 'SN2PR00CA0018.namprd00.prod.outlook.test';
/** A day after SMTP AUTH Basic went off by default (the data file's 2026-12-31). */
const JANUARY_2027 = Date.UTC(2027, 0, 5, 9, 0, 0);

/** A delegated token for alice (or an app token when `user` is undefined) from the world's identity platform. */
function token(world: MailWorld, scopes: string[], opts: { audience?: string; seconds?: number; user?: string | null } = {}): string {
  const user = opts.user === null ? undefined : world.user(opts.user ?? 'alice');
  const appId = user ? MAIL_APP_ID : DAEMON_APP_ID;
  return exchangeCloud(world).identity.authorizer.issue({ user, appId, audience: opts.audience ?? EXCHANGE_RESOURCE, scopes, lifetimeSeconds: opts.seconds ?? 3599 }).token;
}

afterEach(() => vi.restoreAllMocks());

describe('IMAP on Exchange Online', () => {
  test('greets and lists capabilities as outlook.office365.com:993 does', () => {
    const s = openSession(new MailWorld(), 'imap', 993, EXO);
    expect(s.greeting.at(-1)?.text).toBe(`* OK The Microsoft Exchange IMAP4 service is ready. [${serverBlob(HOST)}]`);
    expect(s.send('a CAPABILITY').replies).toEqual(['* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS MOVE ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+', 'a OK CAPABILITY completed.']);
    // The blob is the server name in UTF-16LE, base64, as in real greetings.
    expect(serverBlob('AB')).toBe('QQBCAA==');
  });

  test('LOGIN and AUTHENTICATE PLAIN with the right password are refused with Microsoft\'s reply', () => {
    const s = openSession(new MailWorld(), 'imap', 993, EXO);
    expect(s.send('a1 LOGIN alice wonderland').replies).toEqual(['a1 NO LOGIN failed.']);
    expect(s.send(`a2 AUTHENTICATE PLAIN ${encodeBase64('\0alice\0wonderland')}`).replies).toEqual(['a2 NO AUTHENTICATE failed.']);
    expect(s.view().user).toBeUndefined();
  });

  test('AUTHENTICATE XOAUTH2 with SASL-IR and without logs in, then reads the mailbox', () => {
    const world = new MailWorld();
    const t = token(world, ['IMAP.AccessAsUser.All']);
    const a = openSession(world, 'imap', 993, EXO);
    expect(a.send(`A01 AUTHENTICATE XOAUTH2 ${xoauth2Message('alice@example.test', t)}`).replies).toEqual(['A01 OK AUTHENTICATE completed.']);
    expect(a.view().user).toBe('alice');
    expect(a.send('A02 SELECT INBOX').replies.at(-1)).toMatch(/^A02 OK /);
    const b = openSession(world, 'imap', 993, EXO);
    expect(b.send('B01 AUTHENTICATE XOAUTH2').replies).toEqual(['+ ']);
    expect(b.send(xoauth2Message('alice@example.test', t)).replies).toEqual(['B01 OK AUTHENTICATE completed.']);
  });

  test('a bad, expired, wrong-audience, wrong-scope or other mailbox token is refused', () => {
    const world = new MailWorld();
    const bad = [
      xoauth2Message('alice@example.test', 'not.a.token'),
      xoauth2Message('alice@example.test', token(world, ['IMAP.AccessAsUser.All'], { seconds: 1 })),
      xoauth2Message('alice@example.test', token(world, ['Mail.Read'], { audience: GRAPH_RESOURCE })),
      xoauth2Message('alice@example.test', token(world, ['SMTP.Send'])),
      xoauth2Message('bob@example.test', token(world, ['IMAP.AccessAsUser.All'])),
      encodeBase64('not an XOAUTH2 message'),
      '%%%',
    ];
    world.clock.tick(5000);
    for (const [i, message] of bad.entries()) {
      const s = openSession(world, 'imap', 993, EXO);
      expect(s.send(`t${i} AUTHENTICATE XOAUTH2 ${message}`).replies, `case ${i}`).toEqual([`t${i} NO AUTHENTICATE failed.`]);
      expect(s.view().user).toBeUndefined();
    }
  });

  test('an app token with IMAP.AccessAsApp opens any mailbox of the tenant', () => {
    const world = new MailWorld();
    const s = openSession(world, 'imap', 993, EXO);
    const t = token(world, ['IMAP.AccessAsApp'], { user: null });
    expect(s.send(`a AUTHENTICATE XOAUTH2 ${xoauth2Message('bob@example.test', t)}`).replies).toEqual(['a OK AUTHENTICATE completed.']);
    expect(s.view().user).toBe('bob');
  });

  test('XOAUTH2 is not offered by the default server, which is unchanged', () => {
    const world = new MailWorld();
    const s = openSession(world, 'imap', 993);
    expect(s.greeting.at(-1)?.text).toMatch(/^\* OK \[CAPABILITY IMAP4rev1 .*AUTH=PLAIN\] /);
    expect(s.send(`a AUTHENTICATE XOAUTH2 ${xoauth2Message('alice@example.test', token(world, ['IMAP.AccessAsUser.All']))}`).replies).toEqual(['a NO Unsupported authentication mechanism.']);
    expect(s.send('b LOGIN alice wonderland').replies.at(-1)).toMatch(/^b OK \[CAPABILITY .*\] Logged in$/);
  });

  test('one decision and one token check per line', () => {
    const world = new MailWorld();
    const s = openSession(world, 'imap', 993, EXO);
    const t = token(world, ['IMAP.AccessAsUser.All']);
    const decide = vi.spyOn(imapDriver, 'decide');
    const check = vi.spyOn(exchangeCloud(world).identity.authorizer, 'check');
    s.send(`a AUTHENTICATE XOAUTH2 ${xoauth2Message('alice@example.test', t)}`);
    expect([decide.mock.calls.length, check.mock.calls.length]).toEqual([1, 1]);
  });
});

describe('POP3 on Exchange Online', () => {
  test('greets, lists CAPA, refuses USER/PASS and AUTH PLAIN, takes AUTH XOAUTH2 in two steps', () => {
    const world = new MailWorld();
    const s = openSession(world, 'pop3', 995, EXO);
    expect(s.greeting.at(-1)?.text).toBe(`+OK The Microsoft Exchange POP3 service is ready. [${serverBlob(HOST)}]`);
    expect(s.send('CAPA').replies).toEqual(['+OK', 'TOP', 'UIDL', 'SASL PLAIN XOAUTH2', 'USER', '.']);
    expect(s.send('USER alice').replies).toEqual(['+OK']);
    expect(s.send('PASS wonderland').replies).toEqual(['-ERR Logon failure: unknown user name or bad password.']);
    expect(s.send(`AUTH PLAIN ${encodeBase64('\0alice\0wonderland')}`).replies).toEqual(['-ERR Authentication failure: unknown user name or bad password.']);
    const decide = vi.spyOn(pop3Driver, 'decide');
    expect(s.send('AUTH XOAUTH2').replies).toEqual(['+']);
    expect(s.send(xoauth2Message('alice@example.test', token(world, ['POP.AccessAsUser.All']))).replies).toEqual(['+OK User successfully authenticated.']);
    expect(decide.mock.calls.length).toBe(2);
    expect(s.send('STAT').replies[0]).toMatch(/^\+OK \d+ \d+$/);
    expect(world.maildropHolder('alice')).toBe(s.id);
  });

  test('an IMAP token does not open POP3', () => {
    const world = new MailWorld();
    const s = openSession(world, 'pop3', 995, EXO);
    s.send('AUTH XOAUTH2');
    expect(s.send(xoauth2Message('alice@example.test', token(world, ['IMAP.AccessAsUser.All']))).replies).toEqual(['-ERR Authentication failure: unknown user name or bad password.']);
    expect(s.view().user).toBeUndefined();
  });
});

describe('SMTP submission on Exchange Online', () => {
  function ehloTls(world: MailWorld) {
    const s = openSession(world, 'smtp', 587, EXO);
    s.send('EHLO app.example');
    s.send('STARTTLS');
    return s;
  }

  test('greets and answers EHLO as smtp.office365.com:587, AUTH LOGIN XOAUTH2 only inside TLS', () => {
    const world = new MailWorld();
    const s = openSession(world, 'smtp', 587, EXO);
    expect(s.greeting.at(-1)?.text).toBe(`220 ${HOST} Microsoft ESMTP MAIL Service ready at Sat, 21 Nov 2026 09:00:00 +0000`);
    const before = s.send('EHLO app.example').replies;
    expect(before[0]).toBe(`250-${HOST} Hello [192.0.2.10]`);
    expect(before).toContain('250-STARTTLS');
    expect(before.some((l) => l.includes('AUTH'))).toBe(false);
    s.send('STARTTLS');
    const after = s.send('EHLO app.example').replies;
    expect(after).toContain('250-AUTH LOGIN XOAUTH2');
    expect(after.at(-1)).toBe('250 8BITMIME');
    expect(s.send('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=').replies).toEqual(['504 5.7.4 Unrecognized authentication type']);
  });

  test('AUTH LOGIN works with a password before the data file\'s day, and gets 5.7.139 after it', () => {
    const before = ehloTls(new MailWorld());
    before.send('EHLO app.example');
    expect(before.send('AUTH LOGIN').replies).toEqual(['334 VXNlcm5hbWU6']);
    before.send(encodeBase64('alice'));
    expect(before.send(encodeBase64('wonderland')).replies).toEqual(['235 2.7.0 Authentication successful']);
    const after = ehloTls(new MailWorld({ start: JANUARY_2027 }));
    after.send('EHLO app.example');
    after.send('AUTH LOGIN');
    after.send(encodeBase64('alice'));
    expect(after.send(encodeBase64('wonderland')).replies).toEqual(['535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.']);
  });

  test('AUTH XOAUTH2 on one line (a whole token, past 512 octets) and in two steps; bad tokens get 535 5.7.3', () => {
    const world = new MailWorld({ start: JANUARY_2027 });
    const s = ehloTls(world);
    s.send('EHLO app.example');
    const line = `AUTH XOAUTH2 ${xoauth2Message('alice@example.test', token(world, ['SMTP.Send']))}`;
    expect(line.length).toBeGreaterThan(512);
    const decide = vi.spyOn(smtpDriver, 'decide');
    expect(s.send(line).replies).toEqual(['235 2.7.0 Authentication successful']);
    expect(decide.mock.calls.length).toBe(1);
    expect(s.send('MAIL FROM:<alice@example.test>').replies[0]).toMatch(/^250 /);
    const t = ehloTls(world);
    t.send('EHLO app.example');
    expect(t.send('AUTH XOAUTH2').replies).toEqual(['334 ']);
    expect(t.send(xoauth2Message('alice@example.test', token(world, ['IMAP.AccessAsUser.All']))).replies).toEqual([`535 5.7.3 Authentication unsuccessful [${HOST}]`]);
    expect(t.send(`AUTH XOAUTH2 ${xoauth2Message('alice@example.test', 'forged')}`).replies).toEqual([`535 5.7.3 Authentication unsuccessful [${HOST}]`]);
  });

  test('MAIL before AUTH gets Exchange Online\'s 530 5.7.57', () => {
    const s = ehloTls(new MailWorld());
    s.send('EHLO app.example');
    expect(s.send('MAIL FROM:<alice@example.test>').replies).toEqual(['530 5.7.57 Client not authenticated to send mail.']);
  });

  test('the default server still cuts a command line at 512 octets', () => {
    const world = new MailWorld();
    const s = openSession(world, 'smtp', 465);
    s.send('EHLO app.example');
    expect(s.send(`AUTH XOAUTH2 ${'A'.repeat(600)}`).replies[0]).toMatch(/^500 /);
  });
});

describe('legacy TLS', () => {
  test('POP3 and IMAP refuse TLS 1.0 and 1.1 from the data file\'s day; SMTP submission is not part of it', () => {
    const before = personalityFor('exchange-online', new MailWorld({ start: Date.UTC(2026, 5, 30, 12) }));
    const after = personalityFor('exchange-online', new MailWorld({ start: Date.UTC(2026, 6, 1, 12) }));
    expect([before.refusesLegacyTls('imap'), before.refusesLegacyTls('pop3')]).toEqual([false, false]);
    expect([after.refusesLegacyTls('imap'), after.refusesLegacyTls('pop3'), after.refusesLegacyTls('smtp')]).toEqual([true, true, false]);
  });
});

describe('opening a session', () => {
  test('an unknown personality is a RangeError', () => {
    expect(() => openSession(new MailWorld(), 'imap', 993, { server: 'groupwise' as never })).toThrow(RangeError);
  });
});

describe('hostile XOAUTH2 input', () => {
  test('any line as the XOAUTH2 message gets the protocol\'s failure, never a crash or a login', async () => {
    const fc = (await import('fast-check')).default;
    const world = new MailWorld();
    const failures = new Set(['NO AUTHENTICATE failed.', '-ERR Authentication failure: unknown user name or bad password.', `535 5.7.3 Authentication unsuccessful [${HOST}]`]);
    const line = fc.oneof(fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 400 }).map((s) => s.replace(/[\r\n]/g, '')), fc.string().map((s) => encodeBase64(String.fromCharCode(...new TextEncoder().encode(`user=alice@example.test\x01auth=Bearer ${s}\x01\x01`)))));
    fc.assert(
      fc.property(line, (message) => {
        if (message === '*' || message.trim() === '') return;
        const imap = openSession(world, 'imap', 993, EXO);
        imap.send('a AUTHENTICATE XOAUTH2');
        const pop = openSession(world, 'pop3', 995, EXO);
        pop.send('AUTH XOAUTH2');
        const smtp = openSession(world, 'smtp', 587, EXO);
        smtp.send('EHLO x');
        smtp.send('STARTTLS');
        smtp.send('EHLO x');
        smtp.send('AUTH XOAUTH2');
        const replies = [imap.send(message).replies.at(-1)!.replace(/^a /, ''), pop.send(message).replies[0]!, smtp.send(message).replies[0]!];
        for (const r of replies) expect(failures.has(r), r).toBe(true);
        for (const s of [imap, pop, smtp]) {
          expect(s.view().user).toBeUndefined();
          expect(s.internalErrors).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
