/**
 * Change notifications (microsoft.graph.subscription) for a mailbox's messages: POST /subscriptions validates the
 * notificationUrl first (Graph POSTs `?validationToken=…` as text/plain and needs the token back, 200 text/plain)
 * and answers 201; GET lists or reads, PATCH renews (expirationDateTime), DELETE removes (204). Notifications of
 * created, updated and deleted messages go out through Graph's outbox (state.ts) as the world changes, whoever
 * changed it (SMTP delivery, IMAP, EWS, Graph). Outlook messages allow at most 10,080 minutes of life.
 */
import type { HttpRequest, HttpResponse } from '../../shared/http-types.ts';
import type { MailWorld, WorldChange } from '../../shared/world.ts';
import { itemId } from '../ids.ts';
import { guid } from '../identity/http.ts';
import { TENANT_ID } from '../identity/apps.ts';
import { toOctets } from '../xml-write.ts';
import { accessDenied, allows, jsonBody, type GraphContext } from './context.ts';
import { graphEmpty, graphError, graphJson, GRAPH_ROOT } from './http.ts';
import { folderOf, userId } from './ids.ts';
import { READ } from './read.ts';
import { graphState, type GraphState, type Subscription } from './state.ts';

/** The longest a subscription to Outlook messages may live, in minutes (Microsoft Graph: subscription resource type). */
export const MAX_MESSAGE_SUBSCRIPTION_MINUTES = 10_080;

const CHANGE_TYPES = ['created', 'updated', 'deleted'];

function view(s: Subscription): Record<string, unknown> {
  const { user, folder, ...shown } = s;
  void user;
  void folder;
  return { ...shown, clientState: s.clientState ?? null, latestSupportedTlsVersion: 'v1_2', includeResourceData: false, encryptionCertificate: null, lifecycleNotificationUrl: null };
}

function webhook(url: string, body: string, type: string): HttpRequest {
  const u = new URL(url);
  return { method: 'POST', target: `${u.pathname}${u.search}`, headers: [['Host', u.host], ['Content-Type', type]], body };
}

/** Reads the resource path: the caller's messages, or one folder's ("me/mailFolders('Inbox')/messages"). */
function watched(ctx: GraphContext, resource: string): { folder: string | undefined } | undefined {
  const m = /^\/?(?:me|users\/[^/]+)\/(?:messages|mailFolders(?:\('([^')]+)'\)|\/([^/]+))\/messages)$/i.exec(resource);
  if (!m) return undefined;
  const name = m[1] ?? m[2];
  if (name === undefined) return { folder: undefined };
  const box = folderOf(ctx.world, ctx.user, name);
  return box ? { folder: box.name } : undefined;
}

