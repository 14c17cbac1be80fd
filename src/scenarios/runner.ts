/**
 * Plays a guided scenario on the engine: a fresh world, one session, each step's lines or event in order. The
 * same playback feeds the step-through widget, the static transcripts and the replay test. The caller hands in
 * how to open a session (openers.ts), with the protocol's driver loaded (src/machines/servers.ts, or one driver
 * module in the browser).
 */
import { httpObserved } from '../protocols/shared/http-text.ts';
import { deliverMail } from './delivered.ts';
import { observedCodeOf } from '../protocols/observed-codes.ts';
import type { LineProtocolName } from '../protocols/registry.ts';
import { MailWorld } from '../protocols/shared/world.ts';
import { isBlocked, noAnswerSession } from './network.ts';
import { personalityFor } from '../protocols/shared/personality.ts';
import type { Session, SessionView, TranscriptEntry } from '../protocols/shared/session-types.ts';
import type { SessionOpener } from './openers.ts';
import { fillTokens } from './placeholders.ts';
import type { Scenario, ScenarioEvent, ScenarioStep } from './scenario.ts';

/** What one step caused. */
export interface PlayedStep {
  /** The step's index in `scenario.steps`. */
  index: number;
  /** Client lines, server lines and events, in wire order. */
  entries: TranscriptEntry[];
  /** The code or status these entries show, comparable to the step's `expect`. */
  observed: string | undefined;
  /** Whether `observed` is what the step expects. */
  ok: boolean;
  /** The session as it stands after the step. */
  view: SessionView;
}

/** A scenario played up to some step. */
export interface ScenarioPlayback {
  world: MailWorld;
  /** The current connection (the last one opened, after a reconnect; closed from the start on a blocked port). */
  session: Session;
  /** The first connection's greeting (on a blocked port: the silence, as an event). */
  greeting: TranscriptEntry[];
  played: PlayedStep[];
}

/** What a step with no server line at all observes. */
const NO_REPLY = '-';

/**
 * Plays the first `count` steps (all by default) on a fresh world seeded with `scenario.seed ?? 1`, or on `world`
 * (scenarios played one after another on the same mailboxes).
 * Deterministic; a step that goes wrong gives ok=false rather than an exception. Only opening the first
 * connection can throw: a RangeError when the protocol's driver is not registered or the port is not served.
 */
export function playScenario(scenario: Scenario, open: SessionOpener, count: number = scenario.steps.length, world: MailWorld = scenarioWorld(scenario)): ScenarioPlayback {
  let session = dial(world, scenario, scenario.port, open);
  const greeting = session.greeting;
  const played: PlayedStep[] = [];
  for (const [index, step] of scenario.steps.slice(0, Math.max(0, count)).entries()) {
    let entries: TranscriptEntry[] = [];
    try {
      if (step.event?.kind === 'reconnect') {
        // The earlier connection stays as it is: open, if it was (a second client beside the first).
        session = dial(world, scenario, step.event.port ?? session.port, open);
        entries = [...session.greeting];
      } else if (step.event?.kind === 'timeout') {
        entries = session.timeout().entries;
      } else if (step.event) {
        entries = perform(world, session, step.event);
      } else {
        for (const line of clientLines(step)) entries.push(...session.send(filled(world, scenario, line)).entries);
      }
    } catch {
      // A scenario the engine cannot play shows as a failed step; the entries so far stay visible.
    }
    const observed = observedCode(scenario.protocol, entries, step.expect);
    played.push({ index, entries, observed, ok: observed === step.expect, view: session.view() });
  }
  return { world, session, greeting, played };
}

/** A fresh world for the scenario: its seed, and its clock from the morning of its `start` day when it names one. */
export function scenarioWorld(scenario: Pick<Scenario, 'seed' | 'start'>): MailWorld {
  return new MailWorld({ seed: scenario.seed ?? 1, ...(scenario.start ? { start: Date.parse(`${scenario.start}T09:00:00Z`) } : {}) });
}

/** A client line with its token placeholders filled by the scenario's server, in `world`, now. */
export function filled(world: MailWorld, scenario: Pick<Scenario, 'server'>, line: string): string {
  if (!scenario.server || !line.includes('{{')) return line;
  const server = personalityFor(scenario.server, world);
  return fillTokens(line, (user, permission) => server.xoauth2For(user, permission));
}

/**
 * A connection from the scenario's client to `port` on `world`: a session, or, where the scenario's network
 * blocks the port, an attempt nothing answers (closed at once; the world never hears of it).
 */
export function dial(world: MailWorld, scenario: Pick<Scenario, 'protocol' | 'network' | 'server'>, port: number, open: SessionOpener): Session {
  const options = scenario.server ? { server: scenario.server } : {};
  if (!isBlocked(scenario.network, port)) return open(world, scenario.protocol, port, options);
  // A session on a world of its own, closed at once, names the server's closed state and the port's security.
  const probe = open(new MailWorld({ seed: 1 }), scenario.protocol, port, options);
  probe.drop();
  return noAnswerSession(probe.view());
}

/** The step's client lines as an array. */
export function clientLines(step: ScenarioStep): string[] {
  if (step.client === undefined) return [];
  return typeof step.client === 'string' ? [step.client] : step.client;
}

/** Performs a drop or a delivery and returns what the session showed for it. */
function perform(world: MailWorld, session: Session, event: ScenarioEvent): TranscriptEntry[] {
  if (event.kind === 'drop') {
    // drop() reports nothing, so the transcript says what happened on the wire: the connection just went away.
    const wasOpen = !session.view().closed;
    session.drop();
    return wasOpen ? [{ kind: 'event', event: 'closed', text: 'The connection dropped: the client went away without saying goodbye' }] : [];
  }
  if (event.kind !== 'deliver') return [];
  const pushed: TranscriptEntry[] = [];
  const stop = session.onPush((entries) => pushed.push(...entries));
  try {
    deliverMail(world, event);
  } finally {
    stop();
  }
  return pushed;
}

/** A small RFC 5322 message whose Date and Message-ID come from the world clock (moved to delivered.ts, shared with HTTP scenarios). */
export { deliveredMessage } from './delivered.ts';

/**
 * The code or status in `entries` that compares with `expect`: '-' when the server said nothing, else what the
 * protocol reads in the server lines (observed-codes.ts) (SMTP the last line's code; POP3 the first line's status; IMAP the
 * tagged reply to the step's command, a continuation, or the untagged update `expect` names). An HTTP response's
 * observed code is its status, whatever the protocol.
 */
export function observedCode(protocol: LineProtocolName, entries: TranscriptEntry[], expect: string): string | undefined {
  if (entries.some((e) => e.kind === 'response')) return httpObserved(entries);
  const server = entries.flatMap((e) => (e.kind === 'server' ? [e.text] : []));
  if (server.length === 0) return NO_REPLY;
  const client = entries.find((e) => e.kind === 'client')?.text;
  return observedCodeOf(protocol)(server, client, expect);
}
