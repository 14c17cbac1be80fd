/**
 * What each profile answers for the layers above it: its tokeniser (the same one reply-tokens.ts dispatches to),
 * the expect patterns of scenario files and input hints; and beside it the observed code of a step's replies and
 * the lab's farewells.
 */
import { describe, expect, test } from 'vitest';
import { farewellsOf } from '../../src/protocols/farewells.ts';
import { imapProfile } from '../../src/protocols/imap/profile.ts';
import { observedCodeOf } from '../../src/protocols/observed-codes.ts';
import { pop3Profile } from '../../src/protocols/pop3/profile.ts';
import { tokenize } from '../../src/protocols/reply-tokens.ts';
import { smtpProfile } from '../../src/protocols/smtp/profile.ts';

const joined = (tokens: { text: string }[]) => tokens.map((t) => t.text).join('');

describe('tokenisers', () => {
  test('reply-tokens dispatches to the profile\'s own tokeniser', () => {
    for (const [profile, line] of [
      [smtpProfile, '250-2.1.0 Ok'],
      [pop3Profile, '-ERR [AUTH] Authentication failed.'],
      [imapProfile, 'a1 NO [AUTHENTICATIONFAILED] Authentication failed.'],
    ] as const) {
      expect(tokenize(profile.id, line)).toEqual(profile.tokenize(line));
      expect(joined(profile.tokenize(line))).toBe(line);
    }
  });

  test('each reads only its own protocol\'s markers', () => {
    expect(smtpProfile.tokenize('+OK ready')).toEqual([{ text: '+OK ready', kind: 'text' }]);
    expect(pop3Profile.tokenize('250 Ok')).toEqual([{ text: '250 Ok', kind: 'text' }]);
    expect(imapProfile.tokenize('250-mail.example.test')).toEqual([{ text: '250-mail.example.test', kind: 'text' }]);
    expect(imapProfile.tokenize('a1 OK done')[0]).toEqual({ text: 'a1', kind: 'tag', key: 'TAG' });
  });
});

describe('observed codes', () => {
  test('SMTP: the code of the last line', () => {
    expect(observedCodeOf('smtp')(['250-mail.example.test', '250 8BITMIME'], 'EHLO x', '250')).toBe('250');
    expect(observedCodeOf('smtp')(['hello'], undefined, '250')).toBeUndefined();
  });

  test('POP3: the status of the first line, or a continuation', () => {
    expect(observedCodeOf('pop3')(['+OK 2 messages', '1 120', '.'], 'LIST', '+OK')).toBe('+OK');
    expect(observedCodeOf('pop3')(['+ '], 'AUTH PLAIN', '+')).toBe('+');
  });

  test('IMAP: the tagged reply to the step\'s own command, before any other', () => {
    expect(observedCodeOf('imap')(['* 3 EXISTS', 'a0 OK IDLE terminated', 'a1 NO [TRYCREATE] No such mailbox'], 'a1 SELECT Nope', 'NO')).toBe('NO');
    expect(observedCodeOf('imap')(['* 4 EXISTS'], undefined, '* EXISTS')).toBe('* EXISTS');
    expect(observedCodeOf('imap')(['* OK [CAPABILITY IMAP4rev2] ready'], undefined, 'OK')).toBe('OK');
  });
});

describe('scenario expect patterns', () => {
  test('accept each protocol\'s codes and refuse the others\'', () => {
    expect(['250', '-', '554'].every((c) => smtpProfile.expectPattern.test(c))).toBe(true);
    expect(smtpProfile.expectPattern.test('+OK')).toBe(false);
    expect(['+OK', '-ERR', '+', '-'].every((c) => pop3Profile.expectPattern.test(c))).toBe(true);
    expect(pop3Profile.expectPattern.test('OK')).toBe(false);
    expect(['OK', 'NO', 'BAD', '+', '-', '* EXISTS', '* BYE'].every((c) => imapProfile.expectPattern.test(c))).toBe(true);
    expect(imapProfile.expectPattern.test('250')).toBe(false);
  });
});

describe('farewells and input hints', () => {
  test('a refusal names the client address where known, in each protocol\'s words', () => {
    expect(farewellsOf('smtp').refusal('192.0.2.7')).toEqual(['421 4.7.0 mail.example.test Error: too many connections from 192.0.2.7']);
    expect(farewellsOf('pop3').refusal(undefined)).toEqual(['-ERR [SYS/TEMP] Too many connections, try again later.']);
    expect(farewellsOf('imap').refusal(undefined)).toEqual(['* BYE Too many connections, try again later.']);
  });

  test('POP3 has no shutdown reply (RFC 1939 §3); only IMAP tags commands and announces literals', async () => {
    expect(farewellsOf('pop3').shutdown).toEqual([]);
    expect([smtpProfile, pop3Profile, imapProfile].map((p) => p.input.tagged)).toEqual([false, false, true]);
    expect([smtpProfile, pop3Profile, imapProfile].map((p) => p.literals)).toEqual([false, false, true]);
    const hasOwnTag = await imapProfile.input.ownTagRule!();
    expect(hasOwnTag('a9 NOOP')).toBe(true);
    expect(hasOwnTag('UID FETCH 1 FLAGS')).toBe(false);
  });
});
