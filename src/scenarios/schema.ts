/**
 * The zod schema of scenario files (src/content/scenarios/*.json), for the build and the tests only: browser code
 * never imports zod. It checks shape and spelling; whether the engine really answers each `expect` is the replay
 * test's job (tests/scenarios/replay.test.ts). The scenario types (scenario.ts) are inferred from it.
 */
import { z } from 'zod';
import { LINE_PROFILES, lineProtocolNames, type LineProtocolName } from '../protocols/registry.ts';
import { servedPorts } from '../protocols/served-ports.ts';
import { isoDate } from '../data/schema-base.ts';
import { placeholdersWellFormed, tokenRequests } from './placeholders.ts';

const address = z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'a mail address such as bob@example.test');
// One protocol line: the session adds CRLF, so a line must not carry its own.
const line = z.string().regex(/^[^\r\n]*$/, 'one line, without CR or LF');

/** Something that happens instead of the client sending a line. */
export const scenarioEventSchema = z.discriminatedUnion('kind', [
  /** Someone else's mail arrives (world.deliver), e.g. while an IMAP client is in IDLE. */
  z.strictObject({ kind: z.literal('deliver'), from: address, to: address, subject: line.min(1), body: z.string().min(1) }),
  /** The connection drops without QUIT/LOGOUT (session.drop()): nothing is committed (RFC 1939 §6). */
  z.strictObject({ kind: z.literal('drop') }),
  /**
   * A new connection on the same world and protocol: a new greeting. On the current connection's port, or on
   * `port` (another port the protocol is served on). The previous connection stays open, as a second client's would.
   */
  z.strictObject({ kind: z.literal('reconnect'), port: z.number().int().optional() }),
  /** The client stays silent past the server's idle limit (session.timeout()): the server's farewell, then it closes. */
  z.strictObject({ kind: z.literal('timeout') }),
]);

/** Ports the network drops, e.g. 25 where an ISP blocks outbound SMTP: a connection attempt there gets no answer. */
export const scenarioNetworkSchema = z.strictObject({ blocked: z.array(z.number().int()).min(1) });

/** The codes each protocol's `expect` may name ('-' is "no reply at all"), from its profile. */
export const expectPatterns = Object.fromEntries(LINE_PROFILES.map((p) => [p.id, p.expectPattern])) as Record<LineProtocolName, RegExp>;

/** One step: client line(s) or an event, the code it must get, and a note. */
export const scenarioStepSchema = z
  .strictObject({
    /** Line(s) the client sends; several for message text in DATA or an APPEND literal. */
    client: z.union([line, z.array(line).min(1)]).optional(),
    /** Instead of client lines: something happens. */
    event: scenarioEventSchema.optional(),
    /**
     * What the step must get (see expectPatterns): SMTP '250', '354', '530'…; POP3 '+OK', '-ERR', '+'; IMAP 'OK',
     * 'NO', 'BAD', '+', or an untagged update such as '* EXISTS' or '* BYE'; '-' for no reply at all (message lines
     * inside DATA, a drop, a connection attempt nothing answered).
     */
    expect: z.string().min(1),
    /** One to three sentences for the learner. */
    note: z.string().min(10).max(420),
  })
  .refine((s) => (s.client === undefined) !== (s.event === undefined), 'a step has either client lines or an event, not both')
  .refine((s) => s.event?.kind !== 'drop' || s.expect === '-', 'a drop gets no reply: expect "-"');

