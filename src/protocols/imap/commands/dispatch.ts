/**
 * Runs one client line against the session state and gives back what the machine needs: the reply lines, the
 * state changes and the next state. Pending updates from other sessions go out before the tagged reply
 * (RFC 3501 §5.2), except EXPUNGE during FETCH, STORE and SEARCH (§7.4.1). Bad commands are counted as
 * Dovecot counts them: 3 before login (imap-login), 20 in a row after (imap), then BYE.
 */
import type { WorldChange } from '../../shared/world.ts';
import { beginLiteral, feedLiteral, MAX_COMMAND_OCTETS } from '../literal.ts';
import { commandError, TEXT } from '../replies.ts';
import { phaseOf, type CommandResult, type ImapCommand, type ImapPhase, type ImapState, type Outcome } from '../session-state.ts';
import { openLiteral, type OpenLiteral } from '../tokenize.ts';
import { capability, id, logout, noop } from './any.ts';
import { append, appendLiteral } from './append.ts';
import { idle, idleLine } from './idle.ts';
import { list, lsub } from './list.ts';
import { authenticate, login, saslResponse, starttls } from './login.ts';
import { create, enable, namespace, remove, rename, status, subscribe, unsubscribe } from './mailboxes.ts';
import { fetch, search, store } from './messages.ts';
import { check, close, examine, select, unselect } from './select.ts';
import { copy, expunge, move, uidExpunge } from './transfer.ts';
import { verbName } from './util.ts';

type Handler = (s: ImapState, c: ImapCommand) => CommandResult;

/** Invalid commands Dovecot's login process takes before it says BYE (imap-login-client.c, CLIENT_MAX_BAD_COMMANDS). */
export const PRE_LOGIN_BAD_LIMIT = 3;
/** Invalid commands in a row Dovecot's mail process takes after login before it says BYE (imap-client.h). */
export const BAD_LIMIT = 20;

const UID_COMMANDS: Record<string, Handler> = { FETCH: fetch, STORE: store, SEARCH: search, COPY: copy, MOVE: move, EXPUNGE: uidExpunge };

const HANDLERS: Record<string, Handler> = {
  CAPABILITY: capability, NOOP: noop, LOGOUT: logout, ID: id,
  STARTTLS: starttls, LOGIN: login, AUTHENTICATE: authenticate,
  ENABLE: enable, SELECT: select, EXAMINE: examine, CREATE: create, DELETE: remove, RENAME: rename,
  SUBSCRIBE: subscribe, UNSUBSCRIBE: unsubscribe, LIST: list, LSUB: lsub, NAMESPACE: namespace, STATUS: status,
  APPEND: append, IDLE: idle,
  CHECK: check, CLOSE: close, UNSELECT: unselect, EXPUNGE: expunge, SEARCH: search, FETCH: fetch, STORE: store,
  COPY: copy, MOVE: move, UID: uid,
};

/** Every command verb the server knows. */
export const IMAP_VERBS: readonly string[] = Object.keys(HANDLERS);

/** A command line as the session hands it over; `tag` is undefined when the line has no valid tag. */
export interface CommandInput {
  tag: string | undefined;
  verb: string;
  args: string;
  line: string;
}

function uid(s: ImapState, c: ImapCommand): CommandResult {
  const sp = c.args.indexOf(' ');
  const sub = (sp < 0 ? c.args : c.args.slice(0, sp)).toUpperCase();
  const handler = UID_COMMANDS[sub];
  if (!handler) return { tagged: commandError(`UID ${sub}`.trim(), TEXT.unknownCommand), bad: true, sync: 'none' };
  return handler(s, { ...c, verb: sub, args: sp < 0 ? '' : c.args.slice(sp + 1), uid: true });
}

/** A line that names no command this server knows, in the words of Dovecot's login or mail process. */
function unknown(s: ImapState, input: CommandInput): CommandResult {
  if (s.user === undefined) {
    if (input.tag?.toUpperCase() === 'LOGIN') return { tagged: TEXT.loginAsTag, sync: 'none' };
    return { tagged: TEXT.preLoginBad, bad: true, sync: 'none' };
  }
  if (input.tag === undefined) return { tagged: TEXT.invalidTag.slice(2), bad: true, sync: 'none' };
  return { tagged: commandError(input.verb, TEXT.unknownCommand), bad: true, sync: 'none' };
}

function literalPhase(s: ImapState): ImapPhase {
  return `${phaseOf(s)}.literal` as ImapPhase;
}

