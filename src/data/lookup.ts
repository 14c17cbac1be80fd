/**
 * Lookups over the protocol facts, without zod, so the browser engine can read port facts cheaply. The build and
 * the tests validate the same facts through ./index.ts.
 */
import { facts } from './facts.ts';
// Port lookups read ports.ts alone, so the browser's engine does not download the myths, troubles and comparison.
import { ports, protocols } from './ports.ts';
import type {
  Cause,
  CauseId,
  FeatureId,
  LessonId,
  Myth,
  PortFact,
  PortRole,
  Protocol,
  ProtocolId,
  SecurityMode,
  Situation,
  SituationAnswer,
  SituationOption,
  Source,
  TlsBeforeLogin,
  Trouble,
} from './schema.ts';

export type {
  Cause,
  CauseId,
  FeatureId,
  LessonId,
  Myth,
  PortFact,
  PortRole,
  Protocol,
  ProtocolId,
  SecurityMode,
  Situation,
  SituationAnswer,
  SituationOption,
  Source,
  TlsBeforeLogin,
  Trouble,
};

export { facts };

/** Learner-facing names of the security modes: what the protocol does on the port, one STARTTLS for all. */
export const securityLabels: Record<SecurityMode, string> = {
  plaintext: 'Plaintext',
  starttls: 'STARTTLS',
  'implicit-tls': 'Implicit TLS',
  https: 'HTTPS',
};

/** Learner-facing names of who decides whether TLS comes before a login on a STARTTLS port. */
export const tlsBeforeLoginLabels: Record<TlsBeforeLogin, string> = {
  opportunistic: 'Opportunistic: a public MX must not require TLS',
  configuration: 'Login before TLS: refused by a well-configured server',
};

/** Learner-facing names of the port roles. */
export const roleLabels: Record<PortRole, string> = {
  relay: 'Relay (server to server)',
  submission: 'Submission (program to server)',
  access: 'Mailbox access',
  http: 'Web (HTTP)',
};

/** The protocol with this id. */
export function protocolById(id: ProtocolId): Protocol {
  const found = protocols.find((p) => p.id === id);
  if (!found) throw new Error(`unknown protocol ${id}`);
  return found;
}

/** The ports a protocol uses, in the data file's order. */
export function portsOf(id: ProtocolId): PortFact[] {
  return ports.filter((p) => p.protocols.includes(id));
}

/** The port entry for a number, or undefined. */
export function portFact(port: number): PortFact | undefined {
  return ports.find((p) => p.port === port);
}

/** The source of a port's IANA service name: the registry entry for that port. */
export function ianaSources(p: PortFact): Source[] {
  return [{ kind: 'iana', port: p.port }];
}

/** An RFC appendix, e.g. "Appendix E" or "Appendix A.2". */
const APPENDIX = /^Appendix ([A-Z](?:\.\d+)*)$/;

/** The rfc-editor.org fragment of a section ("section-4.2") or an appendix ("appendix-E"). */
function rfcAnchor(section: string): string {
  const appendix = APPENDIX.exec(section);
  return appendix ? `appendix-${appendix[1]}` : `section-${section}`;
}

/** A link a learner can follow to the source. */
export function sourceHref(source: Source): string {
  switch (source.kind) {
    case 'rfc':
      return `https://www.rfc-editor.org/rfc/rfc${source.rfc}${source.section ? `#${rfcAnchor(source.section)}` : ''}`;
    case 'iana':
      return `https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=${source.port}`;
    case 'doc':
      return source.url;
  }
}

/** A short human label for a source, e.g. "RFC 5321 §4.5.3.1". */
export function sourceLabel(source: Source): string {
  switch (source.kind) {
    case 'rfc':
      return `RFC ${source.rfc}${source.section ? (APPENDIX.test(source.section) ? ` ${source.section}` : ` §${source.section}`) : ''}`;
    case 'iana':
      return `IANA port registry, port ${source.port}`;
    case 'doc':
      return source.title;
  }
}

/** A fact's place in the file, for messages such as the build's freshness warning. */
export interface FactRef {
  /** Where the fact sits, e.g. "ports[25]" or "features.push.imap". */
  path: string;
  /** The day it was last verified. */
  lastVerified: string;
  /** Its sources. */
  sources: Source[];
}

