/**
 * The static transcript of an HTTP scenario as parts a page can lay out: for each step the events around it, the
 * request (request line, headers, a pretty-printed body: JSON and XML indented, WBXML decoded) and the response
 * (status line, headers, body). Long bodies are split into the first lines and the rest, which the page folds.
 * Build-time only.
 */
import type { HttpRequest, HttpResponse } from '../../protocols/shared/http-types.ts';
import { requestLine, statusLine } from '../../protocols/shared/http-text.ts';
import type { TranscriptEntry } from '../../protocols/shared/session-types.ts';
import { shownBody, type BodyKind } from '../../scenarios/http-body.ts';
import type { HttpPlayback, HttpScenario } from '../../scenarios/http-scenario.ts';
import { protectionOf, type Protection } from './scenario-transcript.ts';

/** Bodies longer than this many lines are folded after FOLD_HEAD lines. */
export const FOLD_AFTER = 12;
/** How many lines of a folded body stay in view. */
export const FOLD_HEAD = 8;

/** A request or a response, ready to show. */
export interface HttpPartView {
  /** The request line or the status line. */
  start: string;
  headers: Array<readonly [string, string]>;
  /** What the body was on the wire (WBXML is shown decoded to XML). */
  bodyKind: BodyKind;
  /** The body's lines in view, and the rest (folded; empty when the body is short). */
  head: string[];
  rest: string[];
}

/** One block of an HTTP transcript: the first connection or one step. */
export interface HttpBlockView {
  anchor: string;
  label: string;
  note: string;
  /** Bracketed lines before the request: a new connection, its TLS handshake, world events, a repeat. */
  lead: string[];
  request?: HttpPartView;
  /** Bracketed lines between request and response: what happened while the server held the request. */
  during: string[];
  response?: HttpPartView;
  /** Bracketed lines after the response (the connection closed). */
  tail: string[];
  protection: Protection;
  /** The status the step got ("-" when nothing answered). */
  observed?: string;
}

// A JSON Web Token is hundreds of characters of base64url: shown shortened, as a reader needs only to see one is there.
const JWT = /\b(eyJ[A-Za-z0-9_-]{8})[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** `text` with every access token shortened to its first characters and an ellipsis. */
export function shortenTokens(text: string): string {
  return text.replace(JWT, '$1…');
}

function part(start: string, message: HttpRequest | HttpResponse): HttpPartView {
  const body = shownBody(message);
  const lines = body.text === '' ? [] : shortenTokens(body.text).split('\n');
  const fold = lines.length > FOLD_AFTER;
  return {
    start,
    headers: message.headers.map(([n, v]) => [n, shortenTokens(v)] as const),
    bodyKind: body.kind,
    head: fold ? lines.slice(0, FOLD_HEAD) : lines,
    rest: fold ? lines.slice(FOLD_HEAD) : [],
  };
}

const place = (host: string, port: number) => `${host}, port ${port}`;
const events = (entries: readonly TranscriptEntry[]) => entries.flatMap((e) => (e.kind === 'event' ? [e.text] : []));

/** Shapes a played scenario (every step must have got its status: the caller checks) into blocks. */
export function httpBlocks(scenario: HttpScenario, playback: HttpPlayback, anchorPrefix: string = scenario.id): HttpBlockView[] {
  const host = scenario.host ?? 'mail.example.test';
  const first: HttpBlockView = {
    anchor: `${anchorPrefix}-connection`,
    label: 'Connection',
    note: scenario.greetingNote,
    lead: scenario.network?.unreachable.includes(`${host}:${scenario.port}`) ? [] : [`Connection to ${place(host, scenario.port)}`, ...events(playback.greeting)],
    during: [],
    tail: [],
    protection: protectionOf(playback.greeting),
  };
  const steps = playback.played.map((p): HttpBlockView => {
    const c = p.connection;
    const connection = c ? (c.unreachable ? [`Connection attempt to ${place(c.host, c.port)}: nothing answers`] : [`New connection to ${place(c.host, c.port)}`, ...events(c.greeting)]) : [];
    const request = p.entries.find((e) => e.kind === 'request');
    const response = p.entries.find((e) => e.kind === 'response');
    const after = response ? p.entries.slice(p.entries.indexOf(response) + 1) : [];
    return {
      anchor: `${anchorPrefix}-step-${p.index + 1}`,
      label: `Step ${p.index + 1}`,
      note: scenario.steps[p.index]!.note,
      lead: [...(p.before ?? []), ...connection, ...(p.sent ? [`The same request is sent ${p.sent.toLocaleString('en-US')} times; the last one is shown`] : [])],
      request: request?.kind === 'request' ? part(requestLine(request.request), request.request) : undefined,
      during: (p.during ?? []).map((t) => `While the server holds the request: ${t}`),
      response: response?.kind === 'response' ? part(statusLine(response.response), response.response) : undefined,
      tail: events(after),
      protection: protectionOf(p.entries),
      observed: p.observed,
    };
  });
  return [first, ...steps];
}
