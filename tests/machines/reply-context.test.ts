/**
 * Issue 11, point 5: a reply is explained in its context. Every context rule of the three protocols is checked
 * against a real engine session: the lines are sent through openSession, the context is read from the session's
 * own transcript and view, and the rule chosen for the engine's real reply must be the expected one.
 */
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { openSession, type LineProtocolName } from '../../src/machines/session.ts';
import { IMAP_CONTEXT_RULES } from '../../src/protocols/imap/context-rules.ts';
import { POP3_CONTEXT_RULES } from '../../src/protocols/pop3/context-rules.ts';
import { firstNote, replyContext, type ContextEntry, type ReplyContext } from '../../src/protocols/shared/reply-context.ts';
import { SMTP_CONTEXT_RULES } from '../../src/protocols/smtp/context-rules.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

const notes = {
  smtp: (c: ReplyContext) => firstNote(SMTP_CONTEXT_RULES, c),
  pop3: (c: ReplyContext) => firstNote(POP3_CONTEXT_RULES, c),
  imap: (c: ReplyContext) => firstNote(IMAP_CONTEXT_RULES, c),
};
const PLAIN_ALICE = 'AGFsaWNlAHdvbmRlcmxhbmQ='; // base64 of "\0alice\0wonderland"
const PLAIN_WRONG = 'AGFsaWNlAHdyb25n'; // base64 of "\0alice\0wrong"

/** Sends `lines` on a new session and returns the context of the last reply, with the reply itself. */
function contextAfter(protocol: LineProtocolName, port: number, lines: readonly string[]): ReplyContext {
  const session = openSession(new MailWorld({ seed: 1 }), protocol, port);
  const entries: ContextEntry[] = [...session.greeting];
  for (const line of lines) entries.push(...session.send(line).entries);
  expect(session.internalErrors).toBe(0);
  const c = replyContext(entries, session.view());
  if (!c) throw new Error('no client line');
  return c;
}

type Case = [rule: string, protocol: LineProtocolName, port: number, lines: string[], reply: RegExp];

