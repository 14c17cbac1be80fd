/** The SMTP server through `openSession`, one behaviour at a time (RFC 5321, 3207, 4954, 6409, 1870, 9422). */
import { describe, expect, test } from 'vitest';
import type { Session } from '../../src/protocols/shared/session-types.ts';
import { toLines } from '../../src/protocols/shared/message.ts';
import { replyProblems, smtp } from '../protocols/smtp/helpers.ts';

const ALICE_PLAIN = 'AGFsaWNlAHdvbmRlcmxhbmQ='; // "\0alice\0wonderland"

/** Sends lines and returns the last line's replies. */
function say(session: Session, ...lines: string[]): string[] {
  let replies: string[] = [];
  for (const l of lines) replies = session.send(l).replies;
  return replies;
}

/** A session on 587 past STARTTLS and EHLO, logged in as alice unless `login` is false. */
function submission(login = true) {
  const s = smtp(587);
  say(s.session, 'STARTTLS', 'EHLO laptop.example.test');
  if (login) expect(say(s.session, `AUTH PLAIN ${ALICE_PLAIN}`)).toEqual(['235 2.7.0 Authentication successful']);
  return s;
}

describe('greeting and command order', () => {
  test('greets with 220 and the server name', () => {
    expect(smtp(25).session.greeting).toEqual([{ kind: 'server', text: '220 mail.example.test ESMTP Mailwire', encrypted: false }]);
  });

  test('rejects MAIL before EHLO/HELO with 503 (strict order)', () => {
    expect(say(smtp(25).session, 'MAIL FROM:<a@b.example>')).toEqual(['503 5.5.1 Error: send HELO/EHLO first']);
  });

  test.each([['NOOP', '250 2.0.0 Ok'], ['RSET', '250 2.0.0 Ok'], ['VRFY bob', '252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery']])(
    'answers %s before EHLO',
    (line, reply) => {
      const { session } = smtp(25);
      expect(say(session, line)).toEqual([reply]);
      expect(session.view().state).toBe('connected');
    },
  );

  test('answers HELP and QUIT before EHLO', () => {
    const { session } = smtp(25);
    expect(say(session, 'HELP')[0]).toBe('214-2.0.0 Mailwire SMTP server. Commands:');
    const step = session.send('QUIT');
    expect(step).toMatchObject({ replies: ['221 2.0.0 Bye'], closed: true });
    expect(session.send('NOOP').replies).toEqual([]);
  });

  test('answers HELO with one line and EHLO/HELO without a name with 501', () => {
    const { session } = smtp(25);
    expect(say(session, 'HELO')).toEqual(['501 5.5.4 Syntax: HELO hostname']);
    expect(say(session, 'EHLO ')).toEqual(['501 5.5.4 Syntax: EHLO hostname']);
    expect(say(session, 'helo client.example')).toEqual(['250 mail.example.test']);
    expect(session.view().state).toBe('ready');
  });

  test('resets the transaction on a new EHLO, like RSET', () => {
    const { session } = smtp(25);
    say(session, 'EHLO a.example', 'MAIL FROM:<c@sender.example>', 'RCPT TO:<bob@example.test>');
    expect(session.view().state).toBe('mailTransaction.recipients');
    say(session, 'EHLO a.example');
    expect(session.view().state).toBe('ready');
    expect(say(session, 'RCPT TO:<bob@example.test>')).toEqual(['503 5.5.1 Error: need MAIL command']);
  });

  test('answers an unknown verb with 500 and recognised unimplemented ones with 502', () => {
    const { session } = smtp(25);
    expect(say(session, 'HELLO there')).toEqual(['500 5.5.2 Error: command not recognized']);
    expect(say(session, '')).toEqual(['500 5.5.2 Error: command not recognized']);
    for (const verb of ['EXPN staff', 'TURN', 'ETRN example.test', 'BDAT 10 LAST', 'SEND FROM:<a@b.c>', 'SOML FROM:<a@b.c>', 'SAML FROM:<a@b.c>']) {
      expect(say(session, verb)).toEqual(['502 5.5.1 Error: command not implemented']);
    }
  });

  test('refuses a command line over 512 octets with CRLF and accepts one of exactly 512', () => {
    const { session } = smtp(25);
    expect(say(session, `NOOP ${'x'.repeat(505)}`)).toEqual(['250 2.0.0 Ok']);
    expect(say(session, `NOOP ${'x'.repeat(506)}`)).toEqual(['500 5.5.2 Error: line too long']);
  });

  test('takes verbs in any case', () => {
    const { session } = smtp(25);
    expect(say(session, 'ehlo x.example')[0]).toBe('250-mail.example.test');
    expect(say(session, 'mail from:<c@sender.example>')).toEqual(['250 2.1.0 Ok']);
  });
});

