/** The session simulator's public props, shared by the island and its Astro wrapper (and, later, the embed page). */
import type { LineProtocolName } from '../../../protocols/registry.ts';

/** What a page or an embed passes to the simulator; all serializable. */
export interface SimulatorProps {
  /** The server, a protocol of the registry (the scenario's, when left out). */
  protocol?: LineProtocolName;
  /** The port, which decides the security (the scenario's, when left out). */
  port?: number;
  /** A guided scenario id, the file name in src/content/scenarios/ without ".json". */
  scenario?: string;
  /** Steps already played at the start: 0 is the greeting, the scenario's step count its end. */
  startStep?: number;
  /** guided (the default with a scenario) or free (a command line; the default without one). */
  mode?: 'guided' | 'free';
  /**
   * Predict the reply in guided mode: offered (optional, the default), asked before every reply (required:
   * "Next step" waits for a prediction, autoplay is off), or not shown (off).
   */
  predict?: 'required' | 'optional' | 'off';
  /** The widget's accessible name; "Session simulator: <title>" by default. */
  label?: string;
}
