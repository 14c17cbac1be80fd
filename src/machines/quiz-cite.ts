/** How a generated quiz question cites the data file's sources (build time only: it reads the data file). */
import { sourceHref, sourceLabel } from '../data/lookup.ts';
import type { Source } from '../data/lookup.ts';

/** The first source of a fact column, as a link the learner can follow. */
export function citation(sources: readonly Source[]): { label: string; href: string } {
  const first = sources[0];
  if (!first) throw new Error('a quiz question needs a source');
  return { label: sourceLabel(first), href: sourceHref(first) };
}