describe('STARTTLS', () => {
  test('starts TLS, drops STARTTLS from EHLO and forgets the EHLO', () => {
    const { session } = smtp(25);
    say(session, 'EHLO a.example');
    const step = session.send('STARTTLS');
    expect(step).toMatchObject({ replies: ['220 2.0.0 Ready to start TLS'], startTls: true });
    expect(step.entries.at(-1)).toMatchObject({ kind: 'event', event: 'tls' });
    expect(session.view()).toMatchObject({ tls: true, state: 'connected' });
    expect(say(session, 'MAIL FROM:<c@sender.example>')).toEqual(['503 5.5.1 Error: send HELO/EHLO first']);
    expect(session.send('EHLO a.example')).toMatchObject({ startTls: false });
  });

  test('refuses arguments, a second STARTTLS, and STARTTLS inside a transaction', () => {
    const { session } = smtp(25);
    expect(say(session, 'EHLO a.example', 'STARTTLS now')).toEqual(['501 5.5.4 Syntax: STARTTLS']);
    expect(say(session, 'MAIL FROM:<c@sender.example>', 'STARTTLS')).toEqual(['503 5.5.1 Error: MAIL transaction in progress']);
    expect(say(session, 'RSET', 'STARTTLS', 'STARTTLS')).toEqual(['554 5.5.1 Error: TLS already active']);
  });
});

