/**
 * Replays of the reference sheet's SMTP transcripts: the live Postfix captures of Appendix A.1–A.5 and the
 * condensed ones of §2.6. `S:` lines are the capture, byte for byte; where the brief asks Mailwire to answer
 * otherwise, `M:` lines under them give Mailwire's reply and a `;` line says why.
 */
import { describe, expect, test } from 'vitest';
import { headerValue, toLines } from '../../src/protocols/shared/message.ts';
import { greetingLines, replay, replyProblems, smtp } from '../protocols/smtp/helpers.ts';

const A1 = `
[TCP connect to port 25, plaintext]
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: EHLO mx1.sender.example
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-STARTTLS
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: STARTTLS
S: 220 2.0.0 Ready to start TLS
[TLS handshake on the same TCP connection (TLSv1.3); everything below is encrypted]
C: EHLO mx1.sender.example
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: MAIL FROM:<carol@sender.example> SIZE=420
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.test>
S: 250 2.1.5 Ok
C: RCPT TO:<bob@example.test>
S: 250 2.1.5 Ok
C: RCPT TO:<nobody@example.test>
S: 250 2.1.5 Ok
; "nobody" is a system account on the lab host; this world has only alice and bob
M: 550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown in local recipient table
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: From: Carol <carol@sender.example>
C: To: alice@example.test, bob@example.test
C: Subject: Lunch on Friday?
C: Date: Fri, 21 Nov 2025 12:00:00 +0000
C: Message-ID: <lunch-1@sender.example>
C: 
C: Hi both,
C: are you free for lunch on Friday?
C: ..this line started with a dot, so the client doubled it
C: Carol
C: .
S: 250 2.0.0 Ok: queued as 7E7AD1800F8
C: QUIT
S: 221 2.0.0 Bye
`;

const A2S1 = `
[TCP connect to port 25, plaintext]
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: MAIL FROM:<carol@sender.example>
S: 250 2.1.0 Ok
; strict order: MAIL before HELO/EHLO is refused (sheet §2.1; Postfix with smtpd_helo_required=yes)
M: 503 5.5.1 Error: send HELO/EHLO first
C: HELO mx1.sender.example
S: 250 mail.example.test
C: RCPT TO:<alice@example.test>
S: 503 5.5.1 Error: need MAIL command
C: DATA
S: 503 5.5.1 Error: need RCPT command
C: HELLO there
S: 500 5.5.2 Error: command not recognized
C: MAIL alice@example.test
S: 501 5.5.4 Syntax: MAIL FROM:<address>
C: MAIL FROM:<carol@sender.example>
S: 250 2.1.0 Ok
C: MAIL FROM:<carol@sender.example>
S: 503 5.5.1 Error: nested MAIL command
C: DATA
S: 554 5.5.1 Error: no valid recipients
C: RCPT TO:<someone@elsewhere.example>
S: 554 5.7.1 <someone@elsewhere.example>: Relay access denied
C: RCPT TO:<nobody@example.test>
S: 250 2.1.5 Ok
; "nobody" is a system account on the lab host; this world has only alice and bob
M: 550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown in local recipient table
C: RCPT TO:alice@example.test
S: 250 2.1.5 Ok
C: RSET
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 alice
; VRFY answers 252 whatever the argument: neither yes nor no (RFC 5321 §3.5.3, §7.3)
M: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: VRFY nobody
S: 252 2.0.0 nobody
; VRFY answers 252 whatever the argument: neither yes nor no (RFC 5321 §3.5.3, §7.3)
M: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: EXPN staff
S: 500 5.5.2 Error: command not recognized
; EXPN is recognised but not implemented: 502, not 500 (RFC 5321 §4.2.4)
M: 502 5.5.1 Error: command not implemented
C: AUTH PLAIN
S: 503 5.5.1 Error: authentication not enabled
C: HELP
S: 500 5.5.2 Error: command not recognized
; HELP is implemented (RFC 5321 §4.1.1.8): 214 with the commands this session may use
M: 214-2.0.0 Mailwire SMTP server. Commands:
M: 214-2.0.0 EHLO HELO STARTTLS MAIL RCPT DATA RSET NOOP VRFY HELP QUIT
M: 214 2.0.0 HELP <command> shows its syntax
C: QUIT
S: 221 2.0.0 Bye
`;

