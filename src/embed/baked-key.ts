/** Which build record (/embed/data/<key>.json) fits the simulator's props, if any. */
import type { SimulatorProps } from '../components/widgets/simulator/props.ts';

/**
 * The record's key: a scenario from its start in guided mode, or a free session from its greeting. Other props (a
 * start step, a scenario taken over at once) have no record: the widget then loads the engine itself, as before.
 */
export function bakedKey(p: SimulatorProps): string | undefined {
  if (p.scenario !== undefined) return p.startStep === undefined && p.mode !== 'free' ? `scenario-${p.scenario}` : undefined;
  return p.protocol !== undefined && p.port !== undefined ? `server-${p.protocol}-${p.port}` : undefined;
}
