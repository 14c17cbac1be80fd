/** What every Graph handler receives: the world, the deployment, the caller's token and mailbox, Graph's memory. */
import type { HttpRequest, HttpResponse } from '../../shared/http-types.ts';
import type { MailUser, MailWorld } from '../../shared/world.ts';
import type { AccessToken, ExchangeConfig } from '../config.ts';
import { graphError, GRAPH_ROOT } from './http.ts';
import { userId } from './ids.ts';
import type { GraphState } from './state.ts';

/** One authenticated request to a mailbox. */
export interface GraphContext {
  world: MailWorld;
  config: ExchangeConfig;
  request: HttpRequest;
  token: AccessToken;
  /** The mailbox the path names (/me, or /users/{id | userPrincipalName}). */
  user: MailUser;
  /** The path prefix as the client wrote it, for links: "me" or "users/…". */
  base: string;
  query: Map<string, string>;
  state: GraphState;
}

/** Graph's answer to a request that lacks the permission (403 ErrorAccessDenied). */
export function accessDenied(ctx: GraphContext): HttpResponse {
  return graphError(ctx.world, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

/** Whether the token carries one of the permissions (delegated scope or app role of the same name). */
export function allows(ctx: GraphContext, ...permissions: string[]): boolean {
  return ctx.token.scopes.some((s) => permissions.includes(s));
}

/** The @odata.context of a collection or entity under the mailbox. */
export function contextUrl(ctx: GraphContext, tail: string): string {
  return `${GRAPH_ROOT}/$metadata#users('${userId(ctx.user)}')/${tail}`;
}

/** A body parsed as JSON, or the 400 Graph gives for one it cannot read. */
export function jsonBody(ctx: GraphContext): { value: Record<string, unknown> } | { refused: HttpResponse } {
  const bad = () => ({ refused: graphError(ctx.world, 400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.') });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(ctx.request.body, (c) => c.charCodeAt(0) & 0xff));
  } catch {
    return bad();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad();
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { value: value as Record<string, unknown> } : bad();
}
