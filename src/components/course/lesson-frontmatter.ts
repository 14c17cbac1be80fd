/**
 * What a lesson page declares in its frontmatter's `lesson` block. The page frame (LessonFrame.astro) renders
 * the objectives at the top and the summary, sources and next lesson at the end, so every lesson has them.
 */
import { z } from 'zod';
import { lessonIds } from '../../data/ids.ts';
import { sourceSchema, type Source } from '../../data/schema.ts';

/** A lesson source as written in YAML: `{ rfc: 5321, section: '4.2.1' }` or `{ title: '…', url: 'https://…' }`. */
const lessonSource = z
  .union([
    z.strictObject({ rfc: z.number().int().positive(), section: z.string().min(1).optional() }),
    z.strictObject({ title: z.string().min(3), url: z.string() }),
  ])
  .transform((s, ctx): Source => {
    const source = 'rfc' in s ? { kind: 'rfc' as const, ...s } : { kind: 'doc' as const, ...s };
    const checked = sourceSchema.safeParse(source);
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

/** The `lesson` block of a lesson page. */
export const lessonSchema = z.strictObject({
  /** Which lesson of the course this page is (its place comes from src/content/course.ts). */
  id: z.enum(lessonIds),
  /** "What you will be able to do": three or four things, each starting with a verb. */
  objectives: z.array(z.string().min(10)).min(3).max(4),
  /** "In short": the two to five points to remember, shown at the end. */
  summary: z.array(z.string().min(10)).min(2).max(5),
  /** The guided scenarios the page embeds, by id; the course map counts them as the lesson's practice. */
  scenarios: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).min(1),
  /** The quiz the page embeds, by its QuizWidget id; the course map shows its best score. */
  quiz: z.string().min(1),
  /** The RFC sections and documents the lesson's prose relies on (tables and callouts cite their own). */
  sources: z.array(lessonSource).min(1),
});
/** A lesson page's declared details. */
export type LessonMeta = z.output<typeof lessonSchema>;

/** Starlight's frontmatter, extended with the optional `lesson` block. */
export const lessonFrontmatter = z.object({ lesson: lessonSchema.optional() });
