/**
 * The IMAP server's pure step in the shape every server shares (src/protocols/shared/decision.ts): it runs a
 * line once against the session state and names the state it leads to (RFC 3501 §3 and the sub-states where the
 * server reads literal octets, a SASL response or DONE). The handlers declare the world changes commands make
 * (effects.ts: flags, new messages, expunges, mailboxes) and the session makes them once, after the machine has recorded the
 * decision. A new message is planned with the UID the store will give it, so APPENDUID and COPYUID are exact.
 */
import { refused, type Decision } from '../shared/decision.ts';
import type { MailWorld, WorldChange } from '../shared/world.ts';
import { runCommand, runData, runWorldChange } from './commands/dispatch.ts';
import { performImapEffects, type ImapEffect } from './effects.ts';
import { commandError, TEXT } from './replies.ts';
import type { ImapPhase, ImapState, Outcome } from './session-state.ts';

/** Commands of the not-authenticated state (RFC 3501 §6.1, §6.2; ID from RFC 2971). */
export const NOT_AUTHENTICATED_VERBS = ['CAPABILITY', 'NOOP', 'LOGOUT', 'ID', 'STARTTLS', 'AUTHENTICATE', 'LOGIN'] as const;
/** Commands of the authenticated state (RFC 3501 §6.1, §6.3; ENABLE, NAMESPACE, IDLE from their RFCs). */
export const AUTHENTICATED_VERBS = ['CAPABILITY', 'NOOP', 'LOGOUT', 'ID', 'ENABLE', 'SELECT', 'EXAMINE', 'CREATE', 'DELETE', 'RENAME', 'SUBSCRIBE', 'UNSUBSCRIBE', 'LIST', 'LSUB', 'NAMESPACE', 'STATUS', 'APPEND', 'IDLE'] as const;
/** Commands of the selected state: the authenticated ones and RFC 3501 §6.4, UNSELECT (RFC 3691), MOVE (RFC 6851). */
export const SELECTED_VERBS = [...AUTHENTICATED_VERBS, 'CHECK', 'CLOSE', 'UNSELECT', 'EXPUNGE', 'SEARCH', 'FETCH', 'STORE', 'COPY', 'MOVE', 'UID'] as const;

/** The commands each RFC state takes. */
export const STATE_VERBS: Readonly<Record<'notAuthenticated' | 'authenticated' | 'selected', readonly string[]>> = {
  notAuthenticated: NOT_AUTHENTICATED_VERBS,
  authenticated: AUTHENTICATED_VERBS,
  selected: SELECTED_VERBS,
};

/** The context fields an IMAP decision changes: the session state and what the session contract reads. */
export type ImapPatch = Partial<ImapState> & { reply: string[]; startTls: boolean; closed?: boolean };

export type { ImapEffect };

/** What one IMAP event does: the shared decision with IMAP's fields and effects. */
export type ImapDecision = Decision<ImapPatch, ImapEffect>;

/** A client line as the machine receives it (the session contract's ClientEvent). */
export interface ImapLineEvent {
  type: string;
  verb: string;
  args: string;
  line: string;
  tag?: string;
}

/** The events the IMAP machine takes: client lines, a lost connection, other sessions' changes. */
export type ImapMachineEvent = ImapLineEvent | { type: 'client.dropped' } | { type: 'world.changed'; change: WorldChange };

const rfcState = (phase: ImapPhase) => phase.split('.')[0] as keyof typeof STATE_VERBS | 'logout';
const PRE_LOGIN_ONLY = new Set(['STARTTLS', 'LOGIN', 'AUTHENTICATE']);

/** The reply to a known command the current state does not take, in Dovecot's words. */
export function outOfStateReply(phase: ImapPhase, event: ImapLineEvent): string[] {
  const tag = event.tag ?? '*';
  switch (rfcState(phase)) {
    case 'notAuthenticated':
      // Dovecot's login process knows only its own commands; the rest are "received by server" errors (A.10 a003).
      return [`${tag} ${TEXT.preLoginBad}`];
    case 'authenticated':
      // The mail process has no LOGIN, AUTHENTICATE or STARTTLS (A.13 c003); selected-state commands need a mailbox.
      if (PRE_LOGIN_ONLY.has(event.verb)) return [`${tag} ${commandError(event.verb, TEXT.unknownCommand)}`];
      return [`${tag} ${TEXT.noMailbox}`];
    case 'selected':
      return [`${tag} ${commandError(event.verb, TEXT.unknownCommand)}`];
    default:
      return [];
  }
}

/** Whether the state `phase` takes `event` at all: its own commands, unknown lines, and data in a sub-state. */
export function takes(phase: ImapPhase, event: ImapLineEvent): boolean {
  const top = rfcState(phase);
  if (top === 'logout') return false;
  if (event.type === 'client.data') return phase.includes('.');
  if (phase.includes('.')) return false;
  return event.type === 'client.unknown' || STATE_VERBS[top].includes(event.verb);
}

function recorded(out: Outcome, phase: ImapPhase): ImapDecision {
  const patch: ImapPatch = { ...out.state, reply: out.reply, startTls: out.startTls, closed: out.closed };
  return { accepted: true, reply: out.reply, next: out.next === phase ? undefined : out.next, patch, effects: out.effects ?? [] };
}

/** Decides, once, what `event` does to the session `state` in `phase`: runs the command, declaring its world changes as effects. */
export function decideImap(state: ImapState, phase: ImapPhase, event: ImapMachineEvent): ImapDecision {
  if (event.type === 'client.dropped') {
    const patch: ImapPatch = { reply: [], startTls: false, closed: true, view: undefined };
    return { accepted: true, reply: [], next: 'logout', patch, effects: state.view ? [{ kind: 'closeView', view: state.view }] : [] };
  }
  if ('change' in event) {
    // Changes this session made are answered in its own replies (the session does not hand them here).
    if (event.change.origin === state.sessionId) return refused([]);
    const reply = runWorldChange(state, phase, event.change);
    return { accepted: true, reply, next: undefined, patch: { reply, startTls: false }, effects: [] };
  }
  if (!('line' in event)) return refused([]);
  if (!takes(phase, event)) return refused(outOfStateReply(phase, event));
  // Flags an earlier line planned and never made (its step failed) are not shown any longer.
  state.view?.settled();
  if (event.type === 'client.data') return recorded(runData(state, phase, event.line), phase);
  return recorded(runCommand(state, { tag: event.tag, verb: event.verb, args: event.args, line: event.line }), phase);
}

/** The palette's question for a bare verb, answered without running it: taken here, and where it leads is the server's to say. */
export function previewImap(phase: ImapPhase, event: ImapLineEvent): ImapDecision {
  return takes(phase, event) ? { accepted: true, reply: [], next: undefined, patch: { reply: [], startTls: false }, effects: [] } : refused([]);
}

/** Performs an IMAP decision's effects once, on `world` as the session `sessionId`; none adds a reply line. */
export function performImap(effects: readonly ImapEffect[], world: MailWorld, sessionId: string): string[] {
  return performImapEffects(effects, world, sessionId);
}
