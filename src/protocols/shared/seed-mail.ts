/**
 * The messages a new world starts with. Alice's INBOX holds one plain message, one multipart message with an
 * attachment, and one whose body has lines starting with "." so that byte-stuffing shows in POP3 and SMTP.
 */
import { fromLines, type RawMessage } from './message.ts';

/** A message placed in a user's INBOX when the world is created. */
export interface SeedMessage {
  user: string;
  raw: RawMessage;
  flags: string[];
  /** Arrival time, ms since the epoch (before the world's clock starts). */
  receivedAt: number;
}

// A tiny but well-formed PDF, base64-encoded in 76-character lines as RFC 2045 §6.8 requires.
const PDF_BASE64 = [
  'JVBERi0xLjQKMSAwIG9iaiA8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4gZW5kb2Jq',
  'CjIgMCBvYmogPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4gZW5kb2Jq',
  'CjMgMCBvYmogPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCAyMDAg',
  'MjAwXSA+PiBlbmRvYmoKdHJhaWxlciA8PCAvUm9vdCAxIDAgUiA+PgolJUVPRgo=',
];

/** Seed messages, oldest first. */
export function seedMail(): SeedMessage[] {
  return [
    {
      user: 'alice',
      flags: ['\\Seen'],
      receivedAt: Date.UTC(2026, 10, 20, 8, 15, 0),
      raw: fromLines([
        'Return-Path: <bob@example.test>',
        'From: Bob <bob@example.test>',
        'To: Alice <alice@example.test>',
        'Subject: Welcome to example.test',
        'Date: Fri, 20 Nov 2026 08:14:52 +0000',
        'Message-ID: <welcome-1@example.test>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'Hi Alice,',
        '',
        'your mailbox is ready. Read it with POP3 or IMAP, send with SMTP.',
        '',
        'Bob',
      ]),
    },
    {
      user: 'alice',
      flags: [],
      receivedAt: Date.UTC(2026, 10, 20, 16, 2, 11),
      raw: fromLines([
        'Return-Path: <carol@sender.example>',
        'From: Carol <carol@sender.example>',
        'To: Alice <alice@example.test>',
        'Cc: Bob <bob@example.test>',
        'Subject: Minutes of Thursday\'s meeting',
        'Date: Fri, 20 Nov 2026 16:01:40 +0000',
        'Message-ID: <minutes-7@sender.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="=_mw_boundary_1"',
        '',
        'This is a multi-part message in MIME format.',
        '',
        '--=_mw_boundary_1',
        'Content-Type: text/plain; charset=us-ascii',
        'Content-Transfer-Encoding: 7bit',
        '',
        'Hello both,',
        '',
        'the minutes are attached as a PDF.',
        '',
        'Carol',
        '',
        '--=_mw_boundary_1',
        'Content-Type: application/pdf; name="minutes.pdf"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="minutes.pdf"',
        '',
        ...PDF_BASE64,
        '',
        '--=_mw_boundary_1--',
      ]),
    },
    {
      user: 'alice',
      flags: [],
      receivedAt: Date.UTC(2026, 10, 21, 7, 45, 3),
      raw: fromLines([
        'Return-Path: <dan@elsewhere.example>',
        'From: Dan <dan@elsewhere.example>',
        'To: alice@example.test',
        'Subject: Dots',
        'Date: Sat, 21 Nov 2026 07:44:58 +0000',
        'Message-ID: <dots-3@elsewhere.example>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'Line one.',
        '.',
        '.hidden',
        'The two lines above begin with a dot.',
      ]),
    },
    {
      user: 'bob',
      flags: [],
      receivedAt: Date.UTC(2026, 10, 20, 16, 2, 12),
      raw: fromLines([
        'Return-Path: <carol@sender.example>',
        'From: Carol <carol@sender.example>',
        'To: Bob <bob@example.test>',
        'Subject: Lunch on Friday?',
        'Date: Fri, 20 Nov 2026 16:02:05 +0000',
        'Message-ID: <lunch-1@sender.example>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'Hi Bob,',
        'are you free for lunch on Friday?',
        'Carol',
      ]),
    },
  ];
}
