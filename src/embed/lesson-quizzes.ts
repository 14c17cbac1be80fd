/** The lessons' quizzes for the SCORM packages and /teach/ (build time only: it reads the whole question bank). */
import { course } from '../content/course.ts';
import { lessonQuestions } from '../quiz/questions.ts';
import type { LessonQuiz } from './scorm.ts';

/** Every lesson on the course map, with how many questions the bank has for it. */
export function lessonQuizzes(): LessonQuiz[] {
  return course.filter((l) => l.slug !== undefined).map((l) => ({ id: l.id, label: l.label, questions: lessonQuestions(l.id).length }));
}