/** POST /subscriptions. */
export function createSubscription(ctx: GraphContext): HttpResponse {
  if (!allows(ctx, ...READ)) return accessDenied(ctx);
  const body = jsonBody(ctx);
  if ('refused' in body) return body.refused;
  const { changeType, notificationUrl, resource, expirationDateTime, clientState } = body.value;
  const bad = (message: string) => graphError(ctx.world, 400, 'ExtensionError', message);
  if (typeof changeType !== 'string' || !changeType.split(',').every((c) => CHANGE_TYPES.includes(c.trim()))) return bad(`Invalid 'changeType' attribute: '${String(changeType)}'.`);
  if (typeof notificationUrl !== 'string' || !/^https:\/\/[^\s/?#]+[^\s]*$/i.test(notificationUrl)) return bad('The Notification Url must be an HTTPS URL.');
  const target = typeof resource === 'string' ? watched(ctx, resource) : undefined;
  if (!target) return bad(`Resource '${String(resource)}' is not supported.`);
  const expires = typeof expirationDateTime === 'string' ? Date.parse(expirationDateTime) : NaN;
  const now = ctx.world.clock.peek().getTime();
  if (Number.isNaN(expires) || expires <= now) return bad('Subscription expiration date time is invalid or in the past.');
  if (expires > now + MAX_MESSAGE_SUBSCRIPTION_MINUTES * 60_000) return bad(`Subscription expiration can only be ${MAX_MESSAGE_SUBSCRIPTION_MINUTES} minutes in the future.`);
  if (clientState !== undefined && (typeof clientState !== 'string' || clientState.length > 128)) return bad("'clientState' must be a string of at most 128 characters.");
  const validationToken = `Validation: Testing client application reachability for subscription Request-Id: ${guid(ctx.world)}`;
  const sep = notificationUrl.includes('?') ? '&' : '?';
  const answer = ctx.state.deliver(notificationUrl, webhook(`${notificationUrl}${sep}validationToken=${encodeURIComponent(validationToken)}`, '', 'text/plain; charset=utf-8'));
  if (answer.status !== 200 || answer.body !== toOctets(validationToken)) {
    return graphError(ctx.world, 400, 'ValidationError', 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
  }
  const sub: Subscription = {
    id: guid(ctx.world),
    resource: resource as string,
    changeType,
    notificationUrl,
    clientState: clientState as string | undefined,
    expirationDateTime: new Date(expires).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    applicationId: ctx.token.appId,
    creatorId: ctx.token.subject === '' ? ctx.token.appId : userId(ctx.user),
    user: ctx.user.name,
    folder: target.folder,
  };
  ctx.state.subscriptions.set(sub.id, sub);
  watch(ctx.world, ctx.state);
  return graphJson(ctx.world, 201, { '@odata.context': `${GRAPH_ROOT}/$metadata#subscriptions/$entity`, ...view(sub) });
}

/** GET, PATCH and DELETE on /subscriptions and /subscriptions/{id}; only the calling app's subscriptions exist for it. */
export function subscriptionRequest(ctx: GraphContext, id: string | undefined): HttpResponse {
  const mine = [...ctx.state.subscriptions.values()].filter((s) => s.applicationId === ctx.token.appId);
  if (id === undefined) {
    if (ctx.request.method !== 'GET') return graphError(ctx.world, 405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');
    return graphJson(ctx.world, 200, { '@odata.context': `${GRAPH_ROOT}/$metadata#subscriptions`, value: mine.map(view) });
  }
  const sub = mine.find((s) => s.id === id);
  if (!sub) return graphError(ctx.world, 404, 'ResourceNotFound', `The object was not found.`);
  if (ctx.request.method === 'GET') return graphJson(ctx.world, 200, { '@odata.context': `${GRAPH_ROOT}/$metadata#subscriptions/$entity`, ...view(sub) });
  if (ctx.request.method === 'DELETE') {
    ctx.state.subscriptions.delete(id);
    return graphEmpty(ctx.world, 204);
  }
  if (ctx.request.method !== 'PATCH') return graphError(ctx.world, 405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');
  const body = jsonBody(ctx);
  if ('refused' in body) return body.refused;
  const expires = typeof body.value.expirationDateTime === 'string' ? Date.parse(body.value.expirationDateTime) : NaN;
  const now = ctx.world.clock.peek().getTime();
  if (Number.isNaN(expires) || expires <= now || expires > now + MAX_MESSAGE_SUBSCRIPTION_MINUTES * 60_000) {
    return graphError(ctx.world, 400, 'ExtensionError', `Subscription expiration can only be ${MAX_MESSAGE_SUBSCRIPTION_MINUTES} minutes in the future.`);
  }
  sub.expirationDateTime = new Date(expires).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return graphJson(ctx.world, 200, { '@odata.context': `${GRAPH_ROOT}/$metadata#subscriptions/$entity`, ...view(sub) });
}

const KIND: Readonly<Record<string, string>> = { append: 'created', flags: 'updated', expunge: 'deleted' };

/** Starts sending notifications for the world's message changes (once per world). */
function watch(world: MailWorld, state: GraphState): void {
  if (state.watching) return;
  state.watching = true;
  world.subscribe((change: WorldChange) => {
    if (change.kind === 'mailboxes') return;
    const user = world.user(change.user);
    const box = world.mailbox(change.user, change.mailbox);
    const type = KIND[change.kind]!;
    const now = world.clock.peek().getTime();
    if (!user || !box) return;
    for (const sub of [...state.subscriptions.values()]) {
      if (sub.user !== change.user || (sub.folder !== undefined && sub.folder !== box.name)) continue;
      if (Date.parse(sub.expirationDateTime) <= now || !sub.changeType.split(',').map((c) => c.trim()).includes(type)) continue;
      const id = itemId(user, box, { uid: change.uid } as never).replace(/\+/g, '-').replace(/\//g, '_');
      const path = `Users/${userId(user)}/Messages/${id}`;
      const value = { subscriptionId: sub.id, subscriptionExpirationDateTime: sub.expirationDateTime, changeType: type, resource: path, resourceData: { '@odata.type': '#Microsoft.Graph.Message', '@odata.id': path, id }, clientState: sub.clientState ?? null, tenantId: TENANT_ID };
      // A change must never fail because a webhook could not be built: the world's other sessions are listening too.
      try {
        state.deliver(sub.notificationUrl, webhook(sub.notificationUrl, toOctets(JSON.stringify({ value: [value] })), 'application/json; charset=utf-8'));
      } catch {
        continue;
      }
    }
  });
}

/** Graph's outbox and receiver for a world, for scenarios and the lab. */
export { graphState };
