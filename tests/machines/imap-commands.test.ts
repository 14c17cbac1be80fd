/**
 * Each command's replies, success and failure, written out from RFC 3501 and its extensions and from Dovecot
 * 2.3's wording in the reference sheet; values come from the seed mail (three messages in alice's INBOX).
 */
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { initialTransition, transition } from 'xstate';
import { imapDriver } from '../../src/machines/imap-session.driver.ts';
import { imapSessionMachine, type ImapEvent } from '../../src/machines/imap-session.machine.ts';
import { lineEvent } from '../helpers/decided.ts';
import { openSession, type Session } from '../../src/machines/session.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

const V = 1795252227;
const STANDARD = [
  '* LIST (\\HasNoChildren) "." INBOX',
  '* LIST (\\HasNoChildren \\Sent) "." Sent',
  '* LIST (\\HasNoChildren \\Drafts) "." Drafts',
  '* LIST (\\HasNoChildren \\Trash) "." Trash',
  '* LIST (\\HasNoChildren \\Archive) "." Archive',
];
const LOGIN = ['x LOGIN alice wonderland'];
const SELECTED = [...LOGIN, 'x SELECT INBOX'];
const EXAMINED = [...LOGIN, 'x EXAMINE INBOX'];

function session(setup: readonly string[], port = 993): Session {
  const s = openSession(new MailWorld(), 'imap', port);
  for (const line of setup) s.send(line);
  return s;
}

/** The replies to the last of `lines`, after `setup`. */
function last(setup: readonly string[], ...lines: string[]): string[] {
  const s = session(setup);
  let replies: string[] = [];
  for (const line of lines) replies = s.send(line).replies;
  expect(s.internalErrors).toBe(0);
  return replies;
}

describe('IMAP before login', () => {
  test.each([
    [[], 'a STARTTLS', ['a BAD TLS is already active.']],
    [[], 'a CAPABILITY', ['* CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE LITERAL+ AUTH=PLAIN', 'a OK Pre-login capabilities listed, post-login capabilities have more.']],
    [[], 'a AUTHENTICATE CRAM-MD5', ['a NO Unsupported authentication mechanism.']],
    [[], 'a AUTHENTICATE', ['a BAD Error in IMAP command received by server.']],
    [[], 'a AUTHENTICATE PLAIN =', ['a NO [AUTHENTICATIONFAILED] Authentication failed.']],
    [[], `a AUTHENTICATE PLAIN ${btoa('bob\0alice\0wonderland')}`, ['a NO [AUTHENTICATIONFAILED] Authentication failed.']],
    [[], `a AUTHENTICATE PLAIN ${btoa('alice\0alice\0wonderland')}`, ['a OK [CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE UNSELECT CHILDREN NAMESPACE UIDPLUS MOVE LITERAL+ SPECIAL-USE] Logged in']],
    [['a AUTHENTICATE PLAIN'], '!!!', ['a BAD Invalid base64 data in continued response']],
    [[], 'a LOGIN alice', ['a BAD Error in IMAP command received by server.']],
    [[], 'a LOGIN "bob" {7}', ['+ OK']],
    [['a LOGIN "bob" {7}'], 'builder', ['a OK [CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE UNSELECT CHILDREN NAMESPACE UIDPLUS MOVE LITERAL+ SPECIAL-USE] Logged in']],
    [[], 'a ID NIL', ['* ID ("name" "Mailwire")', 'a OK ID completed.']],
    [[], 'a ID ("name" "Thunderbird" "version" NIL)', ['* ID ("name" "Mailwire")', 'a OK ID completed.']],
    [[], 'a ID (1 2', ['a BAD Invalid ID parameters']],
    [[], '', ['* BAD Error in IMAP command received by server.']],
    // ENABLE is valid only after login (RFC 5161 §3.1); the login state does not take it.
    [[], 'a ENABLE IMAP4rev2', ['a BAD Error in IMAP command received by server.']],
    [[], 'a LOGOUT', ['* BYE Logging out', 'a OK Logout completed.']],
  ])('after %j, %s', (setup, line, replies) => {
    expect(last(setup, line)).toEqual(replies);
  });

  test.each([
    ['a AUTHENTICATE PLAIN', ['a NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.']],
    ['a AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', [
      '* BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.',
      'a NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
    ]],
  ])('on 143 before STARTTLS answers %s with PRIVACYREQUIRED', (line, replies) => {
    expect(session([], 143).send(line).replies).toEqual(replies);
  });
});

