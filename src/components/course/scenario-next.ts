/**
 * Where a guided scenario leads when it ends: its summary, the lesson that explains it and the next scenario in the
 * learning order (the lessons in course order, each lesson's scenarios in its frontmatter's order, then the
 * scenarios no lesson embeds, as the scenario list orders them). Read at build time; the widget gets plain data.
 */
import { allScenarios } from '../lesson/scenario-transcript.ts';
import { lessonIndex, type IndexedLesson } from './lesson-index.ts';
import type { ScenarioEnd } from '../widgets/simulator/end.ts';

export type { ScenarioEnd };

/** Every scenario id in the order a learner meets them. */
export function learningOrder(lessons: readonly IndexedLesson[], scenarioIds: readonly string[]): string[] {
  const ordered = lessons.flatMap((l) => l.meta?.scenarios ?? []);
  return [...new Set([...ordered, ...scenarioIds])].filter((id) => scenarioIds.includes(id));
}

/** The end of scenario `id` as shown on the page at `path`; undefined for an unknown scenario. */
export async function scenarioEnd(id: string, path: string): Promise<ScenarioEnd | undefined> {
  const scenario = allScenarios.find((s) => s.id === id);
  if (!scenario) return undefined;
  const lessons = await lessonIndex();
  const order = learningOrder(lessons, allScenarios.map((s) => s.id));
  const nextId = order[order.indexOf(id) + 1];
  const next = allScenarios.find((s) => s.id === nextId);
  const explaining = lessons.find((l) => l.href !== undefined && l.meta?.scenarios.includes(id));
  const here = explaining?.href === path || explaining?.href === `${path}/`;
  return {
    summary: scenario.summary,
    lesson: explaining?.href && !here ? { href: explaining.href, text: `Lesson ${explaining.number}: ${explaining.label}` } : !explaining ? { href: '/', text: 'The course map' } : undefined,
    next: next ? { href: `/scenarios/${next.id}/`, text: next.title } : undefined,
  };
}
