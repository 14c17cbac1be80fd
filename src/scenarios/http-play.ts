/**
 * The player behind playHttpScenario: one connection per host and port, opened when a step first goes there (or
 * the last one there closed); world events before a request and while the server holds one; repeated requests;
 * and the values each response gives for later steps. Pure and deterministic on the world it is given.
 */
import { holdActiveSync } from '../protocols/exchange/cloud.ts';
import { httpObserved, requestLine, statusLine } from '../protocols/shared/http-text.ts';
import type { HttpRequest, HttpResponse } from '../protocols/shared/http-types.ts';
import type { HttpSession, TranscriptEntry } from '../protocols/shared/session-types.ts';
import { MailWorld, SERVER_HOST } from '../protocols/shared/world.ts';
import type { HttpSessionOpener } from './openers.ts';
import { deliverMail } from './delivered.ts';
import { shownBody } from './http-body.ts';
import { stepRequest, stepTarget, type HttpPlayback, type HttpPlayedStep, type HttpScenario, type HttpScenarioStep, type HttpWorldEvent } from './http-scenario.ts';
import { captureValue, fillPlaceholders } from './http-values.ts';

/** Performs one world event and says what happened, in words for the transcript. */
export function performEvent(world: MailWorld, event: HttpWorldEvent, values: ReadonlyMap<string, string>): string {
  if (event.kind === 'deliver') {
    deliverMail(world, event);
    return `New mail arrives for ${event.to} from ${event.from}: “${event.subject}”`;
  }
  const seconds = Number(typeof event.seconds === 'number' ? event.seconds : fillPlaceholders(event.seconds, values));
  if (Number.isFinite(seconds) && seconds > 0) world.clock.tick(seconds * 1000);
  return `${seconds} second${seconds === 1 ? '' : 's'} pass`;
}

/** Sends a request the server may hold (an ActiveSync Ping): the events happen while it waits, then it answers. */
function held(world: MailWorld, session: HttpSession, request: HttpRequest, events: readonly HttpWorldEvent[], values: ReadonlyMap<string, string>): { entries: TranscriptEntry[]; during: string[] } {
  const out = holdActiveSync(world, request);
  if (!out) {
    // Not a request a server holds: it is answered at once, and the events happen after it.
    const entries = session.exchange(request).entries;
    return { entries, during: events.map((e) => performEvent(world, e, values)) };
  }
  // The ActiveSync server itself answered or holds it (the request is not sent again through the session).
  const during = events.map((e) => performEvent(world, e, values));
  let response: HttpResponse | undefined = out.response ?? out.held.check();
  if (!response && out.held) {
    // Nothing changed: the heartbeat runs out and the server answers Status 1.
    world.clock.tick(Math.max(0, out.held.deadline - world.clock.peek().getTime()));
    response = out.held.check();
  }
  const encrypted = session.view().tls;
  const entries: TranscriptEntry[] = [{ kind: 'request', text: requestLine(request), request, encrypted }];
  if (response) entries.push({ kind: 'response', text: statusLine(response), response, encrypted });
  return { entries, during };
}

/** Plays `steps` of `scenario` on `world`, starting on the connection `first` to `host`. */
export function playSteps(world: MailWorld, scenario: HttpScenario, first: HttpSession, host: string, steps: readonly HttpScenarioStep[], open: HttpSessionOpener): HttpPlayback {
  const values = new Map<string, string>();
  const connections = new Map<string, HttpSession>([[`${host}:${scenario.port}`, first]]);
  let current = first;
  const played = steps.map((step, index): HttpPlayedStep => {
    const before = (step.before ?? []).map((e) => performEvent(world, e, values));
    const to = stepTarget(step, scenario.port, host, values);
    const request = stepRequest(step, scenario.port, values, host);
    const key = `${to.host}:${to.port}`;
    if (scenario.network?.unreachable.includes(key)) {
      return { index, entries: [], observed: '-', ok: step.expect === '-', view: current.view(), request, connection: { host: to.host, port: to.port, greeting: [], unreachable: true }, ...(before.length > 0 && { before }) };
    }
    let session = connections.get(key);
    let connection: HttpPlayedStep['connection'];
    if (!session || session.view().closed) {
      session = open(world, scenario.protocol, to.port);
      connections.set(key, session);
      connection = { host: to.host, port: to.port, greeting: session.greeting };
    }
    current = session;
    let entries: TranscriptEntry[] = [];
    let during: string[] | undefined;
    const sent = Math.max(1, step.repeat ?? 1);
    for (let i = 0; i < sent; i++) {
      if (step.during) ({ entries, during } = held(world, session, request, step.during, values));
      else entries = session.exchange(request).entries;
    }
    const observed = httpObserved(entries);
    const response = entries.find((e) => e.kind === 'response')?.response;
    const captured: Record<string, string> = {};
    const missing: string[] = [];
    for (const [name, capture] of Object.entries(step.capture ?? {})) {
      const value = response && captureValue(capture, response, shownBody(response).text);
      if (value === undefined) missing.push(name);
      else values.set(name, (captured[name] = value));
    }
    return {
      index,
      entries,
      observed,
      ok: observed === step.expect && missing.length === 0,
      view: session.view(),
      request,
      ...(connection && { connection }),
      ...(before.length > 0 && { before }),
      ...(during && { during }),
      ...(sent > 1 && { sent }),
      ...(Object.keys(captured).length > 0 && { captured }),
      ...(missing.length > 0 && { missing }),
    };
  });
  return { world, session: current, greeting: first.greeting, played, values };
}

/** Plays the first `count` steps (all by default) on a fresh world (or `world`), on sessions `open` makes; deterministic, never throws past opening. */
export function playHttpScenario(scenario: HttpScenario, open: HttpSessionOpener, count: number = scenario.steps.length, world: MailWorld = new MailWorld({ seed: scenario.seed ?? 1 })): HttpPlayback {
  const host = scenario.host ?? SERVER_HOST;
  const session = open(world, scenario.protocol, scenario.port);
  return playSteps(world, scenario, session, host, scenario.steps.slice(0, Math.max(0, count)), open);
}