describe('AUTH', () => {
  test('is not enabled on port 25, even after STARTTLS', () => {
    const { session } = smtp(25);
    expect(say(session, 'EHLO a.example', 'AUTH PLAIN')).toEqual(['503 5.5.1 Error: authentication not enabled']);
    expect(say(session, 'STARTTLS', 'EHLO a.example', `AUTH PLAIN ${ALICE_PLAIN}`)).toEqual(['503 5.5.1 Error: authentication not enabled']);
  });

  test('needs STARTTLS first on 587, for AUTH and for MAIL', () => {
    const { session } = smtp(587);
    say(session, 'EHLO a.example');
    expect(say(session, `AUTH PLAIN ${ALICE_PLAIN}`)).toEqual(['530 5.7.0 Must issue a STARTTLS command first']);
    expect(say(session, 'MAIL FROM:<alice@example.test>')).toEqual(['530 5.7.0 Must issue a STARTTLS command first']);
  });

  test('needs EHLO before AUTH', () => {
    expect(say(smtp(465).session, `AUTH PLAIN ${ALICE_PLAIN}`)).toEqual(['503 5.5.1 Error: send HELO/EHLO first']);
  });

  test('requires authentication before MAIL on submission ports', () => {
    expect(say(submission(false).session, 'MAIL FROM:<alice@example.test>')).toEqual(['530 5.7.0 Authentication required']);
    const { session } = smtp(465);
    expect(say(session, 'EHLO a.example', 'MAIL FROM:<alice@example.test>')).toEqual(['530 5.7.0 Authentication required']);
  });

  test.each([
    ['PLAIN with an initial response', [`AUTH PLAIN ${ALICE_PLAIN}`], ['235 2.7.0 Authentication successful']],
    ['PLAIN after an empty challenge', ['AUTH PLAIN', ALICE_PLAIN], ['334 ', '235 2.7.0 Authentication successful']],
    ['PLAIN with an authzid equal to the user', ['AUTH PLAIN YWxpY2UAYWxpY2UAd29uZGVybGFuZA=='], ['235 2.7.0 Authentication successful']],
    ['LOGIN in two steps', ['AUTH LOGIN', 'YWxpY2U=', 'd29uZGVybGFuZA=='], ['334 VXNlcm5hbWU6', '334 UGFzc3dvcmQ6', '235 2.7.0 Authentication successful']],
    ['LOGIN with the user name on the AUTH line', ['auth login YWxpY2U=', 'd29uZGVybGFuZA=='], ['334 UGFzc3dvcmQ6', '235 2.7.0 Authentication successful']],
  ])('logs in with %s', (_name, lines, replies) => {
    const { session } = submission(false);
    expect(lines.map((l) => session.send(l).replies[0])).toEqual(replies);
    expect(session.view()).toMatchObject({ user: 'alice', state: 'ready' });
  });

  test.each([
    ['a wrong password', [`AUTH PLAIN AGFsaWNlAHdyb25ncGFzc3dvcmQ=`], '535 5.7.8 Error: authentication failed: authentication failure'],
    ['another identity as authzid', ['AUTH PLAIN Ym9iAGFsaWNlAHdvbmRlcmxhbmQ='], '535 5.7.8 Error: authentication failed: authentication failure'],
    ['a PLAIN message without NULs', ['AUTH PLAIN YWxpY2U='], '535 5.7.8 Error: authentication failed: authentication failure'],
    ['"*" after the PLAIN challenge', ['AUTH PLAIN', '*'], '501 5.7.0 Authentication aborted'],
    ['"*" after the password challenge', ['AUTH LOGIN', 'YWxpY2U=', '*'], '501 5.7.0 Authentication aborted'],
    ['a response that is not base64', ['AUTH LOGIN', 'not base64!'], '501 5.5.2 Cannot decode response'],
    ['an initial response that is not base64', ['AUTH PLAIN ***'], '501 5.5.2 Cannot decode response'],
    ['an unsupported mechanism', ['AUTH CRAM-MD5'], '504 5.5.4 Unrecognized authentication type'],
    ['no mechanism', ['AUTH'], '501 5.5.4 Syntax: AUTH mechanism [initial-response]'],
    ['a response over 12288 octets', ['AUTH PLAIN', 'A'.repeat(12288)], '500 5.5.6 Authentication Exchange line is too long'],
  ])('refuses %s and stays logged out', (_name, lines, reply) => {
    const { session } = submission(false);
    expect(say(session, ...lines)).toEqual([reply]);
    expect(session.view()).toMatchObject({ user: undefined, state: 'ready' });
  });

  test('refuses AUTH once authenticated and during a transaction', () => {
    const { session } = submission();
    expect(say(session, 'AUTH LOGIN')).toEqual(['503 5.5.1 Error: already authenticated']);
    expect(say(session, 'MAIL FROM:<alice@example.test>', 'AUTH LOGIN')).toEqual(['503 5.5.1 Error: MAIL transaction in progress']);
  });

  test('treats lines during the exchange as responses, not commands', () => {
    const { session } = submission(false);
    say(session, 'AUTH LOGIN');
    expect(session.view()).toMatchObject({ expects: 'sasl', state: 'authenticating.login.username', allowedCommands: [] });
    // "QUIT" is four base64 characters: it is taken as the user name, and the server asks for the password.
    expect(say(session, 'QUIT')).toEqual(['334 UGFzc3dvcmQ6']);
    expect(session.view()).toMatchObject({ closed: false, state: 'authenticating.login.password' });
  });
});