const A2S2 = `
[TCP connect to port 25, plaintext]
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: EHLO client.example
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-STARTTLS
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: MAIL FROM:<carol@sender.example>
S: 250 2.1.0 Ok
C: RCPT TO:<nosuchuser@example.test>
S: 550 5.1.1 <nosuchuser@example.test>: Recipient address rejected: User unknown in local recipient table
C: VRFY nosuchuser
S: 550 5.1.1 <nosuchuser>: Recipient address rejected: User unknown in local recipient table
; VRFY answers 252 whatever the argument: neither yes nor no (RFC 5321 §3.5.3, §7.3)
M: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: MAIL FROM:<aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…[line truncated here; 890 more characters]
S: 503 5.5.1 Error: nested MAIL command
; a command line over 512 octets is refused whole (RFC 5321 §4.5.3.1.4); Postfix's limit is 2048
M: 500 5.5.2 Error: line too long
C: QUIT
S: 221 2.0.0 Bye
`;

const A2S3 = `
[TCP connect to port 25, plaintext]
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: EHLO
S: 501 Syntax: EHLO hostname
; enhanced status codes on every reply but the greeting and EHLO/HELO 250 (RFC 2034)
M: 501 5.5.4 Syntax: EHLO hostname
C: HELO
S: 501 Syntax: HELO hostname
M: 501 5.5.4 Syntax: HELO hostname
C: EHLO client.example
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-STARTTLS
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: MAIL FROM:<carol@sender.example
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM:<>
S: 250 2.1.0 Ok
C: RCPT TO:<>
S: 501 5.1.3 Bad recipient address syntax
C: RCPT TO:<postmaster>
S: 250 2.1.5 Ok
C: RCPT TO:<Postmaster@example.test>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: bounce-like test
C: 
C: body
C: .
S: 250 2.0.0 Ok: queued as A7E2D180101
C: RSET
S: 250 2.0.0 Ok
C: STARTTLS now
S: 501 5.5.4 Syntax: STARTTLS
C: QUIT
S: 221 2.0.0 Bye
`;

const A3 = `
[TCP connect to port 587, plaintext]
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: EHLO laptop.example.test
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-STARTTLS
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=
S: 530 5.7.0 Must issue a STARTTLS command first
C: MAIL FROM:<alice@example.test>
S: 530 5.7.0 Must issue a STARTTLS command first
C: STARTTLS
S: 220 2.0.0 Ready to start TLS
[TLS handshake on the same TCP connection (TLSv1.3); everything below is encrypted]
C: EHLO laptop.example.test
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-AUTH PLAIN LOGIN
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: MAIL FROM:<alice@example.test>
S: 250 2.1.0 Ok
; submission requires AUTH before MAIL (RFC 6409 §4.3, RFC 4954 §6); Postfix here refused at RCPT instead
M: 530 5.7.0 Authentication required
C: RCPT TO:<dave@elsewhere.example>
S: 554 5.7.1 <dave@elsewhere.example>: Recipient address rejected: Access denied
; so no transaction is open
M: 503 5.5.1 Error: need MAIL command
C: RSET
S: 250 2.0.0 Ok
C: AUTH PLAIN AGFsaWNlAHdyb25ncGFzc3dvcmQ=
S: 535 5.7.8 Error: authentication failed: (reason unavailable)
M: 535 5.7.8 Error: authentication failed: authentication failure
C: AUTH LOGIN
S: 334 VXNlcm5hbWU6
C: YWxpY2U=
S: 334 UGFzc3dvcmQ6
C: d29uZGVybGFuZA==
S: 235 2.7.0 Authentication successful
C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=
S: 503 5.5.1 Error: already authenticated
C: MAIL FROM:<alice@example.test>
S: 250 2.1.0 Ok
C: RCPT TO:<bob@example.test>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: From: Alice <alice@example.test>
C: To: Bob <bob@example.test>
C: Subject: Minutes
C: Date: Fri, 21 Nov 2025 13:00:00 +0000
C: Message-ID: <minutes-1@example.test>
C: 
C: Hi Bob,
C: minutes attached (not really).
C: .
S: 250 2.0.0 Ok: queued as 4189118008F
C: QUIT
S: 221 2.0.0 Bye
`;

const A4S1 = `
[TCP connect to port 587, plaintext]
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: EHLO laptop.example.test
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-STARTTLS
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: STARTTLS
S: 220 2.0.0 Ready to start TLS
[TLS handshake on the same TCP connection (TLSv1.3); everything below is encrypted]
C: EHLO laptop.example.test
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-AUTH PLAIN LOGIN
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: AUTH PLAIN
S: 334 
C: AGJvYgBidWlsZGVy
S: 235 2.7.0 Authentication successful
C: AUTH LOGIN
S: 503 5.5.1 Error: already authenticated
C: QUIT
S: 221 2.0.0 Bye
`;