/** Every fact with its path: protocols, ports, comparison cells, myths, situations, terms, causes and troubles. */
export function allFacts(data = facts): FactRef[] {
  const refs: FactRef[] = [];
  for (const p of data.protocols) refs.push({ path: `protocols.${p.id}`, ...p });
  for (const p of data.ports) {
    refs.push({ path: `ports[${p.port}].ianaName`, lastVerified: p.lastVerified, sources: ianaSources(p) });
    for (const [col, sources] of Object.entries(p.sources)) {
      refs.push({ path: `ports[${p.port}].${col}`, lastVerified: p.lastVerified, sources });
    }
  }
  for (const f of data.features) {
    for (const [id, cell] of Object.entries(f.cells)) {
      if (cell) refs.push({ path: `features.${f.id}.${id}`, ...cell });
    }
  }
  for (const m of data.myths) refs.push({ path: `myths.${m.id}`, lastVerified: m.lastVerified, sources: m.sources });
  for (const s of data.situations) refs.push({ path: `situations.${s.id}`, lastVerified: s.lastVerified, sources: s.sources });
  for (const [id, t] of Object.entries(data.roles)) refs.push({ path: `roles.${id}`, lastVerified: t.lastVerified, sources: t.sources });
  for (const [id, t] of Object.entries(data.security)) refs.push({ path: `security.${id}`, lastVerified: t.lastVerified, sources: t.sources });
  for (const [id, t] of Object.entries(data.tlsBeforeLogin)) refs.push({ path: `tlsBeforeLogin.${id}`, lastVerified: t.lastVerified, sources: t.sources });
  for (const [id, c] of Object.entries(data.causes)) refs.push({ path: `causes.${id}`, lastVerified: c.lastVerified, sources: c.sources });
  for (const t of data.troubles) refs.push({ path: `troubles.${t.id}`, lastVerified: t.lastVerified, sources: t.sources });
  return refs;
}

/** Facts whose lastVerified date is more than `maxAgeDays` before `today`. */
export function staleFacts(today: Date, maxAgeDays = 365, data = facts): FactRef[] {
  const limit = today.getTime() - maxAgeDays * 86_400_000;
  return allFacts(data).filter((f) => Date.parse(`${f.lastVerified}T00:00:00Z`) < limit);
}

/** The comparison row ids a lesson may pick, in table order. */
export function featureOrder(): FeatureId[] {
  return facts.features.map((f) => f.id);
}

/** The lesson that teaches each of the course's protocols (JMAP has none yet). */
const protocolLessons: Record<ProtocolId, LessonId | undefined> = {
  'smtp-relay': 'smtp',
  'smtp-submission': 'smtp',
  pop3: 'pop3',
  imap: 'imap',
  exchange: 'exchange',
  jmap: undefined,
};

/** The lesson that teaches a protocol, as a list: empty for JMAP, which has no lesson yet. */
export function lessonsOfProtocol(id: ProtocolId): LessonId[] {
  const lesson = protocolLessons[id];
  return lesson ? [lesson] : [];
}

/** The lessons a port belongs to: its protocols' lessons, then the ports lesson. */
export function portLessons(p: PortFact): LessonId[] {
  const ids: LessonId[] = [];
  for (const id of p.protocols) {
    const lesson = protocolLessons[id];
    if (lesson && !ids.includes(lesson)) ids.push(lesson);
  }
  return [...ids, 'ports'];
}

/** The lessons a trouble belongs to: its protocol's lesson (if any), then troubleshooting. */
export function troubleLessons(t: Trouble): LessonId[] {
  return t.protocol === 'none' ? ['troubleshooting'] : [t.protocol, 'troubleshooting'];
}

/** The general myth with this id, or undefined. */
export function mythById(id: string, data = facts): Myth | undefined {
  return data.myths.find((m) => m.id === id);
}

/** The trouble with this id, or undefined. */
export function troubleById(id: string, data = facts): Trouble | undefined {
  return data.troubles.find((t) => t.id === id);
}

/** The cause of a trouble. */
export function causeOf(t: Trouble, data = facts): Cause {
  return data.causes[t.cause];
}
