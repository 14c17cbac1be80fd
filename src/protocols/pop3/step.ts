/**
 * The POP3 server's pure step in the shape every server shares (src/protocols/shared/decision.ts): `respond`
 * says what a line does, this names the RFC 1939 state it leads to and the world changes to make, and
 * `perform` makes them once, after the machine has recorded the state change.
 */
import { refused, type Decision } from '../shared/decision.ts';
import type { MailWorld } from '../shared/world.ts';
import { markedUids } from './maildrop.ts';
import { respond } from './respond.ts';
import type { Pop3Context, Pop3Event, Pop3Outcome } from './types.ts';

/** A change to the world a POP3 line leads to: the maildrop lock (RFC 1939 §4) and the UPDATE commit (§6). */
export type Pop3Effect = { kind: 'lock' | 'unlock'; user: string } | { kind: 'expunge'; user: string; uids: number[] };

/** What one POP3 event does: the shared decision with POP3's context fields and effects. */
export type Pop3Decision = Decision<Partial<Pop3Context>, Pop3Effect>;

/** The events the POP3 machine takes: client lines and a lost connection. */
export type Pop3MachineEvent = Pop3Event | { type: 'client.dropped' } | { type: 'world.changed' };

/** The machine state each outcome leads to; undefined where the session stays in the state it is in. */
function nextState(outcome: Exclude<Pop3Outcome, 'notAllowed'>, ctx: Pop3Context): string | undefined {
  switch (outcome) {
    case 'stay':
      return undefined;
    case 'userAccepted':
      return 'authorization.userGiven';
    case 'challenge':
      return 'authorization.sasl';
    case 'loggedIn':
      return 'transaction';
    case 'inUse':
      return 'closed';
    case 'rejected':
      return 'authorization.ready';
    case 'quit':
      // RFC 1939 §6: QUIT after login enters UPDATE; before it, the session just ends.
      return ctx.user === undefined ? 'closed' : 'update';
  }
}

/** Decides, once, what `event` does to the session `ctx`. Reads the world, never changes it. */
export function decidePop3(ctx: Pop3Context, event: Pop3MachineEvent): Pop3Decision {
  if (event.type === 'client.dropped') {
    // RFC 1939 §6: without QUIT the session never reaches UPDATE; the marks are forgotten, the lock released.
    const patch = { reply: [], startTls: false, closed: true, pendingUser: undefined, sasl: undefined, deleted: [] };
    return { accepted: true, reply: [], next: 'closed', patch, effects: ctx.user === undefined ? [] : [{ kind: 'unlock', user: ctx.user }] };
  }
  if (!('line' in event)) return refused([]);
  const step = respond(ctx, event);
  if (step.outcome === 'notAllowed') return refused(step.reply);
  const effects: Pop3Effect[] = [];
  if (step.outcome === 'loggedIn' && step.patch?.user !== undefined) effects.push({ kind: 'lock', user: step.patch.user });
  if (step.outcome === 'quit' && ctx.user !== undefined) {
    effects.push({ kind: 'expunge', user: ctx.user, uids: markedUids(ctx) }, { kind: 'unlock', user: ctx.user });
  }
  return { accepted: true, reply: step.reply, next: nextState(step.outcome, ctx), patch: { startTls: false, ...step.patch }, effects };
}

/** Makes a decision's world changes, in order, as the session `sessionId`. POP3 adds no reply lines here. */
export function performPop3(effects: readonly Pop3Effect[], world: MailWorld, sessionId: string): string[] {
  for (const effect of effects) {
    if (effect.kind === 'lock') world.lockMaildrop(effect.user, sessionId);
    else if (effect.kind === 'unlock') world.unlockMaildrop(effect.user, sessionId);
    else if (effect.kind === 'expunge') world.expunge(effect.user, 'INBOX', effect.uids, sessionId);
  }
  return [];
}