const A4S2 = `
[TCP connect to port 587, plaintext]
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: EHLO laptop.example.test
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-STARTTLS
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: STARTTLS
S: 220 2.0.0 Ready to start TLS
[TLS handshake on the same TCP connection (TLSv1.3); everything below is encrypted]
C: EHLO laptop.example.test
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-AUTH PLAIN LOGIN
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: AUTH LOGIN
S: 334 VXNlcm5hbWU6
C: *
S: 501 5.7.0 Authentication aborted
C: AUTH CRAM-MD5
S: 535 5.7.8 Error: authentication failed: Invalid authentication mechanism
; an unsupported mechanism gets 504 (RFC 4954 §4); Postfix says 535
M: 504 5.5.4 Unrecognized authentication type
C: MAIL FROM:<bob@example.test>
S: 250 2.1.0 Ok
; not authenticated: MAIL is refused (RFC 6409 §4.3)
M: 530 5.7.0 Authentication required
C: RCPT TO:<alice@example.test>
S: 554 5.7.1 <alice@example.test>: Recipient address rejected: Access denied
M: 503 5.5.1 Error: need MAIL command
C: QUIT
S: 221 2.0.0 Bye
`;

const A4S3 = `
[TCP connect to port 465, TLS handshake immediately (TLSv1.3, implicit TLS)]
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: EHLO laptop.example.test
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-AUTH PLAIN LOGIN
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: STARTTLS
S: 554 5.5.1 Error: TLS already active
C: AUTH PLAIN AGJvYgBidWlsZGVy
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<bob@example.test>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.test>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: From: Bob <bob@example.test>
C: To: Alice <alice@example.test>
C: Subject: Re: Minutes
C: Date: Fri, 21 Nov 2025 13:30:00 +0000
C: Message-ID: <re-minutes-1@example.test>
C: 
C: Thanks!
C: .
S: 250 2.0.0 Ok: queued as 7948F180109
C: QUIT
S: 221 2.0.0 Bye
`;

const S26A = `
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: EHLO laptop.example.test
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-STARTTLS
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: MAIL FROM:<alice@example.test>
S: 530 5.7.0 Must issue a STARTTLS command first
C: STARTTLS
S: 220 2.0.0 Ready to start TLS
   [TLS handshake; from here on everything is encrypted]
C: EHLO laptop.example.test
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-AUTH PLAIN LOGIN
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<alice@example.test>
S: 250 2.1.0 Ok
C: RCPT TO:<bob@example.test>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: From: Alice <alice@example.test>
C: To: Bob <bob@example.test>
C: Subject: Minutes
C: Date: Fri, 21 Nov 2025 13:00:00 +0000
C: Message-ID: <minutes-1@example.test>
C:
C: Hi Bob,
C: minutes attached (not really).
C: .
S: 250 2.0.0 Ok: queued as 4189118008F
C: QUIT
S: 221 2.0.0 Bye

`;

const S26B = `
; sending MTA (mx1.sender.example) has mail for alice@example.test and bob@example.test
; DNS:  example.test.  MX  10 mail.example.test.      (illustrative)
;       mail.example.test.  A  192.0.2.25              (illustrative; lab used 127.0.0.1)
[TCP connect to mail.example.test:25]
S: 220 mail.example.test ESMTP Postfix (Debian/GNU)
C: EHLO mx1.sender.example
S: 250-mail.example.test
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-VRFY
S: 250-ETRN
S: 250-STARTTLS
S: 250-ENHANCEDSTATUSCODES
S: 250-8BITMIME
S: 250-DSN
S: 250-SMTPUTF8
S: 250 CHUNKING
C: STARTTLS
S: 220 2.0.0 Ready to start TLS
   [TLS handshake, opportunistic; certificate usually not validated unless MTA-STS/DANE]
C: EHLO mx1.sender.example
S: 250-mail.example.test
   ... (same list without STARTTLS) ...
S: 250 CHUNKING
C: MAIL FROM:<carol@sender.example> SIZE=420
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.test>
S: 250 2.1.5 Ok
C: RCPT TO:<bob@example.test>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: From: Carol <carol@sender.example>
C: To: alice@example.test, bob@example.test
C: Subject: Lunch on Friday?
C: Date: Fri, 21 Nov 2025 12:00:00 +0000
C: Message-ID: <lunch-1@sender.example>
C:
C: Hi both,
C: are you free for lunch on Friday?
C: ..this line started with a dot, so the client doubled it
C: Carol
C: .
S: 250 2.0.0 Ok: queued as 7E7AD1800F8
C: QUIT
S: 221 2.0.0 Bye

`;

