/**
 * What the IMAP server says, in Dovecot 2.3's words where the reference captures show them (Appendix A.10–A.13),
 * and the catalogue that explains every status, response code and untagged response it can send. Texts are
 * without the tag: the session puts "<tag> " or "* " in front. Only the codes and tokens are normative
 * (RFC 3501 §7.1); the words after them are free.
 */
import { CHALLENGE_KEY, explainChallenge } from '../shared/challenge.ts';
import type { ReplyExplanation } from '../shared/explanation.ts';
import { TAG_KEY } from './keys.ts';

/** What to say first about a reply in its context (the command, the state, the port): context-rules.ts. */
export { imapInContext } from './context-rules.ts';

/** Tagged and untagged texts. */
export const TEXT = {
  ready: 'Mailwire ready.',
  logoutBye: '* BYE Logging out',
  logoutOk: 'OK Logout completed.',
  noopOk: 'OK NOOP completed.',
  checkOk: 'OK Check completed.',
  capabilityPreLogin: 'OK Pre-login capabilities listed, post-login capabilities have more.',
  capabilityOk: 'OK Capability completed.',
  starttlsOk: 'OK Begin TLS negotiation now.',
  tlsActive: 'BAD TLS is already active.',
  plaintextAlert:
    '* BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.',
  privacyRequired: 'NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
  authFailed: 'NO [AUTHENTICATIONFAILED] Authentication failed.',
  authAborted: 'BAD Authentication aborted by client.',
  badBase64: 'BAD Invalid base64 data in continued response',
  unsupportedMechanism: 'NO Unsupported authentication mechanism.',
  saslContinue: '+ ',
  literalContinue: '+ OK',
  idling: '+ idling',
  idleOk: 'OK Idle completed.',
  idleBad: 'BAD Expected DONE.',
  preLoginBad: 'BAD Error in IMAP command received by server.',
  loginAsTag:
    "BAD First parameter in line is IMAP's command tag, not the command name. Add that before the command, like: a login user pass",
  invalidTag: '* BAD Error in IMAP tag: Invalid tag',
  noMailbox: 'BAD No mailbox selected.',
  tooManyBad: '* BYE Too many invalid IMAP commands.',
  inactivity: '* BYE Disconnected for inactivity.',
  serverBug: 'NO [SERVERBUG] Internal error occurred.',
  previousClosed: '* OK [CLOSED] Previous mailbox closed.',
  selectedDeleted: '* BYE Selected mailbox was deleted, have to disconnect.',
  alreadyExists: 'NO [ALREADYEXISTS] Mailbox already exists',
  inboxUndeletable: "NO [CANNOT] INBOX can't be deleted.",
  invalidName: 'NO [CANNOT] Invalid mailbox name.',
  // Dovecot's quota plugin (quota.c quota_alloc_result_errstr(), MAIL_ERROR_TOOBIG and MAIL_ERROR_NOQUOTA as
  // imap-commands-util.c turns them into codes); TOOBIG is RFC 4469 §4.2's code, which RFC 7889 §4 asks for.
  tooLarge: 'NO [TOOBIG] Mail size is larger than the maximum size allowed by server configuration',
  overQuota: 'NO [OVERQUOTA] Quota exceeded (mailbox for user is full)',
  // What Dovecot says when the file system itself is full (MAIL_ERRSTR_NO_QUOTA, maildir-save.c).
  storeFull: 'NO [OVERQUOTA] Not enough disk quota',
  emptyMessage: "NO Can't save a zero byte message.",
  invalidDate: 'BAD Invalid internal date.',
  storeReadOnly: 'OK Store ignored with read-only mailbox.',
  moveReadOnly: 'NO [READ-ONLY] Mailbox is read-only.',
  noMessages: 'OK No messages found.',
  enabled: 'OK Enabled.',
  idOk: 'OK ID completed.',
  invalidId: 'Invalid ID parameters',
  invalidArguments: 'Invalid arguments.',
  invalidMessageset: 'Invalid messageset',
  invalidUidset: 'Invalid uidset',
  tooLong: 'Too long argument.',
  unknownCommand: 'Unknown command.',
} as const;

/** Text safe to put in a reply line: control octets become "?", as Dovecot's str_sanitize() does. */
export function sanitized(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, '?');
}

/** "* NO…" style: an untagged or tagged line for `tag` (undefined → "*"). */
export function tagged(tag: string | undefined, text: string): string {
  return `${tag ?? '*'} ${text}`;
}

// A command name worth echoing: an atom of printable ASCII (RFC 3501 §9), short enough to read.
const ECHOABLE = /^[^\x00-\x20\x7f-\xff(){%*"\\\]]{1,64}( [^\x00-\x20\x7f-\xff(){%*"\\\]]{1,64})?$/;

/**
 * Dovecot's BAD for a command it could not parse: "BAD Error in IMAP command FETCH: Invalid messageset". A name
 * with control or 8-bit octets, or a very long one, is left out rather than echoed into the reply.
 */
export function commandError(verb: string, message: string): string {
  const text = sanitized(message);
  return ECHOABLE.test(verb) ? `BAD Error in IMAP command ${verb}: ${text}` : `BAD Error in IMAP command: ${text}`;
}