/** A command line that ends in a literal: read the octets first (APPEND checks its arguments before). */
function startLiteral(s: ImapState, c: ImapCommand, open: OpenLiteral): CommandResult {
  const early = c.verb === 'APPEND' ? appendLiteral(s, c, open) : undefined;
  if (early) return early;
  if (c.args.length + open.size > MAX_COMMAND_OCTETS) {
    const r: CommandResult = { tagged: commandError(verbName(c), TEXT.tooLong), bad: true, sync: 'none' };
    return open.sync ? r : { ...r, state: { literal: beginLiteral(c, '', open, true) }, next: literalPhase(s) };
  }
  return { untagged: open.sync ? [TEXT.literalContinue] : [], state: { literal: beginLiteral(c, c.args, open, false) }, next: literalPhase(s), sync: 'none' };
}

/** Puts a handler's result together: untagged lines, pending updates, the tagged reply, the bad-command count. */
function finish(s: ImapState, tag: string | undefined, r: CommandResult): Outcome {
  const state: Partial<ImapState> = { ...r.state };
  const view = 'view' in state ? state.view : s.view;
  // Handlers return fresh arrays, so the untagged lines are extended in place; a FETCH may hold 100,000s of them.
  const reply = r.untagged ?? [];
  if (r.tagged !== undefined && view && r.sync !== 'none' && !r.tagged.startsWith('BAD')) for (const l of view.flush(r.sync !== 'noExpunge')) reply.push(l);
  if (r.tagged !== undefined) reply.push(`${tag ?? '*'} ${r.tagged}`);
  reply.push(...(r.after ?? []));
  let closed = r.closed ?? false;
  let next = r.next ?? phaseOf({ user: 'user' in state ? state.user : s.user, view });
  const badCount = state.badCount ?? s.badCount;
  if (r.bad) {
    state.badCount = badCount + 1;
    const limit = s.user === undefined ? PRE_LOGIN_BAD_LIMIT : BAD_LIMIT;
    if (state.badCount >= limit) {
      // Dovecot's login process sends the BYE instead of the BAD; the mail process after it.
      if (s.user === undefined) reply.splice(0, reply.length);
      reply.push(TEXT.tooManyBad);
      closed = true;
    }
  } else if (r.tagged !== undefined && s.user !== undefined) {
    state.badCount = 0;
  }
  if (closed) {
    view?.close();
    next = 'logout';
  }
  return { reply, next, state, startTls: r.startTls ?? false, closed, effects: r.effects };
}

/** Runs a command line (its literals, if any, already in place or still to come). */
export function runCommand(s: ImapState, input: CommandInput): Outcome {
  const handler = HANDLERS[input.verb];
  if (input.tag === undefined || !handler) return finish(s, input.tag, unknown(s, input));
  const c: ImapCommand = { tag: input.tag, verb: input.verb, args: input.args, line: input.line, uid: false };
  const open = openLiteral(c.args);
  return finish(s, c.tag, open ? startLiteral(s, c, open) : handler(s, c));
}

/** A line that is not a command: literal octets, a SASL response, or a line during IDLE. */
export function runData(s: ImapState, phase: ImapPhase, line: string): Outcome {
  if (phase === 'notAuthenticated.authenticating') return finish(s, s.saslTag, saslResponse(s, line));
  if (phase.endsWith('.idling')) return finish(s, s.idleTag, idleLine(s, line));
  const pending = s.literal;
  if (!pending) return finish(s, undefined, { tagged: TEXT.serverBug, sync: 'none' });
  const fed = feedLiteral(pending, line);
  if ('pending' in fed) return { reply: [], next: phase, state: { literal: fed.pending }, startTls: false, closed: false };
  const rest = { ...s, literal: undefined };
  if (pending.discard) {
    // A further LITERAL+ after a failed command is dropped too; anything else ends the command.
    const open = openLiteral(fed.done);
    const literal = open && !open.sync ? beginLiteral(pending, '', open, true) : undefined;
    return { reply: [], next: literal ? phase : phaseOf(s), state: { literal }, startTls: false, closed: false };
  }
  const out = runCommand(rest, { tag: pending.tag, verb: pending.verb, args: fed.done, line: pending.line });
  return { ...out, state: { literal: undefined, ...out.state } };
}

/**
 * A change in the world. Another session's change to the selected mailbox is queued; in IDLE it goes out at
 * once (RFC 2177). Changes this session made are already answered and are not handed here.
 */
export function runWorldChange(s: ImapState, phase: ImapPhase, change: WorldChange): string[] {
  if (!s.view) return [];
  s.view.note(change);
  return phase === 'selected.idling' ? s.view.flush(true) : [];
}