/** The sheet cuts long lines as "…[line truncated here; N more characters]": rebuild one of that length. */
function untruncate(client: string): string {
  const m = /…\[line truncated here; (\d+) more characters\]$/.exec(client);
  if (!m) return client;
  const tail = '@sender.example>';
  return client.slice(0, m.index) + 'a'.repeat(Number(m[1]) - tail.length) + tail;
}

/** The lines of the newest message in a user's INBOX. */
function newest(world: ReturnType<typeof smtp>['world'], user: string): string[] {
  return toLines(world.mailbox(user, 'INBOX')!.messages.at(-1)!.raw);
}

describe('A.1 relay on port 25 with opportunistic STARTTLS', () => {
  test('answers as the capture and delivers to alice and bob with the doubled dot removed', () => {
    const { world, session } = smtp(25);
    replay(session, A1);
    for (const user of ['alice', 'bob']) {
      const lines = newest(world, user);
      expect(lines).toContain('.this line started with a dot, so the client doubled it');
      expect(lines).not.toContain('..this line started with a dot, so the client doubled it');
      expect(lines[2]).toMatch(/^\tby mail\.example\.test \(Mailwire\) with ESMTPS id [0-9A-F]{11}$/);
      expect(headerValue(world.mailbox(user, 'INBOX')!.messages.at(-1)!.raw, 'Subject')).toBe('Lunch on Friday?');
    }
    expect(world.outbound).toEqual([]);
  });
});

describe('A.2 error cases on port 25', () => {
  test('session 1: sequence, syntax, relay, VRFY, EXPN, AUTH not offered', () => {
    replay(smtp(25).session, A2S1);
  });

  test('session 2: unknown user, VRFY, an over-long MAIL line', () => {
    replay(smtp(25).session, A2S2, { expand: untruncate });
  });

  test('session 3: argument errors, the null sender and postmaster, STARTTLS with an argument', () => {
    const { world, session } = smtp(25);
    const before = world.mailbox('alice', 'INBOX')!.messages.length;
    replay(session, A2S3);
    // postmaster and Postmaster@example.test both reach alice, who gets one copy, with the null sender.
    expect(world.mailbox('alice', 'INBOX')!.messages.length).toBe(before + 1);
    expect(newest(world, 'alice')[0]).toBe('Return-Path: <>');
    expect(newest(world, 'alice').at(-1)).toBe('body');
  });
});

describe('A.3 submission on port 587', () => {
  test('requires STARTTLS, then AUTH, and delivers with ESMTPSA', () => {
    const { world, session } = smtp(587);
    replay(session, A3);
    expect(newest(world, 'bob')).toContain('Subject: Minutes');
    expect(newest(world, 'bob')[2]).toContain('with ESMTPSA id');
    expect(session.view().user).toBe('alice');
  });
});

describe('A.4 AUTH variants on 587 and implicit TLS on 465', () => {
  test('session 1: AUTH PLAIN with an empty challenge, then AUTH again', () => {
    replay(smtp(587).session, A4S1);
  });

  test('session 2: "*" cancels, an unknown mechanism, MAIL without AUTH', () => {
    replay(smtp(587).session, A4S2);
  });

  test('session 3: port 465 starts in TLS, refuses STARTTLS and delivers to alice', () => {
    const { world, session } = smtp(465);
    expect(session.greeting[0]).toMatchObject({ kind: 'event', event: 'tls' });
    expect(session.greeting[1]).toMatchObject({ kind: 'server', encrypted: true });
    replay(session, A4S3);
    expect(newest(world, 'alice')).toContain('Thanks!');
  });
});