/** Whether a name can be modified UTF-7 (RFC 3501 §5.1.3): printable US-ASCII only. */
export function isMutf7(name: string): boolean {
  return /^[\x20-\x7e]*$/.test(name);
}

// A name with other octets can never exist; Dovecot refuses it before looking, and it is never echoed.
const NOT_MUTF7 = 'NO Mailbox name is not valid mUTF-7';

/** "NO [NONEXISTENT] Mailbox doesn't exist: X" (RFC 5530 §3). */
export function nonexistent(name: string): string {
  return isMutf7(name) ? `NO [NONEXISTENT] Mailbox doesn't exist: ${name}` : NOT_MUTF7;
}

/** "NO [TRYCREATE] Mailbox doesn't exist: X": APPEND, COPY and MOVE to a missing mailbox (RFC 3501 §6.3.11). */
export function tryCreate(name: string): string {
  return isMutf7(name) ? `NO [TRYCREATE] Mailbox doesn't exist: ${name}` : NOT_MUTF7;
}

/** A catalogue entry (the shape all three protocols share). */
export type ImapExplanation = ReplyExplanation;

const entries: ImapExplanation[] = [
  { token: 'OK', title: 'Success', text: 'The command worked. Untagged, it carries information, often a response code in brackets.', rfc: 'RFC 3501 §7.1.1' },
  { token: 'NO', title: 'Operational failure', text: 'The command was understood but could not be done: a wrong password, a missing mailbox, a message too large.', rfc: 'RFC 3501 §7.1.2' },
  { token: 'BAD', title: 'Protocol error', text: 'The server did not accept the command itself: unknown, badly formed, or not valid in the current state. Untagged, it reports a line it could not tie to a command.', rfc: 'RFC 3501 §7.1.3' },
  { token: 'BYE', title: 'Closing the connection', text: 'The server is about to close the connection: after LOGOUT, after too many errors, or after a long silence.', rfc: 'RFC 3501 §7.1.5' },
  { token: 'PREAUTH', title: 'Already logged in', text: 'A greeting that skips login because the connection was authenticated some other way. This server never sends it.', rfc: 'RFC 3501 §7.1.4' },
  { token: '*', title: 'Untagged response', text: 'Data or status the server sends on its own, not the final answer to a command. It may come at any time, including changes made by other sessions.', rfc: 'RFC 3501 §2.2.2' },
  { token: TAG_KEY, title: 'Command tag', text: 'The label the client put in front of its command. The server ends its answer to that command with a line that starts with the same tag and says OK, NO or BAD, so the client knows which command finished.', rfc: 'RFC 3501 §2.2.1, §2.2.2' },
  { token: '+', title: 'Continuation request', text: 'The server is ready for more: the octets of a literal, a SASL response, or (after IDLE) the word DONE.', rfc: 'RFC 3501 §7.5' },
  { token: 'ALERT', title: 'Alert', text: 'Text the client must show to the user, here the warning that a password just crossed the network unencrypted.', rfc: 'RFC 3501 §7.1' },
  { token: 'CAPABILITY', title: 'Capabilities', text: 'The list of extensions the server supports right now. It changes after STARTTLS and after login, so a client reads it again.', rfc: 'RFC 3501 §7.2.1' },
  { token: 'PERMANENTFLAGS', title: 'Flags that stay', text: 'Flags the client may change for good in this mailbox; \\* means it may also invent keywords. Empty after EXAMINE.', rfc: 'RFC 3501 §7.1' },
  { token: 'READ-ONLY', title: 'Read-only', text: 'The mailbox is selected read-only (EXAMINE, or a refusal to store): flags and expunges are not changed.', rfc: 'RFC 3501 §7.1' },
  { token: 'READ-WRITE', title: 'Read-write', text: 'The mailbox is selected read-write (SELECT): the client may set flags and expunge.', rfc: 'RFC 3501 §7.1' },
  { token: 'TRYCREATE', title: 'Try creating it', text: 'APPEND, COPY or MOVE failed because the target mailbox does not exist; CREATE it and try again. A client must then not send the literal.', rfc: 'RFC 3501 §7.1' },
  { token: 'UIDNEXT', title: 'Next UID', text: 'The UID the next message added to this mailbox will get.', rfc: 'RFC 3501 §7.1' },
  { token: 'UIDVALIDITY', title: 'UID validity', text: 'A number that stays the same as long as UIDs keep their meaning; if it changes, a client must forget what it cached.', rfc: 'RFC 3501 §2.3.1.1' },
  { token: 'UNSEEN', title: 'First unseen', text: 'The sequence number of the first message without \\Seen (IMAP4rev1 only).', rfc: 'RFC 3501 §7.1' },
  { token: 'AUTHENTICATIONFAILED', title: 'Authentication failed', text: 'Wrong user name or password, without saying which.', rfc: 'RFC 5530 §3' },
  { token: 'PRIVACYREQUIRED', title: 'Encryption required', text: 'The server refuses to take a password over a connection without TLS; use STARTTLS first or port 993.', rfc: 'RFC 5530 §3' },
  { token: 'NONEXISTENT', title: 'No such mailbox', text: 'The command names a mailbox that does not exist.', rfc: 'RFC 5530 §3' },
  { token: 'CANNOT', title: 'Never possible', text: 'The operation breaks a rule of the server and can never succeed, such as deleting INBOX.', rfc: 'RFC 5530 §3' },
  { token: 'ALREADYEXISTS', title: 'Already exists', text: 'CREATE or RENAME names a mailbox that already exists.', rfc: 'RFC 5530 §3' },
  { token: 'EXPUNGEISSUED', title: 'Message already gone', text: 'Some of the messages the command names were expunged by another session; nothing was done. The EXPUNGE follows.', rfc: 'RFC 5530 §3' },
  { token: 'SERVERBUG', title: 'Server bug', text: 'Something went wrong inside the server; the command may be retried later.', rfc: 'RFC 5530 §3' },
  { token: 'LIMIT', title: 'Limit reached', text: 'The command goes past a limit of the server, such as the number of flags on one message.', rfc: 'RFC 5530 §3' },
  { token: 'TOOBIG', title: 'Message too big', text: 'APPEND refused the message because it is larger than the largest message the server accepts; the octets were not stored.', rfc: 'RFC 4469 §4.2, RFC 7889 §4' },
  { token: 'OVERQUOTA', title: 'Over quota', text: 'The command would put the user over the storage quota (or the server has no room left); delete or expunge mail first.', rfc: 'RFC 5530 §3' },
  { token: 'BADCHARSET', title: 'Unsupported charset', text: 'SEARCH named a character set the server does not support; the list in parentheses gives those it does.', rfc: 'RFC 3501 §7.1' },
  { token: 'COPYUID', title: 'UIDs of the copies', text: 'After COPY or MOVE: the target mailbox UIDVALIDITY, the source UIDs, and the UIDs the copies got, in the same order.', rfc: 'RFC 4315 §3' },
  { token: 'APPENDUID', title: 'UID of the appended message', text: 'After APPEND: the target mailbox UIDVALIDITY and the UID the new message got.', rfc: 'RFC 4315 §3' },
  { token: 'CLOSED', title: 'Previous mailbox closed', text: 'Sent when SELECT or EXAMINE replaces the selected mailbox: responses after it belong to the new one.', rfc: 'RFC 7162 §3.2.11' },
  { token: 'EXISTS', title: 'Message count', text: 'How many messages the mailbox holds now; it grows when mail arrives.', rfc: 'RFC 3501 §7.3.1' },
  { token: 'RECENT', title: 'Recent count', text: 'How many messages are new to this session (\\Recent). Only one session sees a message as recent.', rfc: 'RFC 3501 §7.3.2' },
  { token: 'EXPUNGE', title: 'Message removed', text: 'The message with this sequence number is gone; every later sequence number drops by one at once.', rfc: 'RFC 3501 §7.4.1' },
  { token: 'FETCH', title: 'Message data', text: 'Data about one message: what FETCH asked for, or flags that changed.', rfc: 'RFC 3501 §7.4.2' },
  { token: 'FLAGS', title: 'Flags in use', text: 'The flags defined in the selected mailbox.', rfc: 'RFC 3501 §7.2.6' },
  { token: 'SEARCH', title: 'Search results', text: 'The sequence numbers (or UIDs, after UID SEARCH) of the messages that match.', rfc: 'RFC 3501 §7.2.5' },
  { token: 'LIST', title: 'A mailbox', text: 'One mailbox name with its attributes and the hierarchy delimiter.', rfc: 'RFC 3501 §7.2.2' },
  { token: 'LSUB', title: 'A subscribed mailbox', text: 'One mailbox the user subscribed to.', rfc: 'RFC 3501 §7.2.3' },
  { token: 'STATUS', title: 'Mailbox status', text: 'Counters of a mailbox without selecting it.', rfc: 'RFC 3501 §7.2.4' },
  { token: 'NAMESPACE', title: 'Namespaces', text: 'The personal, other users\' and shared namespaces with their prefix and delimiter.', rfc: 'RFC 2342 §5' },
  { token: 'ID', title: 'Server identity', text: 'The server\'s name and version, in answer to ID.', rfc: 'RFC 2971 §3.3' },
  { token: 'ENABLED', title: 'Extensions enabled', text: 'The extensions ENABLE switched on. This rev1 server enables none, so it sends no such line.', rfc: 'RFC 5161 §3.2' },
];

const catalogue = new Map(entries.map((e) => [e.token, e]));

/** Explains a status, response code or untagged response name (case-insensitive), a challenge's base64 (key "base64:…"), or undefined. */
export function explainImap(token: string): ImapExplanation | undefined {
  if (token.startsWith(CHALLENGE_KEY)) return explainChallenge(token, 'RFC 3501 §6.2.2');
  return catalogue.get(token === '*' || token === '+' ? token : token.toUpperCase());
}

/** Every token the catalogue explains. */
export const EXPLAINED_TOKENS: readonly string[] = entries.map((e) => e.token);
