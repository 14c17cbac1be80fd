/**
 * Replays the reference sheet's IMAP transcripts (§4.6 and Appendix A.10–A.13, Dovecot 2.3.19) against the
 * simulator. Each replay has two parts: the exact Mailwire transcript, written out by hand from the seed mail
 * (three messages in alice's INBOX: uid 1 \Seen 358 octets, uid 2 multipart 1027 octets, uid 3 "Dots" 318
 * octets), and a comparison of reply shapes (tags, OK/NO/BAD, response codes, untagged response names) with
 * the capture itself. Where Mailwire's client lines differ from the capture, a comment says why.
 */
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { openSession } from '../../src/machines/session.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';
import { parseTranscript } from '../helpers/transcript.ts';
import { shapes } from '../protocols/imap/core/imap-lines.ts';

// UIDVALIDITY of a seed-1 world: alice's INBOX, then one per mailbox in creation order (5 each for alice and
// bob), so the first mailbox a test creates gets V + 10.
const V = 1795252227;
const PRE_TLS = 'IMAP4rev1 SASL-IR ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED';
const TLS = 'IMAP4rev1 SASL-IR ID ENABLE IDLE LITERAL+ AUTH=PLAIN';
const POST = 'IMAP4rev1 SASL-IR ID ENABLE IDLE UNSELECT CHILDREN NAMESPACE UIDPLUS MOVE LITERAL+ SPECIAL-USE';
const FLAGS = String.raw`* FLAGS (\Answered \Flagged \Deleted \Seen \Draft)`;
const PERMANENT = String.raw`* OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft \*)] Flags permitted.`;
const LIST = String.raw`S: * LIST (\HasNoChildren) "." INBOX
S: * LIST (\HasNoChildren \Sent) "." Sent
S: * LIST (\HasNoChildren \Drafts) "." Drafts
S: * LIST (\HasNoChildren \Trash) "." Trash
S: * LIST (\HasNoChildren \Archive) "." Archive`;

/** Sends every client line and checks the replies exactly; returns the replies for the shape comparison. */
function replay(world: MailWorld, port: number, transcript: string, states: Record<string, string> = {}): string[][] {
  const { greeting, steps } = parseTranscript(transcript);
  const session = openSession(world, 'imap', port);
  expect(session.greeting.filter((e) => e.kind === 'server').map((e) => e.text)).toEqual(greeting);
  const replies = steps.map((step) => {
    const r = session.send(step.client).replies;
    expect(r, step.client).toEqual(step.server);
    if (states[step.client]) expect(session.view().state, step.client).toBe(states[step.client]);
    return r;
  });
  expect(session.internalErrors).toBe(0);
  return replies;
}

/** Compares each step's reply shapes with the capture's, except the steps listed with the reason they differ. */
function compareShapes(capture: string, ours: string[][], deviations: Record<number, string> = {}): void {
  const { steps } = parseTranscript(capture);
  expect(steps.length).toBe(ours.length);
  steps.forEach((step, i) => {
    if (deviations[i]) return;
    expect(shapes(ours[i]!), `${step.client} (step ${i})`).toEqual(shapes(step.server));
  });
}

