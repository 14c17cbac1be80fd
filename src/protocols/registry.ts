/**
 * The protocols the engine simulates, one profile each: the one list everything else reads. To add a protocol,
 * add its profile here (and see the README's "How to add a protocol"); `ProtocolName` follows.
 */
import type { ProtocolProfile } from './shared/profile.ts';
import { imapProfile } from './imap/profile.ts';
import { pop3Profile } from './pop3/profile.ts';
import { smtpProfile } from './smtp/profile.ts';

/** Every profile, in teaching order (the lab's, the playground's and the scenario list's order). */
export const PROFILES = [smtpProfile, pop3Profile, imapProfile] as const;

/** The name of a protocol the engine simulates: declared here once, from the profiles. */
export type ProtocolName = (typeof PROFILES)[number]['id'];

/** The protocol names, in the profiles' order. */
export const protocolNames: readonly ProtocolName[] = PROFILES.map((p) => p.id);

/** A protocol name that no profile carries, where a type could not catch it (props, URLs, files, options). */
export class UnknownProtocolError extends RangeError {
  /** The name that was asked for. */
  readonly protocol: string;
  constructor(protocol: unknown) {
    super(`unknown protocol "${String(protocol)}"; the engine simulates ${protocolNames.join(', ')}`);
    this.name = 'UnknownProtocolError';
    this.protocol = String(protocol);
  }
}

/** Whether a value names a protocol the engine simulates. */
export function isProtocol(value: unknown): value is ProtocolName {
  return PROFILES.some((p) => p.id === value);
}

/** The profile of `protocol`; throws UnknownProtocolError for a name no profile carries. */
export function profileOf(protocol: string): ProtocolProfile<ProtocolName> {
  const profile = PROFILES.find((p) => p.id === protocol);
  if (!profile) throw new UnknownProtocolError(protocol);
  return profile;
}
