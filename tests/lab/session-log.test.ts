import { describe, expect, test } from 'vitest';
import { SessionLog, TokenBucket, TRANSCRIPT_LIMITS, type TranscriptLimits } from '../../src/lab/session-log.ts';

const TAG = '[10993 s1]';

function logWith(limits: Partial<TranscriptLimits> = {}, imap = true) {
  const out: string[] = [];
  let clock = 0;
  const log = new SessionLog(TAG, imap, (l) => out.push(l), { ...TRANSCRIPT_LIMITS, ...limits }, () => clock);
  return { out, log, advance: (ms: number) => (clock += ms) };
}

describe('SessionLog: literals', () => {
  test('a server literal shows its first lines, then how many octets were left out, then the response goes on', () => {
    const { out, log } = logWith({ literalLines: 2 });
    const body = ['Subject: hi', '', 'line one', 'line two', 'line three'];
    const size = body.reduce((n, l) => n + l.length + 2, 0);
    log.client('a FETCH 1 BODY[]', true);
    log.server([`* 1 FETCH (BODY[] {${size}}`, ...body, ')', 'a OK Fetch completed.'], true);
    const hidden = size - ('Subject: hi'.length + 2) - 2;
    expect(out).toEqual([
      `${TAG} C*: a FETCH 1 BODY[]`,
      `${TAG} S*: * 1 FETCH (BODY[] {${size}}`,
      `${TAG} S*: Subject: hi`,
      `${TAG} S*: `,
      `${TAG} [… ${hidden} more octets]`,
      `${TAG} S*: )`,
      `${TAG} S*: a OK Fetch completed.`,
    ]);
  });

  test('a literal ending inside a line shows what follows it', () => {
    const { out, log } = logWith({ literalLines: 1 });
    log.server(['* 1 FETCH (BODY[] {10}', 'abc', 'defgh UID 5)'], false);
    expect(out.slice(1)).toEqual([`${TAG} S: abc`, `${TAG} [… 5 more octets]`, `${TAG} S:  UID 5)`]);
  });

  test('two literals of thousands of lines in one reply are each cut and counted to the octet, the second line-ending one too', () => {
    const { out, log } = logWith({ literalLines: 2, runLines: 1000 });
    const body = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const size = body.reduce((n, l) => n + l.length + 2, 0);
    // The second literal ends inside its last line, where "UID 7)" follows it.
    const second = [...body.slice(0, -1), `${body.at(-1)}X UID 7)`];
    log.server([`* 1 FETCH (BODY[] {${size}}`, ...body, ')', `* 2 FETCH (BODY[] {${size - 1}}`, ...second, 'a OK Fetch completed.'], true);
    const hidden = size - ('line 0'.length + 2) - ('line 1'.length + 2);
    expect(out).toEqual([
      `${TAG} S*: * 1 FETCH (BODY[] {${size}}`,
      `${TAG} S*: line 0`,
      `${TAG} S*: line 1`,
      `${TAG} [… ${hidden.toLocaleString('en-US')} more octets]`,
      `${TAG} S*: )`,
      `${TAG} S*: * 2 FETCH (BODY[] {${size - 1}}`,
      `${TAG} S*: line 0`,
      `${TAG} S*: line 1`,
      `${TAG} [… ${(hidden - 1).toLocaleString('en-US')} more octets]`,
      `${TAG} S*:  UID 7)`,
      `${TAG} S*: a OK Fetch completed.`,
    ]);
  });

  test("a client literal is counted from the session's framing, with thousands separators", () => {
    const { out, log } = logWith({ literalLines: 1 });
    const line = 'y'.repeat(9_437_182);
    log.client('a APPEND INBOX {9437196}', false);
    log.server(['+ OK'], false);
    log.client('Subject: x', false, 9_437_196);
    log.client(line, false, 9_437_196 - 12);
    log.client('', false, 0);
    expect(out.at(-2)).toBe(`${TAG} [… 9,437,184 more octets]`);
    expect(out.some((l) => l.includes('yyyy'))).toBe(false);
  });

  test('other protocols have no literals: a line ending in {n} is just a line', () => {
    const { out, log } = logWith({ literalLines: 1 }, false);
    log.server(['250 {5}', 'abc', 'def'], false);
    expect(out).toHaveLength(3);
  });
});

describe('SessionLog: runs and rate', () => {
  test('a long reply shows its first lines, then how many lines and octets were left out', () => {
    const { out, log } = logWith({ runLines: 3 });
    log.client('RETR 1', false);
    log.server(['+OK', 'a', 'b', 'c', 'd', 'e', '.'], false);
    log.client('QUIT', false);
    expect(out).toEqual([`${TAG} C: RETR 1`, `${TAG} S: +OK`, `${TAG} S: a`, `${TAG} S: b`, `${TAG} [… 4 more lines, 12 octets]`, `${TAG} C: QUIT`]);
  });

  test('client lines with no reply between them (DATA) are a run too; the reply ends it', () => {
    const { out, log } = logWith({ runLines: 2 });
    for (let i = 0; i < 10; i++) {
      log.client(`line ${i}`, false);
      log.server([], false);
    }
    log.server(['250 2.0.0 Ok: queued'], false);
    expect(out).toEqual([`${TAG} C: line 0`, `${TAG} C: line 1`, `${TAG} [… 8 more lines, 64 octets]`, `${TAG} S: 250 2.0.0 Ok: queued`]);
  });

  test('each server step is a run of its own (IMAP IDLE pushes are never cut)', () => {
    const { out, log } = logWith({ runLines: 1 });
    for (let i = 0; i < 5; i++) log.server([`* ${i} EXISTS`], false);
    expect(out).toHaveLength(5);
  });

  test('rate-limits per session and says how many lines it skipped', () => {
    const { out, log, advance } = logWith({ linesPerSecond: 10, burstLines: 20, runLines: 1000 });
    for (let i = 0; i < 100; i++) log.client(`c${i}`, false);
    expect(out).toHaveLength(20);
    advance(1000);
    log.client('later', false);
    expect(out[20]).toBe(`${TAG} [… 80 transcript lines skipped: over 10 lines/s for this session]`);
    expect(out[21]).toBe(`${TAG} C: later`);
    for (let i = 0; i < 50; i++) log.client(`more${i}`, false);
    log.event('closed');
    expect(out.at(-2)).toMatch(/^\[10993 s1\] \[… \d+ transcript lines skipped/);
    expect(out.at(-1)).toBe(`${TAG} -- closed --`);
  });

  test('long lines are cut and say how much was left out', () => {
    const { out, log } = logWith({ lineOctets: 10 });
    log.client('x'.repeat(1000), false);
    expect(out).toEqual([`${TAG} C: xxxxxxxxxx [… 990 more octets]`]);
  });

  test('the token bucket refills at its rate up to its burst', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 60_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});
