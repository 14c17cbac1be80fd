/**
 * Microsoft Graph's mail API (v1.0) for Exchange Online, on the shared mail world: `graphEndpoint` answers every
 * request under /v1.0/. It checks the bearer token (401 with WWW-Authenticate when missing or bad, RFC 6750 §3),
 * throttles each app per mailbox past the Outlook limit of the data file (429 with Retry-After), then routes
 * /me/… and /users/{id | userPrincipalName}/… to the mail handlers, and /subscriptions. Exchange Server has no
 * Graph: there it is 404, as the server never routes it.
 */
import { exchangeFacts } from '../../../data/exchange.ts';
import { headerValue, type HttpRequest, type HttpResponse } from '../../shared/http-types.ts';
import type { MailWorld } from '../../shared/world.ts';
import type { ExchangeConfig } from '../config.ts';
import { IDENTITY_HOST } from '../config.ts';
import { GRAPH_RESOURCE } from '../identity/scopes.ts';
import type { GraphContext } from './context.ts';
import { delta } from './delta.ts';
import { graphError, graphJson, GRAPH_ROOT, pathSegments, queryOptions } from './http.ts';
import { userId } from './ids.ts';
import { getFolder, getMessage, listFolders, listMessages } from './read.ts';
import { graphState, throttle } from './state.ts';
import { createSubscription, subscriptionRequest } from './subscriptions.ts';
import { deleteMessage, moveMessage, patchMessage, sendMail } from './write.ts';

/** Graph's own application id, which its 401 challenge names. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The largest body Graph takes in one request (4 MB, Microsoft Graph's limit on a request with a message). */
export const GRAPH_MAX_BODY_OCTETS = 4 * 1024 * 1024;

function unauthorized(world: MailWorld, message: string, bad: boolean): HttpResponse {
  const challenge = `Bearer realm="", authorization_uri="https://${IDENTITY_HOST}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"${bad ? ', error="invalid_token"' : ''}`;
  return graphError(world, 401, 'InvalidAuthenticationToken', message, [['WWW-Authenticate', challenge]]);
}

const notSegment = (world: MailWorld, segment: string) => graphError(world, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
const notAllowed = (world: MailWorld) => graphError(world, 405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');

/** Routes the mailbox part of a path: ["messages"], ["mailFolders", id, "messages", "delta"], … */
function mailbox(ctx: GraphContext, rest: string[]): HttpResponse {
  const m = ctx.request.method;
  const [a, b, c, d, e] = rest;
  if (a === undefined) return m === 'GET' ? graphJson(ctx.world, 200, { '@odata.context': `${GRAPH_ROOT}/$metadata#users/$entity`, id: userId(ctx.user), displayName: ctx.user.displayName, mail: ctx.user.address, userPrincipalName: ctx.user.address }) : notAllowed(ctx.world);
  if (a === 'sendMail' && b === undefined) return m === 'POST' ? sendMail(ctx) : notAllowed(ctx.world);
  if (a === 'mailFolders') {
    if (b === undefined) return m === 'GET' ? listFolders(ctx) : notAllowed(ctx.world);
    if (c === undefined) return m === 'GET' ? getFolder(ctx, b) : notAllowed(ctx.world);
    if (c === 'messages' && d === undefined) return m === 'GET' ? listMessages(ctx, b) : notAllowed(ctx.world);
    if (c === 'messages' && d === 'delta' && e === undefined) return m === 'GET' ? delta(ctx, b) : notAllowed(ctx.world);
    if (c === 'messages' && d !== undefined) return message(ctx, d, rest.slice(4));
    return notSegment(ctx.world, c);
  }
  if (a === 'messages') return b === undefined ? (m === 'GET' ? listMessages(ctx, undefined) : notAllowed(ctx.world)) : message(ctx, b, rest.slice(2));
  return notSegment(ctx.world, a);
}

function message(ctx: GraphContext, id: string, rest: string[]): HttpResponse {
  const m = ctx.request.method;
  if (rest.length === 0) {
    if (m === 'GET') return getMessage(ctx, id, false);
    if (m === 'PATCH') return patchMessage(ctx, id);
    if (m === 'DELETE') return deleteMessage(ctx, id);
    return notAllowed(ctx.world);
  }
  if (rest.length === 1 && rest[0] === '$value') return m === 'GET' ? getMessage(ctx, id, true) : notAllowed(ctx.world);
  if (rest.length === 1 && rest[0] === 'move') return m === 'POST' ? moveMessage(ctx, id) : notAllowed(ctx.world);
  return notSegment(ctx.world, rest[0]!);
}

/** Answers one request whose path starts with /v1.0/. */
export function graphEndpoint(world: MailWorld, config: ExchangeConfig, request: HttpRequest): HttpResponse {
  const segments = pathSegments(request);
  const query = queryOptions(request);
  if (!segments || !query) return graphError(world, 400, 'BadRequest', 'The request URI is not valid.');
  const header = headerValue(request.headers, 'Authorization');
  if (header === undefined || !/^Bearer +\S/i.test(header)) return unauthorized(world, 'Access token is empty.', false);
  const token = config.authorizer?.authorize(request);
  if (!token) return unauthorized(world, 'Access token validation failure. Invalid token.', true);
  if (token.audience !== GRAPH_RESOURCE) return unauthorized(world, 'Access token validation failure. Invalid audience.', true);
  if (token.expiresAt <= world.clock.peek().getTime()) return unauthorized(world, 'Lifetime validation failed, the token is expired.', true);
  if (request.body.length > GRAPH_MAX_BODY_OCTETS) return graphError(world, 413, 'RequestEntityTooLarge', `The request body is larger than ${GRAPH_MAX_BODY_OCTETS} bytes.`);
  const [, root, who, ...rest] = segments;
  const state = graphState(world);
  let user = token.subject === '' ? undefined : world.user(token.subject);
  let base = 'me';
  let tail = rest;
  if (root === 'me') tail = who === undefined ? [] : [who, ...rest];
  else if (root === 'users' && who !== undefined) {
    const named = world.localRecipient(who) ?? [...world.users.values()].find((u) => userId(u) === who.toLowerCase());
    if (!named) return graphError(world, 404, 'ErrorInvalidUser', `The requested user '${who}' is invalid.`);
    if (user && user !== named) return graphError(world, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    user = named;
    base = `users/${encodeURIComponent(who)}`;
  } else if (root === 'subscriptions' && rest.length === 0) {
    const creating = request.method === 'POST' && who === undefined;
    // App-only subscriptions name their mailbox in the resource; the simulation keeps to delegated ones.
    if (creating && !user) return graphError(world, 400, 'ExtensionError', 'Subscriptions with application permissions are not simulated: use a delegated token.');
    const ctx: GraphContext = { world, config, request, token, user: user ?? [...world.users.values()][0]!, base, query, state };
    return creating ? createSubscription(ctx) : subscriptionRequest(ctx, who);
  } else return notSegment(world, root ?? '');
  if (!user) return graphError(world, 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  const wait = throttle(state, token.appId, user.name, world.clock.peek().getTime(), exchangeFacts.graphLimits.requestsPerWindow, exchangeFacts.graphLimits.windowSeconds);
  if (wait !== undefined) {
    const date = world.clock.peek().toISOString();
    return graphJson(world, 429, { error: { code: 'TooManyRequests', message: 'Please retry again later.', innerError: { code: '429', date, message: 'Please retry after', status: '429' } } }, [['Retry-After', String(wait)]]);
  }
  return mailbox({ world, config, request, token, user, base, query, state }, tail);
}
