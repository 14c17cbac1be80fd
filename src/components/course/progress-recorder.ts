/**
 * Records progress on the pages that can make some: a lesson page marks its lesson visited, and any page with
 * a simulator or a quiz records a finished scenario (`mailwire:scenario-complete`) or a quiz round
 * (`mailwire:quiz-result`), both bubbling DOM events the widgets dispatch. Loaded once per page by
 * ProgressRecorder.astro.
 */
import { recordQuiz, recordScenario, recordVisit } from './progress-store.ts';

const visit = document.querySelector<HTMLElement>('[data-lesson-visit]')?.dataset.lessonVisit;
if (visit) recordVisit(visit);

document.addEventListener('mailwire:scenario-complete', (event) => {
  const detail = (event as CustomEvent<{ scenario?: unknown }>).detail;
  if (typeof detail?.scenario === 'string') recordScenario(detail.scenario);
});

document.addEventListener('mailwire:quiz-result', (event) => {
  const detail = (event as CustomEvent<{ id?: unknown; score?: unknown; max?: unknown; round?: unknown }>).detail;
  const { id, score, max, round } = detail ?? {};
  if (typeof id === 'string' && typeof score === 'number' && typeof max === 'number' && typeof round === 'number') {
    recordQuiz(id, { score, max, round });
  }
});
