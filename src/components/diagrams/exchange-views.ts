/**
 * The Exchange diagrams' content as data, read from src/data: what each protocol is and how each deployment
 * offers it (exchange-protocols.ts, exchange.ts offers), the Autodiscover lookup order, and the dated facts.
 * Layouts draw these; the components list them in words; tests compare both with the data.
 */
import { exchange } from '../../data/index.ts';
import type { ExchangeDeploymentId, ExchangeProtocolId } from '../../data/index.ts';
import { exchangeProtocols } from '../../data/exchange-protocols.ts';
import { offerStates } from '../../data/schema-exchange.ts';

/** How an offer state reads in the picture. */
export const OFFER_LABELS: Record<(typeof offerStates)[number], string> = {
  on: 'on',
  'off-by-default': 'off by default',
  'blocked-unless-allow-listed': 'blocked unless allow-listed',
  'not-offered': 'not offered',
};

/** The deployments' short names in the picture. */
export const DEPLOYMENT_SHORT: Record<ExchangeDeploymentId, string> = { 'server-se': 'Server SE', online: 'Online' };

/** One protocol's card: who speaks it, where, and each deployment's offer. */
export interface SpeaksRow {
  id: ExchangeProtocolId;
  name: string;
  clients: string;
  ports: number[];
  endpoint?: string | undefined;
  /** Offer per deployment, in the data's deployment order. */
  offers: { deployment: ExchangeDeploymentId; name: string; state: (typeof offerStates)[number]; text: string }[];
}

/** The standard Internet mail protocols among Exchange's: drawn as their own group. */
export const STANDARD_PROTOCOLS: readonly ExchangeProtocolId[] = ['imap', 'pop3', 'smtp-submission'];

/** Every protocol Exchange speaks, with both deployments' offers; throws if an offer is missing. */
export function speaksRows(): SpeaksRow[] {
  return exchangeProtocols.map((p) => ({
    id: p.id,
    name: p.name,
    clients: p.clients,
    ports: p.ports,
    endpoint: p.endpoint,
    offers: exchange.deployments.map((d) => {
      const offer = exchange.offers.find((o) => o.deployment === d.id && o.protocol === p.id);
      if (!offer) throw new Error(`src/data/exchange.ts has no offer of ${p.id} for ${d.id}`);
      return { deployment: d.id, name: d.name, state: offer.state, text: offer.text };
    }),
  }));
}

/** One step of the Autodiscover lookup, numbered. */
export interface LookupStep {
  n: number;
  id: string;
  request: string;
  sendsCredentials: boolean;
  text: string;
}

/** The lookup order as the data gives it, for a domain (contoso.com by default, as Microsoft's examples). */
export function lookupSteps(domain = 'contoso.com'): LookupStep[] {
  return exchange.autodiscoverOrder.map((s, i) => ({
    n: i + 1,
    id: s.id,
    request: s.request.replaceAll('{domain}', domain),
    sendsCredentials: s.sendsCredentials,
    text: s.text,
  }));
}