const A10 = String.raw`
S: * OK [CAPABILITY ${PRE_TLS}] Mailwire ready.
C: a001 CAPABILITY
S: * CAPABILITY ${PRE_TLS}
S: a001 OK Pre-login capabilities listed, post-login capabilities have more.
C: a002 LOGIN alice wonderland
S: * BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.
S: a002 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
C: a003 SELECT INBOX
S: a003 BAD Error in IMAP command received by server.
C: a004 STARTTLS
S: a004 OK Begin TLS negotiation now.
C: a005 CAPABILITY
S: * CAPABILITY ${TLS}
S: a005 OK Pre-login capabilities listed, post-login capabilities have more.
C: a006 LOGIN alice wrong-password
S: a006 NO [AUTHENTICATIONFAILED] Authentication failed.
C: a007 LOGIN alice wonderland
S: a007 OK [CAPABILITY ${POST}] Logged in
C: a008 FETCH 1 FLAGS
S: a008 BAD No mailbox selected.
C: a009 LIST "" "*"
${LIST}
S: a009 OK List completed.
C: a010 STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)
S: * STATUS INBOX (MESSAGES 3 UIDNEXT 4 UIDVALIDITY ${V} UNSEEN 2)
S: a010 OK Status completed.
C: a011 SELECT INBOX
S: ${FLAGS}
S: ${PERMANENT}
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 2] First unseen.
S: * OK [UIDVALIDITY ${V}] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a011 OK [READ-WRITE] Select completed.
C: a012 FETCH 1:* (UID FLAGS RFC822.SIZE)
S: * 1 FETCH (UID 1 FLAGS (\Seen \Recent) RFC822.SIZE 358)
S: * 2 FETCH (UID 2 FLAGS (\Recent) RFC822.SIZE 1027)
S: * 3 FETCH (UID 3 FLAGS (\Recent) RFC822.SIZE 318)
S: a012 OK Fetch completed.
C: a013 FETCH 1 ENVELOPE
S: * 1 FETCH (ENVELOPE ("Fri, 20 Nov 2026 08:14:52 +0000" "Welcome to example.test" (("Bob" NIL "bob" "example.test")) (("Bob" NIL "bob" "example.test")) (("Bob" NIL "bob" "example.test")) (("Alice" NIL "alice" "example.test")) NIL NIL NIL "<welcome-1@example.test>"))
S: a013 OK Fetch completed.
C: a014 FETCH 3 BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]
S: * 3 FETCH (BODY[HEADER.FIELDS (FROM SUBJECT)] {52}
S: From: Dan <dan@elsewhere.example>
S: Subject: Dots
S:
S: )
S: a014 OK Fetch completed.
C: a015 FETCH 3 FLAGS
S: * 3 FETCH (FLAGS (\Recent))
S: a015 OK Fetch completed.
C: a016 FETCH 3 BODY[TEXT]
S: * 3 FETCH (FLAGS (\Seen \Recent) BODY[TEXT] {62}
S: Line one.
S: .
S: .hidden
S: The two lines above begin with a dot.
S: )
S: a016 OK Fetch completed.
C: a017 STORE 2 +FLAGS (\Flagged)
S: * 2 FETCH (FLAGS (\Flagged \Recent))
S: a017 OK Store completed.
C: a018 STORE 2 +FLAGS.SILENT (\Answered)
S: a018 OK Store completed.
C: a019 SEARCH UNSEEN
S: * SEARCH 2
S: a019 OK Search completed.
C: a020 UID SEARCH FROM carol
S: * SEARCH 2
S: a020 OK Search completed.
C: a021 UID FETCH 2 (FLAGS)
S: * 2 FETCH (UID 2 FLAGS (\Answered \Flagged \Recent))
S: a021 OK Fetch completed.
C: a022 CREATE Projects
S: a022 OK Create completed.
C: a023 COPY 2 Projects
S: a023 OK [COPYUID ${V + 10} 2 1] Copy completed.
C: a024 MOVE 3 Projects
S: * OK [COPYUID ${V + 10} 3 2] Moved UIDs.
S: * 3 EXPUNGE
S: * 2 RECENT
S: a024 OK Move completed.
C: a025 STORE 1 +FLAGS (\Deleted)
S: * 1 FETCH (FLAGS (\Deleted \Seen \Recent))
S: a025 OK Store completed.
C: a026 EXPUNGE
S: * 1 EXPUNGE
S: * 1 RECENT
S: a026 OK Expunge completed.
C: a027 FETCH 99 FLAGS
S: a027 BAD Error in IMAP command FETCH: Invalid messageset
C: a028 FROB
S: a028 BAD Error in IMAP command FROB: Unknown command.
C: a029 APPEND Notes (\Draft) {103}
S: a029 NO [TRYCREATE] Mailbox doesn't exist: Notes
C: From: Alice <alice@example.test>
S: From: BAD Error in IMAP command ALICE: Unknown command.
C: To: Bob <bob@example.test>
S: To: BAD Error in IMAP command BOB: Unknown command.
C: Subject: Draft
S: Subject: BAD Error in IMAP command DRAFT: Unknown command.
C:
S: * BAD Error in IMAP tag: Invalid tag
C: Unfinished thought...
S: Unfinished BAD Error in IMAP command THOUGHT...: Unknown command.
C:
S: * BAD Error in IMAP tag: Invalid tag
C: a030 EXAMINE Projects
S: * OK [CLOSED] Previous mailbox closed.
S: ${FLAGS}
S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
S: * 2 EXISTS
S: * 2 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY ${V + 10}] UIDs valid
S: * OK [UIDNEXT 3] Predicted next UID
S: a030 OK [READ-ONLY] Examine completed.
C: a031 STORE 1 +FLAGS (\Seen)
S: a031 OK Store ignored with read-only mailbox.
C: a032 CLOSE
S: a032 OK Close completed.
C: a033 FETCH 1 FLAGS
S: a033 BAD No mailbox selected.
C: a034 LOGOUT
S: * BYE Logging out
S: a034 OK Logout completed.
`;

