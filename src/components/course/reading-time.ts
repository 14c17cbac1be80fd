/** How long a lesson takes to read, from its MDX source: words of prose only (no imports, tags or code). */

/** Words a learner reads per minute in technical prose; a common planning figure. */
export const WORDS_PER_MINUTE = 200;

/** The prose of an MDX body: import and export lines, JSX/HTML tags, code fences and inline code removed. */
export function proseOf(mdx: string): string {
  return mdx
    .replace(/^---[\s\S]*?^---\s*$/m, ' ')
    .replace(/^(?:import|export)\s.*$/gm, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

/** Whole minutes to read `mdx`, at least 1. */
export function readingMinutes(mdx: string): number {
  const words = proseOf(mdx).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
