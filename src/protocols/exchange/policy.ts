/**
 * What the Exchange facts decide for the simulated servers, on the world's clock: whether Basic authentication
 * still works for a protocol, and whether EWS in Exchange Online answers a given app. The dates live in
 * src/data/exchange.ts only.
 */
import { exchangeFacts } from '../../data/exchange.ts';
import type { ExchangeDeploymentId, ExchangeProtocolId } from '../../data/schema-exchange.ts';
import type { ExchangeConfig } from './config.ts';

/** The start of a day given as YYYY-MM-DD, UTC. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Whether Basic authentication is refused for this protocol of this deployment at `now`. */
export function basicRefused(deployment: ExchangeDeploymentId, protocol: ExchangeProtocolId, now: Date): boolean {
  const fact = exchangeFacts.basicAuth.find((b) => b.deployment === deployment && b.protocol === protocol);
  if (!fact) return deployment === 'online';
  if (fact.refusedFrom !== undefined && now.getTime() >= dayStart(fact.refusedFrom)) return true;
  return false;
}

/** Whether EWS answers: open to all, open to this app through the allow list, blocked, or shut down. */
export type EwsGate = 'open' | 'allow-listed' | 'blocked' | 'retired';

/**
 * EWS for one app at `now`. Exchange Server is never affected. In Exchange Online, before the switch-off day EWS
 * follows EWSEnabled (unset counts as True) and, when it is True, a non-empty EwsAllowedAppIDs; from that day it answers only apps in EwsAllowedAppIDs with
 * EWSEnabled True (tenants still unset were switched to False); from the shutdown day it answers nobody.
 */
export function ewsGate(config: ExchangeConfig, appId: string | undefined, now: Date): EwsGate {
  if (config.deployment !== 'online') return 'open';
  const { blockedUnlessAllowListedFrom, shutdown } = exchangeFacts.ewsOnline;
  const t = now.getTime();
  if (t >= dayStart(shutdown)) return 'retired';
  const listed = appId !== undefined && config.ewsAllowedAppIds.includes(appId);
  if (t < dayStart(blockedUnlessAllowListedFrom)) {
    if (config.ewsEnabled === false) return 'blocked';
    // With EWSEnabled True a non-empty list admits only its apps; unset, the list has no effect.
    if (config.ewsEnabled === true && config.ewsAllowedAppIds.length > 0) return listed ? 'allow-listed' : 'blocked';
    return 'open';
  }
  return config.ewsEnabled === true && listed ? 'allow-listed' : 'blocked';
}
