/**
 * Guided scenarios of the HTTP-framed protocols: each step is a request and the status it must get (the "observed
 * code" of an HTTP response is its status). Played on the engine like the line scenarios, so the widget, the static
 * transcript and the replay test show what the server really answers. No zod here: browser code may import it.
 */
import type { HttpRequest } from '../protocols/shared/http-types.ts';
import type { HttpProtocolName, HttpSession, HttpSessionView, TranscriptEntry } from '../protocols/shared/session-types.ts';
import { httpObserved } from '../protocols/shared/http-text.ts';
import { MailWorld, SERVER_HOST } from '../protocols/shared/world.ts';
import type { HttpSessionOpener } from './openers.ts';

/** One step of an HTTP scenario: a request, the status it must get, and a note for the learner. */
export interface HttpScenarioStep {
  /** The request; Host is added from the scenario's port unless the step sets it. */
  request: { method: string; target: string; headers?: Array<[string, string]>; body?: string };
  /** The status code the response must carry, e.g. "200" or "405". */
  expect: string;
  /** One to three sentences for the learner. */
  note: string;
}

/** A guided scenario of an HTTP protocol (its file is checked by http-scenario-schema.ts). */
export interface HttpScenario {
  /** Kebab-case id starting with the protocol, equal to the file name. */
  id: string;
  title: string;
  summary: string;
  protocol: HttpProtocolName;
  port: number;
  /** World seed (1 if absent). */
  seed?: number;
  /** What the connection shows before the first request. */
  greetingNote: string;
  steps: HttpScenarioStep[];
}

/** The request a step sends: its own fields, with Host first (RFC 9112 §3.2) unless the step sets one. */
export function stepRequest(step: Pick<HttpScenarioStep, 'request'>, port: number): HttpRequest {
  const headers = step.request.headers ?? [];
  const host = headers.some(([n]) => n.toLowerCase() === 'host') ? [] : [['Host', port === 80 || port === 443 ? SERVER_HOST : `${SERVER_HOST}:${port}`] as const];
  return { method: step.request.method, target: step.request.target, headers: [...host, ...headers], body: step.request.body ?? '' };
}

/** What one HTTP step caused. */
export interface HttpPlayedStep {
  index: number;
  entries: TranscriptEntry[];
  observed: string;
  ok: boolean;
  view: HttpSessionView;
}

/** An HTTP scenario played up to some step. */
export interface HttpPlayback {
  world: MailWorld;
  session: HttpSession;
  greeting: TranscriptEntry[];
  played: HttpPlayedStep[];
}

/** Plays the first `count` steps (all by default) on a fresh world, on a session `open` makes; deterministic, never throws past opening. */
export function playHttpScenario(scenario: HttpScenario, open: HttpSessionOpener, count: number = scenario.steps.length): HttpPlayback {
  const world = new MailWorld({ seed: scenario.seed ?? 1 });
  const session = open(world, scenario.protocol, scenario.port);
  const played = scenario.steps.slice(0, Math.max(0, count)).map((step, index): HttpPlayedStep => {
    const entries = session.exchange(stepRequest(step, scenario.port)).entries;
    const observed = httpObserved(entries);
    return { index, entries, observed, ok: observed === step.expect, view: session.view() };
  });
  return { world, session, greeting: session.greeting, played };
}
