/**
 * What to say first about an SMTP reply, given what caused it: the command, the session state and the port.
 * The catalogue (explain.ts) says what each code means in general; these rules, tried in order, say what it
 * means here. Each cites the RFC section it rests on.
 */
import { judge, sentSince, type ContextRule, type ReplyContext } from '../shared/reply-context.ts';
import { saslChallenge } from '../shared/challenge.ts';
import { parsePlain } from '../shared/sasl.ts';

const GREETINGS = ['EHLO', 'HELO'];
const is = (c: ReplyContext, status: string, verb?: string) => c.status === status && (verb === undefined || c.verb === verb);
/** Port 25 is relay between servers (RFC 5321 §2.3.3 and RFC 6409 §3.1): it offers no login. */
const RELAY_PORT = 25;

/** The user name an AUTH PLAIN line carries (initial response, or the answer to an empty 334), if it decodes. */
function plainUser(c: ReplyContext): string | undefined {
  const data = c.answer ? c.line.trim() : c.args.split(/\s+/)[1];
  if (c.verb !== 'AUTH' || !/^PLAIN\b/i.test(c.args) || data === undefined) return undefined;
  return parsePlain(data)?.authcid;
}

/** The rules, most specific first. */
export const SMTP_CONTEXT_RULES: readonly ContextRule[] = [
  {
    id: 'smtp-334-challenge',
    when: (c) => is(c, '334'),
    title: 'A SASL challenge, in base64',
    text: (c) => {
      const said = saslChallenge('smtp', c.reply.at(-1) ?? '');
      if (said === '') return 'An empty challenge: the server waits for your whole PLAIN response on one line, base64 of NUL, user name, NUL, password. Send "*" to cancel.';
      return `The server asks "${said ?? '?'}" in base64. Answer with one line: your answer, base64-encoded (the credentials helper encodes it). Plain text gets 501; "*" cancels.`;
    },
    rfc: 'RFC 4954 §4',
  },
  {
    id: 'smtp-501-not-base64',
    when: (c) => is(c, '501', 'AUTH') && !/^\*$/.test(c.line.trim()) && (c.answer || c.args.split(/\s+/).length > 1),
    title: 'That was not base64',
    text: 'Every answer inside AUTH must be base64, so the server could not read it and ended the login. Start again with AUTH and send the encoded line (the credentials helper builds it).',
    rfc: 'RFC 4954 §4',
  },
  {
    id: 'smtp-501-cancelled',
    when: (c) => is(c, '501', 'AUTH') && c.answer,
    title: 'Login cancelled',
    text: 'You answered the challenge with "*", which cancels the exchange. Nothing changed; AUTH may be tried again.',
    rfc: 'RFC 4954 §4',
  },
  {
    id: 'smtp-503-ehlo-after-starttls',
    when: (c) => is(c, '503') && c.tls && c.security === 'starttls' && c.earlier.includes('STARTTLS') && !sentSince(c, GREETINGS, 'STARTTLS'),
    title: 'Say EHLO again',
    text: 'STARTTLS wiped the slate: after the handshake the server forgets your earlier EHLO and what it offered. Send EHLO again; AUTH and MAIL come after it.',
    rfc: 'RFC 3207 §4.2',
  },
  {
    id: 'smtp-503-auth-relay-port',
    when: (c) => is(c, '503', 'AUTH') && c.port === RELAY_PORT,
    title: 'This port offers no login',
    text: 'Port 25 is where servers hand mail to each other, so it offers no AUTH (EHLO lists none). To log in and send, a mail program submits on port 587 (STARTTLS) or 465 (implicit TLS).',
    rfc: 'RFC 6409 §3.1, RFC 4954 §3',
  },
  {
    id: 'smtp-503-already-authenticated',
    when: (c) => is(c, '503', 'AUTH') && c.earlier.includes('AUTH'),
    title: 'Already logged in',
    text: 'After a successful AUTH no second AUTH is allowed in the same session. Go on with MAIL FROM.',
    rfc: 'RFC 4954 §4',
  },
  {
    id: 'smtp-503-greet-first',
    when: (c) => is(c, '503') && !c.earlier.some((v) => GREETINGS.includes(v)),
    title: 'Greet first',
    text: 'A session starts with EHLO (or the older HELO): the client names itself and learns what the server offers. Send EHLO and your host name.',
    rfc: 'RFC 5321 §4.1.4',
  },
  {
    id: 'smtp-503-rcpt-before-mail',
    when: (c) => is(c, '503', 'RCPT'),
    title: 'MAIL FROM comes first',
    text: 'A transaction starts with MAIL FROM (the sender); only then may RCPT TO name recipients.',
    rfc: 'RFC 5321 §4.1.4',
  },
  {
    id: 'smtp-503-data-before-rcpt',
    when: (c) => is(c, '503', 'DATA'),
    title: 'No recipient yet',
    text: 'DATA needs MAIL FROM and at least one accepted RCPT TO before it.',
    rfc: 'RFC 5321 §4.1.4',
  },
  {
    id: 'smtp-503-nested-mail',
    when: (c) => is(c, '503', 'MAIL'),
    title: 'A transaction is already open',
    text: 'MAIL FROM was already accepted. Finish this message (RCPT, DATA) or send RSET to start over.',
    rfc: 'RFC 5321 §4.1.4',
  },
  {
    id: 'smtp-530-starttls-first',
    when: (c) => is(c, '530') && !c.tls,
    title: 'TLS first on this port',
    text: (c) => `This server (as well-configured submission servers are) takes no login and no mail on port ${c.port} before TLS. Send STARTTLS, then EHLO again; AUTH appears in the new EHLO reply.`,
    rfc: 'RFC 3207 §4, RFC 8314 §4.1',
  },
  {
    id: 'smtp-530-auth-required',
    when: (c) => is(c, '530'),
    title: 'Log in before sending',
    text: 'A submission server takes mail only from users who logged in. Send AUTH first (PLAIN or LOGIN, as EHLO lists), then MAIL FROM.',
    rfc: 'RFC 6409 §4.3, RFC 4954 §6',
  },
  {
    id: 'smtp-535-credentials',
    when: (c) => is(c, '535'),
    title: 'Wrong user name or password',
    text: (c) => {
      const user = plainUser(c);
      const sent = user === undefined ? '' : ` Decoded, your line named the user "${user}".`;
      return `The base64 decoded fine, but the credentials do not match an account.${sent} Check both, encode them again, and retry.`;
    },
    rfc: 'RFC 4954 §6',
  },
  {
    id: 'smtp-relay-denied',
    when: (c) => (is(c, '554', 'RCPT') || is(c, '550', 'RCPT')) && / 5\.7\.1 /.test(c.reply.at(-1) ?? ''),
    title: 'Not a relay for that domain',
    text: (c) =>
      c.port === RELAY_PORT
        ? 'Without a login this server accepts mail only for its own domain. It is not an open relay: for mail to other domains, a user submits on 587 or 465 after AUTH.'
        : 'This server relays mail to other domains only for users who logged in. Send AUTH first.',
    rfc: 'RFC 5321 §3.6.2, RFC 3463 §3.8',
  },
  {
    id: 'smtp-550-unknown-user',
    when: (c) => is(c, '550', 'RCPT'),
    title: 'No such mailbox here',
    text: 'The domain is this server’s, but it has no mailbox of that name. The other recipients still count; this one will get nothing.',
    rfc: 'RFC 5321 §3.3, RFC 3463 §3.2',
  },
  {
    id: 'smtp-220-starttls',
    when: (c) => is(c, '220', 'STARTTLS'),
    title: 'TLS starts now',
    text: 'The TLS handshake follows on this same connection. Then both sides forget what came before: send EHLO again.',
    rfc: 'RFC 3207 §4.2',
  },
  {
    id: 'smtp-250-ehlo',
    when: (c) => is(c, '250', 'EHLO'),
    title: 'What this server offers',
    text: (c) => {
      const lines = c.reply.join('\n');
      if (/[ -]AUTH /.test(lines)) return 'Each line after the first names an extension. AUTH lists the login mechanisms offered now: log in before MAIL FROM.';
      if (/[ -]STARTTLS\b/.test(lines) && c.port !== RELAY_PORT) return 'Each line after the first names an extension. No AUTH yet: this server offers login only inside TLS, so STARTTLS comes next.';
      return 'Each line after the first names an extension. There is no AUTH line: no login on this port.';
    },
    rfc: 'RFC 5321 §4.1.1.1, RFC 4954 §3',
  },
  {
    id: 'smtp-235-authenticated',
    when: (c) => is(c, '235'),
    title: 'Logged in',
    text: 'The server knows who you are for the rest of the session. Next: MAIL FROM, the envelope sender.',
    rfc: 'RFC 4954 §4',
  },
  {
    id: 'smtp-354-data',
    when: (c) => is(c, '354'),
    title: 'Type the message',
    text: 'Send the headers, an empty line, then the body; a line with only "." ends the message.',
    rfc: 'RFC 5321 §4.1.1.4',
  },
  {
    id: 'smtp-250-queued',
    when: (c) => is(c, '250', 'DATA'),
    title: 'Accepted for delivery',
    text: 'The server has taken responsibility for the message: from now on, delivering it or reporting failure is its job.',
    rfc: 'RFC 5321 §6.1',
  },
];

/** What to say first about the latest reply of an SMTP transcript (the simulator's explanation). */
export const smtpInContext = judge(SMTP_CONTEXT_RULES);