// The capture (reference A.10) with Dovecot's timing suffixes and truncated lines as recorded; only shapes are read.
const A10_CAPTURE = String.raw`
S: * OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED] Dovecot (Debian) ready.
C: a001 CAPABILITY
S: * CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED
S: a001 OK Pre-login capabilities listed, post-login capabilities have more.
C: a002 LOGIN alice wonderland
S: * BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.
S: a002 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
C: a003 SELECT INBOX
S: a003 BAD Error in IMAP command received by server.
C: a004 STARTTLS
S: a004 OK Begin TLS negotiation now.
C: a005 CAPABILITY
S: * CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=LOGIN
S: a005 OK Pre-login capabilities listed, post-login capabilities have more.
C: a006 LOGIN alice wrong-password
S: a006 NO [AUTHENTICATIONFAILED] Authentication failed.
C: a007 LOGIN alice wonderland
S: * CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES
S: a007 OK Logged in
C: a008 FETCH 1 FLAGS
S: a008 BAD No mailbox selected (0.001 + 0.000 secs).
C: a009 LIST "" "*"
S: * LIST (\HasNoChildren) "." INBOX
S: a009 OK List completed (0.004 + 0.000 + 0.003 secs).
C: a010 STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)
S: * STATUS INBOX (MESSAGES 4 UIDNEXT 5 UIDVALIDITY 1795303378 UNSEEN 4)
S: a010 OK Status completed (0.002 + 0.000 + 0.001 secs).
C: a011 SELECT INBOX
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft \*)] Flags permitted.
S: * 4 EXISTS
S: * 4 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY 1795303378] UIDs valid
S: * OK [UIDNEXT 5] Predicted next UID
S: a011 OK [READ-WRITE] Select completed (0.001 + 0.000 secs).
C: a012 FETCH 1:* (UID FLAGS RFC822.SIZE)
S: * 1 FETCH (UID 1 FLAGS (\Recent) RFC822.SIZE 559)
S: * 2 FETCH (UID 2 FLAGS (\Recent) RFC822.SIZE 464)
S: * 3 FETCH (UID 3 FLAGS (\Recent) RFC822.SIZE 537)
S: * 4 FETCH (UID 4 FLAGS (\Recent) RFC822.SIZE 475)
S: a012 OK Fetch completed (0.002 + 0.000 + 0.001 secs).
C: a013 FETCH 1 ENVELOPE
S: * 1 FETCH (ENVELOPE ("Fri, 21 Nov 2025 12:00:00 +0000" "Lunch on Friday?" (("Carol" NIL "carol" "sender.example"))
S: a013 OK Fetch completed (0.001 + 0.000 secs).
C: a014 FETCH 3 BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]
S: * 3 FETCH (BODY[HEADER.FIELDS (FROM SUBJECT)] {58}
S: From: dan@elsewhere.example
S: Subject: Quarterly report
S:
S: )
S: a014 OK Fetch completed (0.001 + 0.000 secs).
C: a015 FETCH 3 FLAGS
S: * 3 FETCH (FLAGS (\Recent))
S: a015 OK Fetch completed (0.001 + 0.000 secs).
C: a016 FETCH 3 BODY[TEXT]
S: * 3 FETCH (FLAGS (\Seen \Recent) BODY[TEXT] {80}
S: Please find the summary below.
S: .
S: That single dot above was sent as two dots.
S: )
S: a016 OK Fetch completed (0.001 + 0.000 secs).
C: a017 STORE 2 +FLAGS (\Flagged)
S: * 2 FETCH (FLAGS (\Flagged \Recent))
S: a017 OK Store completed (0.001 + 0.000 secs).
C: a018 STORE 2 +FLAGS.SILENT (\Answered)
S: a018 OK Store completed (0.001 + 0.000 secs).
C: a019 SEARCH UNSEEN
S: * SEARCH 1 2 4
S: a019 OK Search completed (0.001 + 0.000 secs).
C: a020 UID SEARCH FROM carol
S: * SEARCH 1
S: a020 OK Search completed (0.001 + 0.000 secs).
C: a021 UID FETCH 2 (FLAGS)
S: * 2 FETCH (UID 2 FLAGS (\Answered \Flagged \Recent))
S: a021 OK Fetch completed (0.001 + 0.000 secs).
C: a022 CREATE Archive
S: a022 OK Create completed (0.003 + 0.000 + 0.002 secs).
C: a023 COPY 1 Archive
S: a023 OK [COPYUID 1795303379 1 1] Copy completed (0.002 + 0.000 + 0.001 secs).
C: a024 MOVE 4 Archive
S: * OK [COPYUID 1795303379 4 2] Moved UIDs.
S: * 4 EXPUNGE
S: * 3 RECENT
S: a024 OK Move completed (0.003 + 0.000 + 0.002 secs).
C: a025 STORE 1 +FLAGS (\Deleted)
S: * 1 FETCH (FLAGS (\Deleted \Recent))
S: a025 OK Store completed (0.002 + 0.000 + 0.001 secs).
C: a026 EXPUNGE
S: * 1 EXPUNGE
S: * 2 RECENT
S: a026 OK Expunge completed (0.001 + 0.000 secs).
C: a027 FETCH 99 FLAGS
S: a027 BAD Error in IMAP command FETCH: Invalid messageset (0.001 + 0.000 secs).
C: a028 FROB
S: a028 BAD Error in IMAP command FROB: Unknown command (0.000 + 0.000 secs).
C: a029 APPEND Drafts (\Draft) {103}
S: a029 NO [TRYCREATE] Mailbox doesn't exist: Drafts (0.001 + 0.000 secs).
C: From: Alice <alice@example.test>
S: From: BAD Error in IMAP command ALICE: Unknown command (0.001 + 0.000 secs).
C: To: Bob <bob@example.test>
S: To: BAD Error in IMAP command BOB: Unknown command (0.001 + 0.000 secs).
C: Subject: Draft
S: Subject: BAD Error in IMAP command DRAFT: Unknown command (0.001 + 0.000 secs).
C:
S: * BAD Error in IMAP tag: Invalid tag (0.001 + 0.000 secs).
C: Unfinished thought...
S: Unfinished BAD Error in IMAP command THOUGHT...: Unknown command (0.000 + 0.000 secs).
C:
S: * BAD Error in IMAP tag: Invalid tag (0.000 + 0.000 secs).
C: a030 EXAMINE Archive
S: * OK [CLOSED] Previous mailbox closed.
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
S: * 2 EXISTS
S: * 2 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY 1795303379] UIDs valid
S: * OK [UIDNEXT 3] Predicted next UID
S: a030 OK [READ-ONLY] Examine completed (0.001 + 0.000 secs).
C: a031 STORE 1 +FLAGS (\Seen)
S: a031 OK Store ignored with read-only mailbox (0.001 + 0.000 secs).
C: a032 CLOSE
S: a032 OK Close completed (0.001 + 0.000 secs).
C: a033 FETCH 1 FLAGS
S: a033 BAD No mailbox selected (0.001 + 0.000 secs).
C: a034 LOGOUT
S: * BYE Logging out
S: a034 OK Logout completed (0.001 + 0.000 secs).
`;

