/**
 * What to say first about a POP3 reply, given the command that caused it, the session state and the port.
 * Every POP3 reply is +OK or -ERR (replies.ts explains those words); what a +OK means depends on the command,
 * so these rules, tried in order, say it. Each cites the RFC section it rests on.
 */
import { judge, type ContextRule, type ReplyContext } from '../shared/reply-context.ts';
import { saslChallenge } from '../shared/challenge.ts';

const ok = (c: ReplyContext, ...verbs: string[]) => c.status === '+OK' && verbs.includes(c.verb);
const err = (c: ReplyContext, ...verbs: string[]) => c.status === '-ERR' && (verbs.length === 0 || verbs.includes(c.verb));
const LOGIN_VERBS = ['USER', 'PASS', 'AUTH', 'APOP'];

/** The rules, most specific first. */
export const POP3_CONTEXT_RULES: readonly ContextRule[] = [
  {
    id: 'pop3-sasl-challenge',
    when: (c) => c.status === '+',
    title: 'A SASL challenge, in base64',
    text: (c) => {
      const said = saslChallenge('pop3', c.reply.at(-1) ?? '');
      if (said === '') return 'An empty challenge: send your whole PLAIN response on one line, base64 of NUL, user name, NUL, password. "*" cancels.';
      return `The server asks "${said ?? '?'}" in base64. Answer with one line of base64 (the credentials helper encodes it); "*" cancels.`;
    },
    rfc: 'RFC 5034 §4',
  },
  {
    id: 'pop3-err-login-before-tls',
    when: (c) => err(c, ...LOGIN_VERBS) && !c.tlsBefore && /\[AUTH\]/.test(c.reply.at(-1) ?? ''),
    title: 'No password before TLS here',
    text: (c) => `This server (as Dovecot does by default) takes no password on port ${c.port} before TLS. Send STLS first, then log in; or connect to port 995, where TLS starts at once.`,
    rfc: 'RFC 2595 §2.3, RFC 8314 §4.1',
  },
  {
    id: 'pop3-err-bad-base64',
    when: (c) => err(c, 'AUTH') && /base64/i.test(c.reply.at(-1) ?? ''),
    title: 'That was not base64',
    text: 'Answers inside AUTH must be base64; the server ended the exchange. Start again with AUTH and send the encoded line (the credentials helper builds it).',
    rfc: 'RFC 5034 §4',
  },
  {
    id: 'pop3-err-credentials',
    when: (c) => err(c, 'PASS', 'AUTH') && /\[AUTH\]/.test(c.reply.at(-1) ?? ''),
    title: 'Wrong user name or password',
    text: 'The [AUTH] code says the credentials (or the login policy) were refused, not the server: retrying the same ones will fail again. After a failed PASS, start again with USER.',
    rfc: 'RFC 3206 §5, RFC 1939 §7',
  },
  {
    id: 'pop3-err-pass-without-user',
    when: (c) => err(c, 'PASS'),
    title: 'USER comes first',
    text: 'PASS answers a USER command sent just before it: send USER and the mailbox name, then PASS.',
    rfc: 'RFC 1939 §7',
  },
  {
    id: 'pop3-err-no-message',
    when: (c) => err(c, 'RETR', 'DELE', 'LIST', 'TOP', 'UIDL') && /message/i.test(c.reply.at(-1) ?? ''),
    title: 'No such message',
    text: 'Message numbers run from 1 to the count STAT gives, fixed for the whole session; a message marked with DELE can no longer be read until RSET.',
    rfc: 'RFC 1939 §5',
  },
  {
    id: 'pop3-ok-user',
    when: (c) => ok(c, 'USER'),
    title: 'Name noted: now PASS',
    text: 'The server remembers the mailbox name and waits for PASS. This +OK does not say the mailbox exists: servers answer the same for any name.',
    rfc: 'RFC 1939 §7',
  },
  {
    id: 'pop3-ok-login',
    when: (c) => ok(c, 'PASS', 'AUTH', 'APOP'),
    title: 'Logged in: the TRANSACTION state',
    text: 'The maildrop is yours and locked against other POP3 sessions. STAT, LIST, RETR and DELE work now; QUIT ends the session and applies deletions.',
    rfc: 'RFC 1939 §4',
  },
  {
    id: 'pop3-ok-stat',
    when: (c) => ok(c, 'STAT'),
    title: 'The drop listing',
    text: (c) => {
      const m = /^\+OK (\d+) (\d+)/.exec(c.reply.at(-1) ?? '');
      const said = m ? `${m[1]} message${m[1] === '1' ? '' : 's'}, ${m[2]} octets in all` : 'the number of messages and their size in octets';
      return `STAT answers with ${said}, not counting messages marked for deletion.`;
    },
    rfc: 'RFC 1939 §5',
  },
  {
    id: 'pop3-ok-list',
    when: (c) => ok(c, 'LIST'),
    title: 'The scan listing',
    text: 'One line per message: its number and its size in octets. A line with only "." ends the list.',
    rfc: 'RFC 1939 §5',
  },
  {
    id: 'pop3-ok-retr',
    when: (c) => ok(c, 'RETR'),
    title: 'The whole message',
    text: 'The message follows, headers and body, ended by a line with only "."; lines starting with "." got one more in front. RETR does not delete: only DELE and QUIT do.',
    rfc: 'RFC 1939 §5, §3',
  },
  {
    id: 'pop3-ok-top',
    when: (c) => ok(c, 'TOP'),
    title: 'Headers and the first lines',
    text: 'TOP sends the headers, the empty line, and as many body lines as asked: enough to decide whether to download the rest.',
    rfc: 'RFC 1939 §7',
  },
  {
    id: 'pop3-ok-uidl',
    when: (c) => ok(c, 'UIDL'),
    title: 'Unique ids',
    text: 'Each message’s id stays the same across sessions, unlike its number: a client that leaves mail on the server remembers these ids to skip what it already has.',
    rfc: 'RFC 1939 §7',
  },
  {
    id: 'pop3-ok-dele',
    when: (c) => ok(c, 'DELE'),
    title: 'Marked, not yet deleted',
    text: 'The message is only marked. It is removed when you QUIT (the UPDATE state); RSET unmarks it, and a dropped connection deletes nothing.',
    rfc: 'RFC 1939 §5, §6',
  },
  {
    id: 'pop3-ok-rset',
    when: (c) => ok(c, 'RSET'),
    title: 'Marks removed',
    text: 'Every message marked with DELE in this session is unmarked; QUIT will now delete nothing.',
    rfc: 'RFC 1939 §5',
  },
  {
    id: 'pop3-ok-quit-update',
    when: (c) => ok(c, 'QUIT') && c.earlier.some((v) => v === 'PASS' || v === 'AUTH' || v === 'APOP') && c.state === 'update',
    title: 'The UPDATE state: deletions happen now',
    text: 'QUIT after login moves the session to UPDATE: the server removes every message marked with DELE, releases the lock, and closes the connection.',
    rfc: 'RFC 1939 §6',
  },
  {
    id: 'pop3-ok-quit-before-login',
    when: (c) => ok(c, 'QUIT'),
    title: 'Goodbye before login',
    text: 'QUIT in the AUTHORIZATION state just closes the connection: there is no maildrop to update.',
    rfc: 'RFC 1939 §4',
  },
  {
    id: 'pop3-ok-stls',
    when: (c) => ok(c, 'STLS'),
    title: 'TLS starts now',
    text: 'The TLS handshake follows on this connection. Ask CAPA again: USER and the SASL mechanisms now appear.',
    rfc: 'RFC 2595 §4',
  },
  {
    id: 'pop3-ok-capa',
    when: (c) => ok(c, 'CAPA'),
    title: 'What this server offers now',
    text: (c) =>
      c.reply.some((l) => /^USER$/.test(l))
        ? 'One capability per line. USER and the SASL mechanisms listed are the ways to log in now.'
        : 'One capability per line. No USER and no SASL mechanism yet: this server offers logins only inside TLS (STLS first).',
    rfc: 'RFC 2449 §5',
  },
  {
    id: 'pop3-ok-noop',
    when: (c) => ok(c, 'NOOP'),
    title: 'Still here',
    text: 'NOOP does nothing but get a +OK: a way to keep the connection alive.',
    rfc: 'RFC 1939 §5',
  },
];

/** What to say first about the latest reply of a POP3 transcript (the simulator's explanation). */
export const pop3InContext = judge(POP3_CONTEXT_RULES);
