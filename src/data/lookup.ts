/**
 * Lookups over the protocol facts, without zod, so the browser engine can read port facts cheaply. The build and
 * the tests validate the same facts through ./index.ts.
 */
import { facts } from './facts.ts';
import type {
  FeatureId,
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
} from './schema.ts';

export type { FeatureId, Myth, PortFact, PortRole, Protocol, ProtocolId, SecurityMode, Situation, SituationAnswer, SituationOption, Source };

export { facts };

/** Learner-facing names of the security modes. */
export const securityLabels: Record<SecurityMode, string> = {
  plaintext: 'Plaintext',
  'starttls-opportunistic': 'STARTTLS, opportunistic',
  'starttls-required': 'STARTTLS, required',
  'implicit-tls': 'Implicit TLS',
  https: 'HTTPS',
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
  const found = facts.protocols.find((p) => p.id === id);
  if (!found) throw new Error(`unknown protocol ${id}`);
  return found;
}

/** The ports a protocol uses, in the data file's order. */
export function portsOf(id: ProtocolId): PortFact[] {
  return facts.ports.filter((p) => p.protocols.includes(id));
}

/** The port entry for a number, or undefined. */
export function portFact(port: number): PortFact | undefined {
  return facts.ports.find((p) => p.port === port);
}

/** The source of a port's IANA service name: the registry entry for that port. */
export function ianaSources(p: PortFact): Source[] {
  return [{ kind: 'iana', port: p.port }];
}

/** A link a learner can follow to the source. */
export function sourceHref(source: Source): string {
  switch (source.kind) {
    case 'rfc':
      return `https://www.rfc-editor.org/rfc/rfc${source.rfc}${source.section ? `#section-${source.section}` : ''}`;
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
      return `RFC ${source.rfc}${source.section ? ` §${source.section}` : ''}`;
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

/** Every fact in the file with its path: protocols, ports, comparison cells, general myths and situations. */
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
