/**
 * Situation questions ("port 25 is blocked: how do you still send?"). The data file names each answer by
 * reference (a role, a protocol, a port, or comparison rows); this module turns the references into labels
 * from the port and comparison facts, so a situation cannot disagree with the port table or the comparison table.
 */
import { facts, portFact, protocolById, securityLabels } from '../data/lookup.ts';
import type { FeatureId, PortFact, ProtocolId, Situation, SituationAnswer, SituationOption } from '../data/lookup.ts';
import { citation } from './cite.ts';
import type { QuizOption, QuizQuestion } from './types.ts';

/** "port 25", "port 587 or 465", "port 1, 2 or 3", in the data file's order. */
function portList(ports: readonly PortFact[]): string {
  const numbers = ports.map((p) => String(p.port));
  const last = numbers.pop();
  return numbers.length === 0 ? `port ${last}` : `port ${numbers.join(', ')} or ${last}`;
}

/** The names of the protocols on these ports, each once, e.g. "SMTP submission" or "Exchange / JMAP". */
function protocolNames(ports: readonly PortFact[]): string {
  const ids: ProtocolId[] = [];
  for (const p of ports) for (const id of p.protocols) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => protocolById(id).name).join(' / ');
}

/** Ports IANA registers for the role they play here; throws when there are none, so no label is empty. */
function registered(ports: readonly PortFact[], what: string): PortFact[] {
  const found = ports.filter((p) => p.ianaRegisteredForRole);
  if (found.length === 0) throw new Error(`${what} has no port registered for its role`);
  return found;
}

/** The ports a protocol uses that IANA registers for their role (2525 is left out). */
export function registeredPortsOf(id: ProtocolId): PortFact[] {
  return registered(
    facts.ports.filter((p) => p.protocols.includes(id)),
    `protocol ${id}`,
  );
}

/** A port option's entry; throws for a port the data file does not list. */
function portEntry(port: number): PortFact {
  const p = portFact(port);
  if (!p) throw new Error(`situation names port ${port}, which the data file does not list`);
  return p;
}

/** One option: a stable id and the label generated from the data. */
export function situationOption(o: SituationOption): QuizOption {
  switch (o.kind) {
    case 'role': {
      const ports = registered(
        facts.ports.filter((p) => p.role === o.role),
        `role ${o.role}`,
      );
      return { id: `role-${o.role}`, label: `${protocolNames(ports)} on ${portList(ports)}` };
    }
    case 'protocol':
      return {
        id: `protocol-${o.protocol}`,
        label: `${protocolById(o.protocol).name} on ${portList(registeredPortsOf(o.protocol))}`,
      };
    case 'port': {
      const p = portEntry(o.port);
      if (o.via !== undefined && !p.description.includes(o.via)) {
        throw new Error(`port ${o.port}'s description does not name ${o.via}`);
      }
      return { id: `port-${p.port}`, label: `${o.via ?? protocolNames([p])} on port ${p.port} (${securityLabels[p.security]})` };
    }
    case 'literal':
      return { id: `literal-${o.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, label: o.label };
  }
}

/** Whether a protocol's comparison cell says "yes" to a feature; throws for a row or cell the data lacks. */
function saysYes(feature: FeatureId, id: ProtocolId): boolean {
  const row = facts.features.find((f) => f.id === feature);
  const cell = row?.cells[id];
  if (!cell) throw new Error(`comparison row ${feature} has no cell for ${id}`);
  return cell.support === 'yes';
}

/** The right option and the wrong ones of a situation, answer first. */
function resolve(answer: SituationAnswer, distractors: readonly SituationOption[]): { answer: QuizOption; others: QuizOption[] } {
  if (answer.kind !== 'feature') return { answer: situationOption(answer), others: distractors.map(situationOption) };
  const yes = answer.among.filter((id) => answer.features.every((f) => saysYes(f, id)));
  const [only] = yes;
  if (only === undefined || yes.length !== 1) {
    throw new Error(
      `exactly one of ${answer.among.join(', ')} must say yes to ${answer.features.join(' and ')}; found ${yes.length === 0 ? 'none' : yes.join(', ')}`,
    );
  }
  const option = (id: ProtocolId): QuizOption => situationOption({ kind: 'protocol', protocol: id });
  return { answer: option(only), others: answer.among.filter((id) => id !== only).map(option) };
}

/** One situation as a question; throws if its options are fewer than 2, more than 4, or not distinct. */
export function situationQuestion(s: Situation): QuizQuestion {
  const { answer, others } = resolve(s.answer, s.distractors ?? []);
  const options = [answer, ...others];
  if (options.length < 2 || options.length > 4) throw new Error(`situation ${s.id} has ${options.length} options; 2 to 4 are allowed`);
  if (new Set(options.map((o) => o.id)).size !== options.length || new Set(options.map((o) => o.label)).size !== options.length) {
    throw new Error(`situation ${s.id} offers the same option twice: ${options.map((o) => o.label).join(' | ')}`);
  }
  return {
    id: `situation:${s.id}`,
    topic: 'situation',
    prompt: s.prompt,
    options,
    answer: answer.id,
    explanation: s.explanation,
    source: citation(s.sources),
    lessons: [...s.lessons],
  };
}

/** Every situation of the data file, in its order. */
export function situationQuestions(): QuizQuestion[] {
  return facts.situations.map(situationQuestion);
}
