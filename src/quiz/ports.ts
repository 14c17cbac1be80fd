/** Quiz questions that link ports to protocols, both ways, built from the port facts. */
import { facts, lessonsOfProtocol, portLessons, protocolById, securityLabels } from '../data/lookup.ts';
import type { PortFact, ProtocolId, SecurityMode, Source } from '../data/lookup.ts';
import { citation } from './cite.ts';
import type { QuizOption, QuizQuestion } from './types.ts';

/** Options per question: the answer and up to this many distractors. */
const DISTRACTORS = 3;

/**
 * The ports a port question may name: those IANA registers for the role they play here (2525 is a vendor
 * convention), and not plaintext 80, which carries no mail protocol, only Exchange Server's calendar publishing and
 * redirects: "Exchange (Plaintext)" would name a protocol that does not run there.
 */
function registeredPorts(): PortFact[] {
  return facts.ports.filter((p) => p.ianaRegisteredForRole && p.security !== 'plaintext');
}

/**
 * Exchange is asked about by no protocol-to-port question: Exchange Server also takes SMTP on 25 and 587 and, when
 * enabled, POP3 and IMAP on their ports, so any port the quiz could offer as wrong is one Exchange really uses.
 */
const NOT_ASKED_BY_PORT: readonly ProtocolId[] = ['exchange'];

/** What a port carries, e.g. "IMAP (Implicit TLS)" or "Exchange / JMAP (HTTPS)". */
export function portUsageLabel(p: PortFact): string {
  const names = p.protocols.map((id) => protocolById(id).name).join(' / ');
  return `${names} (${securityLabels[p.security]})`;
}

/** Other ports, most confusable first: a shared protocol counts most, then a shared security mode. */
function lookAlikes(target: PortFact, pool: readonly PortFact[], protocols: readonly ProtocolId[]): PortFact[] {
  const score = (p: PortFact): number =>
    (p.protocols.some((id) => protocols.includes(id)) ? 2 : 0) + (p.security === target.security ? 1 : 0);
  return pool.filter((p) => p.port !== target.port).sort((a, b) => score(b) - score(a));
}

/** The answer plus distractors whose labels differ from it and from each other. */
function optionsFrom(answer: QuizOption, candidates: readonly QuizOption[]): QuizOption[] {
  const options = [answer];
  for (const c of candidates) {
    if (options.length > DISTRACTORS) break;
    if (options.every((o) => o.id !== c.id && o.label !== c.label)) options.push(c);
  }
  return options;
}

/** "Port 993 is used for…": one per registered port; distractors are other ports' protocol and security. */
export function portToProtocolQuestions(): QuizQuestion[] {
  const pool = registeredPorts();
  return pool.map((p) => {
    const answer = { id: `port-${p.port}`, label: portUsageLabel(p) };
    const others = lookAlikes(p, pool, p.protocols).map((o) => ({ id: `port-${o.port}`, label: portUsageLabel(o) }));
    return {
      id: `port-to-protocol:${p.port}`,
      topic: 'port-to-protocol',
      prompt: `Port ${p.port} is used for…`,
      options: optionsFrom(answer, others),
      answer: answer.id,
      explanation: p.description,
      source: citation(p.sources.role),
      lessons: portLessons(p),
    };
  });
}

/** "Which port does SMTP submission use with …?": one per (protocol, security) pair with a single registered port. */
export function protocolToPortQuestions(): QuizQuestion[] {
  const pool = registeredPorts();
  const questions: QuizQuestion[] = [];
  for (const protocol of facts.protocols) {
    if (NOT_ASKED_BY_PORT.includes(protocol.id)) continue;
    const modes: SecurityMode[] = [];
    for (const p of portsOfProtocol(pool, protocol.id)) if (!modes.includes(p.security)) modes.push(p.security);
    for (const mode of modes) {
      const matches = portsOfProtocol(pool, protocol.id).filter((p) => p.security === mode);
      const p = matches[0];
      if (!p || matches.length !== 1) continue;
      const answer = { id: `port-${p.port}`, label: String(p.port) };
      // Distractors from registered ports only: 2525 is submission too, with whatever security its vendor chose,
      // so offering it next to 587 or 465 would make a second defensible answer.
      const others = lookAlikes(p, pool, [protocol.id]).map((o) => ({ id: `port-${o.port}`, label: String(o.port) }));
      questions.push({
        id: `protocol-to-port:${protocol.id}:${mode}`,
        topic: 'protocol-to-port',
        prompt: `Which port does ${protocol.name} use with security “${securityLabels[mode]}”?`,
        options: optionsFrom(answer, others),
        answer: answer.id,
        explanation: p.description,
        source: citation(sourcesFor(protocol.id, p.sources.role)),
        lessons: [...lessonsOfProtocol(protocol.id), 'ports'],
      });
    }
  }
  return questions;
}

/** The ports in `pool` that carry a protocol, in the data file's order. */
function portsOfProtocol(pool: readonly PortFact[], id: ProtocolId): PortFact[] {
  return pool.filter((p) => p.protocols.includes(id));
}

/** Same document: one RFC (any section) or one URL. */
function sameDocument(a: Source, b: Source): boolean {
  if (a.kind === 'rfc' && b.kind === 'rfc') return a.rfc === b.rfc;
  if (a.kind === 'doc' && b.kind === 'doc') return a.url === b.url;
  return a.kind === 'iana' && b.kind === 'iana' && a.port === b.port;
}

/** A shared port's sources, those from the protocol's own documents first (443 cites RFC 8620 for JMAP). */
function sourcesFor(id: ProtocolId, sources: readonly Source[]): Source[] {
  const own = protocolById(id).sources;
  const mine = (s: Source): boolean => own.some((o) => sameDocument(o, s));
  return [...sources.filter(mine), ...sources.filter((s) => !mine(s))];
}
