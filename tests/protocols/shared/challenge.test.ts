/** Issue 11, point 3: what a SASL challenge says, decoded for the transcript; and the lines the log-in helper builds. */
import { describe, expect, test } from 'vitest';
import { tokenize } from '../../../src/protocols/reply-tokens.ts';
import { explainImap } from '../../../src/protocols/imap/replies.ts';
import { explainPop3 } from '../../../src/protocols/pop3/replies.ts';
import { CHALLENGE_KEY, explainChallenge, saslChallenge } from '../../../src/protocols/shared/challenge.ts';
import { explainSmtp } from '../../../src/protocols/smtp/replies.ts';
import { decodeBase64, LOGIN_CHALLENGES, parsePlain } from '../../../src/protocols/shared/sasl.ts';
import { authCommand, base64Utf8, loginLines, plainLogin } from '../../../src/protocols/shared/sasl-client.ts';

describe('saslChallenge', () => {
  test('decodes the LOGIN questions in all three protocols', () => {
    expect(saslChallenge('smtp', `334 ${LOGIN_CHALLENGES.username}`)).toBe('Username:');
    expect(saslChallenge('pop3', `+ ${LOGIN_CHALLENGES.password}`)).toBe('Password:');
    expect(saslChallenge('imap', `+ ${LOGIN_CHALLENGES.username}`)).toBe('Username:');
  });

  test('an empty challenge is the empty string', () => {
    expect(saslChallenge('smtp', '334 ')).toBe('');
    expect(saslChallenge('pop3', '+ ')).toBe('');
    expect(saslChallenge('imap', '+')).toBe('');
  });

  test('leaves every other line alone', () => {
    for (const [protocol, line] of [['smtp', '354 End data with <CR><LF>.<CR><LF>'], ['smtp', '250 2.0.0 Ok'], ['pop3', '+OK'], ['imap', '+ OK'], ['imap', '+ idling'], ['smtp', '334 VXNlcm5hbWU'], ['smtp', '334 AGFsaWNl'], ['smtp', '334 !!!!']] as const) {
      expect(saslChallenge(protocol, line), line).toBeUndefined();
    }
  });
});

describe('a challenge’s base64 in the transcript and the catalogue', () => {
  test('the tokenizer marks the base64 of 334 and "+ " lines with a catalogue key, and nothing else', () => {
    expect(tokenize('smtp', '334 VXNlcm5hbWU6')).toEqual([
      { text: '334', kind: 'code', key: '334' },
      { text: ' ', kind: 'text' },
      { text: 'VXNlcm5hbWU6', kind: 'challenge', key: `${CHALLENGE_KEY}VXNlcm5hbWU6` },
    ]);
    expect(tokenize('pop3', '+ UGFzc3dvcmQ6').at(-1)).toEqual({ text: 'UGFzc3dvcmQ6', kind: 'challenge', key: 'base64:UGFzc3dvcmQ6' });
    for (const [protocol, line] of [['imap', '+ OK'], ['imap', '+ idling'], ['smtp', '354 End data with <CR><LF>.<CR><LF>'], ['smtp', '334 ']] as const) {
      expect(tokenize(protocol, line).some((t) => t.kind === 'challenge'), line).toBe(false);
    }
  });

  test('each protocol’s catalogue decodes it, citing its own RFC', () => {
    expect(explainSmtp('base64:VXNlcm5hbWU6')).toMatchObject({ token: 'VXNlcm5hbWU6', title: 'Base64 for “Username:”', rfc: 'RFC 4954 §4' });
    expect(explainPop3('base64:UGFzc3dvcmQ6')).toMatchObject({ title: 'Base64 for “Password:”', rfc: 'RFC 5034 §4' });
    expect(explainImap('base64:VXNlcm5hbWU6')).toMatchObject({ title: 'Base64 for “Username:”', rfc: 'RFC 3501 §6.2.2' });
    expect(explainSmtp('base64:AGFsaWNl')).toBeUndefined();
    expect(explainChallenge('VXNlcm5hbWU6', 'RFC 4954 §4')).toBeUndefined();
    expect(explainChallenge('base64:VXNlcm5hbWU6', 'RFC 4954 §4')?.text).toMatch(/Base64 is an encoding, not encryption/);
  });
});

describe('the lines the log-in helper builds', () => {
  test('PLAIN is NUL, user, NUL, password in base64 (RFC 4616 §2), read back by the server’s own parser', () => {
    const plain = plainLogin('smtp', 'alice', 'wonderland', false);
    expect(plain).toEqual({ shown: '␀alice␀wonderland', base64: 'AGFsaWNlAHdvbmRlcmxhbmQ=', line: { text: 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', command: true } });
    expect(parsePlain(plain.base64)).toEqual({ authzid: '', authcid: 'alice', password: 'wonderland' });
    expect(plainLogin('imap', 'alice', 'wonderland', false).line.text).toBe('AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    expect(plainLogin('pop3', 'alice', 'wonderland', true).line).toEqual({ text: 'AGFsaWNlAHdvbmRlcmxhbmQ=', command: false });
  });

  test('LOGIN is the command, then the user name and the password, each in base64', () => {
    expect(loginLines('smtp', 'alice', 'wonderland')).toEqual([
      { text: 'AUTH LOGIN', command: true },
      { text: 'YWxpY2U=', command: false },
      { text: 'd29uZGVybGFuZA==', command: false },
    ]);
    expect(authCommand('imap', 'LOGIN')).toBe('AUTHENTICATE LOGIN');
  });

  test('text beyond ASCII is encoded as UTF-8', () => {
    expect(base64Utf8('zoë')).toBe('em/Dqw==');
    expect(decodeBase64(base64Utf8('zoë'))).toBe('zo\xc3\xab');
  });
});
