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

/** A run's predictions by step number (1 is the first step after the greeting): right and total. */
export function tally(made: Record<number, string>, steps: readonly (StepChoices | null)[]): { right: number; total: number } {
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
