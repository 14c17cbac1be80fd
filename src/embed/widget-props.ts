/** The widgets' props from parsed embed options: the same public props the lesson pages pass. */
import type { SimulatorProps } from '../components/widgets/simulator/props.ts';
import type { EmbedOptionValues } from './option-fields.ts';
import { lineProfileOf, lineProtocolNames } from '../protocols/registry.ts';

/** The scenario the simulator embed plays when the address names neither a scenario nor a server. */
export const DEFAULT_EMBED_SCENARIO = 'smtp-submission-587';

/** The simulator's props: a scenario (guided or predict), or a free session on a server and port. */
export function simulatorProps(o: EmbedOptionValues): SimulatorProps {
  const id = o.id ?? 'simulator';
  if (o.scenario === undefined && (o.protocol !== undefined || o.port !== undefined || o.mode === 'free')) {
    // The first protocol of the course when none is named; the port a mail program uses for it today (RFC 8314).
    const protocol = o.protocol ?? lineProtocolNames[0];
    return { protocol, port: o.port ?? lineProfileOf(protocol).clientPort, mode: 'free', label: `Session simulator (${id})` };
  }
  return {
    scenario: o.scenario ?? DEFAULT_EMBED_SCENARIO,
    ...(o.startStep !== undefined ? { startStep: o.startStep } : {}),
    mode: o.mode === 'free' ? 'free' : 'guided',
    predict: o.mode === 'predict' ? 'required' : 'optional',
  };
}

/** The quiz's props: its saved-progress id, count, topics and seed (the quiz's own defaults where left out). */
export function quizProps(o: EmbedOptionValues): { id: string; count?: number; topics?: NonNullable<EmbedOptionValues['topics']>; seed?: number } {
  return {
    id: `embed-${o.id ?? 'quiz'}`,
    ...(o.count !== undefined ? { count: o.count } : {}),
    ...(o.topics !== undefined ? { topics: o.topics } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  };
}

/** The Exchange simulator's props: the deployment it starts on (Exchange Server SE unless given) and its name. */
export function exchangeProps(o: EmbedOptionValues): { deployment: NonNullable<EmbedOptionValues['deployment']>; label: string } {
  return { deployment: o.deployment ?? 'server-se', label: `Exchange simulator (${o.id ?? 'exchange'})` };
}
