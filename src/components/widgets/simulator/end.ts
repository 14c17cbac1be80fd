/** What the simulator shows when a guided scenario ends: plain data the build computes (course/scenario-next.ts). */

/** A link the end of a scenario shows. */
export interface EndLink {
  href: string;
  text: string;
}

/** The end of a guided scenario. */
export interface ScenarioEnd {
  /** The scenario's summary, from its JSON file. */
  summary: string;
  /** The lesson that explains it; absent when that lesson is the page the scenario is on. */
  lesson?: EndLink | undefined;
  /** The next scenario in the learning order; absent after the last one. */
  next?: EndLink | undefined;
}
