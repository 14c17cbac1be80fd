/**
 * The SMTP server against the world's limits (RFC 1870, RFC 3463, Postfix and Dovecot LMTP): what SIZE announces,
 * what MAIL, RCPT and the final dot refuse, and that a refused message leaves nothing stored.
 */
import { describe, expect, test } from 'vitest';
import type { Session } from '../../src/protocols/shared/session-types.ts';
import { appendLine, EMPTY_MESSAGE } from '../../src/protocols/smtp/data.ts';
import { MailWorld, type WorldLimits } from '../../src/protocols/shared/world.ts';
import { smtp } from '../protocols/smtp/helpers.ts';

function say(session: Session, ...lines: string[]): string[] {
  let replies: string[] = [];
  for (const l of lines) replies = session.send(l).replies;
  return replies;
}

function relay(limits: Partial<WorldLimits>) {
  const s = smtp(25, new MailWorld({ limits }));
  say(s.session, 'EHLO mx1.sender.example');
  return s;
}

/** A body of `lines` lines of 78 octets with their CRLF. */
const body = (lines: number) => Array.from({ length: lines }, (_, i) => `${String(i).padStart(6, '0')}${'z'.repeat(70)}`);

describe('SIZE', () => {
  test('EHLO announces the world\'s limit', () => {
    expect(say(smtp(25).session, 'EHLO a.example')).toContain('250-SIZE 10240000');
    expect(say(smtp(25, new MailWorld({ limits: { messageOctets: 5000 } })).session, 'EHLO a.example')).toContain('250-SIZE 5000');
  });

  test('MAIL FROM with a SIZE over the limit gets 552 5.3.4; at the limit it is accepted', () => {
    const { session } = relay({ messageOctets: 5000 });
    expect(say(session, 'MAIL FROM:<c@s.example> SIZE=5001')).toEqual(['552 5.3.4 Message size exceeds fixed limit']);
    expect(say(session, 'MAIL FROM:<c@s.example> SIZE=5000')).toEqual(['250 2.1.0 Ok']);
  });

  test('a message that grows over the limit in DATA gets 552 5.3.4 after the dot, and nothing is stored', () => {
    const { world, session } = relay({ messageOctets: 5000 });
    const before = world.inventory();
    say(session, 'MAIL FROM:<c@s.example>', 'RCPT TO:<alice@example.test>', 'DATA');
    expect(say(session, 'Subject: big', '', ...body(64))).toEqual([]);
    expect(say(session, '.')).toEqual(['552 5.3.4 Error: message file too big']);
    expect(world.inventory()).toEqual(before);
    expect(session.view().state).toBe('ready');
  });

  test('keeps no text once the message is over the limit, so DATA memory stays bounded', () => {
    let buffer = EMPTY_MESSAGE;
    for (const line of body(20)) buffer = appendLine(buffer, line, 1000);
    expect(buffer).toEqual({ content: '', octets: 1560, overSize: true, lineTooLong: false });
  });

  test('a message of exactly the limit is delivered', () => {
    const { world, session } = relay({ messageOctets: 17 + 78 * 10 }); // "Subject: fits" CRLF, CRLF, ten lines
    const before = world.mailbox('bob', 'INBOX')!.messages.length;
    say(session, 'MAIL FROM:<c@s.example>', 'RCPT TO:<bob@example.test>', 'DATA', 'Subject: fits', '', ...body(10));
    expect(say(session, '.')[0]).toMatch(/^250 2\.0\.0 Ok: queued as /);
    expect(world.mailbox('bob', 'INBOX')!.messages).toHaveLength(before + 1);
  });
});

describe('quota', () => {
  test('RCPT for a mailbox already over quota gets 452 4.2.2; other recipients are still accepted', () => {
    const world = new MailWorld();
    const { session } = relay({ userQuotaOctets: world.usage('alice') });
    expect(say(session, 'MAIL FROM:<c@s.example>', 'RCPT TO:<alice@example.test>')).toEqual([
      '452 4.2.2 <alice@example.test>: Recipient address rejected: Quota exceeded (mailbox for user is full)',
    ]);
    expect(say(session, 'RCPT TO:<postmaster@example.test>')[0]).toMatch(/^452 4\.2\.2 /);
    expect(say(session, 'RCPT TO:<bob@example.test>')).toEqual(['250 2.1.5 Ok']);
  });

  test('a message that does not fit the recipient\'s quota gets 452 4.2.2 after the dot and is stored for nobody', () => {
    const { world, session } = relay({ userQuotaOctets: new MailWorld().usage('alice') + 500 });
    const before = world.inventory();
    say(session, 'MAIL FROM:<c@s.example>', 'RCPT TO:<bob@example.test>', 'RCPT TO:<alice@example.test>', 'DATA', 'Subject: x', '', ...body(10));
    expect(say(session, '.')).toEqual(['452 4.2.2 <alice@example.test> Quota exceeded (mailbox for user is full)']);
    expect(world.inventory()).toEqual(before);
    // The transaction is over; a smaller message goes through.
    say(session, 'MAIL FROM:<c@s.example>', 'RCPT TO:<alice@example.test>', 'DATA', 'Subject: small', '');
    expect(say(session, '.')[0]).toMatch(/^250 /);
  });
});

describe('store', () => {
  test('MAIL gets 452 4.3.1 when the store has less room than 1.5 times the message limit (Postfix)', () => {
    const used = new MailWorld().storedOctets;
    const { session } = relay({ messageOctets: 1000, storeOctets: used + 1499 });
    expect(say(session, 'MAIL FROM:<c@s.example>')).toEqual(['452 4.3.1 Insufficient system storage']);
    const roomy = relay({ messageOctets: 1000, storeOctets: used + 1500 });
    expect(say(roomy.session, 'MAIL FROM:<c@s.example>')).toEqual(['250 2.1.0 Ok']);
  });

  test('a message that no longer fits when the dot arrives gets 452 4.3.1 and nothing is stored', () => {
    const used = new MailWorld().storedOctets;
    const { world, session } = relay({ messageOctets: 2000, storeOctets: used + 3000 });
    say(session, 'MAIL FROM:<c@s.example>', 'RCPT TO:<bob@example.test>', 'RCPT TO:<alice@example.test>', 'DATA', 'Subject: x', '', ...body(20));
    const before = world.inventory();
    expect(say(session, '.')).toEqual(['452 4.3.1 Insufficient system storage']);
    expect(world.inventory()).toEqual(before);
  });
});
