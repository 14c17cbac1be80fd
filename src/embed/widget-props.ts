/** The widgets' props from parsed embed options: the same public props the lesson pages pass. */
import type { SimulatorProps } from '../components/widgets/simulator/props.ts';
import type { EmbedOptionValues } from './option-fields.ts';

/** The scenario the simulator embed plays when the address names neither a scenario nor a server. */
export const DEFAULT_EMBED_SCENARIO = 'smtp-submission-587';

/** The port a free session opens on when only the protocol is given: the one a mail program uses today (RFC 8314). */
const DEFAULT_PORT = { smtp: 587, pop3: 995, imap: 993 } as const;

/** The simulator's props: a scenario (guided or predict), or a free session on a server and port. */
export function simulatorProps(o: EmbedOptionValues): SimulatorProps {
  const id = o.id ?? 'simulator';
  if (o.scenario === undefined && (o.protocol !== undefined || o.port !== undefined || o.mode === 'free')) {
    const protocol = o.protocol ?? 'smtp';
    return { protocol, port: o.port ?? DEFAULT_PORT[protocol], mode: 'free', label: `Session simulator (${id})` };
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
