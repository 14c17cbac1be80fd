/** Every text the data file shows a learner, with the sources of the fact it belongs to (for the corrections tests). */
import { facts } from '../../src/data/index.ts';
import type { Source } from '../../src/data/index.ts';

/** One learner-facing text and the sources of its fact. */
export interface FactText {
  path: string;
  text: string;
  sources: readonly Source[];
}

/** All of them: summaries, port texts, comparison cells, myths, situations, terms, causes and troubles. */
export function factTexts(): FactText[] {
  const out: FactText[] = [];
  const add = (path: string, text: string | undefined, sources: readonly Source[]): void => {
    if (text !== undefined) out.push({ path, text, sources });
  };
  for (const p of facts.protocols) add(`protocols.${p.id}`, p.summary, p.sources);
  for (const p of facts.ports) {
    add(`ports[${p.port}].description`, p.description, p.sources.description);
    add(`ports[${p.port}].myth`, p.misconception.myth, p.sources.misconception);
    add(`ports[${p.port}].correction`, p.misconception.correction, p.sources.misconception);
  }
  for (const f of facts.features) for (const [id, cell] of Object.entries(f.cells)) if (cell) add(`features.${f.id}.${id}`, cell.text, cell.sources);
  for (const m of facts.myths) {
    add(`myths.${m.id}.myth`, m.myth, m.sources);
    add(`myths.${m.id}.correction`, m.correction, m.sources);
  }
  for (const s of facts.situations) {
    add(`situations.${s.id}.prompt`, s.prompt, s.sources);
    add(`situations.${s.id}.explanation`, s.explanation, s.sources);
    for (const o of s.distractors ?? []) if (o.kind === 'literal') add(`situations.${s.id}.option`, o.label, s.sources);
  }
  for (const [group, terms] of [['roles', facts.roles], ['security', facts.security], ['tlsBeforeLogin', facts.tlsBeforeLogin]] as const) {
    for (const [id, t] of Object.entries(terms)) add(`${group}.${id}`, t.definition, t.sources);
  }
  for (const [id, c] of Object.entries(facts.causes)) {
    add(`causes.${id}.label`, c.label, c.sources);
    add(`causes.${id}.action`, c.action, c.sources);
  }
  for (const t of facts.troubles) {
    add(`troubles.${t.id}.when`, t.when, t.sources);
    add(`troubles.${t.id}.note`, t.note, t.sources);
  }
  return out;
}
