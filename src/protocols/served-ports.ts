/**
 * The ports each protocol is served on, derived from the data file through each profile's `dataIds`: every port
 * the data lists for those ids that IANA registers for its role (2525, a vendor convention, is not served). Apart
 * from the registry so that a page's first load, which tokenises replies, does not download the port facts.
 */
import { ports } from '../data/ports.ts';
import { LINE_PROFILES, lineProfileOf, type LineProtocolName } from './registry.ts';

/** The ports one protocol is served on, in the data file's order. */
export function servedPorts(protocol: LineProtocolName): readonly number[] {
  const { dataIds } = lineProfileOf(protocol);
  return ports.filter((p) => p.ianaRegisteredForRole && p.protocols.some((id) => (dataIds as readonly string[]).includes(id))).map((p) => p.port);
}

/** Every protocol's served ports, in the profiles' order. */
export const SERVED_PORTS: Readonly<Record<LineProtocolName, readonly number[]>> = Object.fromEntries(LINE_PROFILES.map((p) => [p.id, servedPorts(p.id)])) as Record<
  LineProtocolName,
  readonly number[]
>;
