/**
 * The journey of one message as data: the places it passes and the numbered hops between them, with the
 * protocols, ports and security modes taken from the data file (src/data) and the host names from the mail
 * world. Nothing here is a coordinate; mail-path-layout.ts draws it.
 */
import { facts, protocolById, securityLabels, type PortFact, type PortRole, type ProtocolId, type Source } from '../../data/lookup.ts';
import { LOCAL_DOMAIN, SERVER_HOST } from '../../protocols/shared/world.ts';

/** A place the message passes. */
export interface Place {
  id: 'sender' | 'msa' | 'dns' | 'mx' | 'mailbox' | 'reader';
  title: string;
  /** The agent's name in the mail architecture (MUA, MSA …) or what the place holds. */
  role: string;
}

/** A port with its security label, as the picture writes it. */
export interface HopPort {
  port: number;
  security: string;
  /** The protocol's name, when a hop carries several protocols (access: IMAP and POP3). */
  protocol?: string;
}

/** One numbered hop. */
export interface Hop {
  n: number;
  from: Place['id'];
  to: Place['id'];
  title: string;
  /** The protocol, e.g. "SMTP submission"; undefined where no mail protocol is spoken. */
  protocol?: string;
  ports: HopPort[];
  /** One or two sentences for the list under the picture. */
  text: string;
  /** What the picture says under a hop that carries no mail protocol. */
  note?: string;
  sources: Source[];
}

/** The places, in the order the message meets them (DNS is consulted on the way). */
export const PLACES: readonly Place[] = [
  { id: 'sender', title: 'Sender’s mail program', role: 'MUA' },
  { id: 'msa', title: 'Sender’s provider', role: 'MSA, then MTA' },
  { id: 'dns', title: 'DNS', role: `MX record of ${LOCAL_DOMAIN}` },
  { id: 'mx', title: 'Recipient’s mail server', role: `MX: ${SERVER_HOST}` },
  { id: 'mailbox', title: 'Recipient’s mailbox', role: 'MDA, message store' },
  { id: 'reader', title: 'Recipient’s phone or laptop', role: 'MUA' },
];

/** The ports the data file gives a role, only those IANA registers for it (so not 2525). */
function registeredPorts(role: PortRole, protocol?: ProtocolId): PortFact[] {
  return facts.ports.filter((p) => p.role === role && p.ianaRegisteredForRole && (protocol === undefined || p.protocols.includes(protocol)));
}

const port = (p: PortFact, protocol?: string): HopPort => ({ port: p.port, security: securityLabels[p.security], ...(protocol ? { protocol } : {}) });

/** The five hops of the journey. Throws when the data file has no port for a role, so the build says why. */
export function mailPathHops(): Hop[] {
  const submission = protocolById('smtp-submission');
  const relay = protocolById('smtp-relay');
  const access = (['imap', 'pop3'] as const).map(protocolById);
  const hops: Hop[] = [
    { n: 1, from: 'sender', to: 'msa', title: 'Submission', protocol: submission.name, ports: registeredPorts('submission', 'smtp-submission').map((p) => port(p)), text: facts.roles.submission.definition, sources: facts.roles.submission.sources },
    {
      n: 2, from: 'msa', to: 'dns', title: 'MX lookup', ports: [], note: `answer: ${SERVER_HOST}, a name (no IP address, no port)`,
      text: `The provider’s server asks DNS for the MX record of the recipient’s domain, ${LOCAL_DOMAIN}. The answer is a host name, ${SERVER_HOST}: never an IP address, and never a port.`,
      sources: facts.roles.relay.sources.filter((s) => s.kind === 'rfc' && s.rfc === 5321),
    },
    { n: 3, from: 'msa', to: 'mx', title: 'Relay', protocol: relay.name, ports: registeredPorts('relay', 'smtp-relay').map((p) => port(p)), text: facts.roles.relay.definition, sources: facts.roles.relay.sources },
    {
      n: 4, from: 'mx', to: 'mailbox', title: 'Delivery', ports: [], note: 'the MDA files it in the message store',
      text: 'The recipient’s server takes the message and its delivery agent (MDA) files it in the recipient’s mailbox, in the message store, where it waits.',
      sources: [],
    },
    {
      n: 5, from: 'mailbox', to: 'reader', title: 'Reading', protocol: access.map((p) => p.name).join(' or '),
      ports: access.flatMap((p) => registeredPorts('access', p.id).map((f) => port(f, p.name))),
      text: facts.roles.access.definition, sources: facts.roles.access.sources,
    },
  ];
  for (const hop of hops) {
    if (hop.protocol !== undefined && hop.ports.length === 0) throw new Error(`<MailPath>: the data file gives no registered port for hop ${hop.n} (${hop.title})`);
  }
  return hops;
}

/** The port lines of a hop, e.g. "587 · STARTTLS, required" or "IMAP 993 · Implicit TLS". */
export function portLines(hop: Hop): string[] {
  return hop.ports.map((p) => `${p.protocol ? `${p.protocol} ` : ''}${p.port} · ${p.security}`);
}
