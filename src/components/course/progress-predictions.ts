/**
 * Saves a predicted reply with the learner's progress (progress-store.ts). Its own module, imported only by the
 * prediction panel, so pages where nobody predicts do not download it.
 */
import { isId, updateProgress } from './progress-store.ts';

/** Counts one prediction of a server reply in a guided scenario, right or not. */
export function recordPrediction(scenario: string, right: boolean, storage?: Storage): boolean {
  return isId(scenario) && updateProgress((p) => {
    const was = p.predictions[scenario] ?? { score: 0, max: 0 };
    // Counts stay safe integers; a device would need 2^53 predictions to get there.
    if (was.max < Number.MAX_SAFE_INTEGER) p.predictions[scenario] = { score: was.score + (right ? 1 : 0), max: was.max + 1 };
  }, storage);
}
