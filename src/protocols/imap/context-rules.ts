/**
 * What to say first about an IMAP reply, given the command that caused it, the session state and the port.
 * The catalogue (replies.ts) says what OK, NO, BAD and each response code mean; these rules, tried in order,
 * say what this one means for this command. Each cites the RFC section it rests on.
 */
import { judge, type ContextRule, type ReplyContext } from '../shared/reply-context.ts';
import { saslChallenge } from '../shared/challenge.ts';

const said = (c: ReplyContext, verb: string | readonly string[], status: string) => c.status === status && (typeof verb === 'string' ? c.verb === verb : verb.includes(c.verb));
const code = (c: ReplyContext, name: string) => c.reply.some((l) => l.includes(`[${name}`));
const LOGINS = ['LOGIN', 'AUTHENTICATE'];
/** Commands of the selected state (RFC 3501 §6.4). */
const SELECTED_ONLY = ['CHECK', 'CLOSE', 'UNSELECT', 'EXPUNGE', 'SEARCH', 'FETCH', 'STORE', 'COPY', 'MOVE', 'UID FETCH', 'UID SEARCH', 'UID STORE', 'UID COPY', 'UID MOVE', 'UID EXPUNGE'];

/** What an OK means after common commands once the session is past login: one rule each. */
const DONE: readonly [verb: string, title: string, text: string, rfc: string][] = [
  ['FETCH', 'The data you asked for', 'Each "* n FETCH (…)" line carries one message’s items; the tagged OK says the command is finished. Fetching a body (not BODY.PEEK) sets \\Seen.', 'RFC 3501 §6.4.5'],
  ['UID FETCH', 'The data you asked for, by UID', 'The same as FETCH, with UIDs instead of sequence numbers; no line at all means no message has that UID.', 'RFC 3501 §6.4.8'],
  ['STORE', 'Flags changed', 'The "* n FETCH (FLAGS …)" lines show each message’s flags now. \\Deleted only marks: EXPUNGE removes.', 'RFC 3501 §6.4.6'],
  ['EXPUNGE', 'Deleted messages removed', 'Each "* n EXPUNGE" line removed one message, and the numbers of the later ones dropped by one at once.', 'RFC 3501 §6.4.3'],
  ['SEARCH', 'Matching messages', 'The "* SEARCH" line lists the sequence numbers that match; an empty list means none did.', 'RFC 3501 §6.4.4'],
  ['LIST', 'The mailboxes', 'One "* LIST" line per mailbox, with its attributes and the hierarchy delimiter.', 'RFC 3501 §6.3.8'],
  ['CREATE', 'Mailbox created', 'The new mailbox exists now; SELECT it, or APPEND or COPY messages into it.', 'RFC 3501 §6.3.3'],
  ['CLOSE', 'Back to the authenticated state', 'CLOSE removed the messages marked \\Deleted (silently) and left the mailbox; SELECT another one to go on.', 'RFC 3501 §6.4.2'],
  ['APPEND', 'Message stored', 'The message is in the mailbox now; APPENDUID gives the UID it got.', 'RFC 3501 §6.3.11, RFC 4315 §3'],
  ['IDLE', 'IDLE ended', 'DONE ended IDLE; the server answers commands again.', 'RFC 2177 §3'],
];

