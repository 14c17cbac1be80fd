/**
 * Every trouble of the troubleshooting lesson is reproduced on the engine, not typed: its scenario, played by
 * playScenario, shows a server line that starts with the trouble's reply (or, for a blocked port, no reply at all).
 * A trouble whose scenario file is missing fails here with a message naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { facts } from '../../src/data/index.ts';
import type { Trouble } from '../../src/data/index.ts';
import '../../src/machines/servers.ts';
import { playScenario } from '../../src/scenarios/runner.ts';
import { parseScenario } from '../../src/scenarios/schema.ts';
import { openSession } from '../../src/machines/session.ts';

const DIR = new URL('../../src/content/scenarios/', import.meta.url);

/** The scenario file's text, or a failure naming what is missing. */
function scenarioText(id: string): string {
  const file = new URL(`${id}.json`, DIR);
  if (!existsSync(file)) throw new Error(`scenario ${id} is not in src/content/scenarios`);
  return readFileSync(file, 'utf8');
}

/** Every server line of a played scenario, greetings included. */
function serverLines(id: string): string[] {
  const text = scenarioText(id);
  const { greeting, played } = playScenario(parseScenario(JSON.parse(text), `${id}.json`), openSession);
  return [...greeting, ...played.flatMap((p) => p.entries)].flatMap((e) => (e.kind === 'server' ? [e.text] : []));
}

/** Whether a server line starts with a reply token: SMTP "535 5.7.8", POP3 "-ERR [IN-USE]", IMAP after its tag. */
function startsWithReply(protocol: Trouble['protocol'], line: string, reply: string): boolean {
  const rest = protocol === 'imap' ? line.replace(/^\S+ /, '') : line;
  return rest === reply || rest.startsWith(`${reply} `) || (protocol === 'smtp' && rest.startsWith(`${reply.slice(0, 3)}-`) && rest.slice(4).startsWith(reply.slice(4)));
}

const replayed = facts.troubles.filter((t) => t.reproducedBy.kind === 'scenario');

describe('troubles are reproduced on the engine', () => {
  test.each(replayed.filter((t) => t.reply !== undefined).map((t) => [t.id, t] as const))('%s: its scenario shows the reply', (_id, t) => {
    if (t.reproducedBy.kind !== 'scenario' || t.reply === undefined) throw new Error('unreachable');
    const lines = serverLines(t.reproducedBy.scenario);
    expect(lines.some((l) => startsWithReply(t.protocol, l, t.reply!)), `${t.reproducedBy.scenario}:\n${lines.join('\n')}`).toBe(true);
  });

  test.each(replayed.filter((t) => t.reply === undefined).map((t) => [t.id, t] as const))('%s: its scenario blocks the port, so a step gets no reply', (_id, t) => {
    if (t.reproducedBy.kind !== 'scenario') throw new Error('unreachable');
    const raw = JSON.parse(scenarioText(t.reproducedBy.scenario)) as { network?: { blocked?: number[] } };
    expect(raw.network?.blocked).toContain(25);
    const { played } = playScenario(parseScenario(raw, `${t.reproducedBy.scenario}.json`), openSession);
    expect(played.some((p) => p.observed === '-')).toBe(true);
  });

  test('the certificate warning is reproduced by the real TLS check, both cases', () => {
    const t = facts.troubles.find((x) => x.id === 'certificate-warning')!;
    expect(t.reproducedBy).toEqual({ kind: 'tls-check', cases: ['self-signed', 'name-mismatch'] });
  });

  test('the reply check reads an IMAP line after its tag and an SMTP multi-line reply', () => {
    expect(startsWithReply('imap', 'a002 NO [PRIVACYREQUIRED] Plaintext authentication disallowed.', 'NO [PRIVACYREQUIRED]')).toBe(true);
    expect(startsWithReply('imap', 'a003 BAD Error in IMAP command received by server.', 'BAD')).toBe(true);
    expect(startsWithReply('imap', 'a003 BADGE', 'BAD')).toBe(false);
    expect(startsWithReply('smtp', '554 5.7.1 <carol@sender.example>: Relay access denied', '554 5.7.1')).toBe(true);
    expect(startsWithReply('smtp', '550 5.7.1 <carol@sender.example>: Relay access denied', '554 5.7.1')).toBe(false);
    expect(startsWithReply('pop3', '-ERR [IN-USE] Mailbox is locked by another POP3 session.', '-ERR [IN-USE]')).toBe(true);
  });
});