// The fields of a scenario file; scenarioSchema adds the checks across fields.
const scenarioFields = z.strictObject({
  /** Kebab-case id starting with the protocol, equal to the file name. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case, e.g. smtp-submission-587'),
  /** Title of the page and the widget. */
  title: z.string().min(5).max(80),
  /** What the learner will see, in one or two sentences. */
  summary: z.string().min(20).max(400),
  /** Which server the client talks to. */
  protocol: z.enum(lineProtocolNames),
  /** The port; it must be one the protocol is served on. */
  port: z.number().int(),
  /** World seed (1 if absent): the same seed gives the same transcript. */
  seed: z.number().int().positive().optional(),
  /**
   * Another vendor's server instead of the course's own (Exchange Online: its greeting, XOAUTH2, Basic refused on
   * the data file's dates). Client lines may then carry `{{xoauth2 <user> <permission>}}` placeholders, which the
   * runner fills with a token the engine issues in the scenario's world: a scenario file never holds a token.
   */
  server: z.enum(['exchange-online']).optional(),
  /** The day the world's clock starts on, at 09:00 UTC (the world's default day if absent), for dated behaviour. */
  start: isoDate.optional(),
  /** Ports the network blocks; every port answers when absent. */
  network: scenarioNetworkSchema.optional(),
  /** Annotation of the greeting. */
  greetingNote: z.string().min(10).max(500),
  /** The steps, in order. */
  steps: z.array(scenarioStepSchema).min(1),
});

type Fields = z.output<typeof scenarioFields>;

/** A whole scenario file. */
export const scenarioSchema = scenarioFields.superRefine((s, ctx) => {
  if (!s.id.startsWith(`${s.protocol}-`)) {
    ctx.addIssue({ code: 'custom', path: ['id'], message: `must start with "${s.protocol}-", so lists can group scenarios by protocol` });
  }
  const served = servedPorts(s.protocol);
  const notServed = (port: number) => (served.includes(port) ? undefined : `${s.protocol} is served on ${served.join(', ')}, not ${port}`);
  const portProblem = notServed(s.port);
  if (portProblem) ctx.addIssue({ code: 'custom', path: ['port'], message: portProblem });
  s.network?.blocked.forEach((port, i) => {
    const problem = notServed(port);
    if (problem) ctx.addIssue({ code: 'custom', path: ['network', 'blocked', i], message: problem });
  });
  s.steps.forEach((step, i) => {
    const lines = step.client === undefined ? [] : typeof step.client === 'string' ? [step.client] : step.client;
    for (const l of lines) {
      if (!placeholdersWellFormed(l)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'client'], message: 'a placeholder is written {{xoauth2 <user> <permission>}}' });
      else if (tokenRequests(l).length > 0 && s.server === undefined) ctx.addIssue({ code: 'custom', path: ['steps', i, 'client'], message: 'token placeholders need a "server" that issues tokens' });
    }
    if (!expectPatterns[s.protocol].test(step.expect)) {
      ctx.addIssue({ code: 'custom', path: ['steps', i, 'expect'], message: `"${step.expect}" is not a ${s.protocol} code this player can observe` });
    }
  });
  checkConnections(s, notServed, ctx);
});

/** Follows the client's port: a reconnect's port is served; a blocked attempt expects "-" and a reconnect comes next. */
function checkConnections(s: Fields, notServed: (port: number) => string | undefined, ctx: z.RefinementCtx): void {
  const blocked = (port: number) => s.network?.blocked.includes(port) ?? false;
  let port = s.port;
  s.steps.forEach((step, i) => {
    if (blocked(port) && step.event?.kind !== 'reconnect') {
      ctx.addIssue({ code: 'custom', path: ['steps', i], message: `nothing answered on port ${port}: the next step must be a reconnect` });
    }
    if (step.event?.kind !== 'reconnect') return;
    port = step.event.port ?? port;
    const problem = notServed(port);
    if (problem) ctx.addIssue({ code: 'custom', path: ['steps', i, 'event', 'port'], message: problem });
    else if (blocked(port) && step.expect !== '-') {
      ctx.addIssue({ code: 'custom', path: ['steps', i, 'expect'], message: `port ${port} is blocked: nothing answers there, so expect "-"` });
    }
  });
}

/** Checks a scenario file's data; throws one readable error naming the file and every problem. */
export function parseScenario(data: unknown, fileName: string): z.output<typeof scenarioSchema> {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new Error(`scenario ${fileName} is invalid: ${problems}`);
  }
  const expectedId = fileName.replace(/^.*\//, '').replace(/\.json$/, '');
  if (result.data.id !== expectedId) throw new Error(`scenario ${fileName} is invalid: id "${result.data.id}" must equal the file name "${expectedId}"`);
  return result.data;
}