describe('IMAP replay of reference A.10 (port 143)', () => {
  test('answers every line as the hand-written Mailwire transcript says', () => {
    // Mailwire's world already has Archive and Drafts (standard mailboxes), so the capture's CREATE, COPY, MOVE
    // and EXAMINE go to "Projects" and the mishandled APPEND to "Notes"; COPY 2 and MOVE 3 pick the seed's unseen
    // and last messages as COPY 1 and MOVE 4 did in the capture's four-message INBOX.
    replay(new MailWorld(), 143, A10, {
      'a004 STARTTLS': 'notAuthenticated',
      'a007 LOGIN alice wonderland': 'authenticated',
      'a011 SELECT INBOX': 'selected',
      'a030 EXAMINE Projects': 'selected',
      'a032 CLOSE': 'authenticated',
      'a034 LOGOUT': 'logout',
    });
  });

  test('gives the same tags, statuses, response codes and untagged responses as Dovecot did', () => {
    const ours = replay(new MailWorld(), 143, A10);
    compareShapes(A10_CAPTURE, ours, {
      // The capture's client had asked CAPABILITY after STARTTLS, so Dovecot sent the list untagged; Mailwire
      // always puts it in the LOGIN OK's [CAPABILITY] code, as the brief asks and RFC 3501 §7.1 allows.
      6: 'LOGIN OK carries [CAPABILITY]',
    });
  });

  test('advertises no capability Dovecot did not advertise at the same point', () => {
    const dovecot = new Set('IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED AUTH=PLAIN AUTH=LOGIN UNSELECT CHILDREN NAMESPACE UIDPLUS MOVE SPECIAL-USE'.split(' '));
    for (const cap of `${PRE_TLS} ${TLS} ${POST}`.split(' ')) expect(dovecot.has(cap), cap).toBe(true);
  });
});

