/** The building blocks every fact schema shares: dates, sources, provenance, ids and lesson tags. */
import { z } from 'zod';

import { lessonIds } from './ids.ts';

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  // Date.parse rolls 2026-02-31 over to March, so compare the round trip instead.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

/** Where a fact comes from. An RFC section, the IANA registry, or an official document. */
export const sourceSchema = z.discriminatedUnion('kind', [
  z.object({
    /** An IETF RFC. */
    kind: z.literal('rfc'),
    /** RFC number, e.g. 5321. */
    rfc: z.number().int().positive(),
    /** Section, e.g. "4.5.3.1" or "Appendix A"; omit only when the whole RFC is meant. */
    section: z.string().min(1).optional(),
  }),
  z.object({
    /** The IANA Service Name and Transport Protocol Port Number Registry. */
    kind: z.literal('iana'),
    /** The port looked up in the registry. */
    port: z.number().int().min(1).max(65535),
  }),
  z.object({
    /** An official document of a vendor or standards body (not a blog post). */
    kind: z.literal('doc'),
    /** The document's title as its publisher gives it. */
    title: z.string().min(3),
    /** The document's address. */
    url: z.url({ protocol: /^https$/ }),
  }),
]);
/** A source of a fact. */
export type Source = z.infer<typeof sourceSchema>;

/** What every fact carries besides its value: where it comes from and when someone last checked it. */
export const provenance = {
  /** At least one source; the first is the one shown first. */
  sources: z.array(sourceSchema).min(1, 'every fact needs a source'),
  /** The day a person last checked this fact against its sources (YYYY-MM-DD). */
  lastVerified: isoDate,
};

/** A stable id: lower-case words joined by hyphens, starting with a letter. */
export const slug = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');

/** The lessons a fact belongs to, each once; the quiz picks a lesson's questions by them. */
export const lessonTags = z
  .array(z.enum(lessonIds))
  .min(1, 'every myth and situation names at least one lesson')
  .refine((ids) => new Set(ids).size === ids.length, 'a lesson is named twice');
