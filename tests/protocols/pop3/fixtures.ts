/**
 * Test fixtures for the POP3 server: the seed mail written out again (so expected sizes and lines never come
 * from the code under test), a session opener and the POP3 reply grammar.
 */
import { expect } from 'vitest';
import { openSession } from '../../../src/machines/session.ts';
import '../../../src/machines/servers.ts';
import type { Session } from '../../../src/protocols/shared/session-types.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';

const PDF = [
  'JVBERi0xLjQKMSAwIG9iaiA8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4gZW5kb2Jq',
  'CjIgMCBvYmogPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4gZW5kb2Jq',
  'CjMgMCBvYmogPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCAyMDAg',
  'MjAwXSA+PiBlbmRvYmoKdHJhaWxlciA8PCAvUm9vdCAxIDAgUiA+PgolJUVPRgo=',
];

/** Alice's seed INBOX, line by line: 1 welcome, 2 minutes with a PDF, 3 "Dots" (lines "." and ".hidden"). */
export const ALICE = [
  [
    'Return-Path: <bob@example.test>', 'From: Bob <bob@example.test>', 'To: Alice <alice@example.test>',
    'Subject: Welcome to example.test', 'Date: Fri, 20 Nov 2026 08:14:52 +0000', 'Message-ID: <welcome-1@example.test>',
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=us-ascii', '',
    'Hi Alice,', '', 'your mailbox is ready. Read it with POP3 or IMAP, send with SMTP.', '', 'Bob',
  ],
  [
    'Return-Path: <carol@sender.example>', 'From: Carol <carol@sender.example>', 'To: Alice <alice@example.test>',
    'Cc: Bob <bob@example.test>', "Subject: Minutes of Thursday's meeting", 'Date: Fri, 20 Nov 2026 16:01:40 +0000',
    'Message-ID: <minutes-7@sender.example>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="=_mw_boundary_1"', '',
    'This is a multi-part message in MIME format.', '', '--=_mw_boundary_1', 'Content-Type: text/plain; charset=us-ascii',
    'Content-Transfer-Encoding: 7bit', '', 'Hello both,', '', 'the minutes are attached as a PDF.', '', 'Carol', '',
    '--=_mw_boundary_1', 'Content-Type: application/pdf; name="minutes.pdf"', 'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="minutes.pdf"', '', ...PDF, '', '--=_mw_boundary_1--',
  ],
  [
    'Return-Path: <dan@elsewhere.example>', 'From: Dan <dan@elsewhere.example>', 'To: alice@example.test', 'Subject: Dots',
    'Date: Sat, 21 Nov 2026 07:44:58 +0000', 'Message-ID: <dots-3@elsewhere.example>', 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii', '', 'Line one.', '.', '.hidden', 'The two lines above begin with a dot.',
  ],
];

/** Bob's seed INBOX: one message. */
export const BOB = [
  [
    'Return-Path: <carol@sender.example>', 'From: Carol <carol@sender.example>', 'To: Bob <bob@example.test>',
    'Subject: Lunch on Friday?', 'Date: Fri, 20 Nov 2026 16:02:05 +0000', 'Message-ID: <lunch-1@sender.example>',
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=us-ascii', '', 'Hi Bob,', 'are you free for lunch on Friday?', 'Carol',
  ],
];

/** Size in octets of a message stored with CRLF line ends. */
export const sizeOf = (lines: readonly string[]) => lines.reduce((sum, l) => sum + l.length + 2, 0);

/** The lines a client sees on the wire for these data lines: each one beginning with "." doubled. */
export const stuffed = (lines: readonly string[]) => lines.map((l) => (l.startsWith('.') ? `.${l}` : l));

/** A fresh world (default seed) and a session on it. */
export function connect(port: 110 | 995, world = new MailWorld()): { world: MailWorld; session: Session } {
  return { world, session: openSession(world, 'pop3', port) };
}

/** Sends lines and returns the replies of the last one. */
export function send(session: Session, ...lines: string[]): string[] {
  let replies: string[] = [];
  for (const l of lines) replies = session.send(l).replies;
  return replies;
}

/** Logs in with USER/PASS (after STLS on 110). */
export function login(session: Session, user: string, password: string): void {
  if (!session.view().tls) expect(send(session, 'STLS')).toEqual(['+OK Begin TLS negotiation now.']);
  expect(send(session, `USER ${user}`, `PASS ${password}`)).toEqual(['+OK Logged in.']);
}

/** The server's greeting text (the last greeting entry). */
export function greetingOf(session: Session): string {
  const last = session.greeting.at(-1);
  return last && last.kind === 'server' ? last.text : '';
}

/** The eight-hex-digit UIDVALIDITY of a user's INBOX, for UIDL expectations. */
export function uidValidityHex(world: MailWorld, user: string): string {
  return world.mailbox(user, 'INBOX')!.uidValidity.toString(16).padStart(8, '0');
}

const STATUS = /^(\+OK|-ERR)( [^\r\n]*)?$/;
const CONTINUATION = /^\+ [A-Za-z0-9+/=]*$/;

/**
 * Checks one reply against the POP3 grammar (RFC 1939 §3, RFC 5034 §4): a status line or a "+ " continuation;
 * a multi-line reply starts with +OK, ends with a lone "." and has no other line that begins with a single ".".
 * Returns a description of the first problem, or undefined.
 */
export function grammarProblem(reply: readonly string[]): string | undefined {
  if (reply.some((l) => /[\r\n]/.test(l))) return 'a line contains CR or LF';
  const [first, ...rest] = reply;
  if (first === undefined) return 'empty reply';
  // RFC 1939 §3: a response line is at most 512 octets including CRLF.
  if (first.length > 510) return 'status line longer than 512 octets';
  if (rest.length === 0) return STATUS.test(first) || CONTINUATION.test(first) ? undefined : `bad status line: ${first}`;
  if (!/^\+OK( |$)/.test(first)) return `multi-line reply without +OK: ${first}`;
  if (rest.at(-1) !== '.') return 'multi-line reply without the "." terminator';
  const body = rest.slice(0, -1);
  if (body.some((l) => l.startsWith('.') && !l.startsWith('..'))) return 'an unstuffed line begins with "."';
  return undefined;
}