describe('IMAP replay of the condensed transcript (reference §4.6)', () => {
  test('answers the condensed session line by line', () => {
    replay(new MailWorld(), 143, String.raw`
S: * OK [CAPABILITY ${PRE_TLS}] Mailwire ready.
C: a002 LOGIN alice wonderland
S: * BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.
S: a002 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
C: a003 SELECT INBOX
S: a003 BAD Error in IMAP command received by server.
C: a004 STARTTLS
S: a004 OK Begin TLS negotiation now.
C: a006 LOGIN alice wrong-password
S: a006 NO [AUTHENTICATIONFAILED] Authentication failed.
C: a007 LOGIN alice wonderland
S: a007 OK [CAPABILITY ${POST}] Logged in
C: a008 FETCH 1 FLAGS
S: a008 BAD No mailbox selected.
C: a011 SELECT INBOX
S: ${FLAGS}
S: ${PERMANENT}
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 2] First unseen.
S: * OK [UIDVALIDITY ${V}] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a011 OK [READ-WRITE] Select completed.
C: a016 FETCH 3 BODY[TEXT]
S: * 3 FETCH (FLAGS (\Seen \Recent) BODY[TEXT] {62}
S: Line one.
S: .
S: .hidden
S: The two lines above begin with a dot.
S: )
S: a016 OK Fetch completed.
C: a025 STORE 1 +FLAGS (\Deleted)
S: * 1 FETCH (FLAGS (\Deleted \Seen \Recent))
S: a025 OK Store completed.
C: a026 EXPUNGE
S: * 1 EXPUNGE
S: * 2 RECENT
S: a026 OK Expunge completed.
C: a028 FROB
S: a028 BAD Error in IMAP command FROB: Unknown command.
C: a034 LOGOUT
S: * BYE Logging out
S: a034 OK Logout completed.
`);
  });
});

