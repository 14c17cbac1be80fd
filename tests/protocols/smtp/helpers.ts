/** Shared pieces of the SMTP tests: opening sessions, the reply grammar, and replaying `C:`/`S:` transcripts. */
import { expect } from 'vitest';
import '../../../src/machines/servers.ts';
import { openSession } from '../../../src/machines/session.ts';
import type { Session } from '../../../src/protocols/shared/session-types.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { parseTranscript } from '../../helpers/transcript.ts';

/** RFC 5321 §4.2: a reply line is a code in 2xx–5xx, then a space or hyphen and text (printable US-ASCII). */
export const REPLY_LINE = /^[2-5][0-9]{2}([ -][\x20-\x7e]*)?$/;

/** Problems with one reply, or [] if it is well formed: grammar, length, and the multi-line rule (§4.2.1). */
export function replyProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  lines.forEach((l, i) => {
    if (!REPLY_LINE.test(l)) problems.push(`bad reply line ${JSON.stringify(l.slice(0, 80))}`);
    if (l.length + 2 > 512) problems.push(`reply line over 512 octets: ${l.slice(0, 40)}`);
    const last = i === lines.length - 1;
    if (l.length > 3 && l[3] !== (last ? ' ' : '-')) problems.push(`line ${i} separator ${JSON.stringify(l[3])}`);
    if (last && l.length === 3 && lines.length > 1) problems.push('last line of a multi-line reply has no separator');
    if (l.slice(0, 3) !== lines[0]!.slice(0, 3)) problems.push(`line ${i} code differs from the first line's`);
  });
  return problems;
}

/** A new world and an SMTP session on `port`. */
export function smtp(port: number, world = new MailWorld()): { world: MailWorld; session: Session } {
  return { world, session: openSession(world, 'smtp', port) };
}

/** The greeting's server lines. */
export function greetingLines(session: Session): string[] {
  return session.greeting.flatMap((e) => (e.kind === 'server' ? [e.text] : []));
}

const QUEUE_ID = /queued as [0-9A-F]+$/;
const normalise = (l: string) => l.replace(QUEUE_ID, 'queued as <id>');

/** The EHLO keywords (first word of each line after the first) of a 250 reply. */
export function ehloKeywords(lines: readonly string[]): string[] {
  return lines.slice(1).map((l) => l.slice(4).split(' ')[0]!);
}

/** Options for `replay`. */
export interface ReplayOptions {
  /** Turns a client line of the transcript into the line actually sent (for lines the sheet abbreviates). */
  expand?: (client: string) => string;
}

/**
 * Replays a transcript on a session and compares every reply. `M:` lines, written under a step's `S:` lines,
 * give what Mailwire answers where the brief asks for other behaviour than the capture; a `;` line before them
 * says why. Replies must match exactly (queue ids aside), except EHLO, where the extensions may differ but
 * STARTTLS and AUTH must be offered exactly when the capture offers them.
 */
export function replay(session: Session, text: string, options: ReplayOptions = {}): void {
  const { greeting, steps } = parseTranscript(text);
  const overrides = new Map<number, string[]>();
  let step = -1;
  for (const raw of text.split('\n')) {
    if (/^\s*C:/.test(raw)) step++;
    const m = /^\s*M: (.*)$/.exec(raw);
    if (m) overrides.set(step, [...(overrides.get(step) ?? []), m[1]!]);
  }
  if (greeting.length > 0) expect(greetingLines(session)[0]).toMatch(/^220 mail\.example\.test ESMTP /);
  steps.forEach((s, i) => {
    const line = options.expand ? options.expand(s.client) : s.client;
    const got = session.send(line).replies;
    const want = overrides.get(i) ?? s.server;
    const where = `step ${i + 1} "${s.client.slice(0, 60)}"`;
    expect(replyProblems(got), where).toEqual([]);
    if (/^EHLO \S/i.test(s.client) && want[0]?.startsWith('250-')) {
      expect(got[0], where).toBe('250-mail.example.test');
      for (const keyword of ['STARTTLS', 'AUTH']) {
        expect(ehloKeywords(got).includes(keyword), `${where}: ${keyword}`).toBe(ehloKeywords(want).includes(keyword));
      }
      return;
    }
    expect(got.map(normalise), where).toEqual(want.map(normalise));
  });
  expect(session.internalErrors).toBe(0);
}