describe('IMAP in the authenticated state', () => {
  test.each([
    [[], 'a CAPABILITY', ['* CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE UNSELECT CHILDREN NAMESPACE UIDPLUS MOVE LITERAL+ SPECIAL-USE', 'a OK Capability completed.']],
    [[], 'a LIST "" ""', ['* LIST (\\Noselect) "." ""', 'a OK List completed.']],
    [[], 'a LIST "" inbox', ['* LIST (\\HasNoChildren) "." INBOX', 'a OK List completed.']],
    [['c CREATE Projects.2026'], 'a LIST "" %', [...STANDARD, '* LIST (\\Noselect \\HasChildren) "." Projects', 'a OK List completed.']],
    [['c CREATE Projects.2026'], 'a LIST "" *', [...STANDARD, '* LIST (\\Noselect \\HasChildren) "." Projects', '* LIST (\\HasNoChildren) "." Projects.2026', 'a OK List completed.']],
    [['c CREATE Projects.2026'], 'a LIST Projects. %', ['* LIST (\\HasNoChildren) "." Projects.2026', 'a OK List completed.']],
    [['c CREATE "My Box"'], 'a LIST "" My*', ['* LIST (\\HasNoChildren) "." "My Box"', 'a OK List completed.']],
    [[], 'a LIST (SPECIAL-USE) "" *', ['a BAD Error in IMAP command LIST: Invalid arguments.']],
    [['c UNSUBSCRIBE Trash'], 'a LSUB "" *', ['* LSUB () "." INBOX', '* LSUB () "." Sent', '* LSUB () "." Drafts', '* LSUB () "." Archive', 'a OK Lsub completed.']],
    [[], 'a STATUS Sent (UIDNEXT MESSAGES)', ['* STATUS Sent (MESSAGES 0 UIDNEXT 1)', 'a OK Status completed.']],
    [[], 'a STATUS INBOX (SIZE)', ['a BAD Error in IMAP command STATUS: Invalid status item SIZE']],
    [[], 'a STATUS INBOX ()', ['a BAD Error in IMAP command STATUS: Invalid arguments.']],
    [[], 'a STATUS Nowhere (MESSAGES)', ["a NO [NONEXISTENT] Mailbox doesn't exist: Nowhere"]],
    [[], 'a CREATE INBOX', ['a NO [ALREADYEXISTS] Mailbox already exists']],
    [[], 'a CREATE sent', ['a OK Create completed.']],
    [[], 'a CREATE Bad%Name', ['a NO [CANNOT] Invalid mailbox name.']],
    [['c CREATE Folder.'], 'a LIST "" Folder', ['* LIST (\\HasNoChildren) "." Folder', 'a OK List completed.']],
    [[], 'a DELETE INBOX', ["a NO [CANNOT] INBOX can't be deleted."]],
    [[], 'a DELETE Nowhere', ["a NO [NONEXISTENT] Mailbox doesn't exist: Nowhere"]],
    [[], 'a SELECT "caf\xe9"', ['a NO Mailbox name is not valid mUTF-7']],
    [[], 'a SELECT caf\xe9', ['a BAD Error in IMAP command SELECT: Invalid characters in atom']],
    [['c RENAME Archive Old'], 'a LIST "" Old', ['* LIST (\\HasNoChildren \\Archive) "." Old', 'a OK List completed.']],
    [[], 'a RENAME Sent Drafts', ['a NO [ALREADYEXISTS] Mailbox already exists']],
    [[], 'a RENAME Archive Archive.Sub', ["a NO [CANNOT] Can't rename mailbox under its own child."]],
    [['c CREATE Work', 'c CREATE Work.A'], 'a RENAME Work Job', ['a OK Rename completed.']],
    [['c CREATE Work', 'c CREATE Work.A', 'c RENAME Work Job'], 'a LIST "" Job*', ['* LIST (\\HasChildren) "." Job', '* LIST (\\HasNoChildren) "." Job.A', 'a OK List completed.']],
    [[], 'a SUBSCRIBE Nowhere', ["a NO [NONEXISTENT] Mailbox doesn't exist: Nowhere"]],
    [[], 'a ENABLE', ['a BAD Error in IMAP command ENABLE: Invalid arguments.']],
    [[], 'a ENABLE CONDSTORE UTF8=ACCEPT', ['a OK Enabled.']],
    [[], 'a SELECT', ['a BAD Error in IMAP command SELECT: Invalid arguments.']],
    [[], 'a SELECT INBOX (CONDSTORE)', ['a BAD Error in IMAP command SELECT: Invalid arguments.']],
    [[], 'a FETCH 1 FLAGS', ['a BAD No mailbox selected.']],
    [[], 'a UID FETCH 1 FLAGS', ['a BAD No mailbox selected.']],
    [[], 'a STARTTLS', ['a BAD Error in IMAP command STARTTLS: Unknown command.']],
    [[], 'a UID FROB', ['a BAD No mailbox selected.']],
  ])('after %j, %s', (setup, line, replies) => {
    expect(last([...LOGIN, ...setup], line)).toEqual(replies);
  });

  test.each([
    [['a APPEND INBOX (\\Recent) {5}'], ['a BAD Error in IMAP command APPEND: Invalid system flag \\RECENT']],
    [['a APPEND INBOX "31-Feb-2026 00:00:00 +0000" {5}'], ['a BAD Invalid internal date.']],
    [['a APPEND INBOX {0}'], ["a NO Can't save a zero byte message."]],
    [['a APPEND INBOX "hello"'], ['a BAD Error in IMAP command APPEND: Invalid arguments.']],
    [['a APPEND INBOX (\\Seen) {5+}', 'hello'], [`a OK [APPENDUID ${V} 4] Append completed.`]],
    [['a APPEND {5}', 'INBOX {5}'], ['+ OK']],
    [['a APPEND {5}', 'INBOX {5}', 'hello'], [`a OK [APPENDUID ${V} 4] Append completed.`]],
    [['a APPEND INBOX {5}', 'hel', 'lo extra'], ['a BAD Error in IMAP command APPEND: Invalid arguments.']],
    [['a IDLE', 'x'], ['a BAD Expected DONE.']],
  ])('answers %j with %j', (lines, replies) => {
    expect(last(LOGIN, ...lines)).toEqual(replies);
  });

  test('stores APPEND flags and internal date (RFC 3501 §6.3.11)', () => {
    const s = session(LOGIN);
    expect(s.send('a APPEND INBOX (\\Seen $Work) "21-Nov-2026 09:00:00 +0100" {5}').replies).toEqual(['+ OK']);
    expect(s.send('hello').replies).toEqual([`a OK [APPENDUID ${V} 4] Append completed.`]);
    s.send('b SELECT INBOX');
    expect(s.send('c FETCH 4 (FLAGS INTERNALDATE RFC822.SIZE)').replies).toEqual([
      '* 4 FETCH (FLAGS (\\Seen \\Recent $Work) INTERNALDATE "21-Nov-2026 08:00:00 +0000" RFC822.SIZE 5)',
      'c OK Fetch completed.',
    ]);
  });
});

