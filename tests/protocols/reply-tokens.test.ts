import { describe, expect, test } from 'vitest';
import { replyKeys, tokenize, type Token } from '../../src/protocols/reply-tokens.ts';

const t = (text: string, kind: Token['kind'] = 'text', key?: string): Token => (key === undefined ? { text, kind } : { text, kind, key });

describe('tokenize', () => {
  test.each<[string, Token[]]>([
    ['220 mail.example.test ESMTP Mailwire', [t('220', 'code', '220'), t(' '), t('mail.example.test ESMTP Mailwire')]],
    ['250-PIPELINING', [t('250', 'code', '250'), t('-'), t('PIPELINING')]],
    ['530 5.7.0 Must issue a STARTTLS command first', [t('530', 'code', '530'), t(' '), t('5.7.0', 'enhanced', '5.7.0'), t(' Must issue a STARTTLS command first')]],
    ['334 ', [t('334', 'code', '334'), t(' ')]],
    ['221 2.0.0', [t('221', 'code', '221'), t(' '), t('2.0.0', 'enhanced', '2.0.0')]],
    ['Subject: hello', [t('Subject: hello')]],
  ])('splits the SMTP line %j', (line, tokens) => {
    expect(tokenize('smtp', line)).toEqual(tokens);
  });

  test.each<[string, Token[]]>([
    ['+OK Logged in.', [t('+OK', 'status', '+OK'), t(' '), t('Logged in.')]],
    ['-ERR [AUTH] Authentication failed.', [t('-ERR', 'status', '-ERR'), t(' '), t('['), t('AUTH', 'respCode', 'AUTH'), t('] Authentication failed.')]],
    ['-ERR [SYS/TEMP] Try again', [t('-ERR', 'status', '-ERR'), t(' '), t('['), t('SYS/TEMP', 'respCode', 'SYS/TEMP'), t('] Try again')]],
    ['+ ', [t('+', 'continuation', '+'), t(' ')]],
    ['.', [t('.', 'end', '.')]],
    ['1 1203', [t('1 1203')]],
  ])('splits the POP3 line %j', (line, tokens) => {
    expect(tokenize('pop3', line)).toEqual(tokens);
  });

  test.each<[string, Token[]]>([
    ['* OK [CAPABILITY IMAP4rev1 STARTTLS] Mailwire ready.', [t('*', 'untagged', '*'), t(' '), t('OK', 'status', 'OK'), t(' '), t('['), t('CAPABILITY', 'respCode', 'CAPABILITY'), t(' IMAP4rev1 STARTTLS] Mailwire ready.')]],
    ['a2 NO [AUTHENTICATIONFAILED] Authentication failed.', [t('a2', 'tag', 'TAG'), t(' '), t('NO', 'status', 'NO'), t(' '), t('['), t('AUTHENTICATIONFAILED', 'respCode', 'AUTHENTICATIONFAILED'), t('] Authentication failed.')]],
    ['* 3 EXISTS', [t('*', 'untagged', '*'), t(' '), t('3 '), t('EXISTS', 'keyword', 'EXISTS')]],
    ['* CAPABILITY IMAP4rev1 IDLE', [t('*', 'untagged', '*'), t(' '), t('CAPABILITY', 'keyword', 'CAPABILITY'), t(' IMAP4rev1 IDLE')]],
    ['* BYE Logging out', [t('*', 'untagged', '*'), t(' '), t('BYE', 'status', 'BYE'), t(' '), t('Logging out')]],
    ['+ idling', [t('+', 'continuation', '+'), t(' idling')]],
    ['a1 BAD Error in IMAP command', [t('a1', 'tag', 'TAG'), t(' '), t('BAD', 'status', 'BAD'), t(' '), t('Error in IMAP command')]],
    ['Subject: hello there', [t('Subject: hello there')]],
  ])('splits the IMAP line %j', (line, tokens) => {
    expect(tokenize('imap', line)).toEqual(tokens);
  });

  test('gives the line back when the pieces are joined', () => {
    const line = '* 2 FETCH (FLAGS (\\Seen) UID 5)';
    expect(tokenize('imap', line).map((p) => p.text).join('')).toBe(line);
  });
});

describe('replyKeys', () => {
  test('takes the status line of a reply with its codes', () => {
    expect(replyKeys('smtp', ['250-mail.example.test', '250 2.0.0 Ok'])).toEqual(['250', '2.0.0']);
    expect(replyKeys('imap', ['* BAD [ALERT] Plaintext', 'a2 NO [PRIVACYREQUIRED] Plaintext authentication disallowed'])).toEqual(['NO', 'PRIVACYREQUIRED']);
    expect(replyKeys('pop3', ['+OK 2 messages', '1 120', '.'])).toEqual(['+OK']);
    expect(replyKeys('imap', ['+ idling'])).toEqual(['+']);
  });

  test('finds nothing in a reply without a status', () => {
    expect(replyKeys('smtp', [])).toEqual([]);
    expect(replyKeys('pop3', ['1 120'])).toEqual([]);
  });
});
