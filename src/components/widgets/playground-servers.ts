/** The servers the playground offers: every protocol on every port the engine serves, with the port's security mode. */
import { portFact, securityLabels } from '../../data/lookup.ts';
import type { LineProtocolName } from '../../protocols/registry.ts';
import { SERVED_PORTS } from '../../protocols/served-ports.ts';

/** One playground server. */
export interface PlaygroundServer {
  slug: string;
  protocol: LineProtocolName;
  port: number;
  security: string;
}

/** All of them, in the engine's protocol and port order. */
export const playgroundServers: PlaygroundServer[] = (Object.entries(SERVED_PORTS) as Array<[LineProtocolName, readonly number[]]>).flatMap(
  ([protocol, ports]) => ports.map((port) => ({ slug: `${protocol}-${port}`, protocol, port, security: securityLabels[portFact(port)!.security] })),
);

/** The server /playground/ opens on: SMTP submission with STARTTLS. */
export const DEFAULT_PLAYGROUND_SERVER = 'smtp-587';