describe('IMAP in the selected state', () => {
  test.each([
    [SELECTED, 'a FETCH 1', ['a BAD Error in IMAP command FETCH: Invalid arguments.']],
    [SELECTED, 'a FETCH x FLAGS', ['a BAD Error in IMAP command FETCH: Invalid messageset']],
    [SELECTED, 'a UID FETCH x FLAGS', ['a BAD Error in IMAP command UID FETCH: Invalid uidset']],
    [SELECTED, 'a UID FETCH 1 (FLAGS', ["a BAD Error in IMAP command UID FETCH: Missing ')'"]],
    [SELECTED, 'a FETCH 2 BODY[]<0.10>', ['* 2 FETCH (FLAGS (\\Seen \\Recent) BODY[]<0> "Return-Pat")', 'a OK Fetch completed.']],
    [EXAMINED, 'a FETCH 3 (BODY[TEXT] FLAGS)', ['* 3 FETCH (BODY[TEXT] {62}', 'Line one.', '.', '.hidden', 'The two lines above begin with a dot.', ' FLAGS (\\Recent))', 'a OK Fetch completed.']],
    [SELECTED, 'a STORE 1 FLAGS', ['* 1 FETCH (FLAGS (\\Recent))', 'a OK Store completed.']],
    [SELECTED, 'a STORE 1 +FLAGS ($Important)', [
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Important)',
      '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Important \\*)] Flags permitted.',
      '* 1 FETCH (FLAGS (\\Seen \\Recent $Important))',
      'a OK Store completed.',
    ]],
    [SELECTED, 'a STORE 1 XFLAGS (\\Seen)', ['a BAD Error in IMAP command STORE: Invalid arguments.']],
    [SELECTED, 'a UID STORE 2 +FLAGS (\\Flagged)', ['* 2 FETCH (UID 2 FLAGS (\\Flagged \\Recent))', 'a OK Store completed.']],
    [SELECTED, 'a UID STORE 2:* -FLAGS.SILENT (\\Seen)', ['a OK Store completed.']],
    [SELECTED, 'a SEARCH CHARSET KOI8-R ALL', ['a NO [BADCHARSET (US-ASCII UTF-8)] Unknown charset']],
    [SELECTED, 'a SEARCH', ['a BAD Error in IMAP command SEARCH: Missing search parameters']],
    [SELECTED, 'a COPY 1:3 Trash', [`a OK [COPYUID ${V + 3} 1:3 1:3] Copy completed.`]],
    [SELECTED, 'a UID COPY 9 Trash', ['a OK No messages found.']],
    [SELECTED, 'a COPY 1 Nowhere', ["a NO [TRYCREATE] Mailbox doesn't exist: Nowhere"]],
    [SELECTED, 'a MOVE 2:3 Archive', [`* OK [COPYUID ${V + 4} 2:3 1:2] Moved UIDs.`, '* 2 EXPUNGE', '* 2 EXPUNGE', '* 1 RECENT', 'a OK Move completed.']],
    [EXAMINED, 'a MOVE 1 Archive', ['a NO [READ-ONLY] Mailbox is read-only.']],
    [EXAMINED, 'a COPY 1 Archive', [`a OK [COPYUID ${V + 4} 1 1] Copy completed.`]],
    [[...SELECTED, 'b STORE 1:3 +FLAGS.SILENT (\\Deleted)'], 'a UID EXPUNGE 3', ['* 3 EXPUNGE', '* 2 RECENT', 'a OK Expunge completed.']],
    [[...EXAMINED], 'a EXPUNGE', ['a OK Expunge completed.']],
    [SELECTED, 'a CHECK', ['a OK Check completed.']],
    [SELECTED, 'a UNSELECT', ['a OK Unselect completed.']],
    [SELECTED, 'a LOGIN alice wonderland', ['a BAD Error in IMAP command LOGIN: Unknown command.']],
    [SELECTED, 'a UID FROB 1', ['a BAD Error in IMAP command UID FROB: Unknown command.']],
    [SELECTED, 'a UID', ['a BAD Error in IMAP command UID: Unknown command.']],
    [[...LOGIN, 'x SELECT Sent'], 'a FETCH 1:* FLAGS', ['a BAD Error in IMAP command FETCH: Invalid messageset']],
    [[...LOGIN, 'x SELECT Sent'], 'a UID FETCH 1:* FLAGS', ['a OK Fetch completed.']],
    [[...LOGIN, 'x SELECT Sent'], 'a SEARCH ALL', ['* SEARCH', 'a OK Search completed.']],
  ])('after %j, %s', (setup, line, replies) => {
    expect(last(setup, line)).toEqual(replies);
  });

  test('takes a SEARCH string as a literal', () => {
    expect(last(SELECTED, 'a SEARCH FROM {5}')).toEqual(['+ OK']);
    expect(last(SELECTED, 'a SEARCH FROM {5}', 'carol')).toEqual(['* SEARCH 2', 'a OK Search completed.']);
  });

  test('never sets \\Seen on a read-only mailbox', () => {
    const s = session(EXAMINED);
    s.send('a FETCH 2 BODY[]');
    expect(s.send('b FETCH 2 FLAGS').replies).toEqual(['* 2 FETCH (FLAGS (\\Recent))', 'b OK Fetch completed.']);
  });

  test('expunges nothing on CLOSE after EXAMINE', () => {
    const world = new MailWorld();
    world.setFlags('alice', 'INBOX', 1, ['\\Deleted']);
    const s = openSession(world, 'imap', 993);
    for (const l of [...EXAMINED, 'a CLOSE']) s.send(l);
    expect(world.mailbox('alice', 'INBOX')!.messages.length).toBe(3);
  });

  test('reselects with a [CLOSED] first and keeps this session\'s \\Recent', () => {
    expect(last(SELECTED, 'a SELECT INBOX').slice(0, 5)).toEqual([
      '* OK [CLOSED] Previous mailbox closed.',
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
      '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.',
      '* 3 EXISTS',
      '* 3 RECENT',
    ]);
  });
});

