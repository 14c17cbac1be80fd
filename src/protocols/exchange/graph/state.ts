/**
 * What the simulated Graph remembers between requests, one per mail world (Exchange Online is one tenant):
 * the requests each app made for each mailbox (for throttling), the snapshots delta tokens stand for, the
 * subscriptions, and the outbox of webhook requests Graph sent (validation and notifications) with the
 * answers it got. The receiver answers those requests; by default it is a well-behaved app that echoes the
 * validation token and accepts notifications with 202; a scenario can swap it for one that fails.
 */
import type { HttpRequest, HttpResponse } from '../../shared/http-types.ts';
import type { MailWorld } from '../../shared/world.ts';

/** A subscription (microsoft.graph.subscription). */
export interface Subscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  clientState: string | undefined;
  expirationDateTime: string;
  applicationId: string;
  creatorId: string;
  /** The mailbox user and folder it watches (undefined folder: every message of the mailbox). */
  user: string;
  folder: string | undefined;
}

/** One webhook request Graph sent, and the answer it got. */
export interface OutboxEntry {
  url: string;
  request: HttpRequest;
  response: HttpResponse;
}

/** Answers Graph's webhook requests: the app's notification endpoint. */
export type Receiver = (url: string, request: HttpRequest) => HttpResponse;

/** A saved view of a folder for delta: message id → change key, and the folder it was taken of. */
export interface DeltaSnapshot {
  user: string;
  /** The folder's Graph id. */
  folder: string;
  /** The delta token that names this snapshot. */
  token: string;
  seen: Map<string, string>;
}

/** The default app endpoint: echoes `validationToken` as text/plain (200) and accepts notifications (202). */
export const echoingReceiver: Receiver = (url, request) => {
  const m = /[?&]validationToken=([^&]*)/.exec(request.target);
  if (m) return { status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain']], body: decodeURIComponent(m[1]!.replace(/\+/g, ' ')) };
  void url;
  return { status: 202, reason: 'Accepted', headers: [], body: '' };
};

/** Graph's memory for one world. */
export class GraphState {
  /** Request instants (ms) by "appId mailbox", oldest first, within the current window. */
  readonly requests = new Map<string, number[]>();
  readonly deltas = new Map<string, DeltaSnapshot>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly outbox: OutboxEntry[] = [];
  receiver: Receiver = echoingReceiver;
  /** Whether the world's changes are being watched for notifications yet. */
  watching = false;

  /** Sends one webhook request through the receiver and records it. */
  deliver(url: string, request: HttpRequest): HttpResponse {
    let response: HttpResponse;
    try {
      response = this.receiver(url, request);
    } catch {
      response = { status: 500, reason: 'Internal Server Error', headers: [], body: '' };
    }
    this.outbox.push({ url, request, response });
    return response;
  }
}

const states = new WeakMap<MailWorld, GraphState>();

/** The Graph state of a world (created on first use). */
export function graphState(world: MailWorld): GraphState {
  let s = states.get(world);
  if (!s) {
    s = new GraphState();
    states.set(world, s);
  }
  return s;
}

/**
 * Counts one request of `appId` for `mailbox` at `now` in a sliding window; returns the seconds to wait when the
 * count is already at `limit` (the request is then not counted), or undefined when it may go ahead.
 */
export function throttle(state: GraphState, appId: string, mailbox: string, now: number, limit: number, windowSeconds: number): number | undefined {
  const key = `${appId} ${mailbox}`;
  const windowMs = windowSeconds * 1000;
  const list = state.requests.get(key) ?? [];
  let drop = 0;
  while (drop < list.length && list[drop]! <= now - windowMs) drop++;
  if (drop > 0) list.splice(0, drop);
  state.requests.set(key, list);
  if (list.length >= limit) return Math.max(1, Math.ceil((list[0]! + windowMs - now) / 1000));
  list.push(now);
  return undefined;
}
