/** Port numbers for lesson prose, always from the data file: a lesson names a port by reference, never by typing it. */
import { facts, securityLabels } from '../../data/lookup.ts';
import type { PortFact, PortRole, ProtocolId } from '../../data/lookup.ts';

/** The port `n` of the data file; throws a build error naming `component` when there is none. */
export function portRef(n: number, component = 'Port'): PortFact {
  const p = facts.ports.find((x) => x.port === n);
  if (!p) throw new Error(`<${component} n={${n}}>: port ${n} is not in src/data/facts.ts (${facts.ports.map((x) => x.port).join(', ')})`);
  return p;
}

/** The ports IANA registers for a role (and protocol), in the data file's order; throws when there are none. */
export function portsRef(role: PortRole | undefined, protocol: ProtocolId | undefined, component = 'Ports'): PortFact[] {
  const found = facts.ports.filter((p) => p.ianaRegisteredForRole && (role === undefined || p.role === role) && (protocol === undefined || p.protocols.includes(protocol)));
  if (found.length === 0) throw new Error(`<${component}>: no registered port has role ${role ?? 'any'} and protocol ${protocol ?? 'any'}`);
  return found;
}

/** "587", or "587 (STARTTLS)" with its security label. */
export function portText(p: PortFact, withSecurity: boolean): string {
  return withSecurity ? `${p.port} (${securityLabels[p.security]})` : String(p.port);
}

/** "587", "587 or 465", "25, 587 or 465": a list in prose. */
export function joinWords(items: readonly string[], word: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}
