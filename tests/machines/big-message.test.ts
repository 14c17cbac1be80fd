/**
 * A message of the largest size SMTP advertises goes in by SMTP and comes out whole by IMAP FETCH and POP3 RETR,
 * through the engine (the lab's own test does the same over sockets). A 10 MB body has some 130,000 lines: no
 * step may pass them to a function as arguments, which overflows the stack. One octet more is refused: see
 * smtp-limits.test.ts and the APPEND test in imap-properties.test.ts.
 */
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { openSession } from '../../src/machines/session.ts';
import { MailWorld } from '../../src/protocols/shared/world.ts';

const LIMIT = new MailWorld().limits.messageOctets;

/** Header and body lines (76 octets each, some starting with a dot) making exactly `octets` with their CRLFs. */
function lines(octets: number): string[] {
  const out = ['From: Bob <bob@example.test>', 'To: Alice <alice@example.test>', 'Subject: the largest message', ''];
  let size = out.reduce((sum, l) => sum + l.length + 2, 0);
  for (let i = 0; size + 78 <= octets; i++, size += 78) out.push(`${i % 1000 === 0 ? '.' : 'x'}${String(i).padStart(9, '0')}${'y'.repeat(66)}`);
  out.push('z'.repeat(octets - size - 2));
  return out;
}

// Some 130,000 lines go through the session one by one; the generous timeouts only keep a busy machine from failing them.
describe('a message of the advertised size', () => {
  test('is accepted by SMTP, stored once, and read whole by IMAP and POP3', () => {
    const world = new MailWorld();
    const text = lines(LIMIT);
    expect(text.reduce((sum, l) => sum + l.length + 2, 0)).toBe(LIMIT);
    const smtp = openSession(world, 'smtp', 25);
    for (const l of ['EHLO a.example', `MAIL FROM:<bob@example.test> SIZE=${LIMIT}`, 'RCPT TO:<alice@example.test>', 'DATA']) smtp.send(l);
    for (const l of text) smtp.send(l.startsWith('.') ? `.${l}` : l);
    expect(smtp.send('.').replies[0]).toMatch(/^250 2\.0\.0 Ok: queued as /);
    const stored = world.mailbox('alice', 'INBOX')!.messages.at(-1)!;
    expect(stored.raw.endsWith(text.map((l) => `${l}\r\n`).join(''))).toBe(true);

    const imap = openSession(world, 'imap', 993);
    imap.send('a LOGIN alice wonderland');
    imap.send('b SELECT INBOX');
    const fetched = imap.send(`c FETCH ${stored.uid} (BODY.PEEK[])`);
    expect(fetched.replies.at(-1)).toBe('c OK Fetch completed.');
    const literal = fetched.replies.slice(0, -1).join('\r\n');
    expect(literal.startsWith(`* ${stored.uid} FETCH (BODY[] {${stored.size}}\r\n`)).toBe(true);
    expect(literal.slice(literal.indexOf('}\r\n') + 3, -1)).toBe(stored.raw);
    expect(imap.internalErrors).toBe(0);
    imap.send('d LOGOUT');

    const pop3 = openSession(world, 'pop3', 995);
    pop3.send('USER alice');
    pop3.send('PASS wonderland');
    const n = world.mailbox('alice', 'INBOX')!.messages.length;
    const retr = pop3.send(`RETR ${n}`).replies;
    expect(retr[0]).toBe(`+OK ${stored.size} octets`);
    expect(retr.at(-1)).toBe('.');
    const body = retr.slice(1, -1).map((l) => (l.startsWith('.') ? l.slice(1) : l));
    expect(body.map((l) => `${l}\r\n`).join('')).toBe(stored.raw);
    expect(pop3.internalErrors).toBe(0);
  }, 120_000);
});
