/**
 * IDLE (RFC 2177): "+ idling", then changes to the selected mailbox go out as they happen, until the client
 * sends DONE. Any other line ends IDLE with a BAD, as Dovecot's "Expected DONE." does.
 */
import { TEXT } from '../replies.ts';
import { phaseOf, type CommandResult, type ImapCommand, type ImapPhase, type ImapState } from '../session-state.ts';

/** IDLE: the continuation request, then whatever was waiting to be reported. */
export function idle(s: ImapState, c: ImapCommand): CommandResult {
  const pending = s.view ? s.view.flush(true) : [];
  return { untagged: [TEXT.idling, ...pending], state: { idleTag: c.tag }, next: `${phaseOf(s)}.idling` as ImapPhase, sync: 'none' };
}

/** A line during IDLE: DONE (any case, as ABNF strings are) ends it with OK; anything else with BAD. */
export function idleLine(s: ImapState, line: string): CommandResult {
  const done = line.toUpperCase() === 'DONE';
  return { tagged: done ? TEXT.idleOk : TEXT.idleBad, state: { idleTag: undefined }, sync: done ? 'all' : 'none' };
}
