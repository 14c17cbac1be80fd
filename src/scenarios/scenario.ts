/**
 * Guided scenarios: data, not code. A scenario lists the client's lines, a note for the learner at each step and
 * the reply code each step must get; the server's words always come from the engine when the scenario is played.
 * The types are the zod schema's (schema.ts), inferred, so the two cannot drift; the import is type-only, so
 * browser code that uses these types never loads zod.
 */
import type { z } from 'zod';
import type { scenarioEventSchema, scenarioNetworkSchema, scenarioSchema, scenarioStepSchema } from './schema.ts';

/** Something that happens instead of the client sending a line: deliver, drop, reconnect or timeout. */
export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;

/** The network between client and server: connections to a `blocked` port get no answer at all (no server sees them). */
export type ScenarioNetwork = z.infer<typeof scenarioNetworkSchema>;

/** One step of a scenario: client line(s) or an event, the code it must get, and a note. */
export type ScenarioStep = z.infer<typeof scenarioStepSchema>;

/** A guided scenario: one connection (or several in a row) to one server. */
export type Scenario = z.infer<typeof scenarioSchema>;
