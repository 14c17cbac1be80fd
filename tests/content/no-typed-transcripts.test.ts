/**
 * Transcripts come from the engine, never typed (issue 9, correction 3): no page under src/content/docs may hold a
 * fenced code block tagged smtp, pop3 or imap. Lessons show sessions with <LessonScenario /> or
 * <ScenarioTranscript />, which play a guided scenario on the engine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const DOCS = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));

/**
 * Pages still allowed to hold typed transcripts.
 * TODO(issue 9): the lead engineer rewrites "Reading a transcript" with engine transcripts; then remove this entry.
 */
const KNOWN: readonly string[] = ['lessons/reading-a-transcript.mdx'];

/** Every .md and .mdx file under the docs folder, as paths relative to it. */
function pages(dir = DOCS): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return pages(path);
    return /\.mdx?$/.test(e.name) ? [relative(DOCS, path)] : [];
  });
}

/** The line numbers (1-based) of fences that open a smtp, pop3 or imap code block. */
function typedTranscripts(text: string): number[] {
  return text.split(/\r?\n/).flatMap((line, i) => (/^\s*(`{3,}|~{3,})\s*(smtp|pop3|imap)\b/i.test(line) ? [i + 1] : []));
}

describe('pages hold no typed transcripts', () => {
  test('finds the docs pages', () => {
    expect(pages().length).toBeGreaterThan(3);
  });

  test.each(pages().filter((p) => !KNOWN.includes(p)))('%s has no smtp, pop3 or imap code block', (page) => {
    const lines = typedTranscripts(readFileSync(join(DOCS, page), 'utf8'));
    expect(lines, `${page}: typed transcript at line ${lines.join(', ')}; use <LessonScenario /> or <ScenarioTranscript /> instead`).toEqual([]);
  });

  test.each(KNOWN)('the known exception %s still needs its exception (remove it from KNOWN once rewritten)', (page) => {
    const path = join(DOCS, page);
    expect(existsSync(path) && typedTranscripts(readFileSync(path, 'utf8')).length > 0, `${page} no longer holds typed transcripts`).toBe(true);
  });

  test('recognises the fences it must refuse, and no others', () => {
    expect(typedTranscripts('text\n```smtp\nS: 220 ready\n```\n~~~ imap title="x"\n```pop3\n')).toEqual([2, 5, 6]);
    expect(typedTranscripts('```ts\nconst smtp = 1;\n```\n```\nsmtp\n```\n`smtp` inline\n')).toEqual([]);
  });
});
