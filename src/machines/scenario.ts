/**
 * Guided scenarios: data, not code. A scenario lists the client's lines, a note for the learner at each step and
 * the reply code each step must get; the server's words always come from the engine when the scenario is played.
 * The zod schema that checks scenario files is in scenario-schema.ts (build and tests only).
 */

/** Something that happens instead of the client sending a line. */
export type ScenarioEvent =
  /** Someone else's mail arrives (world.deliver), e.g. while an IMAP client is in IDLE. */
  | { kind: 'deliver'; from: string; to: string; subject: string; body: string }
  /** The connection drops without QUIT/LOGOUT (session.drop()): nothing is committed (RFC 1939 §6). */
  | { kind: 'drop' }
  /**
   * A new connection on the same world and protocol: a new greeting. On the current connection's port, or on
   * `port` (another port the protocol is served on). The previous connection stays open, as a second client's would.
   */
  | { kind: 'reconnect'; port?: number }
  /** The client stays silent past the server's idle limit (session.timeout()): the server's farewell, then it closes. */
  | { kind: 'timeout' };

/** The network between client and server: connections to a `blocked` port get no answer at all (no server sees them). */
export interface ScenarioNetwork {
  /** Ports that never answer, e.g. 25 where an ISP blocks outbound SMTP. */
  blocked: number[];
}

/** One step of a scenario: client line(s) or an event, the code it must get, and a note. */
export interface ScenarioStep {
  /** Line(s) the client sends; several for message text in DATA or an APPEND literal. */
  client?: string | string[];
  /** Instead of client lines: something happens. */
  event?: ScenarioEvent;
  /**
   * What the step must get: SMTP '250', '354', '530'…; POP3 '+OK', '-ERR', '+'; IMAP 'OK', 'NO', 'BAD', '+', or
   * an untagged update such as '* EXISTS' or '* BYE'; '-' for no reply at all (message lines inside DATA, a drop,
   * a connection attempt nothing answered).
   */
  expect: string;
  /** One to three sentences for the learner. */
  note: string;
}

/** A guided scenario: one connection (or several in a row) to one server. */
export interface Scenario {
  /** Kebab-case id, equal to the file name in src/content/scenarios/. */
  id: string;
  /** Title, e.g. "Sending on the submission port 587". */
  title: string;
  /** One or two sentences: what the learner will see. */
  summary: string;
  /** Which server the client talks to. */
  protocol: 'smtp' | 'pop3' | 'imap';
  /** The port, which decides the security at connection. */
  port: number;
  /** World seed (1 if absent): the same seed gives the same transcript. */
  seed?: number;
  /** The network's behaviour; every port answers when absent. */
  network?: ScenarioNetwork;
  /** Annotation of the server's greeting. */
  greetingNote: string;
  /** The steps, in order. */
  steps: ScenarioStep[];
}
