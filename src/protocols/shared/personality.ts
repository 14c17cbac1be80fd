/**
 * A server personality: another vendor's server on the same line protocols and the same mail world, chosen when a
 * session opens (Exchange Online today). It replaces what differs on the wire, the greeting, the capabilities and
 * authentication, and leaves every other command to the protocol's own handlers. The protocol modules only ask
 * these hooks; what a vendor answers lives with the vendor (src/protocols/exchange/online-mail.ts).
 */

import type { LineProtocolName } from '../registry.ts';
import type { MailWorld } from './world.ts';

/** The personalities a session can open with; absent means the course's Postfix/Dovecot-like servers. */
export type ServerPersonalityId = 'exchange-online';

/** The protocols a personality's authentication covers, in Microsoft's naming (SMTP: client submission on 587). */
export type PersonalityProtocol = 'imap' | 'pop3' | 'smtp-submission';

/** The outcome of one XOAUTH2 message: the mailbox it opens, or the refusal; `reply` is the full reply line. */
export type TokenOutcome = { ok: true; user: string; reply: string } | { ok: false; why: string; reply: string };

/** Where a reply goes: the IMAP tag (replies given here carry it). */
export interface PersonalityReplyAt {
  tag?: string;
}

/** IMAP as the personality's server speaks it (RFC 3501 lines, the vendor's words). */
export interface ImapPersonality {
  /** The untagged greeting line. */
  greeting: string;
  /** The CAPABILITY list, before or after login, with or without TLS. */
  capabilities(tls: boolean, loggedIn: boolean): string;
  /** The tagged OK text (without tag) of a successful LOGIN or AUTHENTICATE. */
  loggedIn(command: 'LOGIN' | 'AUTHENTICATE'): string;
  /** The tagged NO text (without tag) of a failed password login. */
  loginFailed(command: 'LOGIN' | 'AUTHENTICATE'): string;
}

/** POP3 as the personality's server speaks it (RFC 1939, RFC 2449, RFC 5034). */
export interface Pop3Personality {
  greeting: string;
  /** The CAPA lines (without +OK and the final dot). */
  capabilities(tls: boolean, loggedIn: boolean): string[];
  /** The SASL mechanisms AUTH takes (upper case). */
  mechanisms: readonly string[];
  /** The +OK line of a successful login. */
  loggedIn: string;
  /** The -ERR line of a failed password login. */
  loginFailed: string;
}

/** SMTP submission as the personality's server speaks it (RFC 5321, RFC 3207, RFC 4954). */
export interface SmtpPersonality {
  /** The 220 greeting. */
  greeting: string;
  /** The full 250 reply to EHLO; `sizeLimit` is the world's message limit, which SIZE advertises. */
  ehlo(tls: boolean, clientAddress: string, sizeLimit: number): string[];
  /** The SASL mechanisms AUTH takes once TLS is up (upper case). */
  mechanisms: readonly string[];
  /** The reply to a mechanism it does not offer. */
  unknownMechanism: string;
  /** The 535 of a wrong password while Basic is still allowed. */
  loginFailed: string;
  /** The refusal of MAIL before AUTH on submission. */
  authRequired: string;
  /** The longest command line it reads, CRLF excluded (an AUTH line carries a whole bearer token). */
  commandLineOctets: number;
}

/** One vendor's server on the three line protocols. */
export interface MailPersonality {
  readonly id: ServerPersonalityId;
  readonly imap: ImapPersonality;
  readonly pop3: Pop3Personality;
  readonly smtp: SmtpPersonality;
  /** Checks a base64 XOAUTH2 message against the vendor's identity platform, on the world's clock. */
  xoauth2(protocol: PersonalityProtocol, message: string, at?: PersonalityReplyAt): TokenOutcome;
  /** The refusal of a password login now (IMAP LOGIN/AUTHENTICATE, POP3 PASS/AUTH, SMTP AUTH), or undefined while Basic works. */
  basicRefusal(protocol: PersonalityProtocol, command: 'LOGIN' | 'AUTHENTICATE' | 'PASS' | 'AUTH', at?: PersonalityReplyAt): string | undefined;
  /** Whether TLS 1.0 and 1.1 are refused for `protocol` now (the lab's TLS listeners read it). */
  refusesLegacyTls(protocol: LineProtocolName): boolean;
  /**
   * The base64 XOAUTH2 message for `user` with a token the vendor's identity platform issues now, in this world,
   * carrying `permission` (a scenario's placeholder; the learner's app would get it by signing in). Throws a
   * RangeError for an unknown user.
   */
  xoauth2For(user: string, permission: string): string;
}

const personalities = new Map<ServerPersonalityId, (world: MailWorld) => MailPersonality>();

/** Makes a server personality available to sessions and scenarios (src/machines/personalities.ts calls it). */
export function registerPersonality(id: ServerPersonalityId, make: (world: MailWorld) => MailPersonality): void {
  personalities.set(id, make);
}

/** A registered personality made for `world`; a RangeError when none is registered under `id`. */
export function personalityFor(id: ServerPersonalityId, world: MailWorld): MailPersonality {
  const make = personalities.get(id);
  if (!make) throw new RangeError(`no "${id}" server is registered (import src/machines/personalities.ts)`);
  return make(world);
}
