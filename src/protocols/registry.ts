/**
 * The protocols the engine simulates, one profile each: the one list everything else reads. To add a protocol,
 * add its profile here (and see the README's "How to add a protocol"); the protocol names follow, split by
 * framing. Profiles are small data: no server loads through this module.
 */
import type { HttpProtocolProfile, LineProtocolProfile, MailModel, ProtocolProfile } from './shared/profile.ts';
import { exchangeProfile } from './exchange/profile.ts';
import { helloProfile } from './hello/profile.ts';
import { imapProfile } from './imap/profile.ts';
import { pop3Profile } from './pop3/profile.ts';
import { smtpProfile } from './smtp/profile.ts';

/** Every profile: the line protocols in teaching order (the lab's, the playground's and the scenario list's), then the HTTP ones. */
export const PROFILES = [smtpProfile, pop3Profile, imapProfile, exchangeProfile, helloProfile] as const;

type Registered = (typeof PROFILES)[number];

/** The name of any protocol the engine simulates, whatever its framing: declared here once, from the profiles. */
export type ProtocolName = Registered['id'];

/** A protocol framed as lines (SMTP, POP3, IMAP): what sessions of `openSession`, scenarios and most widgets take. */
export type LineProtocolName = Extract<Registered, { framing: 'line' }>['id'];

/** A protocol framed as HTTP requests and responses (Exchange, and "hello", a test protocol lessons never show). */
export type HttpProtocolName = Extract<Registered, { framing: 'http' }>['id'];

/** Every protocol a session can speak, whatever its framing (the same as ProtocolName; kept for the HTTP session code). */
export type AnyProtocolName = ProtocolName;

/** The line protocols' profiles, in teaching order. */
export const LINE_PROFILES = PROFILES.filter((p): p is Extract<Registered, { framing: 'line' }> => p.framing === 'line');

/** The HTTP protocols' profiles. */
export const HTTP_PROFILES = PROFILES.filter((p): p is Extract<Registered, { framing: 'http' }> => p.framing === 'http');

/** Every protocol name, in the profiles' order. */
export const protocolNames: readonly ProtocolName[] = PROFILES.map((p) => p.id);

/** The line protocols' names, in teaching order (a scenario's, a widget's or an embed's protocol is one of these). */
export const lineProtocolNames = LINE_PROFILES.map((p) => p.id) as [LineProtocolName, ...LineProtocolName[]];

/** A protocol name that no profile carries (or not of the framing asked for), where a type could not catch it. */
export class UnknownProtocolError extends RangeError {
  /** The name that was asked for. */
  readonly protocol: string;
  constructor(protocol: unknown, kind: '' | 'line ' | 'HTTP ' = '') {
    const known = kind === 'line ' ? lineProtocolNames : kind === 'HTTP ' ? HTTP_PROFILES.map((p) => p.id) : protocolNames;
    super(`unknown ${kind}protocol "${String(protocol)}"; the engine simulates ${known.join(', ')}`);
    this.name = 'UnknownProtocolError';
    this.protocol = String(protocol);
  }
}

/** Whether a value names a protocol the engine simulates, whatever its framing. */
export function isProtocol(value: unknown): value is ProtocolName {
  return PROFILES.some((p) => p.id === value);
}

/** Whether a value names a line protocol (SMTP, POP3, IMAP). */
export function isLineProtocol(value: unknown): value is LineProtocolName {
  return LINE_PROFILES.some((p) => p.id === value);
}

/** Whether a protocol is framed as HTTP requests and responses rather than lines. */
export function isHttpProtocol(protocol: unknown): protocol is HttpProtocolName {
  return HTTP_PROFILES.some((p) => p.id === protocol);
}

/** The profile of `protocol`; throws UnknownProtocolError for a name no profile carries. */
export function profileOf(protocol: string): ProtocolProfile<ProtocolName> {
  const profile = PROFILES.find((p) => p.id === protocol);
  if (!profile) throw new UnknownProtocolError(protocol);
  return profile;
}

/** The profile of a line protocol; throws UnknownProtocolError for any other name, an HTTP protocol's too. */
export function lineProfileOf(protocol: string): LineProtocolProfile<LineProtocolName> {
  const profile = LINE_PROFILES.find((p) => p.id === protocol);
  if (!profile) throw new UnknownProtocolError(protocol, 'line ');
  return profile;
}

/** The profile of an HTTP protocol; throws UnknownProtocolError for any other name. */
export function httpProfileOf(protocol: string): HttpProtocolProfile<HttpProtocolName> {
  const profile = HTTP_PROFILES.find((p) => p.id === protocol);
  if (!profile) throw new UnknownProtocolError(protocol, 'HTTP ');
  return profile;
}

/** The line protocol that treats mail as `model` says (SMTP the envelope, POP3 the download, IMAP the server's mailbox). */
export function lineProtocolWith(model: MailModel): LineProtocolName {
  const profile = LINE_PROFILES.find((p) => p.mailModel === model);
  if (!profile) throw new RangeError(`no line protocol treats mail as "${model}"`);
  return profile.id;
}
