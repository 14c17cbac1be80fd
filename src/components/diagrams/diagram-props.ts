/** Checks a diagram's props with zod, so a lesson with a typo fails the build with one clear message. */
import { z } from 'zod';

/** An id prefix for the elements a diagram writes: unique on its page. */
export const idPrefix = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens, starting with a letter');

/** A caption, when the lesson wants its own. */
export const caption = z.string().min(3, 'at least 3 characters');

/** Parses props or throws one error naming the component and every bad value. */
export function parseProps<S extends z.ZodType>(component: string, schema: S, props: unknown): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    const value = i.path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), props);
    return `${i.path.join('.') || '(props)'}: ${i.message}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`;
  });
  throw new Error(`<${component}> got invalid props: ${problems.join('; ')}`);
}