const A11 = String.raw`
S: * OK [CAPABILITY ${TLS}] Mailwire ready.
C: b001 AUTHENTICATE PLAIN
S: + 
C: AGFsaWNlAHdvbmRlcmxhbmQ=
S: b001 OK [CAPABILITY ${POST}] Logged in
C: b002 LIST "" "*"
${LIST}
S: b002 OK List completed.
C: b003 APPEND Notes (\Draft) {103}
S: b003 NO [TRYCREATE] Mailbox doesn't exist: Notes
C: b004 CREATE Notes
S: b004 OK Create completed.
C: b005 APPEND Notes (\Draft) {103}
S: + OK
C: From: Alice <alice@example.test>
C: To: Bob <bob@example.test>
C: Subject: Draft
C:
C: Unfinished thought...
C:
S: b005 OK [APPENDUID ${V + 10} 1] Append completed.
C: b006 SELECT Notes
S: ${FLAGS}
S: ${PERMANENT}
S: * 1 EXISTS
S: * 1 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY ${V + 10}] UIDs valid
S: * OK [UIDNEXT 2] Predicted next UID
S: b006 OK [READ-WRITE] Select completed.
C: b007 FETCH 1 (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])
S: * 1 FETCH (FLAGS (\Draft \Recent) BODY[HEADER.FIELDS (SUBJECT)] {18}
S: Subject: Draft
S:
S: )
S: b007 OK Fetch completed.
C: b008 STORE 1 +FLAGS (\Deleted)
S: * 1 FETCH (FLAGS (\Deleted \Draft \Recent))
S: b008 OK Store completed.
C: b009 CLOSE
S: b009 OK Close completed.
C: b010 STATUS Notes (MESSAGES)
S: * STATUS Notes (MESSAGES 0)
S: b010 OK Status completed.
C: b011 LOGOUT
S: * BYE Logging out
S: b011 OK Logout completed.
`;

const A11_CAPTURE = String.raw`
S: * OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=LOGIN] Dovecot (Debian) ready.
C: b001 AUTHENTICATE PLAIN
S: + 
C: AGFsaWNlAHdvbmRlcmxhbmQ=
S: b001 OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS
C: b002 LIST "" "*"
S: * LIST (\HasNoChildren) "." Archive
S: * LIST (\HasNoChildren) "." INBOX
S: b002 OK List completed (0.001 + 0.000 secs).
C: b003 APPEND Drafts (\Draft) {103}
S: b003 NO [TRYCREATE] Mailbox doesn't exist: Drafts (0.001 + 0.000 secs).
C: b004 CREATE Drafts
S: b004 OK Create completed (0.003 + 0.000 + 0.002 secs).
C: b005 APPEND Drafts (\Draft) {103}
S: + OK
C: From: Alice <alice@example.test>
C: To: Bob <bob@example.test>
C: Subject: Draft
C:
C: Unfinished thought...
C:
S: b005 OK [APPENDUID 1795303380 1] Append completed (0.002 + 0.001 + 0.001 secs).
C: b006 SELECT Drafts
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft \*)] Flags permitted.
S: * 1 EXISTS
S: * 1 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY 1795303380] UIDs valid
S: * OK [UIDNEXT 2] Predicted next UID
S: b006 OK [READ-WRITE] Select completed (0.001 + 0.000 secs).
C: b007 FETCH 1 (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])
S: * 1 FETCH (FLAGS (\Draft \Recent) BODY[HEADER.FIELDS (SUBJECT)] {18}
S: Subject: Draft
S:
S: )
S: b007 OK Fetch completed (0.001 + 0.000 secs).
C: b008 STORE 1 +FLAGS (\Deleted)
S: * 1 FETCH (FLAGS (\Deleted \Draft \Recent))
S: b008 OK Store completed (0.001 + 0.000 secs).
C: b009 CLOSE
S: b009 OK Close completed (0.001 + 0.000 secs).
C: b010 STATUS Drafts (MESSAGES)
S: * STATUS Drafts (MESSAGES 0)
S: b010 OK Status completed (0.001 + 0.000 secs).
C: b011 LOGOUT
S: * BYE Logging out
S: b011 OK Logout completed (0.001 + 0.000 secs).
`;

