/**
 * Predict the reply: what the build records for each guided step (the replies a learner may choose from and the
 * one the server gave), and how a run's predictions score. Pure and tiny: the lazily loaded panel imports it.
 */

/** One reply a learner may predict: its code or status, the catalogue's name for it, and whether it means success. */
export interface ReplyChoice {
  token: string;
  title: string;
  ok: boolean;
}

/** A step whose reply can be predicted: the line the choices are for, the choices, and the server's real reply. */
export interface StepChoices {
  line: string;
  choices: ReplyChoice[];
  answer: string;
}

/** One step as the build records it: the choices by token only. */
export interface AskedStep {
  line: string;
  choices: string[];
  answer: string;
}

/** The build's record for a scenario: each step (null: nothing to predict), and each offered reply's name and outcome once. */
export interface PredictRecord {
  steps: (AskedStep | null)[];
  replies: Record<string, Omit<ReplyChoice, 'token'>>;
}

/** A run's predictions by step number (1 is the first step after the greeting): right and total. */
export function tally(made: Record<number, string>, steps: readonly (AskedStep | null)[]): { right: number; total: number } {
  let right = 0;
  let total = 0;
  for (const [step, choice] of Object.entries(made)) {
    const asked = steps[Number(step) - 1];
    if (!asked) continue;
    total += 1;
    if (asked.answer === choice) right += 1;
  }
  return { right, total };
}
