/** The servers the playground offers: every protocol on every port the engine serves, with the port's security mode. */
import { SESSION_PORTS } from '../../machines/session.ts';
import { portFact, securityLabels } from '../../data/lookup.ts';

/** One playground server. */
export interface PlaygroundServer {
  slug: string;
  protocol: 'smtp' | 'pop3' | 'imap';
  port: number;
  security: string;
}

/** All of them, in the engine's protocol and port order. */
export const playgroundServers: PlaygroundServer[] = (Object.entries(SESSION_PORTS) as Array<[PlaygroundServer['protocol'], readonly number[]]>).flatMap(
  ([protocol, ports]) => ports.map((port) => ({ slug: `${protocol}-${port}`, protocol, port, security: securityLabels[portFact(port)!.security] })),
);

/** The server /playground/ opens on: SMTP submission with STARTTLS. */
export const DEFAULT_PLAYGROUND_SERVER = 'smtp-587';
