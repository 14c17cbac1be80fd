/**
 * The one entry point of the POP3 server logic: what a client line does to a session. Pure apart from reading
 * the world; step.ts turns its answer into the shared decision (next state, lock and expunge effects).
 */
import { saslResponse, authorizationCommand } from './commands/authorization.ts';
import { transactionCommand } from './commands/transaction.ts';
import { REPLY } from './replies.ts';
import { POP3_VERBS, type Pop3Context, type Pop3Event, type Pop3Step, type Pop3Verb } from './types.ts';

/** The verb an event type names ("client.stat" is STAT), or undefined for client.unknown and the rest. */
export function verbOf(type: string): Pop3Verb | undefined {
  return POP3_VERBS.find((v) => type === `client.${v.toLowerCase()}`);
}

/** The answer to one client line in the session's current situation. Never throws on any client input. */
export function respond(ctx: Pop3Context, event: Pop3Event): Pop3Step {
  if (ctx.closed) return { outcome: 'notAllowed', reply: [] };
  if (ctx.sasl) {
    if (event.type === 'client.data') return saslResponse(ctx, event.line);
    return { outcome: 'notAllowed', reply: [REPLY.unknownBeforeLogin] };
  }
  const verb = verbOf(event.type);
  if (event.type === 'client.data' || (verb === undefined && event.type !== 'client.unknown')) {
    return { outcome: 'notAllowed', reply: [ctx.user === undefined ? REPLY.unknownBeforeLogin : REPLY.unknown(event.verb)] };
  }
  if (ctx.user === undefined) return authorizationCommand(ctx, verb, event.args);
  return transactionCommand(ctx, verb, verb ?? event.verb, event.args);
}