describe('IMAP replay of reference A.11 (port 993)', () => {
  test('authenticates with a continuation, appends after TRYCREATE and CREATE, and expunges silently on CLOSE', () => {
    // Drafts exists in every Mailwire world, so "Notes" plays the capture's missing Drafts.
    replay(new MailWorld(), 993, A11, {
      'b001 AUTHENTICATE PLAIN': 'notAuthenticated',
      'AGFsaWNlAHdvbmRlcmxhbmQ=': 'authenticated',
      'b006 SELECT Notes': 'selected',
      'b009 CLOSE': 'authenticated',
    });
  });

  test('gives the same reply shapes as Dovecot did', () => {
    compareShapes(A11_CAPTURE, replay(new MailWorld(), 993, A11));
  });

  test('waits for literal octets after "+ OK" and for the SASL response after "+ "', () => {
    const session = openSession(new MailWorld(), 'imap', 993);
    session.send('b001 AUTHENTICATE PLAIN');
    expect(session.view()).toMatchObject({ state: 'notAuthenticated', expects: 'sasl', allowedCommands: [] });
    session.send('AGFsaWNlAHdvbmRlcmxhbmQ=');
    session.send('b005 APPEND INBOX {5}');
    expect(session.view()).toMatchObject({ state: 'authenticated', expects: 'literal', allowedCommands: [] });
  });
});

const A13 = String.raw`
S: * OK [CAPABILITY ${TLS}] Mailwire ready.
C: c001 AUTHENTICATE PLAIN AGFsaWNlAGJhZA==
S: c001 NO [AUTHENTICATIONFAILED] Authentication failed.
C: c002 AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=
S: c002 OK [CAPABILITY ${POST}] Logged in
C: c003 LOGIN alice wonderland
S: c003 BAD Error in IMAP command LOGIN: Unknown command.
C: c004 ENABLE IMAP4rev2
S: c004 OK Enabled.
C: c005 NAMESPACE
S: * NAMESPACE (("" ".")) NIL NIL
S: c005 OK Namespace completed.
C: c006 LOGOUT
S: * BYE Logging out
S: c006 OK Logout completed.
`;

const A13_SECOND = String.raw`
S: * OK [CAPABILITY ${TLS}] Mailwire ready.
C: LOGIN alice wonderland
S: LOGIN BAD First parameter in line is IMAP's command tag, not the command name. Add that before the command, like: a login user pass
C: e1 SELECT
S: e1 BAD Error in IMAP command received by server.
C: e2 NOOP
S: e2 OK NOOP completed.
C: e3 LOGIN "alice" "wonderland"
S: e3 OK [CAPABILITY ${POST}] Logged in
C: e4 SELECT NoSuchBox
S: e4 NO [NONEXISTENT] Mailbox doesn't exist: NoSuchBox
C: e5 SELECT INBOX
S: ${FLAGS}
S: ${PERMANENT}
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 2] First unseen.
S: * OK [UIDVALIDITY ${V}] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: e5 OK [READ-WRITE] Select completed.
C: e6 FETCH 1 (FLAGS
S: e6 BAD Error in IMAP command FETCH: Missing ')'
C: e7 FETCH 1 BODY.PEEK[HEADER.FIELDS (SUBJECT)]
S: * 1 FETCH (BODY[HEADER.FIELDS (SUBJECT)] {36}
S: Subject: Welcome to example.test
S:
S: )
S: e7 OK Fetch completed.
C: e8 STORE 1 +FLAGS (\Recent)
S: e8 BAD Error in IMAP command STORE: Invalid system flag \RECENT
C: e9 UID FETCH 999 FLAGS
S: e9 OK Fetch completed.
C: e10 SEARCH FROM carol
S: * SEARCH 2
S: e10 OK Search completed.
C: e11 UNSELECT
S: e11 OK Unselect completed.
C: e12 STATUS INBOX (MESSAGES RECENT UNSEEN)
S: * STATUS INBOX (MESSAGES 3 RECENT 0 UNSEEN 2)
S: e12 OK Status completed.
C: e13 LOGOUT
S: * BYE Logging out
S: e13 OK Logout completed.
`;

