/** How a generated quiz question cites its sources (build time only: it reads the data file). */
import { sourceHref, sourceLabel } from '../data/lookup.ts';
import type { Source } from '../data/lookup.ts';

/** The first source of a fact column, as a link the learner can follow. */
export function citation(sources: readonly Source[]): { label: string; href: string } {
  const first = sources[0];
  if (!first) throw new Error('a quiz question needs a source');
  return { label: sourceLabel(first), href: sourceHref(first) };
}

/**
 * The first RFC a reply catalogue names ("RFC 5321 §4.2.1", "RFC 3501 §2.2.1, §2.2.2", "RFC 4954 §6, RFC 3207 §4")
 * as a source, so the catalogue's `rfc` field stays the one place that says where a reply is defined.
 */
export function catalogueSource(rfc: string): Source {
  const m = /^RFC (\d+)(?: §([0-9]+(?:\.[0-9]+)*))?(?:,|$)/.exec(rfc.trim());
  if (!m) throw new Error(`a reply catalogue cites "${rfc}", which does not start with an RFC`);
  return m[2] === undefined ? { kind: 'rfc', rfc: Number(m[1]) } : { kind: 'rfc', rfc: Number(m[1]), section: m[2] };
}

/** A catalogue's `rfc` field as a link the learner can follow. */
export function catalogueCitation(rfc: string): { label: string; href: string } {
  return citation([catalogueSource(rfc)]);
}
