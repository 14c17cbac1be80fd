/**
 * The shape of a protocol profile: what every layer outside src/protocols may ask about a protocol instead of
 * naming it. Each protocol has one (src/protocols/<p>/profile.ts); src/protocols/registry.ts lists them.
 * Pure data and functions: no framework, no server. What a page's first load does not need lives beside the
 * profile in the protocol's folder and is listed by protocol name in src/protocols/: the reply catalogue
 * (catalogues.ts), the observed code of a scenario step (observed-codes.ts) and the lab's farewells (farewells.ts).
 */
import type { ProtocolId } from '../../data/ids.ts';
import type { Tokenizer } from './tokens.ts';

/** How a transport cuts the byte stream into client messages: CRLF-ended lines, or HTTP/1.1 requests (RFC 9112). */
export type Framing = 'line' | 'http';

/**
 * The code or status a step's server lines show, comparable to a scenario step's `expect` (never called with no
 * server line: that is "-" for every protocol). `client` is the step's first client line.
 */
export type ObservedCode = (server: readonly string[], client: string | undefined, expect: string) => string | undefined;

/** What a server says when it ends a connection on its own, in the protocol's words. */
export interface Farewells {
  /** Before closing because the server stops (lab Ctrl-C); empty where the protocol has no such reply. */
  shutdown: readonly string[];
  /** The greeting that refuses a connection over the server's caps, then closes; `address` is the client's. */
  refusal(address: string | undefined): string[];
  /** After a failure inside the server (never the client's fault): the session ends. */
  internalError: readonly string[];
  /** How a reply that already says goodbye starts ("421 ", "* BYE ", "-ERR "), so a farewell is not said twice. */
  closingPrefix: string;
}

/** How a learner's command line reads and writes commands. */
export interface InputHints {
  /** Whether every command carries a client tag before its verb (IMAP, RFC 9051 §2.2.1). */
  tagged: boolean;
  /** Loads the rule that says whether a typed line already has its own tag (tagged protocols only). */
  ownTagRule?: () => Promise<(line: string) => boolean>;
}

/** What every protocol's profile says, whatever its framing. */
interface ProfileBase<Id extends string> {
  /** The engine's name for it: sessions, scenarios and widget props use this. */
  readonly id: Id;
  /** Its name in sentences, e.g. "SMTP". */
  readonly label: string;
  /** The data file's protocol ids (src/data/ids.ts) this engine serves; a line protocol's ports are derived through them (served-ports.ts). */
  readonly dataIds: readonly ProtocolId[];
  /** How client messages are framed on the wire. */
  readonly framing: Framing;
  /** The reply tokeniser: a server line cut into pieces the catalogue explains. */
  readonly tokenize: Tokenizer;
  /** The codes a scenario step may expect of this protocol ('-' is "no reply at all"). */
  readonly expectPattern: RegExp;
  /** Idle timeout in seconds: the RFC's minimum for a line protocol, the server's keep-alive timeout for HTTP. */
  readonly idleTimeoutSeconds: number;
  /** How a command line reads and writes commands. */
  readonly input: InputHints;
}

/**
 * What a line protocol does with mail: carries a message in an envelope toward mailboxes (SMTP, RFC 5321 §2.3.1),
 * or hands a client its mailbox, as a maildrop it downloads (POP3, RFC 1939 §1) or as one mailbox kept on the
 * server that every device shows (IMAP, RFC 9051 §1).
 */
export type MailModel = 'envelope' | 'download' | 'server-mailbox';

/** A protocol framed as CRLF-ended lines (SMTP, POP3, IMAP): served by a machine-backed session. */
export interface LineProtocolProfile<Id extends string = string> extends ProfileBase<Id> {
  readonly framing: 'line';
  /** What it does with mail: diagrams and widgets that compare protocols ask this, never the name. */
  readonly mailModel: MailModel;
  /** The port a mail program uses for it today (RFC 8314): where a free session opens when only the protocol is given. */
  readonly clientPort: number;
  /** Where the RFC leaves a reply's words, after its code or status, to the server: cited by the reply anatomy. */
  readonly replyTextSource: string;
  /** Whether a line ending in `{n}` announces n octets of literal that follow raw (IMAP, RFC 9051 §4.3). */
  readonly literals: boolean;
}

/** A protocol framed as HTTP/1.1 requests and responses: served by an HttpServer (src/protocols/shared/http-server.ts). */
export interface HttpProtocolProfile<Id extends string = string> extends ProfileBase<Id> {
  readonly framing: 'http';
}

/** One protocol, as everything outside src/protocols sees it; `framing` tells which kind. */
export type ProtocolProfile<Id extends string = string> = LineProtocolProfile<Id> | HttpProtocolProfile<Id>;

/** A command line's verb, upper case: the first word, or the second where commands carry a tag. */
export function commandVerb(profile: Pick<ProtocolProfile, 'input'>, line: string): string | undefined {
  const words = line.trim().split(/\s+/).filter((w) => w !== '');
  const verb = profile.input.tagged && words.length > 1 ? words[1] : words[0];
  return verb?.toUpperCase();
}
