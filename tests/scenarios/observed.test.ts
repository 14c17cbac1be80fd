import { describe, expect, test } from 'vitest';
import { observedCode } from '../../src/scenarios/runner.ts';
import type { TranscriptEntry } from '../../src/protocols/shared/session-types.ts';

const c = (text: string): TranscriptEntry => ({ kind: 'client', text, encrypted: true });
const s = (text: string): TranscriptEntry => ({ kind: 'server', text, encrypted: true });
const closed: TranscriptEntry = { kind: 'event', event: 'closed', text: 'Connection closed' };

describe('observedCode for SMTP', () => {
  test('reads the code of the last line of a multi-line reply', () => {
    expect(observedCode('smtp', [c('EHLO laptop'), s('250-mail.example.test'), s('250-STARTTLS'), s('250 8BITMIME')], '250')).toBe('250');
  });

  test('reads a refusal with an enhanced status code', () => {
    expect(observedCode('smtp', [c('MAIL FROM:<a@b.c>'), s('530 5.7.0 Must issue a STARTTLS command first')], '530')).toBe('530');
  });

  test('reads the reply to QUIT before the close event', () => {
    expect(observedCode('smtp', [c('QUIT'), s('221 2.0.0 Bye'), closed], '221')).toBe('221');
  });

  test('gives "-" when the server said nothing, as inside DATA', () => {
    expect(observedCode('smtp', [c('Subject: hi'), c(''), c('Hello')], '-')).toBe('-');
  });

  test('gives undefined for a line without a reply code', () => {
    expect(observedCode('smtp', [c('EHLO x'), s('hello there')], '250')).toBeUndefined();
  });
});

describe('observedCode for POP3', () => {
  test('reads +OK from the first line of a multi-line response', () => {
    expect(observedCode('pop3', [c('LIST'), s('+OK 2 messages:'), s('1 120'), s('2 200'), s('.')], '+OK')).toBe('+OK');
  });

  test('reads -ERR with a response code', () => {
    expect(observedCode('pop3', [c('USER alice'), s('-ERR [AUTH] Plaintext authentication disallowed.')], '-ERR')).toBe('-ERR');
  });

  test('reads a SASL continuation as "+"', () => {
    expect(observedCode('pop3', [c('AUTH PLAIN'), s('+ ')], '+')).toBe('+');
    expect(observedCode('pop3', [c('AUTH PLAIN'), s('+')], '+')).toBe('+');
  });

  test('does not take a data line starting with "+" for a status', () => {
    expect(observedCode('pop3', [c('RETR 1'), s('+OK 12 octets'), s('+OKAY then')], '+OK')).toBe('+OK');
  });

  test('gives "-" for a drop, which shows only an event', () => {
    expect(observedCode('pop3', [closed], '-')).toBe('-');
  });
});

describe('observedCode for IMAP', () => {
  test('reads the tagged status of the command the step sent', () => {
    expect(observedCode('imap', [c('a2 SELECT INBOX'), s('* 3 EXISTS'), s('a2 OK [READ-WRITE] Select completed.')], 'OK')).toBe('OK');
  });

  test('prefers the tagged NO over an untagged BAD before it', () => {
    const entries = [c('a2 LOGIN alice wonderland'), s('* BAD [ALERT] Plaintext authentication not allowed'), s('a2 NO [PRIVACYREQUIRED] Plaintext authentication disallowed')];
    expect(observedCode('imap', entries, 'NO')).toBe('NO');
  });

  test('reads a continuation request as "+"', () => {
    expect(observedCode('imap', [c('a3 IDLE'), s('+ idling')], '+')).toBe('+');
  });

  test('reads the tagged reply to DONE, which carries the IDLE command\'s tag', () => {
    expect(observedCode('imap', [c('DONE'), s('a3 OK Idle completed.')], 'OK')).toBe('OK');
  });

  test('matches an expected untagged update with its message number', () => {
    expect(observedCode('imap', [s('* 4 EXISTS'), s('* 1 RECENT')], '* EXISTS')).toBe('* EXISTS');
  });

  test('matches an expected untagged SEARCH with or without results', () => {
    expect(observedCode('imap', [c('a3 SEARCH UNSEEN'), s('* SEARCH 2 3'), s('a3 OK Search completed.')], '* SEARCH')).toBe('* SEARCH');
    expect(observedCode('imap', [c('a4 SEARCH FROM zed'), s('* SEARCH'), s('a4 OK Search completed.')], '* SEARCH')).toBe('* SEARCH');
  });

  test('falls back to the tagged status when the expected update is missing', () => {
    expect(observedCode('imap', [c('a4 EXPUNGE'), s('a4 OK Expunge completed.')], '* EXPUNGE')).toBe('OK');
  });

  test('does not mistake a longer response name for the expected one', () => {
    expect(observedCode('imap', [c('a4 NOOP'), s('* 2 EXISTSX'), s('a4 OK NOOP completed.')], '* EXISTS')).toBe('OK');
  });

  test('reads a greeting after a reconnect as its untagged status', () => {
    expect(observedCode('imap', [s('* OK [CAPABILITY IMAP4rev1 STARTTLS] Mailwire ready.')], 'OK')).toBe('OK');
  });

  test('gives "-" when nothing was pushed', () => {
    expect(observedCode('imap', [], '* EXISTS')).toBe('-');
  });
});
