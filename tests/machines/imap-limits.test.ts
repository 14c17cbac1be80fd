/**
 * IMAP against the world's limits: APPEND refuses an oversize message with NO [TOOBIG] (RFC 4469 §4.2, RFC 7889 §4)
 * and one that does not fit with NO [OVERQUOTA] (RFC 5530 §3), before any octet when the literal is synchronizing;
 * COPY is refused whole when it would go over quota; MOVE within the user's mailboxes is not.
 */
import { describe, expect, test } from 'vitest';
import '../../src/machines/servers.ts';
import { openSession, type Session } from '../../src/machines/session.ts';
import { MailWorld, type WorldLimits } from '../../src/protocols/shared/world.ts';

const TOOBIG = 'NO [TOOBIG] Mail size is larger than the maximum size allowed by server configuration';
const OVERQUOTA = 'NO [OVERQUOTA] Quota exceeded (mailbox for user is full)';

function alice(limits: Partial<WorldLimits>): { world: MailWorld; s: Session } {
  const world = new MailWorld({ limits });
  const s = openSession(world, 'imap', 993);
  s.send('a LOGIN alice wonderland');
  return { world, s };
}

/** A message of exactly `octets` octets. */
const message = (octets: number) => `Subject: x\r\n\r\n${'m'.repeat(octets - 16)}\r\n`;

/** APPENDs a message with a synchronizing literal; returns the replies to the command line and to the octets. */
function append(s: Session, tag: string, text: string): [string[], string[]] {
  const first = s.send(`${tag} APPEND Archive {${text.length}}`).replies;
  if (first[0] !== '+ OK') return [first, []];
  const lines = text.split('\r\n').slice(0, -1);
  let replies: string[] = [];
  for (const l of lines) replies = s.send(l).replies;
  return [first, replies.length > 0 ? replies : s.send('').replies];
}

describe('APPEND', () => {
  test('refuses a literal over the message limit with NO [TOOBIG] instead of "+", so the octets are never sent', () => {
    const { world, s } = alice({ messageOctets: 1000 });
    expect(s.send('b APPEND Archive {1001}').replies).toEqual([`b ${TOOBIG}`]);
    // The next line is a command again.
    expect(s.send('c NOOP').replies).toEqual(['c OK NOOP completed.']);
    const [first, done] = append(s, 'd', message(1000));
    expect(first).toEqual(['+ OK']);
    expect(done.at(-1)).toMatch(/^d OK \[APPENDUID \d+ 1\] Append completed\.$/);
    expect(world.mailbox('alice', 'Archive')!.messages).toHaveLength(1);
  });

  test('reads and drops the octets of a LITERAL+ APPEND it refuses, then takes commands again', () => {
    const { world, s } = alice({ messageOctets: 100 });
    expect(s.send('b APPEND Archive {150+}').replies).toEqual([`b ${TOOBIG}`]);
    expect(s.send('x'.repeat(148)).replies).toEqual([]);
    expect(s.send('').replies).toEqual([]);
    expect(s.send('c NOOP').replies).toEqual(['c OK NOOP completed.']);
    expect(world.mailbox('alice', 'Archive')!.messages).toHaveLength(0);
  });

  test('refuses a message that would put the user over quota with NO [OVERQUOTA], and one that fits exactly is stored', () => {
    const quota = new MailWorld().usage('alice') + 2000;
    const { world, s } = alice({ userQuotaOctets: quota });
    expect(s.send('b APPEND Archive {2001}').replies).toEqual([`b ${OVERQUOTA}`]);
    expect(append(s, 'c', message(2000))[1].at(-1)).toMatch(/^c OK \[APPENDUID/);
    expect(world.usage('alice')).toBe(quota);
    expect(s.send('d APPEND Archive {16}').replies).toEqual([`d ${OVERQUOTA}`]);
  });

  test('refuses with NO [OVERQUOTA] Not enough disk quota when the store is full', () => {
    const { s } = alice({ storeOctets: new MailWorld().storedOctets + 600 });
    expect(s.send('b APPEND Archive {100}').replies).toEqual(['b NO [OVERQUOTA] Not enough disk quota']);
  });

  test('checks again when the octets have arrived: what changed meanwhile counts', () => {
    const quota = new MailWorld().usage('alice') + 3000;
    const { world, s } = alice({ userQuotaOctets: quota });
    expect(s.send('b APPEND Archive {2000}').replies).toEqual(['+ OK']);
    world.append('alice', 'Trash', message(1500));
    const lines = message(2000).split('\r\n').slice(0, -1);
    let replies: string[] = [];
    for (const l of lines) replies = s.send(l).replies;
    expect([...replies, ...s.send('').replies].at(-1)).toBe(`b ${OVERQUOTA}`);
    expect(world.mailbox('alice', 'Archive')!.messages).toHaveLength(0);
  });
});

describe('COPY and MOVE', () => {
  test('COPY that would go over quota is refused whole; MOVE of the same messages is not', () => {
    const world0 = new MailWorld();
    const inbox = world0.mailbox('alice', 'INBOX')!.messages.reduce((sum, m) => sum + m.size, 0);
    const { world, s } = alice({ userQuotaOctets: world0.usage('alice') + inbox - 1 });
    s.send('b SELECT INBOX');
    expect(s.send('c COPY 1:* Archive').replies).toEqual([`c ${OVERQUOTA}`]);
    expect(world.mailbox('alice', 'Archive')!.messages).toHaveLength(0);
    expect(s.send('d COPY 1 Archive').replies.at(-1)).toMatch(/^d OK \[COPYUID /);
    expect(s.send('e MOVE 2:* Archive').replies.at(-1)).toBe('e OK Move completed.');
    expect(world.mailbox('alice', 'Archive')!.messages).toHaveLength(3);
  });
});