const SMTP_TLS = ['EHLO laptop.example', 'STARTTLS', 'EHLO laptop.example'];
const SMTP_IN = [...SMTP_TLS, `AUTH PLAIN ${PLAIN_ALICE}`];
const cases: Case[] = [
  ['smtp-334-challenge', 'smtp', 587, [...SMTP_TLS, 'AUTH LOGIN'], /^334 VXNlcm5hbWU6$/],
  ['smtp-501-not-base64', 'smtp', 587, [...SMTP_TLS, 'AUTH LOGIN', 'alice'], /^501 5\.5\.2 /],
  ['smtp-501-cancelled', 'smtp', 587, [...SMTP_TLS, 'AUTH LOGIN', '*'], /^501 5\.7\.0 /],
  ['smtp-503-ehlo-after-starttls', 'smtp', 587, ['EHLO laptop.example', 'STARTTLS', `AUTH PLAIN ${PLAIN_ALICE}`], /^503 5\.5\.1 Error: send HELO\/EHLO first/],
  ['smtp-503-auth-relay-port', 'smtp', 25, ['EHLO mx.sender.example', `AUTH PLAIN ${PLAIN_ALICE}`], /^503 5\.5\.1 Error: authentication not enabled/],
  ['smtp-503-already-authenticated', 'smtp', 587, [...SMTP_IN, 'AUTH LOGIN'], /^503 5\.5\.1 Error: already authenticated/],
  ['smtp-503-greet-first', 'smtp', 25, ['MAIL FROM:<carol@sender.example>'], /^503 5\.5\.1 Error: send HELO\/EHLO first/],
  ['smtp-503-rcpt-before-mail', 'smtp', 25, ['EHLO mx.sender.example', 'RCPT TO:<bob@example.test>'], /^503 5\.5\.1 Error: need MAIL/],
  ['smtp-503-data-before-rcpt', 'smtp', 25, ['EHLO mx.sender.example', 'DATA'], /^503 5\.5\.1 Error: need RCPT/],
  ['smtp-503-nested-mail', 'smtp', 25, ['EHLO mx.sender.example', 'MAIL FROM:<carol@sender.example>', 'MAIL FROM:<carol@sender.example>'], /^503 5\.5\.1 Error: nested MAIL/],
  ['smtp-530-starttls-first', 'smtp', 587, ['EHLO laptop.example', `AUTH PLAIN ${PLAIN_ALICE}`], /^530 5\.7\.0 Must issue a STARTTLS command first/],
  ['smtp-530-auth-required', 'smtp', 465, ['EHLO laptop.example', 'MAIL FROM:<alice@example.test>'], /^530 5\.7\.0 Authentication required/],
  ['smtp-535-credentials', 'smtp', 587, [...SMTP_TLS, `AUTH PLAIN ${PLAIN_WRONG}`], /^535 5\.7\.8 /],
  ['smtp-relay-denied', 'smtp', 25, ['EHLO mx.sender.example', 'MAIL FROM:<carol@sender.example>', 'RCPT TO:<dave@elsewhere.example>'], /^554 5\.7\.1 .*Relay access denied/],
  ['smtp-550-unknown-user', 'smtp', 25, ['EHLO mx.sender.example', 'MAIL FROM:<carol@sender.example>', 'RCPT TO:<nobody@example.test>'], /^550 5\.1\.1 /],
  ['smtp-220-starttls', 'smtp', 587, ['EHLO laptop.example', 'STARTTLS'], /^220 2\.0\.0 /],
  ['smtp-250-ehlo', 'smtp', 587, ['EHLO laptop.example'], /^250 /],
  ['smtp-235-authenticated', 'smtp', 587, SMTP_IN, /^235 2\.7\.0 /],
  ['smtp-354-data', 'smtp', 587, [...SMTP_IN, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<bob@example.test>', 'DATA'], /^354 /],
  ['smtp-250-queued', 'smtp', 587, [...SMTP_IN, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<bob@example.test>', 'DATA', 'Subject: hi', '', 'Hello', '.'], /^250 2\.0\.0 Ok: queued/],

  ['pop3-sasl-challenge', 'pop3', 995, ['AUTH LOGIN'], /^\+ VXNlcm5hbWU6$/],
  ['pop3-err-login-before-tls', 'pop3', 110, ['USER alice'], /^-ERR \[AUTH\] Plaintext/],
  ['pop3-err-bad-base64', 'pop3', 995, ['AUTH PLAIN', 'alice'], /^-ERR Invalid base64/],
  ['pop3-err-credentials', 'pop3', 995, ['USER alice', 'PASS wrong'], /^-ERR \[AUTH\] Authentication failed/],
  ['pop3-err-pass-without-user', 'pop3', 995, ['PASS wonderland'], /^-ERR No username/],
  ['pop3-err-no-message', 'pop3', 995, ['USER alice', 'PASS wonderland', 'RETR 9'], /^-ERR There's no message 9/],
  ['pop3-ok-user', 'pop3', 995, ['USER alice'], /^\+OK$/],
  ['pop3-ok-login', 'pop3', 995, ['USER alice', 'PASS wonderland'], /^\+OK Logged in/],
  ['pop3-ok-stat', 'pop3', 995, ['USER alice', 'PASS wonderland', 'STAT'], /^\+OK 3 \d+$/],
  ['pop3-ok-list', 'pop3', 995, ['USER alice', 'PASS wonderland', 'LIST'], /^\.$/],
  ['pop3-ok-retr', 'pop3', 995, ['USER alice', 'PASS wonderland', 'RETR 1'], /^\.$/],
  ['pop3-ok-top', 'pop3', 995, ['USER alice', 'PASS wonderland', 'TOP 1 0'], /^\.$/],
  ['pop3-ok-uidl', 'pop3', 995, ['USER alice', 'PASS wonderland', 'UIDL'], /^\.$/],
  ['pop3-ok-dele', 'pop3', 995, ['USER alice', 'PASS wonderland', 'DELE 1'], /^\+OK Marked/],
  ['pop3-ok-rset', 'pop3', 995, ['USER alice', 'PASS wonderland', 'DELE 1', 'RSET'], /^\+OK/],
  ['pop3-ok-quit-update', 'pop3', 995, ['USER alice', 'PASS wonderland', 'DELE 1', 'QUIT'], /^\+OK Logging out, messages deleted/],
  ['pop3-ok-quit-before-login', 'pop3', 110, ['QUIT'], /^\+OK Logging out$/],
  ['pop3-ok-stls', 'pop3', 110, ['STLS'], /^\+OK Begin TLS/],
  ['pop3-ok-capa', 'pop3', 110, ['CAPA'], /^\.$/],
  ['pop3-ok-noop', 'pop3', 995, ['USER alice', 'PASS wonderland', 'NOOP'], /^\+OK$/],

  ['imap-sasl-challenge', 'imap', 993, ['a1 AUTHENTICATE PLAIN'], /^\+ $/],
  ['imap-literal-continue', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 APPEND INBOX {3}'], /^\+ OK$/],
  ['imap-idling', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 IDLE'], /^\+ idling$/],
  ['imap-no-privacy', 'imap', 143, ['a1 LOGIN alice wonderland'], /^a1 NO \[PRIVACYREQUIRED\]/],
  ['imap-no-authentication-failed', 'imap', 993, [`a1 AUTHENTICATE PLAIN ${PLAIN_WRONG}`], /^a1 NO \[AUTHENTICATIONFAILED\]/],
  ['imap-bad-base64', 'imap', 993, ['a1 AUTHENTICATE PLAIN', 'alice!'], /^a1 BAD Invalid base64/],
  ['imap-ok-login', 'imap', 993, ['a1 LOGIN alice wonderland'], /^a1 OK \[CAPABILITY /],
  ['imap-ok-starttls', 'imap', 143, ['a1 STARTTLS'], /^a1 OK Begin TLS/],
  ['imap-bad-login-first', 'imap', 993, ['a1 SELECT INBOX'], /^a1 BAD /],
  ['imap-bad-select-first', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 FETCH 1 FLAGS'], /^a2 BAD No mailbox selected/],
  ['imap-ok-select', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX'], /^a2 OK \[READ-WRITE\]/],
  ['imap-ok-examine', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 EXAMINE INBOX'], /^a2 OK \[READ-ONLY\]/],
  ['imap-no-mailbox', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT Nope'], /^a2 NO \[NONEXISTENT\]/],
  ['imap-no-trycreate', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 COPY 1 Nope'], /^a3 NO \[TRYCREATE\]/],
  ['imap-ok-logout', 'imap', 993, ['a1 LOGOUT'], /^a1 OK Logout/],
  ['imap-ok-fetch', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 FETCH 1 FLAGS'], /^a3 OK Fetch/],
  ['imap-ok-uid-fetch', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 UID FETCH 1:* FLAGS'], /^a3 OK Fetch/],
  ['imap-ok-store', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 STORE 1 +FLAGS (\\Deleted)'], /^a3 OK Store/],
  ['imap-ok-expunge', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 STORE 1 +FLAGS (\\Deleted)', 'a4 EXPUNGE'], /^a4 OK Expunge/],
  ['imap-ok-search', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 SEARCH ALL'], /^a3 OK Search/],
  ['imap-ok-list', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 LIST "" *'], /^a2 OK List/],
  ['imap-ok-create', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 CREATE Work'], /^a2 OK Create/],
  ['imap-ok-close', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 SELECT INBOX', 'a3 CLOSE'], /^a3 OK Close/],
  ['imap-ok-append', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 APPEND INBOX {3}', 'abc'], /^a2 OK \[APPENDUID/],
  ['imap-ok-idle', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 IDLE', 'DONE'], /^a2 OK Idle/],
  ['imap-bad-command', 'imap', 993, ['a1 LOGIN alice wonderland', 'a2 FOO'], /^a2 BAD Error in IMAP command FOO/],
];

describe('each context rule speaks for the real reply it is written for', () => {
  test.each(cases)('%s (%s %i)', (rule, protocol, port, lines, reply) => {
    const c = contextAfter(protocol, port, lines);
    expect(c.reply.at(-1)).toMatch(reply);
    const note = notes[protocol](c);
    expect(note?.id).toBe(rule);
    expect(note?.rfc).toMatch(/^RFC \d+ §\d/);
    expect(note?.text.length).toBeGreaterThan(20);
  });

  test('every rule of every protocol has a case here', () => {
    const covered = new Set(cases.map(([rule]) => rule));
    for (const rules of [SMTP_CONTEXT_RULES, POP3_CONTEXT_RULES, IMAP_CONTEXT_RULES]) {
      for (const rule of rules) expect(covered, rule.id).toContain(rule.id);
    }
  });
});

describe('the issue’s examples', () => {
  test('503 after STARTTLS says "EHLO again", not "RCPT before MAIL"', () => {
    const note = notes.smtp(contextAfter('smtp', 587, ['EHLO laptop.example', 'STARTTLS', 'MAIL FROM:<alice@example.test>']));
    expect(note?.title).toBe('Say EHLO again');
    expect(note?.rfc).toBe('RFC 3207 §4.2');
  });

  test('AUTH on port 25 says the port offers no login, before and after STARTTLS', () => {
    for (const lines of [['EHLO mx.example'], ['EHLO mx.example', 'STARTTLS', 'EHLO mx.example']]) {
      const c = contextAfter('smtp', 25, [...lines, 'AUTH LOGIN']);
      expect(notes.smtp(c)?.title).toBe('This port offers no login');
    }
  });

  test('POP3 +OK gets a different note after USER, PASS, STAT, RETR, DELE and QUIT', () => {
    const login = ['USER alice', 'PASS wonderland'];
    const sequences = [['USER alice'], login, [...login, 'STAT'], [...login, 'RETR 1'], [...login, 'DELE 1'], [...login, 'QUIT']];
    const titles = sequences.map((lines) => {
      const c = contextAfter('pop3', 995, lines);
      expect(c.status).toBe('+OK');
      return notes.pop3(c)?.title;
    });
    expect(new Set(titles).size).toBe(sequences.length);
  });

  test('the STAT note reads the real counts from the reply', () => {
    expect(notes.pop3(contextAfter('pop3', 995, ['USER alice', 'PASS wonderland', 'STAT']))?.text).toMatch(/^STAT answers with 3 messages, \d+ octets/);
  });

  test('a LOGIN challenge is decoded from the engine’s reply, in SMTP and POP3', () => {
    expect(notes.smtp(contextAfter('smtp', 465, ['EHLO laptop.example', 'AUTH LOGIN']))?.text).toContain('"Username:"');
    expect(notes.smtp(contextAfter('smtp', 465, ['EHLO laptop.example', 'AUTH LOGIN', 'YWxpY2U=']))?.text).toContain('"Password:"');
    expect(notes.pop3(contextAfter('pop3', 995, ['AUTH LOGIN', 'YWxpY2U=']))?.text).toContain('"Password:"');
  });

  test('535 names the user the PLAIN line carried, decoded', () => {
    expect(notes.smtp(contextAfter('smtp', 587, [...SMTP_TLS, `AUTH PLAIN ${PLAIN_WRONG}`]))?.text).toContain('"alice"');
    expect(notes.smtp(contextAfter('smtp', 587, [...SMTP_TLS, 'AUTH PLAIN', PLAIN_WRONG]))?.text).toContain('"alice"');
  });
});

describe('the context read from a transcript', () => {
  test('a line answering a challenge belongs to the command that started the exchange', () => {
    const c = contextAfter('smtp', 465, ['EHLO laptop.example', 'AUTH LOGIN', 'YWxpY2U=', 'd29uZGVybGFuZA==']);
    expect(c).toMatchObject({ verb: 'AUTH', args: 'LOGIN', answer: true, status: '235', earlier: ['EHLO', 'AUTH'] });
  });

  test('message text belongs to DATA, and the command after it is a command again', () => {
    const lines = [...SMTP_IN, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<bob@example.test>', 'DATA', 'QUIT', '.', 'NOOP'];
    const c = contextAfter('smtp', 587, lines);
    expect(c).toMatchObject({ verb: 'NOOP', answer: false, status: '250' });
    expect(c.earlier.slice(-3)).toEqual(['MAIL', 'RCPT', 'DATA']);
  });

  test('TLS before the line and after the reply are told apart', () => {
    const c = contextAfter('smtp', 587, ['EHLO laptop.example', 'STARTTLS']);
    expect(c).toMatchObject({ tlsBefore: false, tls: true, security: 'starttls' });
  });

  test('a new connection starts a new context; a greeting alone has none', () => {
    const session = openSession(new MailWorld({ seed: 1 }), 'smtp', 587);
    const first: ContextEntry[] = [...session.greeting, ...session.send('EHLO laptop.example').entries];
    const again = openSession(new MailWorld({ seed: 1 }), 'smtp', 587);
    const entries: ContextEntry[] = [...first, { kind: 'event', event: 'open', text: 'New connection to the same server' }, ...again.greeting];
    expect(replyContext(entries, again.view())).toBeUndefined();
    entries.push(...again.send('NOOP').entries);
    expect(replyContext(entries, again.view())).toMatchObject({ verb: 'NOOP', earlier: [] });
  });
});
