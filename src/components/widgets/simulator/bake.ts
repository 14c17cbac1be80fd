/**
 * What the simulator shows before its engine arrives: the scenario played to its end (or a new connection's
 * greeting), the server's state diagram, the catalogue entries for every token those lines show, and the port's
 * rules. The Astro wrapper computes it at build time and passes it as a prop; the fallback loader (no build,
 * e.g. an embed) computes the same in the browser. Everything in it is serializable.
 */
import { portFact, roleLabels, securityLabels } from '../../../data/lookup.ts';
import type { BakedPlayer, PlayerKit } from '../../../machines/scenario-player.machine.ts';
import type { Engine, Explanation } from '../engine.ts';
import { liveDiagram, type LiveDiagram } from '../../diagrams/state-live.ts';
import { stateGraph } from '../state-graph.ts';
import { tokenize } from '../../../protocols/reply-tokens.ts';
import { scenarioChoices, type Observe } from './predict-choices.ts';
import type { PredictRecord } from './predict-score.ts';

/** The simulator's build data. */
export interface SimulatorData extends BakedPlayer {
  /** The server machine's diagram, laid out and written as SVG parts (the browser only marks it). */
  diagram: LiveDiagram;
  /** Catalogue entries for the codes and tokens in the recorded lines, by catalogue key. */
  explanations: Record<string, Explanation>;
  /** The port's rules for the security badge: its security mode and role, as learners read them. */
  badge: Badge;
  /** The same for every port a reconnect may choose (after a reconnect to another port, the badge follows it). */
  portBadges: Record<number, Badge>;
  /** Predict the reply: for each scenario step, the replies a learner may choose from and the real one. */
  predict?: PredictRecord;
}

/** A port's rules as the security badge shows them. */
export interface Badge {
  security: string;
  role?: string;
}

/** The badge of `port`, from the data file. */
function badgeOf(port: number): Badge | undefined {
  const fact = portFact(port);
  if (!fact) return undefined;
  return { security: securityLabels[fact.security], role: roleLabels[fact.role] };
}

/** Plays what `kit` sets up on its engine and records it; with the scenario runner's observedCode, the replies to predict too. */
export function bake(kit: PlayerKit, engine: Pick<Engine, 'explain' | 'machine'>, runner?: { observedCode: Observe }): SimulatorData {
  const { protocol, port, scenario, startStep, mode, initial, ports } = kit;
  const playback = scenario ? kit.replay(scenario.steps.length) : { greeting: kit.connect().session.greeting, played: [] };
  const explanations: Record<string, Explanation> = {};
  for (const entry of [...playback.greeting, ...playback.played.flatMap((p) => p.entries)]) {
    if (entry.kind !== 'server') continue;
    for (const { key } of tokenize(protocol, entry.text)) {
      const info = key === undefined || Object.hasOwn(explanations, key) ? undefined : engine.explain(key);
      if (key !== undefined && info) explanations[key] = info;
    }
  }
  const portBadges: Record<number, Badge> = {};
  for (const p of ports ?? [port]) {
    const badge = badgeOf(p);
    if (badge) portBadges[p] = badge;
  }
  return {
    protocol, port, ...(scenario ? { scenario } : {}), ...(ports ? { ports } : {}), startStep, mode, initial,
    greeting: [...playback.greeting],
    played: playback.played,
    diagram: liveDiagram(protocol, stateGraph(engine.machine), String(engine.machine.config.initial)),
    explanations,
    badge: badgeOf(port) ?? { security: securityLabels[initial.security] },
    portBadges,
    ...(scenario && runner ? { predict: scenarioChoices(scenario, initial, playback.played, engine.explain, runner.observedCode) } : {}),
  };
}

