/** Commands valid in every state (RFC 3501 §6.1): CAPABILITY, NOOP, LOGOUT, and ID (RFC 2971). */
import { postLoginCapabilities, preLoginCapabilities } from '../capabilities.ts';
import { TEXT } from '../replies.ts';
import type { CommandResult, ImapCommand, ImapState } from '../session-state.ts';
import { isNil } from '../tokenize.ts';
import { tokensOf } from './util.ts';

/** CAPABILITY (RFC 3501 §6.1.1): the list for this moment of the session. */
export function capability(s: ImapState): CommandResult {
  // Exchange Online lists one set whoever is logged in and closes with its own words (jstedfast/MailKit#178).
  if (s.server) return { untagged: [`* CAPABILITY ${s.server.imap.capabilities(s.tls, s.user !== undefined)}`], tagged: 'OK CAPABILITY completed.' };
  if (s.user === undefined) return { untagged: [`* CAPABILITY ${preLoginCapabilities(s.tls)}`], tagged: TEXT.capabilityPreLogin };
  return { untagged: [`* CAPABILITY ${postLoginCapabilities()}`], tagged: TEXT.capabilityOk };
}

/** NOOP (RFC 3501 §6.1.2): nothing, which is how a client without IDLE polls for updates. */
export function noop(): CommandResult {
  return { tagged: TEXT.noopOk };
}

/** LOGOUT (RFC 3501 §6.1.3): BYE, then the tagged OK, then the server closes. \Recent claims stay consumed. */
export function logout(s: ImapState): CommandResult {
  s.view?.close();
  return { untagged: [TEXT.logoutBye], tagged: TEXT.logoutOk, state: { view: undefined }, next: 'logout', closed: true, sync: 'none' };
}

/**
 * ID (RFC 2971 §3.1): the client's NIL or ("key" "value" …) list; the server answers with its own name.
 * Dovecot's login process words a bad list as "BAD Invalid ID parameters" without counting it.
 */
export function id(s: ImapState, c: ImapCommand): CommandResult {
  const t = tokensOf(s, c);
  const list = 'tokens' in t && t.tokens.length === 1 ? t.tokens[0] : undefined;
  const valid =
    isNil(list) ||
    (list?.kind === 'list' && list.items.length % 2 === 0 && list.items.length <= 60 &&
      list.items.every((x, i) => x.kind === 'string' || (i % 2 === 1 && isNil(x))));
  if (!valid) return s.user === undefined ? { tagged: `BAD ${TEXT.invalidId}`, sync: 'none' } : { tagged: `BAD Error in IMAP command ID: ${TEXT.invalidId}`, bad: true, sync: 'none' };
  return { untagged: ['* ID ("name" "Mailwire")'], tagged: TEXT.idOk };
}
