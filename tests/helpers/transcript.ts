/** Reads `C:`/`S:` transcripts (the reference sheet's and RFCs' format) into steps for replay tests. */

/** One client line and the server lines that answered it. */
export interface TranscriptStep {
  client: string;
  server: string[];
}

/** A parsed transcript: the greeting lines, then one step per client line. Bracketed and `;` lines are skipped. */
export interface ParsedTranscript {
  greeting: string[];
  steps: TranscriptStep[];
}

/** Parses transcript text. `C:` with nothing after it is an empty client line. */
export function parseTranscript(text: string): ParsedTranscript {
  const greeting: string[] = [];
  const steps: TranscriptStep[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const m = /^\s*([CS]):(?: (.*))?$/.exec(line);
    if (!m) continue;
    const text = m[2] ?? '';
    if (m[1] === 'C') steps.push({ client: text, server: [] });
    else if (steps.length === 0) greeting.push(text);
    else steps[steps.length - 1]!.server.push(text);
  }
  return { greeting, steps };
}
