/**
 * Text measured without a browser, for laying out diagrams at build time. Widths are estimates from Arial-like
 * advance widths (the site's system font stack falls back to Arial metrics: Liberation Sans on Linux, Helvetica
 * and Segoe UI are close), padded by a margin so a wider font still fits. Monospace text is 0.6 em per
 * character in every font of the site's mono stack (SF Mono, Menlo, Consolas, Liberation Mono).
 */

/** The two font families diagrams use: the site's text font and its code font. */
export type FontFamily = 'sans' | 'mono';

/** How a piece of text is set. */
export interface TextStyle {
  font: FontFamily;
  /** Font size in CSS px (user units at 1:1). */
  size: number;
  bold?: boolean;
}

/** Extra width allowed for fonts wider than Arial (Noto Sans, DejaVu Sans). */
const SAFETY = 1.1;

// Arial's advance widths in em for the characters diagrams use; anything else counts as a wide letter.
const NARROW = new Set([...'iljI|!.,:;\'`']);
const SLIM = new Set([...'frt()[]{}/\\-" ']);
const WIDE = new Set([...'mwMW@%']);
const CAPS_AND_ROUND = /[A-Z&#]/;

function advance(ch: string): number {
  if (NARROW.has(ch)) return 0.25;
  if (SLIM.has(ch)) return 0.33;
  if (WIDE.has(ch)) return 0.88;
  if (CAPS_AND_ROUND.test(ch)) return 0.7;
  return 0.56;
}

/** Estimated width of `text` in CSS px. */
export function textWidth(text: string, style: TextStyle): number {
  const chars = [...text];
  if (style.font === 'mono') return chars.length * 0.6 * style.size;
  const em = chars.reduce((sum, ch) => sum + advance(ch), 0);
  return em * style.size * (style.bold ? 1.07 : 1) * SAFETY;
}

/** Line height used for stacked lines of text at this size. */
export function lineHeight(style: TextStyle): number {
  return Math.round(style.size * 1.3);
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces, and after ", " so command lists break between
 * items. A word wider than the line is cut with a hyphen-free hard break, so no line ever overflows.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle): string[] {
  const words = text.split(/(?<=,) +| +/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, style) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (textWidth(line, style) > maxWidth && [...line].length > 1) {
      const chars = [...line];
      let cut = chars.length - 1;
      while (cut > 1 && textWidth(chars.slice(0, cut).join(''), style) > maxWidth) cut--;
      lines.push(chars.slice(0, cut).join(''));
      line = chars.slice(cut).join('');
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** `text` cut to at most `max` characters, the last of them an ellipsis when it was longer. */
export function ellipsize(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** The widest of several lines, in CSS px. */
export function widest(lines: readonly string[], style: TextStyle): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, style)));
}