describe('A.5 limits and timeouts', () => {
  // The capture's listener had a recipient limit of 2, a 200000-octet size limit and VRFY disabled; Mailwire
  // keeps RFC 5321's and Postfix's defaults, so the same errors appear at 100 recipients and 10240000 octets.
  test('refuses MAIL before EHLO, a declared SIZE over the limit, the 101st recipient and an oversized message', () => {
    const { world, session } = smtp(25);
    const before = world.inventory();
    const send = (l: string) => session.send(l).replies;
    expect(send('MAIL FROM:<carol@sender.example>')).toEqual(['503 5.5.1 Error: send HELO/EHLO first']);
    expect(send('EHLO mx1.sender.example')).toContain('250-SIZE 10240000');
    // VRFY stays enabled and answers 252 (RFC 5321 §7.3), where the capture's listener had it disabled (502).
    expect(send('VRFY alice')).toEqual(['252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery']);
    expect(send('MAIL FROM:<carol@sender.example> SIZE=10240001')).toEqual(['552 5.3.4 Message size exceeds fixed limit']);
    expect(send('MAIL FROM:<carol@sender.example> SIZE=1000')).toEqual(['250 2.1.0 Ok']);
    for (let i = 0; i < 100; i++) expect(send(i % 2 ? 'RCPT TO:<alice@example.test>' : 'RCPT TO:<bob@example.test>')).toEqual(['250 2.1.5 Ok']);
    expect(send('RCPT TO:<postmaster@example.test>')).toEqual(['452 4.5.3 Error: too many recipients']);
    expect(send('DATA')).toEqual(['354 End data with <CR><LF>.<CR><LF>']);
    const x998 = 'x'.repeat(998);
    for (let i = 0; i < 10_300; i++) expect(session.send(x998).replies).toEqual([]);
    expect(send('.')).toEqual(['552 5.3.4 Error: message file too big']);
    expect(send('QUIT')).toEqual(['221 2.0.0 Bye']);
    expect(world.inventory()).toEqual(before);
    expect(session.internalErrors).toBe(0);
  });

  test('says 421 4.4.2 and closes when the client stays silent', () => {
    const { session } = smtp(25);
    session.send('EHLO mx1.sender.example');
    const step = session.timeout();
    expect(step.replies).toEqual(['421 4.4.2 mail.example.test Error: timeout exceeded']);
    expect(step.closed).toBe(true);
    expect(session.view().closed).toBe(true);
  });

  test('refuses over-long command lines whole instead of splitting them as Postfix did', () => {
    const { session } = smtp(25);
    session.send('EHLO client.example');
    // Postfix accepted a 1100-character address and split a 3000-character line at its 2048-octet limit;
    // RFC 5321 §4.5.3.1.4 allows 512 octets per command line, so both are refused with 500.
    expect(session.send(`MAIL FROM:<${'a'.repeat(1100)}@sender.example>`).replies).toEqual(['500 5.5.2 Error: line too long']);
    expect(session.send('MAIL FROM:<carol@sender.example>').replies).toEqual(['250 2.1.0 Ok']);
    expect(session.send(`RCPT TO:<alice@example.test> ${'x'.repeat(3000)}`).replies).toEqual(['500 5.5.2 Error: line too long']);
    expect(session.send('RCPT TO:<alice@example.test> xxxx').replies).toEqual(['555 5.5.4 Unsupported option: xxxx']);
  });
});

describe('§2.6 reference transcripts', () => {
  test('(a) submission on 587 with STARTTLS and AUTH PLAIN', () => {
    const { world, session } = smtp(587);
    replay(session, S26A);
    expect(newest(world, 'bob')).toContain('minutes attached (not really).');
  });

  test('(b) relay on 25 delivers to both local recipients', () => {
    const { world, session } = smtp(25);
    replay(session, S26B);
    expect(newest(world, 'alice')).toContain('.this line started with a dot, so the client doubled it');
    expect(newest(world, 'bob')).toContain('Carol');
  });
});

describe('EHLO keywords', () => {
  test.each([
    [25, false, ['PIPELINING', 'SIZE 10240000', 'VRFY', 'STARTTLS', 'ENHANCEDSTATUSCODES', '8BITMIME', 'LIMITS RCPTMAX=100']],
    [25, true, ['PIPELINING', 'SIZE 10240000', 'VRFY', 'ENHANCEDSTATUSCODES', '8BITMIME', 'LIMITS RCPTMAX=100']],
    [587, false, ['PIPELINING', 'SIZE 10240000', 'VRFY', 'STARTTLS', 'ENHANCEDSTATUSCODES', '8BITMIME', 'LIMITS RCPTMAX=100']],
    [587, true, ['PIPELINING', 'SIZE 10240000', 'VRFY', 'AUTH PLAIN LOGIN', 'ENHANCEDSTATUSCODES', '8BITMIME', 'LIMITS RCPTMAX=100']],
    [465, true, ['PIPELINING', 'SIZE 10240000', 'VRFY', 'AUTH PLAIN LOGIN', 'ENHANCEDSTATUSCODES', '8BITMIME', 'LIMITS RCPTMAX=100']],
  ])('port %i, after STARTTLS %s, lists exactly what is implemented', (port, starttls, keywords) => {
    const { session } = smtp(port);
    if (starttls && port !== 465) expect(session.send('STARTTLS').replies).toEqual(['220 2.0.0 Ready to start TLS']);
    const reply = session.send('EHLO client.example').replies;
    expect(replyProblems(reply)).toEqual([]);
    expect(reply).toEqual(['250-mail.example.test', ...keywords.slice(0, -1).map((k) => `250-${k}`), `250 ${keywords.at(-1)}`]);
    expect(greetingLines(session)).toEqual(['220 mail.example.test ESMTP Mailwire']);
  });
});