describe('imapDriver', () => {
  test('says goodbye when the idle timer runs out (RFC 3501 §5.4)', () => {
    const s = session(SELECTED);
    const step = s.timeout();
    expect(step).toMatchObject({ replies: ['* BYE Disconnected for inactivity.'], closed: true });
    expect(s.view().state).toBe('logout');
  });

  test('answers an internal error with SERVERBUG, tagged with the running command', () => {
    expect(imapDriver.internalError({ type: 'client.fetch', verb: 'FETCH', args: '1 FLAGS', line: 'a FETCH 1 FLAGS', tag: 'a' })).toEqual(['a NO [SERVERBUG] Internal error occurred.']);
    expect(imapDriver.internalError({ type: 'client.data', verb: '', args: '', line: 'x' })).toEqual(['* NO [SERVERBUG] Internal error occurred.']);
  });

  test('tags a line inside a literal with the command it belongs to and lets it be as long as the literal', () => {
    const input = { world: new MailWorld(), port: 993, sessionId: 's1', implicitTls: true, tlsRequired: false, role: 'access' as const, clientAddress: '192.0.2.10' };
    let [snapshot] = initialTransition(imapSessionMachine, input);
    for (const line of ['a LOGIN alice wonderland', 'b APPEND INBOX {100000}']) {
      [snapshot] = transition(imapSessionMachine, snapshot, lineEvent(imapDriver, line, snapshot) as ImapEvent);
    }
    expect(imapDriver.toEvent('hello', snapshot)).toEqual({ type: 'client.data', verb: '', args: '', line: 'hello', tag: 'b' });
    expect(imapDriver.expects(snapshot)).toBe('literal');
    expect(imapDriver.maxLineOctets(snapshot)).toBe(65536 + 100000);
  });

  test('lists the commands each state allows', () => {
    expect(session([]).view().allowedCommands).toEqual(['CAPABILITY', 'NOOP', 'LOGOUT', 'ID', 'STARTTLS', 'LOGIN', 'AUTHENTICATE']);
    expect(session(LOGIN).view().allowedCommands).toEqual([
      'CAPABILITY', 'NOOP', 'LOGOUT', 'ID', 'ENABLE', 'SELECT', 'EXAMINE', 'CREATE', 'DELETE', 'RENAME', 'SUBSCRIBE', 'UNSUBSCRIBE', 'LIST', 'LSUB', 'NAMESPACE', 'STATUS', 'APPEND', 'IDLE',
    ]);
    expect(session(SELECTED).view().allowedCommands).toHaveLength(28);
    expect(session([...SELECTED, 'i IDLE']).view()).toMatchObject({ allowedCommands: [], expects: 'idle', state: 'selected' });
  });

  test('closes on a dropped connection and commits no half-sent APPEND', () => {
    const world = new MailWorld();
    const s = openSession(world, 'imap', 993);
    for (const l of [...LOGIN, 'a APPEND INBOX {50}', 'Subject: never finished']) s.send(l);
    s.drop();
    expect(s.view().closed).toBe(true);
    expect(world.mailbox('alice', 'INBOX')!.messages.length).toBe(3);
  });
});
