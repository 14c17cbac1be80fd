/**
 * Guided scenarios of the HTTP-framed protocols: each step is a request and the status it must get (the "observed
 * code" of an HTTP response is its status). Played on the engine like the line scenarios, so the widget, the static
 * transcript and the replay test show what the server really answers. A step may go to another host or port (a new
 * connection), carry values captured from earlier responses ({{name}}), let the world move first (mail arrives, the
 * clock goes on), send ActiveSync XML as WBXML, or repeat its request. No zod here: browser code may import it.
 */
import type { HttpRequest } from '../protocols/shared/http-types.ts';
import type { HttpProtocolName, HttpSession, HttpSessionView, TranscriptEntry } from '../protocols/shared/session-types.ts';
import { SERVER_HOST, type MailWorld } from '../protocols/shared/world.ts';
import { toOctets } from '../protocols/exchange/xml-write.ts';
import { WBXML_TYPE, xmlToWbxml } from './http-body.ts';
import { fillPlaceholders, type HttpCapture } from './http-values.ts';

export type { HttpCapture } from './http-values.ts';

/** Something that happens in the world between requests, or while the server holds one. */
export type HttpWorldEvent =
  /** Someone else's mail arrives for a local user. */
  | { kind: 'deliver'; from: string; to: string; subject: string; body: string }
  /** The world clock moves on by this many seconds (a number, or a {{placeholder}} such as a captured Retry-After). */
  | { kind: 'clock'; seconds: number | string };

/** One step of an HTTP scenario: a request, the status it must get, and a note for the learner. */
export interface HttpScenarioStep {
  /**
   * The request; Host is added from the step's or scenario's host and port unless the step sets it. Placeholders
   * {{name}} in the target, header values, body and xml take earlier captures; a target that is an absolute URL
   * (a captured nextLink) is sent to its host, in origin form.
   */
  request: {
    method: string;
    target: string;
    headers?: Array<[string, string]>;
    body?: string;
    /** ActiveSync XML (namespaces named by code page, e.g. xmlns="AirSync"), sent as WBXML instead of `body`. */
    xml?: string;
    /** The host to connect to (the scenario's by default). */
    host?: string;
    /** The port to connect to (the scenario's by default). */
    port?: number;
  };
  /** The status code the response must carry, e.g. "200" or "405"; "-" when nothing answers (an unreachable host). */
  expect: string;
  /** One to three sentences for the learner. */
  note: string;
  /** Values to keep from the response, by name, for later steps' placeholders. */
  capture?: Record<string, HttpCapture>;
  /** What happens in the world before the request is sent. */
  before?: HttpWorldEvent[];
  /** What happens while the server holds the request (an ActiveSync Ping waits for a change). */
  during?: HttpWorldEvent[];
  /** The request is sent this many times in a row (an app hammering an API); the transcript shows the last. */
  repeat?: number;
}

/** A guided scenario of an HTTP protocol (its file is checked by http-schema.ts). */
export interface HttpScenario {
  /** Kebab-case id starting with the protocol, equal to the file name. */
  id: string;
  title: string;
  summary: string;
  protocol: HttpProtocolName;
  port: number;
  /** The host of the first connection (the world's server, mail.example.test, by default). */
  host?: string;
  /** World seed (1 if absent). */
  seed?: number;
  /** Places where nothing answers, as "host:port" (a domain whose web site is elsewhere): a step there gets no response. */
  network?: { unreachable: string[] };
  /** What the connection shows before the first request. */
  greetingNote: string;
  steps: HttpScenarioStep[];
}

/** The host and port a step connects to, and its Host header's value (RFC 9110 §7.2: the port only when not the scheme's default). */
export function stepTarget(step: Pick<HttpScenarioStep, 'request'>, port: number, host: string = SERVER_HOST, values: ReadonlyMap<string, string> = new Map()): { host: string; port: number; target: string } {
  const target = fillPlaceholders(step.request.target, values);
  const url = /^(https?):\/\/([^/?#]+)([^#]*)$/i.exec(target);
  if (url) {
    const [, scheme, authority, rest] = url as unknown as [string, string, string, string];
    const m = /^(.*?)(?::(\d+))?$/.exec(authority)!;
    return { host: m[1]!.toLowerCase(), port: m[2] ? Number(m[2]) : scheme.toLowerCase() === 'https' ? 443 : 80, target: rest === '' ? '/' : rest };
  }
  return { host: step.request.host ?? host, port: step.request.port ?? port, target };
}

/** The request a step sends: its own fields with placeholders filled, with Host first (RFC 9112 §3.2) unless the step sets one. */
export function stepRequest(step: Pick<HttpScenarioStep, 'request'>, port: number, values: ReadonlyMap<string, string> = new Map(), host: string = SERVER_HOST): HttpRequest {
  const to = stepTarget(step, port, host, values);
  const fill = (s: string) => fillPlaceholders(s, values);
  const own = (step.request.headers ?? []).map(([n, v]): [string, string] => [n, fill(v)]);
  const has = (name: string) => own.some(([n]) => n.toLowerCase() === name);
  const hostValue = to.port === 80 || to.port === 443 ? to.host : `${to.host}:${to.port}`;
  const wbxml = step.request.xml === undefined ? undefined : xmlToWbxml(fill(step.request.xml));
  const body = wbxml ? (wbxml.ok ? wbxml.octets : '') : toOctets(fill(step.request.body ?? ''));
  const type: Array<[string, string]> = wbxml && !has('content-type') ? [['Content-Type', WBXML_TYPE]] : [];
  return { method: step.request.method, target: to.target, headers: [...(has('host') ? [] : [['Host', hostValue] as [string, string]]), ...own, ...type], body };
}

/** What one HTTP step caused. */
export interface HttpPlayedStep {
  index: number;
  entries: TranscriptEntry[];
  observed: string;
  ok: boolean;
  view: HttpSessionView;
  /** The request as sent (placeholders filled, WBXML encoded). */
  request?: HttpRequest;
  /** The new connection this step opened (another host or port, or the last one closed), with its greeting. */
  connection?: { host: string; port: number; greeting: TranscriptEntry[]; unreachable?: boolean };
  /** What happened in the world before the request, in words. */
  before?: string[];
  /** What happened while the server held the request, in words. */
  during?: string[];
  /** How many times the request was sent (more than 1 for a repeated step). */
  sent?: number;
  /** Values captured from this step's response. */
  captured?: Record<string, string>;
  /** Captures this step names that its response did not give (the step then fails). */
  missing?: string[];
}

/** An HTTP scenario played up to some step. */
export interface HttpPlayback {
  world: MailWorld;
  /** The connection the last step used. */
  session: HttpSession;
  greeting: TranscriptEntry[];
  played: HttpPlayedStep[];
  /** Every value captured so far. */
  values?: ReadonlyMap<string, string>;
}
