/**
 * The build's half of predict the reply: for each step of a played scenario, the replies a learner may choose
 * from (the protocol's plausible set for the command, always with the real reply) and the reply the engine gave.
 * Runs where bake runs: at build time, or in the fallback loader's chunk. The scenario runner's observedCode
 * reads a step's reply; it is passed in, since the runner is a chunk of its own that the caller already loaded.
 */

/** How a step's reply is read: the runner's observedCode. */
export type Observe = typeof observedCode;
import type { observedCode, PlayedStep } from '../../../scenarios/runner.ts';
import type { Scenario } from '../../../scenarios/scenario.ts';
import { predictionOf } from '../../../protocols/predictions.ts';
import type { LineProtocolName, SessionView } from '../../../protocols/shared/session-types.ts';
import type { Explanation } from '../engine.ts';
import type { PredictRecord, StepChoices } from './predict-score.ts';

/**
 * Codes by number, statuses in the protocol's own order, so the real reply's place gives nothing away (one the
 * plausible set lacks would otherwise stand out at the end).
 */
const order = (offered: readonly string[]) => {
  const rank = (t: string) => (/^\d+$/.test(t) ? Number(t) : offered.indexOf(t) === -1 ? offered.length : offered.indexOf(t));
  return (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
};

/**
 * The choices for one played step, or null where there is nothing to predict: an event instead of a client
 * line, message text that gets no reply, or a reply the catalogue cannot name.
 */
export function stepChoices(
  protocol: LineProtocolName,
  lines: readonly string[],
  before: Pick<SessionView, 'expects'>,
  played: Pick<PlayedStep, 'entries'>,
  explain: (token: string) => Explanation | undefined,
  observe: Observe,
): StepChoices | null {
  if (lines.length === 0) return null;
  // Inside DATA the line that gets the reply is the last one (the "."); otherwise the command that opens the step.
  const line = before.expects === 'data' ? lines.at(-1)! : lines[0]!;
  const offered = predictionOf(protocol).choices(line, before.expects);
  // With no untagged update expected, IMAP's observed code is the command's tagged status.
  const answer = observe(protocol, played.entries, '');
  if (!offered || answer === undefined || answer === '-' || !explain(answer)) return null;
  const tokens = [...new Set([...offered, answer])].filter((t) => explain(t) !== undefined).sort(order(offered));
  const ok = predictionOf(protocol).ok;
  return { line, answer, choices: tokens.map((token) => ({ token, title: explain(token)!.title, ok: ok(token) })) };
}

/** The record for every step of `scenario` as `played`: each reply's name and outcome once, the steps by token. */
export function scenarioChoices(
  scenario: Scenario,
  initial: Pick<SessionView, 'expects'>,
  played: readonly PlayedStep[],
  explain: (token: string) => Explanation | undefined,
  observe: Observe,
): PredictRecord {
  const record: PredictRecord = { steps: [], replies: {} };
  played.forEach((p, i) => {
    const step = scenario.steps[p.index];
    const before = i === 0 ? initial : played[i - 1]!.view;
    const written = typeof step?.client === 'string' ? [step.client] : (step?.client ?? []);
    // A token placeholder shows as the line the engine really sent, with the token it issued.
    const sent = p.entries.flatMap((e) => (e.kind === 'client' ? [e.text] : []));
    const lines = written.map((l, j) => (l.includes('{{') ? (sent[j] ?? l) : l));
    const asked = stepChoices(scenario.protocol, lines, before, p, explain, observe);
    for (const { token, title, ok } of asked?.choices ?? []) record.replies[token] = { title, ok };
    record.steps.push(asked && { line: asked.line, answer: asked.answer, choices: asked.choices.map((c) => c.token) });
  });
  return record;
}
