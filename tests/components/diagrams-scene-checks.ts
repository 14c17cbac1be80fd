/** Checks every diagram test applies to a scene: inside its frame, no text on text, no text on a box's border. */
import { expect } from 'vitest';
import { flatten, overlaps, sceneProblems, textBox, type Rect, type Scene } from '../../src/components/diagrams/scene.ts';

/** Pairs of text items whose letters would overlap, as "a / b". */
export function textCollisions(scene: Scene): string[] {
  const texts = flatten(scene.items).flatMap((i) => (i.kind === 'text' ? [{ box: textBox(i), name: i.lines.join(' ') }] : []));
  const out: string[] = [];
  texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => overlaps(shrunk(a.box), shrunk(b.box)) && out.push(`${a.name} / ${b.name}`)));
  return out;
}

// Line boxes include the leading above and below the letters: two lines that merely touch do not collide.
const shrunk = (r: Rect): Rect => ({ x: r.x + 1, y: r.y + 2, w: Math.max(0, r.w - 2), h: Math.max(0, r.h - 4) });

/** Asserts the scene is at most `maxWidth` wide, everything inside it, and no two labels on each other. */
export function expectReadable(scene: Scene, maxWidth: number): void {
  expect(scene.width).toBeLessThanOrEqual(maxWidth);
  expect(sceneProblems(scene)).toEqual([]);
  expect(textCollisions(scene)).toEqual([]);
  for (const item of flatten(scene.items)) if (item.kind === 'text') expect(item.style.size).toBeGreaterThanOrEqual(12);
}
