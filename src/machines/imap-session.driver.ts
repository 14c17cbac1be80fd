/**
 * Plugs the IMAP machine into sessions: turns lines into events, answers commands the current state does not
 * allow in Dovecot's words, and says what the server waits for. Registered at import.
 */
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import { IMAP_VERBS } from '../protocols/imap/commands/dispatch.ts';
import { literalLineLimit, MAX_COMMAND_OCTETS } from '../protocols/imap/literal.ts';
import { commandError, TEXT } from '../protocols/imap/replies.ts';
import { splitCommandLine } from '../protocols/imap/tokenize.ts';
import { imapSessionMachine, type ImapContext } from './imap-session.machine.ts';
import { registerDriver, type ClientEvent, type ProtocolDriver } from './session.ts';

type Snapshot = SnapshotFrom<AnyStateMachine>;

function contextOf(snapshot: Snapshot): ImapContext {
  return snapshot.context as ImapContext;
}

/** The RFC state: the top-level state name ("selected" while idling in it, too). */
function rfcState(snapshot: Snapshot): string {
  const value = snapshot.value as string | Record<string, unknown>;
  return typeof value === 'string' ? value : (Object.keys(value)[0] ?? 'logout');
}

function expects(snapshot: Snapshot): 'command' | 'sasl' | 'literal' | 'idle' {
  const next = contextOf(snapshot).next;
  if (next.endsWith('.authenticating')) return 'sasl';
  if (next.endsWith('.literal')) return 'literal';
  if (next.endsWith('.idling')) return 'idle';
  return 'command';
}

/** The tag of the command a data line belongs to, so even an internal error answers it. */
function activeTag(ctx: ImapContext): string | undefined {
  return ctx.literal?.tag ?? ctx.saslTag ?? ctx.idleTag;
}

function withTag(event: Omit<ClientEvent, 'tag'>, tag: string | undefined): ClientEvent {
  return tag === undefined ? event : { ...event, tag };
}

const PRE_LOGIN_ONLY = new Set(['STARTTLS', 'LOGIN', 'AUTHENTICATE']);

/** The IMAP driver (ports 143 with STARTTLS, 993 with implicit TLS). */
export const imapDriver: ProtocolDriver = {
  protocol: 'imap',
  machine: imapSessionMachine,
  verbs: IMAP_VERBS,
  watchesWorld: true,
  toEvent(line, snapshot) {
    const ctx = contextOf(snapshot);
    if (expects(snapshot) !== 'command') return withTag({ type: 'client.data', verb: '', args: '', line }, activeTag(ctx));
    const { tag, verb, args } = splitCommandLine(line);
    const known = tag !== undefined && IMAP_VERBS.includes(verb);
    return withTag({ type: known ? `client.${verb.toLowerCase()}` : 'client.unknown', verb, args, line }, tag);
  },
  outOfState(event, snapshot) {
    const tag = event.tag ?? '*';
    switch (rfcState(snapshot)) {
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
  },
  maxLineOctets(snapshot) {
    const ctx = contextOf(snapshot);
    return expects(snapshot) === 'literal' ? literalLineLimit(ctx.literal) : MAX_COMMAND_OCTETS;
  },
  literalOctets(snapshot) {
    const literal = contextOf(snapshot).literal;
    return expects(snapshot) === 'literal' && literal && !literal.awaitingRest ? literal.need : 0;
  },
  lineTooLong(event, snapshot) {
    // RFC 3501 sets no limit; Dovecot refuses lines over imap_max_line_length (64 KiB) as "Too long argument."
    // (imap-client.c); RFC 7162 §4 asks servers to take at least 8192 octets. A command line gets its tagged
    // BAD; a line inside a literal, SASL exchange or IDLE is refused untagged, as its command is still running.
    if (expects(snapshot) === 'command' && event.tag !== undefined) return [`${event.tag} ${commandError(event.verb, TEXT.tooLong)}`];
    return [`* ${commandError('', TEXT.tooLong)}`];
  },
  timeoutReply() {
    // RFC 3501 §5.4: an autologout timer of at least 30 minutes, announced with BYE.
    return [TEXT.inactivity];
  },
  internalError(event) {
    return [`${event.tag ?? '*'} ${TEXT.serverBug}`];
  },
  stateName(snapshot) {
    return rfcState(snapshot);
  },
  expects(snapshot) {
    return expects(snapshot);
  },
  wantsChange(change, snapshot) {
    // MailboxView.note() reads only changes to the selected mailbox; nothing else would change the session.
    const view = contextOf(snapshot).view;
    return !!view && change.kind !== 'mailboxes' && change.user === view.user && change.mailbox === view.box.name;
  },
};

registerDriver(imapDriver);
