/**
 * Where a guided scenario leads when it ends: its summary, the lesson that explains it and the next scenario in the
 * learning order (the lessons in course order, each lesson's scenarios in its frontmatter's order, then the
 * scenarios no lesson embeds, in the scenario list's order). Pure: SessionWidget.astro hands it the lesson index
 * and the scenarios at build time, and the widget gets plain data.
 */
import type { IndexedLesson } from './lesson-index.ts';
import type { ScenarioEnd } from '../widgets/simulator/end.ts';

export type { ScenarioEnd };

/** What the end needs of a scenario. */
export interface ScenarioHead {
  id: string;
  title: string;
  summary: string;
}

/** Every scenario id in the order a learner meets them. */
export function learningOrder(lessons: readonly Pick<IndexedLesson, 'meta'>[], scenarioIds: readonly string[]): string[] {
  const ordered = lessons.flatMap((l) => l.meta?.scenarios ?? []);
  return [...new Set([...ordered, ...scenarioIds])].filter((id) => scenarioIds.includes(id));
}

/**
 * The end of scenario `id` on the page at `path`: the first lesson that embeds it (none when that lesson is this very
 * page; the course map when no lesson does) and the next scenario. Undefined for an unknown scenario.
 */
export function scenarioEnd(id: string, lessons: readonly IndexedLesson[], scenarios: readonly ScenarioHead[], path: string): ScenarioEnd | undefined {
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) return undefined;
  const order = learningOrder(lessons, scenarios.map((s) => s.id));
  const nextId = order[order.indexOf(id) + 1];
  const next = scenarios.find((s) => s.id === nextId);
  const explaining = lessons.find((l) => l.href !== undefined && l.meta?.scenarios.includes(id));
  const here = explaining !== undefined && explaining.href?.replace(/\/$/, '') === path.replace(/\/$/, '');
  const lesson = !explaining ? { href: '/', text: 'The course map' } : here ? undefined : { href: explaining.href!, text: `Lesson ${explaining.number}: ${explaining.label}` };
  return { summary: scenario.summary, lesson, next: next ? { href: `/scenarios/${next.id}/`, text: next.title } : undefined };
}
