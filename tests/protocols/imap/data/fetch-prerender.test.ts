/**
 * FETCH's big responses rendered ahead in slices (issue 10, point 5): the command answers byte for byte as
 * without them (PEEK or not, UID form or not, with \Seen set by the FETCH itself), takes them only when nothing
 * they depend on changed, and a prerender is never read once released.
 */
import { describe, expect, test } from 'vitest';
import '../../../../src/machines/servers.ts';
import { openSession } from '../../../../src/machines/session.ts';
import { prerendersActive, PRERENDER_OCTETS, RENDER_SLICE_CHARS } from '../../../../src/protocols/imap/fetch-prerender.ts';
import { MailWorld } from '../../../../src/protocols/shared/world.ts';
import type { Session } from '../../../../src/protocols/shared/session-types.ts';

/** Three big messages (over PRERENDER_OCTETS) between small ones; the second big one is already \Seen. */
function world(): MailWorld {
  const w = new MailWorld({ seed: 9 });
  w.addUser('erin', 'erin');
  const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod\r\n';
  for (let n = 1; n <= 6; n++) {
    const body = line.repeat(n % 2 === 0 ? Math.ceil((3 * PRERENDER_OCTETS) / line.length) : 2);
    w.append('erin', 'INBOX', `Subject: m${n}\r\n\r\n${body}`, n === 4 ? ['\\Seen'] : []);
  }
  return w;
}

function selected(w: MailWorld, examine = false): Session {
  const s = openSession(w, 'imap', 993);
  s.send('l LOGIN erin erin');
  s.send(`s ${examine ? 'EXAMINE' : 'SELECT'} INBOX`);
  return s;
}

/** Runs the preparation to its end, counting its steps; then the command. */
function prepared(s: Session, line: string): { replies: string[]; steps: number; prepared: boolean } {
  const p = s.prepare?.(line);
  let steps = 0;
  if (p) for (const it = p.work(); !it.next().done; ) steps += 1;
  const replies = s.send(line).replies;
  p?.release();
  return { replies, steps, prepared: p !== undefined };
}

const COMMANDS = [
  'a FETCH 1:* (BODY.PEEK[])',
  'b UID FETCH 2:6 (FLAGS BODY.PEEK[TEXT] RFC822.SIZE)',
  'c FETCH 1:* BODY[]',
  'd FETCH 2,6 (RFC822)',
  'e FETCH 1:* (FLAGS)',
  'f FETCH 4 (BODY.PEEK[HEADER] BODY.PEEK[]<0.100>)',
  'g FETCH 9 BODY[]',
  'h FETCH 1:* (BODY[] BAD-ITEM)',
];

describe('a FETCH after its prerender', () => {
  test('answers byte for byte as without one', () => {
    const plain = selected(world());
    const sliced = selected(world());
    for (const line of COMMANDS) {
      const expected = plain.send(line).replies;
      const { replies } = prepared(sliced, line);
      expect(replies, line).toEqual(expected);
    }
    expect(prerendersActive()).toBe(0);
  });

  test('prepares only big messages, in slices of RENDER_SLICE_CHARS characters', () => {
    const s = selected(world());
    expect(s.prepare?.('e FETCH 1:* (FLAGS)')).toBeUndefined();
    expect(s.prepare?.('x FETCH 1,3,5 (BODY.PEEK[])')).toBeUndefined();
    expect(s.prepare?.('g FETCH 9 BODY[]')).toBeUndefined();
    const { steps, prepared: was } = prepared(s, 'a FETCH 1:* (BODY.PEEK[])');
    expect(was).toBe(true);
    // Three messages of about 3 × 64 KiB each: a step per message and at least one per slice within them.
    expect(steps).toBeGreaterThanOrEqual(3 + Math.floor((9 * PRERENDER_OCTETS) / RENDER_SLICE_CHARS) - 3);
  });

  test('a FETCH that marks \\Seen reports the flags as without a prerender, in EXAMINE too where it marks nothing', () => {
    for (const examine of [false, true]) {
      const plain = selected(world(), examine);
      const sliced = selected(world(), examine);
      for (const line of ['c FETCH 2 BODY[]', 'c FETCH 2 BODY[]', 'd UID FETCH 1:* RFC822.TEXT']) {
        expect(prepared(sliced, line).replies, line).toEqual(plain.send(line).replies);
      }
    }
  });

  test('a message whose flags changed after the prerender is rendered afresh', () => {
    const w = world();
    const s = selected(w);
    const other = selected(w);
    const line = 'a FETCH 2 (FLAGS BODY.PEEK[])';
    const p = s.prepare!(line)!;
    for (const it = p.work(); !it.next().done; );
    other.send('f STORE 2 +FLAGS (\\Flagged)');
    const replies = s.send(line).replies;
    p.release();
    expect(replies.find((l) => l.startsWith('* 2 FETCH'))).toMatch(/^\* 2 FETCH \(FLAGS \(\\Flagged( \\Recent)?\) BODY\[\] \{\d+\}$/);
    // The same steps without a prerender, in a world of its own, give the same lines.
    const w2 = world();
    const s2 = selected(w2);
    selected(w2).send('f STORE 2 +FLAGS (\\Flagged)');
    expect(replies).toEqual(s2.send(line).replies);
  });
});
