/**
 * The course: its lessons in order. The sidebar, the home page's course map, "next lesson" at the end of each
 * lesson and the links back from scenario pages all read this list; a lesson's own details (objectives,
 * summary, scenarios, sources) are in its page's frontmatter.
 */
import type { LessonId } from '../data/ids.ts';

/** A lesson's place in the course. */
export interface CourseLesson {
  /** The lesson's id, as its frontmatter names it. */
  id: LessonId;
  /** The page's slug under src/content/docs (its address is `/<slug>/`); undefined while the lesson is still to come. */
  slug: string | undefined;
  /** The short name on the sidebar and the course map. */
  label: string;
}

/** The lessons in the order a learner takes them. */
export const course: readonly CourseLesson[] = [
  { id: 'travel', slug: 'lessons/how-email-travels', label: 'How email travels' },
  { id: 'transcripts', slug: 'lessons/reading-a-transcript', label: 'Reading a transcript' },
  { id: 'smtp', slug: 'lessons/smtp', label: 'SMTP: sending and relaying' },
  { id: 'pop3', slug: 'lessons/pop3', label: 'POP3: download to one device' },
  { id: 'imap', slug: 'lessons/imap', label: 'IMAP: one mailbox, many devices' },
  { id: 'pop3-or-imap', slug: 'lessons/pop3-or-imap', label: 'POP3 or IMAP?' },
  { id: 'ports', slug: 'lessons/ports-and-encryption', label: 'Ports and encryption' },
  { id: 'troubleshooting', slug: 'lessons/troubleshooting', label: 'Troubleshooting: what the server is telling you' },
  { id: 'exchange', slug: 'lessons/exchange', label: 'Microsoft Exchange and Microsoft 365' },
];

/** The lessons that exist, in order. */
export const availableLessons = course.filter((l): l is CourseLesson & { slug: string } => l.slug !== undefined);

/** A lesson's address. */
export function lessonHref(lesson: { slug: string }): string {
  return `/${lesson.slug}/`;
}

/** The lesson with this id, or undefined. */
export function lessonById(id: string): CourseLesson | undefined {
  return course.find((l) => l.id === id);
}

/** The next available lesson after `id`, or undefined at the end of the course. */
export function nextLesson(id: LessonId): (CourseLesson & { slug: string }) | undefined {
  const at = availableLessons.findIndex((l) => l.id === id);
  return at < 0 ? undefined : availableLessons[at + 1];
}
