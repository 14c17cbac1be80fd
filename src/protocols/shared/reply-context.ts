/**
 * A reply in its context: the command that caused it, the session's state and the port, read from the
 * transcript a session produced. Each protocol's context rules (smtp|pop3|imap/context-rules.ts) read it to
 * choose what to say first about the reply; the reply catalogue still says what each code means.
 */
import type { LineProtocolName, SessionView, TranscriptEntry } from './session-types.ts';

/** A transcript entry, or a mark where a new connection begins (the simulator's rows have those). */
export type ContextEntry = TranscriptEntry | { kind: 'event'; event: 'open'; text: string };

/** What a context rule knows about the latest reply. */
export interface ReplyContext {
  protocol: LineProtocolName;
  port: number;
  /** How the port protects the connection (implicit-tls, starttls…). */
  security: SessionView['security'];
  /** The command verb, upper case (IMAP: after the tag); for a line answering a continuation, that command's verb. */
  verb: string;
  /** The command's arguments, as typed (the mechanism and initial response for AUTH). */
  args: string;
  /** The line answered the server's continuation (a SASL response, message text, a literal) instead of being a command. */
  answer: boolean;
  /** The line the client sent. */
  line: string;
  /** TLS was active when the line was sent; and now. */
  tlsBefore: boolean;
  tls: boolean;
  /** The server's state after the reply (the RFC's name), and whether the connection is closed. */
  state: string;
  closed: boolean;
  /** The reply's lines, and its status: SMTP code, POP3 +OK/-ERR/+, IMAP OK/NO/BAD/BYE/+ ('' when none). */
  reply: string[];
  status: string;
  /** Verbs of the commands sent earlier on this connection, oldest first. */
  earlier: string[];
}

/** One rule: when it speaks, and what it says first. */
export interface ContextRule {
  /** A stable id, e.g. "smtp-503-ehlo-after-starttls" (tests and the page's data-rule use it). */
  id: string;
  when: (c: ReplyContext) => boolean;
  title: string;
  text: string | ((c: ReplyContext) => string);
  /** The RFC section the rule rests on. */
  rfc: string;
}

/** What a rule says about one reply. */
export interface ContextNote {
  id: string;
  title: string;
  text: string;
  rfc: string;
}

/** The first rule that speaks for `c`, as a note; undefined when none does (the catalogue alone then explains). */
export function firstNote(rules: readonly ContextRule[], c: ReplyContext): ContextNote | undefined {
  const rule = rules.find((r) => r.when(c));
  if (!rule) return undefined;
  return { id: rule.id, title: rule.title, text: typeof rule.text === 'string' ? rule.text : rule.text(c), rfc: rule.rfc };
}

/** The rules as a function of a transcript: what to say first about its latest reply, given the view after it. */
export function judge(rules: readonly ContextRule[]): (entries: readonly ContextEntry[], view: SessionView) => ContextNote | undefined {
  return (entries, view) => {
    const c = replyContext(entries, view);
    return c && firstNote(rules, c);
  };
}

/** Whether a server line asks the client to go on (RFC 4954 §4 334, RFC 5321 §4.2.3 354, RFC 5034 §4 and RFC 3501 §7.5 "+"). */
export function isContinuation(protocol: LineProtocolName, line: string): boolean {
  if (protocol === 'smtp') return /^(334|354)( |$)/.test(line);
  return line === '+' || line.startsWith('+ ');
}

/** The reply's status: the last line with a code or status word (IMAP: tagged, "+", or an untagged BYE). */
export function replyStatus(protocol: LineProtocolName, lines: readonly string[]): string {
  for (const line of [...lines].reverse()) {
    if (protocol === 'smtp') {
      const m = /^([2-5]\d\d)(?: |$)/.exec(line);
      if (m) return m[1]!;
    } else if (isContinuation(protocol, line)) return '+';
    else if (protocol === 'pop3') {
      const m = /^(\+OK|-ERR)(?: |$)/.exec(line);
      if (m) return m[1]!;
    } else {
      const m = /^(?:\* (BYE)|[^\s*+]+ (OK|NO|BAD))(?: |$)/i.exec(line);
      if (m) return (m[1] ?? m[2]!).toUpperCase();
    }
  }
  return '';
}

/** A command line's verb and arguments (IMAP: after its tag). */
function parse(protocol: LineProtocolName, line: string): { verb: string; args: string } {
  const words = line.trim().split(/\s+/);
  const skip = protocol === 'imap' ? 1 : 0;
  const verb = (words[skip] ?? '').toUpperCase();
  // IMAP "UID FETCH …" and similar: the command is the second word.
  const uid = protocol === 'imap' && verb === 'UID' && words[skip + 1] !== undefined;
  const at = skip + (uid ? 2 : 1);
  return { verb: uid ? `UID ${words[skip + 1]!.toUpperCase()}` : verb, args: words.slice(at).join(' ') };
}

/**
 * The context of the latest reply in `entries` (a transcript, possibly over several connections), with `view` the
 * session's view after it. Undefined when the latest connection has no client line yet (only a greeting).
 */
export function replyContext(entries: readonly ContextEntry[], view: SessionView): ReplyContext | undefined {
  let start = 0;
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const e = entries[i]!;
    if (e.kind === 'event' && e.event === 'open') {
      start = i + 1;
      break;
    }
  }
  const { protocol } = view;
  const commands: { verb: string; args: string }[] = [];
  let current: { verb: string; args: string; line: string; answer: boolean; tls: boolean } | undefined;
  let reply: string[] = [];
  let continued = false;
  for (let i = start; i < entries.length; i += 1) {
    const e = entries[i]!;
    if (e.kind === 'server') {
      reply.push(e.text);
      continued = isContinuation(protocol, e.text);
    } else if (e.kind === 'client') {
      if (current && !current.answer) commands.push(current);
      const command = continued ? undefined : parse(protocol, e.text);
      const owner = command ?? current ?? { verb: '', args: '' };
      current = { verb: owner.verb, args: owner.args, line: e.text, answer: command === undefined, tls: e.encrypted };
      reply = [];
    }
  }
  if (!current) return undefined;
  return {
    protocol, port: view.port, security: view.security,
    verb: current.verb, args: current.args, answer: current.answer, line: current.line,
    tlsBefore: current.tls, tls: view.tls, state: view.state, closed: view.closed,
    reply, status: replyStatus(protocol, reply),
    earlier: commands.map((c) => c.verb),
  };
}

/** Whether `verb` was sent on this connection after the last `since` (or at all, when `since` never was). */
export function sentSince(c: ReplyContext, verbs: readonly string[], since: string): boolean {
  const from = c.earlier.lastIndexOf(since);
  return c.earlier.slice(from + 1).some((v) => verbs.includes(v));
}
