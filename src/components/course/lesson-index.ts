/**
 * Which lesson explains what, read from the lessons' own frontmatter at build time: the scenarios each lesson
 * embeds, its quiz, its reading time. The course map, the scenario pages and the playground use it.
 */
import { getCollection } from 'astro:content';
import { availableLessons, course, lessonHref } from '../../content/course.ts';
import type { LessonMeta } from './lesson-frontmatter.ts';
import { readingMinutes } from './reading-time.ts';

/** A lesson as the course map and the back-links show it. */
export interface IndexedLesson {
  id: string;
  /** Position in the course, from 1. */
  number: number;
  /** The short name from course.ts. */
  label: string;
  /** The page's title and description. */
  title: string;
  description: string | undefined;
  /** Its address, or undefined for a lesson still to come. */
  href: string | undefined;
  minutes: number | undefined;
  meta: LessonMeta | undefined;
}

/** Every lesson of the course in order, with what its page declares. Fails the build if a page and course.ts disagree. */
export async function lessonIndex(): Promise<IndexedLesson[]> {
  const pages = await getCollection('docs', (e) => (e.data as { lesson?: LessonMeta }).lesson !== undefined);
  for (const page of pages) {
    const meta = (page.data as { lesson: LessonMeta }).lesson;
    const listed = availableLessons.find((l) => l.id === meta.id);
    if (!listed || listed.slug !== page.id) throw new Error(`lesson page ${page.id} says it is lesson "${meta.id}", which src/content/course.ts lists at ${listed?.slug ?? 'no page'}`);
  }
  return course.map((l, i) => {
    const page = l.slug === undefined ? undefined : pages.find((p) => p.id === l.slug);
    if (l.slug !== undefined && !page) throw new Error(`src/content/course.ts lists lesson "${l.id}" at ${l.slug}, but that page has no lesson block`);
    return {
      id: l.id,
      number: i + 1,
      label: l.label,
      title: page?.data.title ?? l.label,
      description: page?.data.description,
      href: l.slug === undefined ? undefined : lessonHref({ slug: l.slug }),
      minutes: page?.body === undefined ? undefined : readingMinutes(page.body),
      meta: (page?.data as { lesson?: LessonMeta } | undefined)?.lesson,
    };
  });
}

/** The lessons that embed a scenario. */
export async function lessonsWithScenario(scenario: string): Promise<IndexedLesson[]> {
  return (await lessonIndex()).filter((l) => l.meta?.scenarios.includes(scenario));
}
