/**
 * What the Exchange widget needs from the build: each deployment's palette and the names of its groups, and for a
 * guided scenario its playback with each row's explainable parts and their catalogue entries. Serializable; the
 * Astro wrapper and the embed page compute it, so the first screen needs no engine in the page.
 */
import { exchangeFacts } from '../../../data/exchange.ts';
import { openHttpSession } from '../../../machines/http-session.ts';
import '../../../machines/http-servers.ts';
import { endpoints, GROUP_NAMES, type EndpointTemplate } from '../../../protocols/exchange/endpoints.ts';
import { explainExchange } from '../../../protocols/exchange/explain.ts';
import { messageParts, type MessagePart } from '../../../protocols/exchange/explain-parts.ts';
import type { ExchangeDeploymentId } from '../../../protocols/exchange/config.ts';
import { type HttpPlayedStep, type HttpScenario } from '../../../scenarios/http-scenario.ts';
import { playHttpScenario } from '../../../scenarios/http-play.ts';
import type { TranscriptEntry } from '../../../protocols/shared/session-types.ts';
import type { RowEntry } from '../../../scenarios/player-rows.ts';
import type { Explanation } from '../engine.ts';
import { httpScenarios, testScenarioById } from '../../lesson/http-transcript.ts';

/** A course HTTP scenario (src/content/scenarios/exchange-*.json) or a test one, by id. */
const scenarioById = (id: string): HttpScenario | undefined => httpScenarios.find((s) => s.id === id) ?? testScenarioById(id);

/** The widget's build data. */
export interface ExchangeWidgetData {
  palettes: Record<ExchangeDeploymentId, EndpointTemplate[]>;
  groupNames: Record<string, string>;
  scenario?: HttpScenario;
  played?: { greeting: TranscriptEntry[]; steps: RowEntry[][] };
  baked?: { parts: MessagePart[][]; explanations: Record<string, Explanation> };
}

/**
 * What a played step shows, in order. A scenario model with several connections and world events (optional
 * fields of a played step) adds the new connection with its greeting and what happened in the world before and
 * while the server held the request; the one-connection model has only the step's entries.
 */
export function stepRows(step: HttpPlayedStep): RowEntry[] {
  const more = step as HttpPlayedStep & { connection?: { host: string; port: number; greeting: TranscriptEntry[] }; before?: string[]; during?: string[] };
  const said = (text: string): RowEntry => ({ kind: 'event', event: 'open', text });
  return [
    ...(more.connection ? [said(`New connection to ${more.connection.host} on port ${more.connection.port}`), ...more.connection.greeting] : []),
    ...(more.before ?? []).map(said),
    ...step.entries,
    ...(more.during ?? []).map(said),
  ];
}

/** The parts of each entry, in order, and the explanations they need. */
export function bakeParts(entries: readonly RowEntry[]): NonNullable<ExchangeWidgetData['baked']> {
  const explanations: Record<string, Explanation> = {};
  const parts = entries.map((entry) => {
    if (entry.kind !== 'request' && entry.kind !== 'response') return [];
    const found = messageParts(entry.kind === 'request' ? entry.request : entry.response);
    for (const p of found) explanations[p.key] ??= explainExchange(p.key)!;
    return found;
  });
  return { parts, explanations };
}

/** The palettes, and with a scenario id (an HTTP scenario of the exchange protocol) its playback. */
export function exchangeWidgetData(scenarioId?: string, scenarios: (id: string) => HttpScenario | undefined = scenarioById): ExchangeWidgetData {
  const base = { palettes: { 'server-se': endpoints('server-se'), online: endpoints('online') }, groupNames: { ...GROUP_NAMES } };
  if (scenarioId === undefined) return base;
  const scenario = scenarios(scenarioId);
  if (!scenario || scenario.protocol !== 'exchange') throw new Error(`the Exchange widget has no exchange scenario "${scenarioId}"`);
  const playback = playHttpScenario(scenario, openHttpSession);
  const played = { greeting: playback.greeting, steps: playback.played.map(stepRows) };
  return { ...base, scenario, played, baked: bakeParts([...played.greeting, ...played.steps.flat()]) };
}

/** What the widget calls each deployment: Microsoft's names, Exchange Server SE shortened. */
export function exchangeDeploymentNames(): Record<ExchangeDeploymentId, string> {
  return Object.fromEntries(exchangeFacts.deployments.map((d) => [d.id, d.id === 'server-se' ? 'Exchange Server SE' : d.name])) as Record<ExchangeDeploymentId, string>;
}
