/**
 * Fills in the course map from the progress this device saved (progress-store.ts): each lesson's status, an
 * overall line, a note on where progress is kept (or why nothing is), and the "Clear it" button.
 */
import { clearProgress, readProgress, type Progress, type StoreHealth } from './progress-store.ts';

/** What one lesson's line says, and whether the lesson counts as done. */
export function lessonStatus(progress: Progress, lesson: { id: string; scenarios: readonly string[]; quiz: string }): { text: string; done: boolean; started: boolean } {
  const read = progress.lessons[lesson.id] !== undefined;
  const finished = lesson.scenarios.filter((s) => progress.scenarios[s] !== undefined).length;
  const quiz = progress.quizzes[lesson.quiz];
  const started = read || finished > 0 || quiz !== undefined || lesson.scenarios.some((s) => progress.predictions[s] !== undefined);
  const done = read && finished > 0 && quiz !== undefined;
  if (!started) return { text: 'Not started', done, started };
  const parts = [
    read ? 'read' : 'not read yet',
    `${finished} of ${lesson.scenarios.length} ${lesson.scenarios.length === 1 ? 'scenario' : 'scenarios'} finished`,
    quiz ? `quiz ${quiz.score} of ${quiz.max}` : 'quiz not taken',
  ];
  // Replies predicted in the lesson's scenarios, when there were any (predictions are optional).
  const predicted = lesson.scenarios.flatMap((s) => progress.predictions[s] ?? []);
  const total = predicted.reduce((n, t) => n + t.max, 0);
  if (total > 0) parts.push(`${predicted.reduce((n, t) => n + t.score, 0)} of ${total} replies predicted right`);
  return { text: `${done ? 'Done' : 'Started'}: ${parts.join(' · ')}`, done, started };
}

/** The note under the map: where progress lives, or why nothing is saved. */
export function healthNote(health: StoreHealth, anything: boolean): string {
  if (health === 'unavailable') return 'This browser does not let Mailwire save anything here (storage is turned off or blocked), so no progress is saved.';
  if (health === 'damaged') return 'The progress saved in this browser could not be read, so it counts as nothing saved; new progress will be saved from now on.';
  return anything ? 'Your progress is kept in this browser only; it is never sent anywhere.' : 'Nothing saved yet. As you read lessons, finish scenarios and take quizzes, your progress is kept in this browser only.';
}

/** Reads the saved progress and shows it on the map; wires the clear button. */
export function showProgress(root: ParentNode = document): void {
  const map = root.querySelector<HTMLElement>('[data-course-map]');
  if (!map) return;
  const render = () => {
    const { progress, health } = readProgress();
    const items = [...map.querySelectorAll<HTMLElement>('li[data-lesson][data-lesson-quiz]')];
    let done = 0;
    let anything = false;
    for (const li of items) {
      const status = lessonStatus(progress, { id: li.dataset.lesson ?? '', scenarios: (li.dataset.scenarios ?? '').split(' ').filter(Boolean), quiz: li.dataset.lessonQuiz ?? '' });
      const line = li.querySelector<HTMLElement>('[data-lesson-status]');
      if (line) {
        line.textContent = status.text;
        line.dataset.state = status.done ? 'done' : status.started ? 'started' : 'new';
        line.hidden = false;
      }
      if (status.done) done += 1;
      if (status.started) anything = true;
    }
    const overall = map.querySelector<HTMLElement>('[data-progress-overall]');
    if (overall) {
      overall.textContent = `You have done ${done} of ${items.length} lessons.`;
      overall.hidden = !anything;
    }
    const tools = map.querySelector<HTMLElement>('[data-progress-tools]');
    const note = map.querySelector<HTMLElement>('[data-progress-note]');
    if (note) note.textContent = healthNote(health, anything);
    const details = tools?.querySelector('details');
    if (details) details.hidden = health === 'unavailable' || !anything;
    if (tools) tools.hidden = false;
  };
  render();
  map.querySelector<HTMLButtonElement>('[data-progress-clear]')?.addEventListener('click', () => {
    const cleared = clearProgress();
    const said = map.querySelector<HTMLElement>('[data-progress-cleared]');
    render();
    if (said) said.textContent = cleared ? 'Your progress on this device is cleared.' : 'This browser did not let Mailwire clear its saved progress.';
    map.querySelector<HTMLElement>('[data-progress-note]')?.focus();
  });
}