describe('MAIL and RCPT', () => {
  test.each([
    ['MAIL FROM:<c@sender.example>', '250 2.1.0 Ok'],
    ['MAIL FROM:<>', '250 2.1.0 Ok'],
    ['MAIL FROM: <c@sender.example>', '250 2.1.0 Ok'],
    ['MAIL FROM:<c@sender.example> SIZE=1000 BODY=8BITMIME', '250 2.1.0 Ok'],
    ['MAIL FROM:<c@sender.example> body=7bit', '250 2.1.0 Ok'],
    ['MAIL FROM:<@relay.example:c@sender.example>', '250 2.1.0 Ok'],
    ['MAIL alice@example.test', '501 5.5.4 Syntax: MAIL FROM:<address>'],
    ['MAIL', '501 5.5.4 Syntax: MAIL FROM:<address>'],
    ['MAIL FROM:<carol@sender.example', '501 5.1.7 Bad sender address syntax'],
    ['MAIL FROM:<carol>', '501 5.1.7 Bad sender address syntax'],
    ['MAIL FROM:<postmaster>', '501 5.1.7 Bad sender address syntax'],
    [`MAIL FROM:<${'a'.repeat(250)}@s.example>`, '501 5.1.7 Sender path too long'],
    ['MAIL FROM:<c@sender.example> SIZE=10240001', '552 5.3.4 Message size exceeds fixed limit'],
    ['MAIL FROM:<c@sender.example> SIZE=big', '501 5.5.4 Bad message size syntax'],
    ['MAIL FROM:<c@sender.example> BODY=BINARYMIME', '501 5.5.4 Bad BODY keyword syntax'],
    ['MAIL FROM:<c@sender.example> SMTPUTF8', '555 5.5.4 Unsupported option: SMTPUTF8'],
    ['MAIL FROM:<c@sender.example> AUTH=<>', '555 5.5.4 Unsupported option: AUTH=<>'],
  ])('answers %s with %s on port 25', (line, reply) => {
    const { session } = smtp(25);
    expect(say(session, 'EHLO a.example', line)).toEqual([reply]);
    expect(session.view().state).toBe(reply.startsWith('250') ? 'mailTransaction.sender' : 'ready');
  });

  test('accepts the AUTH= parameter where AUTH is offered (RFC 4954 §5)', () => {
    expect(say(submission().session, 'MAIL FROM:<alice@example.test> AUTH=<>')).toEqual(['250 2.1.0 Ok']);
  });

  test('refuses a nested MAIL', () => {
    const { session } = smtp(25);
    expect(say(session, 'EHLO a.example', 'MAIL FROM:<a@s.example>', 'MAIL FROM:<a@s.example>')).toEqual(['503 5.5.1 Error: nested MAIL command']);
  });

  test.each([
    ['RCPT TO:<bob@example.test>', '250 2.1.5 Ok'],
    ['RCPT TO:<bob@EXAMPLE.TEST>', '250 2.1.5 Ok'],
    ['RCPT TO:bob@example.test', '250 2.1.5 Ok'],
    ['RCPT TO:<postmaster@example.test>', '250 2.1.5 Ok'],
    ['RCPT TO:<POSTMASTER>', '250 2.1.5 Ok'],
    ['RCPT TO:<Bob@example.test>', '550 5.1.1 <Bob@example.test>: Recipient address rejected: User unknown in local recipient table'],
    ['RCPT TO:<carol@example.test>', '550 5.1.1 <carol@example.test>: Recipient address rejected: User unknown in local recipient table'],
    ['RCPT TO:<dave@elsewhere.example>', '554 5.7.1 <dave@elsewhere.example>: Relay access denied'],
    ['RCPT TO:<>', '501 5.1.3 Bad recipient address syntax'],
    ['RCPT TO:<bob@example.test', '501 5.1.3 Bad recipient address syntax'],
    ['RCPT TO:<bob example.test>', '501 5.1.3 Bad recipient address syntax'],
    ['RCPT <bob@example.test>', '501 5.5.4 Syntax: RCPT TO:<address>'],
    ['RCPT TO:<bob@example.test> NOTIFY=NEVER', '555 5.5.4 Unsupported option: NOTIFY=NEVER'],
  ])('answers %s with %s on port 25', (line, reply) => {
    const { session } = smtp(25);
    expect(say(session, 'EHLO a.example', 'MAIL FROM:<c@sender.example>', line)).toEqual([reply]);
  });

  test('refuses RCPT before MAIL with 503', () => {
    expect(say(smtp(25).session, 'EHLO a.example', 'RCPT TO:<bob@example.test>')).toEqual(['503 5.5.1 Error: need MAIL command']);
  });

  test('lets authenticated submission clients send to other domains', () => {
    expect(say(submission().session, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<dave@elsewhere.example>')).toEqual(['250 2.1.5 Ok']);
  });

  test('accepts 100 recipients and answers the 101st with 452, not 552', () => {
    const { session } = smtp(25);
    say(session, 'EHLO a.example', 'MAIL FROM:<c@sender.example>');
    for (let i = 0; i < 100; i++) expect(say(session, 'RCPT TO:<bob@example.test>')).toEqual(['250 2.1.5 Ok']);
    expect(say(session, 'RCPT TO:<alice@example.test>')).toEqual(['452 4.5.3 Error: too many recipients']);
  });
});

describe('DATA', () => {
  test('refuses DATA without MAIL (503), without an accepted RCPT (554) and with an argument (501)', () => {
    const { session } = smtp(25);
    expect(say(session, 'EHLO a.example', 'DATA')).toEqual(['503 5.5.1 Error: need RCPT command']);
    expect(say(session, 'MAIL FROM:<c@sender.example>', 'RCPT TO:<nobody@example.test>', 'DATA')).toEqual(['554 5.5.1 Error: no valid recipients']);
    expect(say(session, 'RCPT TO:<bob@example.test>', 'DATA now')).toEqual(['501 5.5.4 Syntax: DATA']);
  });

  test('stores the message with one leading dot removed and answers the final dot with a queue id', () => {
    const { world, session } = smtp(25);
    say(session, 'EHLO a.example', 'MAIL FROM:<c@sender.example>', 'RCPT TO:<bob@example.test>');
    expect(say(session, 'DATA')).toEqual(['354 End data with <CR><LF>.<CR><LF>']);
    expect(session.view()).toMatchObject({ state: 'data', expects: 'data', allowedCommands: [] });
    for (const l of ['Subject: dots', '', '..hidden', '..', '...', 'QUIT', 'RSET']) expect(session.send(l).replies).toEqual([]);
    const [reply] = say(session, '.');
    expect(reply).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]{11}$/);
    const raw = world.mailbox('bob', 'INBOX')!.messages.at(-1)!.raw;
    expect(toLines(raw).slice(4)).toEqual(['Subject: dots', '', '.hidden', '.', '..', 'QUIT', 'RSET']);
    expect(raw).toContain(`id ${reply!.slice(-11)}`);
    expect(session.view().state).toBe('ready');
  });

  test('queues mail for other domains and delivers local copies', () => {
    const { world, session } = submission();
    say(session, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<dave@elsewhere.example>', 'RCPT TO:<erin@ELSEWHERE.example>', 'RCPT TO:<bob@example.test>', 'DATA', 'Subject: out', '', 'hi');
    const id = say(session, '.')[0]!.slice(-11);
    expect(world.outbound).toEqual([
      expect.objectContaining({ queueId: id, from: 'alice@example.test', to: ['dave@elsewhere.example', 'erin@ELSEWHERE.example'], domain: 'elsewhere.example', size: 20 }),
    ]);
    expect(world.mailbox('bob', 'INBOX')!.messages.at(-1)!.raw).toContain('Subject: out');
  });

  test('refuses a message over the size limit and delivers nothing', () => {
    const { world, session } = smtp(25);
    const before = world.inventory();
    say(session, 'EHLO a.example', 'MAIL FROM:<c@sender.example>', 'RCPT TO:<bob@example.test>', 'DATA');
    const big = 'y'.repeat(5_000_000);
    // Lines this long also break the 1000-octet rule; the size limit is reported first.
    say(session, big, big, big);
    expect(say(session, '.')).toEqual(['552 5.3.4 Error: message file too big']);
    expect(world.inventory()).toEqual(before);
  });

  test('reads to the final dot after an over-long line, then refuses with 554 5.6.0', () => {
    const { world, session } = smtp(25);
    const before = world.inventory();
    say(session, 'EHLO a.example', 'MAIL FROM:<c@sender.example>', 'RCPT TO:<bob@example.test>', 'DATA', 'Subject: long', '');
    expect(session.send('z'.repeat(999)).replies).toEqual([]);
    expect(session.send('MAIL FROM:<x@y.example>').replies).toEqual([]);
    expect(say(session, '.')).toEqual(['554 5.6.0 Error: line too long']);
    expect(world.inventory()).toEqual(before);
    expect(say(session, 'MAIL FROM:<c@sender.example>')).toEqual(['250 2.1.0 Ok']);
  });

  test('accepts a line of exactly 1000 octets with CRLF, not counting the transparency dot', () => {
    const { world, session } = smtp(25);
    say(session, 'EHLO a.example', 'MAIL FROM:<c@sender.example>', 'RCPT TO:<bob@example.test>', 'DATA', `.${'.'.repeat(998)}`);
    expect(say(session, '.')[0]).toMatch(/^250 /);
    expect(toLines(world.mailbox('bob', 'INBOX')!.messages.at(-1)!.raw).at(-1)).toBe('.'.repeat(998));
  });

  test('records HELO, TLS and AUTH in the Received header (RFC 3848)', () => {
    const withOf = (port: number, greet: string, tls: boolean) => {
      const { world, session } = smtp(port);
      if (tls) say(session, 'STARTTLS');
      say(session, greet, 'MAIL FROM:<c@s.example>', 'RCPT TO:<bob@example.test>', 'DATA', '.');
      return /with (\S+) id/.exec(world.mailbox('bob', 'INBOX')!.messages.at(-1)!.raw)![1];
    };
    expect(withOf(25, 'HELO a.example', false)).toBe('SMTP');
    expect(withOf(25, 'EHLO a.example', false)).toBe('ESMTP');
    expect(withOf(25, 'EHLO a.example', true)).toBe('ESMTPS');
  });

  test('delivers nothing when the connection drops during DATA', () => {
    const { world, session } = smtp(25);
    const before = world.inventory();
    say(session, 'EHLO a.example', 'MAIL FROM:<c@sender.example>', 'RCPT TO:<bob@example.test>', 'DATA', 'Subject: lost');
    session.drop();
    expect(session.view().closed).toBe(true);
    expect(world.inventory()).toEqual(before);
  });
});

describe('RSET, NOOP, VRFY, HELP', () => {
  test('RSET ends the transaction but keeps EHLO, TLS and AUTH', () => {
    const { session } = submission();
    say(session, 'MAIL FROM:<alice@example.test>', 'RCPT TO:<bob@example.test>');
    expect(say(session, 'RSET')).toEqual(['250 2.0.0 Ok']);
    expect(session.view()).toMatchObject({ state: 'ready', tls: true, user: 'alice' });
    expect(say(session, 'RSET all')).toEqual(['501 5.5.4 Syntax: RSET']);
  });

  test('VRFY needs an argument', () => {
    expect(say(smtp(25).session, 'VRFY')).toEqual(['501 5.5.4 Syntax: VRFY address']);
  });

  test('HELP lists the commands of this session and shows one command', () => {
    const { session } = submission();
    expect(say(session, 'HELP')).toEqual([
      '214-2.0.0 Mailwire SMTP server. Commands:',
      '214-2.0.0 EHLO HELO AUTH MAIL RCPT DATA RSET NOOP VRFY HELP QUIT',
      '214 2.0.0 HELP <command> shows its syntax',
    ]);
    expect(say(session, 'HELP mail')).toEqual(['214 2.0.0 MAIL FROM:<sender> [SIZE=octets] [BODY=7BIT|8BITMIME]']);
  });

  test('every reply in these sessions is well formed', () => {
    const { session } = submission();
    for (const l of ['HELP', 'HELP AUTH', 'NOOP', 'VRFY x', 'EXPN x', 'MAIL FROM:<a@b.example>', 'DATA', 'QUIT']) {
      expect(replyProblems(session.send(l).replies)).toEqual([]);
    }
  });
});