/** The rules, most specific first. */
export const IMAP_CONTEXT_RULES: readonly ContextRule[] = [
  {
    id: 'imap-sasl-challenge',
    when: (c) => said(c, 'AUTHENTICATE', '+'),
    title: 'A SASL challenge, in base64',
    text: (c) => {
      const heard = saslChallenge('imap', c.reply.at(-1) ?? '');
      if (heard === '') return 'An empty challenge: send your whole PLAIN response on one line, base64 of NUL, user name, NUL, password. "*" cancels.';
      return `The server asks "${heard ?? '?'}" in base64. Answer with one line of base64; "*" cancels.`;
    },
    rfc: 'RFC 3501 §6.2.2',
  },
  {
    id: 'imap-literal-continue',
    when: (c) => said(c, 'APPEND', '+'),
    title: 'Send the literal',
    text: 'The server is ready for the octets you announced in {…}: send the message now; its tagged reply comes after the last octet.',
    rfc: 'RFC 3501 §7.5, §4.3',
  },
  {
    id: 'imap-idling',
    when: (c) => said(c, 'IDLE', '+'),
    title: 'Idling',
    text: 'The server reports new mail and changes as they happen, without being asked. Send DONE to end IDLE.',
    rfc: 'RFC 2177 §3',
  },
  {
    id: 'imap-no-privacy',
    when: (c) => said(c, LOGINS, 'NO') && !c.tlsBefore && (code(c, 'PRIVACYREQUIRED') || code(c, 'ALERT')),
    title: 'No password before TLS here',
    text: (c) => `This server (LOGINDISABLED in its capabilities) takes no password on port ${c.port} before TLS. Send STARTTLS first, or connect to port 993, where TLS starts at once.`,
    rfc: 'RFC 3501 §6.2.3, §6.2.1',
  },
  {
    id: 'imap-no-authentication-failed',
    when: (c) => said(c, LOGINS, 'NO') && code(c, 'AUTHENTICATIONFAILED'),
    title: 'Wrong user name or password',
    text: 'The server does not say which of the two was wrong. Check both and log in again.',
    rfc: 'RFC 3501 §6.2.3, RFC 5530 §3',
  },
  {
    id: 'imap-bad-base64',
    when: (c) => said(c, 'AUTHENTICATE', 'BAD') && c.answer && c.line.trim() !== '*',
    title: 'That was not base64',
    text: 'Answers inside AUTHENTICATE must be base64; the server ended the exchange. Start again and send the encoded line (the credentials helper builds it).',
    rfc: 'RFC 3501 §6.2.2',
  },
  {
    id: 'imap-ok-login',
    when: (c) => said(c, LOGINS, 'OK'),
    title: 'Logged in: the authenticated state',
    text: 'The CAPABILITY code in this OK lists what the server offers now, more than before login. Next: LIST to see the mailboxes, SELECT one to read it.',
    rfc: 'RFC 3501 §6.2.3, §3.2',
  },
  {
    id: 'imap-ok-starttls',
    when: (c) => said(c, 'STARTTLS', 'OK'),
    title: 'TLS starts now',
    text: 'The TLS handshake follows on this connection; the client forgets the capabilities it had and asks CAPABILITY again. Logins are allowed after it.',
    rfc: 'RFC 3501 §6.2.1',
  },
  {
    id: 'imap-bad-login-first',
    when: (c) => c.status === 'BAD' && c.state === 'notAuthenticated' && !c.answer && !['CAPABILITY', 'NOOP', 'LOGOUT', 'STARTTLS', 'ID', ...LOGINS].includes(c.verb),
    title: 'Log in first',
    text: 'Before login only CAPABILITY, NOOP, LOGOUT, STARTTLS, AUTHENTICATE and LOGIN are valid. Log in, then this command works.',
    rfc: 'RFC 3501 §6.1, §6.2',
  },
  {
    id: 'imap-bad-select-first',
    when: (c) => c.status === 'BAD' && SELECTED_ONLY.includes(c.verb) && c.state === 'authenticated',
    title: 'Select a mailbox first',
    text: 'This command works on the messages of a selected mailbox. SELECT INBOX (or EXAMINE it, read-only) first.',
    rfc: 'RFC 3501 §6.4',
  },
  {
    id: 'imap-ok-select',
    when: (c) => said(c, 'SELECT', 'OK'),
    title: 'Mailbox selected, read-write',
    text: 'The untagged lines describe it: EXISTS (how many messages), FLAGS, UIDVALIDITY and UIDNEXT. FETCH, STORE and EXPUNGE work now.',
    rfc: 'RFC 3501 §6.3.1',
  },
  {
    id: 'imap-ok-examine',
    when: (c) => said(c, 'EXAMINE', 'OK'),
    title: 'Mailbox selected, read-only',
    text: 'EXAMINE is SELECT without changes: reading does not set \\Seen, and STORE and EXPUNGE change nothing.',
    rfc: 'RFC 3501 §6.3.2',
  },
  {
    id: 'imap-no-mailbox',
    when: (c) => said(c, ['SELECT', 'EXAMINE', 'STATUS', 'DELETE', 'RENAME'], 'NO') && code(c, 'NONEXISTENT'),
    title: 'No mailbox of that name',
    text: 'Names are exact, and INBOX is the only one whose case does not matter. LIST "" * shows the mailboxes there are.',
    rfc: 'RFC 3501 §6.3.8, RFC 5530 §3',
  },
  {
    id: 'imap-no-trycreate',
    when: (c) => c.status === 'NO' && code(c, 'TRYCREATE'),
    title: 'Create the target first',
    text: 'The target mailbox does not exist; nothing was copied or stored. CREATE it, then try again.',
    rfc: 'RFC 3501 §6.3.11, §6.4.7',
  },
  {
    id: 'imap-ok-logout',
    when: (c) => said(c, 'LOGOUT', 'OK'),
    title: 'Logged out',
    text: 'The untagged BYE came first, then this OK; the server closes the connection. Deletions still need EXPUNGE or CLOSE before it.',
    rfc: 'RFC 3501 §6.1.3',
  },
  ...DONE.map(([verb, title, text, rfc]): ContextRule => ({ id: `imap-ok-${verb.toLowerCase().replace(' ', '-')}`, when: (c) => said(c, verb, 'OK'), title, text, rfc })),
  {
    id: 'imap-bad-command',
    when: (c) => c.status === 'BAD' && !c.answer,
    title: 'The server could not parse this command',
    text: 'BAD means the command itself is wrong: an unknown name, missing arguments, or a command this state does not take. The tag, then the command name, then its arguments.',
    rfc: 'RFC 3501 §7.1.3',
  },
];

/** What to say first about the latest reply of an IMAP transcript (the simulator's explanation). */
export const imapInContext = judge(IMAP_CONTEXT_RULES);