const A13_CAPTURE_SECOND = String.raw`
C: LOGIN alice wonderland
S: LOGIN BAD First parameter in line is IMAP's command tag, not the command name. Add that before the command, like: a login user pass
C: e1 SELECT
S: e1 BAD Error in IMAP command received by server.
C: e2 NOOP
S: e2 OK NOOP completed.
C: e3 LOGIN "alice" "wonderland"
S: e3 OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY
C: e4 SELECT NoSuchBox
S: e4 NO Mailbox doesn't exist: NoSuchBox (0.001 + 0.000 secs).
C: e5 SELECT INBOX
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft \*)] Flags permitted.
S: * 2 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 2] First unseen.
S: * OK [UIDVALIDITY 1795303378] UIDs valid
S: * OK [UIDNEXT 6] Predicted next UID
S: e5 OK [READ-WRITE] Select completed (0.001 + 0.000 secs).
C: e6 FETCH 1 (FLAGS
S: e6 BAD Error in IMAP command FETCH: Missing ')' (0.001 + 0.000 secs).
C: e7 FETCH 1 BODY.PEEK[HEADER.FIELDS (SUBJECT)]
S: * 1 FETCH (BODY[HEADER.FIELDS (SUBJECT)] {24}
S: Subject: Re: Minutes
S:
S: )
S: e7 OK Fetch completed (0.001 + 0.000 secs).
C: e8 STORE 1 +FLAGS (\Recent)
S: e8 BAD Error in IMAP command STORE: Invalid system flag \RECENT (0.001 + 0.000 secs).
C: e9 UID FETCH 999 FLAGS
S: e9 OK Fetch completed (0.001 + 0.000 secs).
C: e10 SEARCH FROM erin
S: * SEARCH 2
S: e10 OK Search completed (0.001 + 0.000 secs).
C: e11 UNSELECT
S: e11 OK Unselect completed (0.001 + 0.000 secs).
C: e12 STATUS INBOX (MESSAGES RECENT UNSEEN)
S: * STATUS INBOX (MESSAGES 2 RECENT 0 UNSEEN 1)
S: e12 OK Status completed (0.001 + 0.000 secs).
C: e13 LOGOUT
S: * BYE Logging out
S: e13 OK Logout completed (0.001 + 0.000 secs).
`;

describe('IMAP replay of reference A.13 (port 993)', () => {
  test('takes SASL-IR on one line, refuses LOGIN after login, enables nothing for IMAP4rev2 and lists the namespace', () => {
    replay(new MailWorld(), 993, A13, { 'c003 LOGIN alice wonderland': 'authenticated' });
  });

  test('handles the edge cases of the second session', () => {
    // The seed has no mail from Erin, so e10 searches for Carol; e4 carries RFC 5530's [NONEXISTENT], which the
    // brief asks for although Dovecot's SELECT sent none (see the shape comparison).
    const ours = replay(new MailWorld(), 993, A13_SECOND, { 'e1 SELECT': 'notAuthenticated', 'e4 SELECT NoSuchBox': 'authenticated', 'e11 UNSELECT': 'authenticated' });
    compareShapes(A13_CAPTURE_SECOND, ours, { 4: 'SELECT NO carries [NONEXISTENT]' });
  });
});
