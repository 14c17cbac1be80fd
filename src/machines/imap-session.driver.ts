/**
 * Plugs the IMAP machine into sessions: turns lines into events, answers commands the current state does not
 * allow in Dovecot's words, and says what the server waits for. Registered at import.
 */
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import { IMAP_VERBS } from '../protocols/imap/commands/dispatch.ts';
import { literalLineLimit, MAX_COMMAND_OCTETS } from '../protocols/imap/literal.ts';
import { commandError, TEXT } from '../protocols/imap/replies.ts';
import type { ImapPhase } from '../protocols/imap/session-state.ts';
import { decideImap, outOfStateReply, performImap, previewImap, type ImapEffect, type ImapMachineEvent } from '../protocols/imap/step.ts';
import { splitCommandLine } from '../protocols/imap/tokenize.ts';
import { prescanCompletedSearch, prescanSearch } from '../protocols/imap/search-prescan.ts';
import { fetchPreparation } from '../protocols/imap/commands/messages.ts';
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

/** The phase the machine is in: the RFC state, with the sub-state where the server reads something else. */
function phaseOf(snapshot: Snapshot): ImapPhase {
  const value = snapshot.value as string | Record<string, string>;
  if (typeof value === 'string') return value as ImapPhase;
  const [top, sub] = Object.entries(value)[0] ?? ['logout', 'ready'];
  return (sub === 'ready' ? top : `${top}.${sub}`) as ImapPhase;
}

function expects(snapshot: Snapshot): 'command' | 'sasl' | 'literal' | 'idle' {
  const phase = phaseOf(snapshot);
  if (phase.endsWith('.authenticating')) return 'sasl';
  if (phase.endsWith('.literal')) return 'literal';
  if (phase.endsWith('.idling')) return 'idle';
  return 'command';
}

/** The tag of the command a data line belongs to, so even an internal error answers it. */
function activeTag(ctx: ImapContext): string | undefined {
  return ctx.literal?.tag ?? ctx.saslTag ?? ctx.idleTag;
}

function withTag(event: Omit<ClientEvent, 'tag'>, tag: string | undefined): ClientEvent {
  return tag === undefined ? event : { ...event, tag };
}

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
  prepare(line, snapshot) {
    // A SEARCH's string scans and a FETCH's big responses, done ahead in slices by the lab (search-prescan.ts,
    // fetch-prerender.ts); the command then runs as ever.
    const ctx = contextOf(snapshot);
    const view = ctx.view;
    if (!view) return undefined;
    // A SEARCH whose keys came as literals ({n}) is prepared on the line that completes it.
    if (expects(snapshot) === 'literal') return ctx.literal && !ctx.literal.discard ? prescanCompletedSearch(ctx.literal, line, view.messages) : undefined;
    if (expects(snapshot) !== 'command' || line.length > MAX_COMMAND_OCTETS) return undefined;
    const { tag, verb: first, args: rest } = splitCommandLine(line);
    const uid = first === 'UID';
    const { verb, args } = uid ? splitCommandLine(`${tag} ${rest}`) : { verb: first, args: rest };
    if (tag === undefined) return undefined;
    if (verb === 'SEARCH') return prescanSearch(args, view.messages);
    if (verb === 'FETCH') return fetchPreparation(contextOf(snapshot), { tag, verb, args, line, uid });
    return undefined;
  },
  decide: (event, snapshot) => decideImap(contextOf(snapshot), phaseOf(snapshot), event as ImapMachineEvent),
  // Running an IMAP command changes things (pending updates go out, EXPUNGE removes), so the palette only asks
  // whether the state takes the verb; where it leads is the server's to say.
  preview: (event, snapshot) => previewImap(phaseOf(snapshot), event),
  perform: (decision, snapshot) => performImap(decision.effects as readonly ImapEffect[], contextOf(snapshot).world, contextOf(snapshot).sessionId),
  outOfState(event, snapshot) {
    return outOfStateReply(phaseOf(snapshot), event);
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
