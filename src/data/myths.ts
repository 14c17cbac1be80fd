/**
 * Beliefs about mail not tied to one port (reference sheet §7); each port's own myth sits on the port as its
 * misconception. Each myth is one sentence a learner judges; each correction's first sentence is true on its own,
 * because the quiz asks it as a fact. Exchange's myths (§7 #20–22) are in myths-exchange.ts, listed last.
 */
import { exchangeMyths } from './myths-exchange.ts';
import type { Myth } from './schema.ts';
import { V, V2, rfc } from './sources.ts';

/** The general myths, in the order the quiz lists them. */
export const myths: Myth[] = [
  {
    id: 'pop3-deletes',
    myth: 'POP3 always deletes mail from the server.',
    correction:
      'The POP3 protocol deletes only the messages a client marks with DELE, when the session ends with QUIT, but a server may also delete mail by its own policy and announce it with EXPIRE. A dropped connection deletes nothing, and “leave a copy on the server” simply never sends DELE; whether that copy stays is then up to the server’s policy.',
    lessons: ['pop3', 'pop3-or-imap'],
    sources: [rfc(1939, '6'), rfc(1939, '8'), rfc(2449, '6.7'), rfc(1939, '5')],
    lastVerified: V2,
  },
  {
    id: 'starttls-unencrypted',
    myth: 'STARTTLS means the connection is not encrypted.',
    correction:
      'STARTTLS upgrades the connection: after the server’s go-ahead a TLS handshake runs on the same connection, and everything after it is encrypted. The weak point is the plaintext start, where an attacker can strip STARTTLS unless the client insists on TLS; that is why RFC 8314 prefers implicit TLS.',
    lessons: ['ports'],
    sources: [rfc(3207, '4'), rfc(3207, '6'), rfc(8314, '1')],
    lastVerified: V,
  },
  {
    id: 'imap-delete-immediate',
    myth: 'Deleting a message in IMAP removes it from the server at once.',
    correction:
      'In IMAP, a message marked \\Deleted stays on the server until the client sends EXPUNGE or CLOSE, and until then the flag can be cleared again. Many mail programs instead MOVE a deleted message to the Trash folder (RFC 6851, part of IMAP4rev2), where it stays on the server until the Trash is emptied.',
    lessons: ['imap'],
    sources: [rfc(3501, '6.4.3'), rfc(9051, '6.4.3'), rfc(3501, '2.3.2'), rfc(6851, '3'), rfc(9051, '6.4.8')],
    lastVerified: V2,
  },
  {
    id: 'imap-push',
    myth: 'IMAP pushes new mail to your mail program by itself.',
    correction:
      'An IMAP client can count on being told of new mail at once only while it waits in IDLE (or uses NOTIFY), and IDLE watches one mailbox at a time; IDLE is an extension of IMAP4rev1 and part of IMAP4rev2 (RFC 9051). A server may also send updates when no command is in progress (RFC 3501 §5.3), but a client cannot rely on that, so without IDLE it asks now and then, for example with NOOP.',
    lessons: ['imap'],
    sources: [rfc(2177, '3'), rfc(9051, '6.3.13'), rfc(3501, '5.3'), rfc(2177, '1'), rfc(3501, '6.1.2')],
    lastVerified: V2,
  },
  {
    id: 'smtp-receives',
    myth: 'Your mail program uses SMTP to receive mail as well as to send it.',
    correction:
      'A mail program reads delivered mail with an access protocol: IMAP, POP3, JMAP or Exchange’s own protocols. SMTP carries mail only towards its destination: mail programs submit with it and servers relay with it, and a JMAP client can even submit over HTTPS instead, with EmailSubmission.',
    lessons: ['travel', 'smtp'],
    sources: [rfc(6409, '2.1'), rfc(5321, '2.3.3'), rfc(8621, '7')],
    lastVerified: V2,
  },
  {
    id: 'pop3-many-devices',
    myth: 'POP3 works as well as IMAP when several devices read one mailbox.',
    correction:
      'A POP3 server may lock the maildrop to one session at a time, each device downloads its own copies, and POP3 keeps no read or flag state on the server for the devices to share. Several devices are what IMAP is for.',
    lessons: ['pop3', 'pop3-or-imap'],
    sources: [rfc(1939, '4'), rfc(2449, '8'), rfc(1939, '5')],
    lastVerified: V,
  },
  {
    id: 'imap-no-download',
    myth: 'IMAP does not download your mail; only POP3 does.',
    correction:
      'IMAP transfers messages to the mail program just as POP3 does; the difference is that IMAP keeps the authoritative copy, the folders and the flags on the server, so every device sees the same mailbox. POP3 knows only the inbox and keeps no flags on the server.',
    lessons: ['imap', 'pop3-or-imap'],
    sources: [rfc(3501, '6.4.5'), rfc(9051, '6.4.5'), rfc(3501, '2.3.2'), rfc(1939, '1')],
    lastVerified: V2,
  },
  {
    id: 'ssl-protects',
    myth: 'Mail programs protect your connection with SSL.',
    correction:
      'Mail connections are protected by TLS, the successor of SSL: SSL 3.0 and older must not be used, and TLS 1.0 and 1.1 are deprecated, which leaves TLS 1.2 and 1.3. “SSL/TLS” in a mail program’s settings usually means implicit TLS on a port of its own, and “STARTTLS” the upgrade on the usual port.',
    lessons: ['ports'],
    sources: [rfc(7568, '3'), rfc(8996, '5'), rfc(8314, '4.1')],
    lastVerified: V2,
  },
  {
    id: 'headers-route',
    myth: 'The To: and From: lines of a message decide where it goes.',
    correction:
      'Servers route a message by its envelope, the MAIL FROM and RCPT TO commands of the SMTP session, not by its header fields. The header is part of the content, which is why Bcc, mailing lists and forwarding work.',
    lessons: ['travel', 'smtp'],
    sources: [rfc(5321, '2.3.1'), rfc(5321, '3.3')],
    lastVerified: V2,
  },
  {
    id: 'pc-to-pc',
    myth: 'An email goes straight from the sender’s computer to the recipient’s computer.',
    correction:
      'An email travels through servers: the sender’s mail program submits it to a submission server, servers relay it to the MX of the recipient’s domain, and it waits in the recipient’s mailbox until their mail program reads it. Neither computer has to be on while the other one works.',
    lessons: ['travel'],
    sources: [rfc(5321, '2.3.3'), rfc(6409, '1'), rfc(5321, '3.6'), rfc(5321, '5.1')],
    lastVerified: V2,
  },
  {
    id: 'reply-text-standard',
    myth: 'The words after an SMTP reply code, such as “Ok”, are part of the standard.',
    correction:
      'Only the three-digit code, and the enhanced status code where a server sends one, is standard; the words after it are the server’s own choice. Clients must act on the code alone, and servers word the same reply differently.',
    lessons: ['transcripts', 'smtp'],
    sources: [rfc(5321, '4.2'), rfc(3463, '2')],
    lastVerified: V2,
  },
  {
    id: 'vrfy-verifies',
    myth: 'The SMTP command VRFY tells you whether an address exists.',
    correction:
      'Most servers will not tell you: many disable VRFY, and RFC 5321 asks a server that will not verify to answer 252 (“cannot verify, but will accept and try”), which is neither a yes nor a no. Some servers answer 502 instead, as Postfix does with VRFY disabled.',
    lessons: ['smtp'],
    sources: [rfc(5321, '3.5.3'), rfc(5321, '7.3')],
    lastVerified: V2,
  },
  {
    id: 'any-line-length',
    myth: 'A line in an email can be as long as you like.',
    correction:
      'SMTP limits a line of the message to 1000 octets including the CRLF that ends it, so 998 characters. Longer content has to be encoded, for example with MIME’s quoted-printable or base64.',
    lessons: ['smtp'],
    sources: [rfc(5321, '4.5.3.1.6'), rfc(5322, '2.1.1'), rfc(2045, '6.7')],
    lastVerified: V2,
  },
  {
    id: 'imap4rev1-current',
    myth: 'IMAP4rev1 (RFC 3501) is the current version of IMAP.',
    correction:
      'IMAP4rev2, RFC 9051 of 2021, obsoletes RFC 3501 and builds in extensions such as IDLE, MOVE and ENABLE. Many servers still speak only IMAP4rev1, Dovecot 2.3 among them, so a client reads the CAPABILITY list to know which it has.',
    lessons: ['imap'],
    sources: [rfc(9051, 'Appendix E'), rfc(9051, '6.1.1')],
    lastVerified: V2,
  },
  {
    id: 'mx-ip-or-port',
    myth: 'An MX record can point to an IP address, or name a port.',
    correction:
      'An MX record names a host, which must have address (A or AAAA) records of its own, and it has no port field: servers relay to that host on the SMTP port, 25. A domain without MX records falls back to its own address records.',
    lessons: ['travel'],
    sources: [rfc(5321, '5.1'), rfc(1035, '3.3.9')],
    lastVerified: V2,
  },
  {
    id: 'accepted-means-delivered',
    myth: 'A 250 reply after DATA means the message was delivered.',
    correction:
      'A 250 after the final dot means the server has taken responsibility for the message, not that it has arrived: it must now deliver it, retry, or send a bounce to the envelope sender. Queues retry for days, so a bounce may come long after the 250.',
    lessons: ['smtp', 'travel'],
    sources: [rfc(5321, '4.2.5'), rfc(5321, '3.6.3'), rfc(5321, '4.5.4.1')],
    lastVerified: V2,
  },
  ...exchangeMyths,
];
