/**
 * Sessions: one client connection to one simulated server. `openSession(world, protocol, port)` is the one
 * way to open one, in the browser, in the lab's TCP server and in tests alike. A session turns each client
 * line into an event for its protocol's XState machine and hands back the machine's reply lines.
 */
import { createActor, type AnyActorRef, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import { portFact, type PortRole } from '../data/lookup.ts';
import { lineProfileOf } from '../protocols/registry.ts';
import { SERVED_PORTS } from '../protocols/served-ports.ts';
import type { Decision } from '../protocols/shared/decision.ts';
import { personalityFor, registerPersonality, type MailPersonality, type ServerPersonalityId } from '../protocols/shared/personality.ts';
import type { MailWorld, WorldChange } from '../protocols/shared/world.ts';
import type { LineFraming, LineProtocolName, Preparation, Session, SessionStep, SessionView, TranscriptEntry } from '../protocols/shared/session-types.ts';

export type { LineFraming, LineProtocolName, Session, SessionStep, SessionView, TranscriptEntry };

/** What every server machine receives as input. */
export interface SessionInput {
  world: MailWorld;
  port: number;
  sessionId: string;
  /** True on implicit-TLS ports: TLS is up before the greeting. */
  implicitTls: boolean;
  /** True where the server refuses authentication before TLS: its configuration on 587, 110 and 143 (RFC 8314 §4.1). */
  tlsRequired: boolean;
  /** Relay port (25): no AUTH, local recipients only (RFC 5321). Otherwise submission or access. */
  role: 'relay' | 'submission' | 'access';
  /** The client's address for Received headers. */
  clientAddress: string;
  /** Another vendor's server on this protocol (Exchange Online); absent: the course's Postfix/Dovecot-like server. */
  server?: MailPersonality;
}

/** The part of every server machine's context the session reads after each event. */
export interface SessionContextBase {
  /** Lines produced by the last event (or the greeting, initially). */
  reply: string[];
  /** TLS active now. */
  tls: boolean;
  /** The last event accepted STARTTLS/STLS: TLS starts after `reply`. */
  startTls: boolean;
  /** The server closed the connection after `reply`. */
  closed: boolean;
  /** The authenticated user, if any. */
  user: string | undefined;
}

/** The shared part of every server's first context: the greeting, TLS as the port gives it, nobody logged in. */
export function openingContext(input: Pick<SessionInput, 'implicitTls'>, greeting: string): SessionContextBase {
  return { reply: [greeting], tls: input.implicitTls, startTls: false, closed: false, user: undefined };
}

/** A machine event made from a client line. `type` is "client.<verb in lower case>" for commands. */
export interface ClientEvent {
  type: string;
  /** The command verb in upper case ("" for data lines). */
  verb: string;
  /** Everything after the verb (and the tag, in IMAP), unparsed. */
  args: string;
  /** The whole line as sent. */
  line: string;
  /** IMAP tag, when the protocol has tags. */
  tag?: string;
}

/** Every event a server machine takes: client lines, a lost connection, other sessions' changes to the world. */
export type MachineEvent = ClientEvent | { type: 'client.dropped' } | { type: 'world.changed'; change: WorldChange };

/** How a protocol plugs its machine into a session. */
export interface ProtocolDriver {
  protocol: LineProtocolName;
  machine: AnyStateMachine;
  /** Every command verb the server knows, upper case; `snapshot.can()` picks those the state allows. */
  verbs: readonly string[];
  /** Whether the server reports other sessions' changes (IMAP). */
  watchesWorld: boolean;
  /** Turns a client line into an event, given what the machine expects now. */
  toEvent(line: string, snapshot: SnapshotFrom<AnyStateMachine>): ClientEvent;
  /**
   * The protocol's pure step: what `event` does now, decided once. The machine receives the event with this
   * decision and records it; absent for a machine that decides in its own actions (the lab's test double).
   */
  decide?(event: MachineEvent, snapshot: SnapshotFrom<AnyStateMachine>): Decision;
  /** The slow part of the command `line` would be now, to be done ahead in slices (IMAP SEARCH, FETCH); see Session.prepare. */
  prepare?(line: string, snapshot: SnapshotFrom<AnyStateMachine>): Preparation | undefined;
  /** The decision the command palette asks the machine about for a bare verb: `decide` where that has no side effects. */
  preview?(event: ClientEvent, snapshot: SnapshotFrom<AnyStateMachine>): Decision;
  /** Performs a recorded decision's side effects once, after the transition; gives the reply lines they produce. */
  perform?(decision: Decision, snapshot: SnapshotFrom<AnyStateMachine>): string[];
  /** The reply to a command that exists but is not allowed in this state. */
  outOfState(event: ClientEvent, snapshot: SnapshotFrom<AnyStateMachine>): string[];
  /** The longest line the server accepts in the current state, in octets without CRLF. */
  maxLineOctets(snapshot: SnapshotFrom<AnyStateMachine>): number;
  /** Octets of a literal still owed (IMAP); absent or 0 where the protocol has no literals. */
  literalOctets?(snapshot: SnapshotFrom<AnyStateMachine>): number;
  /** The reply to a line over that limit. */
  lineTooLong(event: ClientEvent, snapshot: SnapshotFrom<AnyStateMachine>): string[];
  /** The farewell when the idle timer runs out (RFC 5321 §4.5.3.2, RFC 1939 §3, RFC 3501 §5.4). */
  timeoutReply(snapshot: SnapshotFrom<AnyStateMachine>): string[];
  /** The reply when something inside the engine failed: never a thrown error. */
  internalError(event: ClientEvent): string[];
  /** The RFC's name for the current state. */
  stateName(snapshot: SnapshotFrom<AnyStateMachine>): string;
  /** What the server waits for now. */
  expects(snapshot: SnapshotFrom<AnyStateMachine>): SessionView['expects'];
  /**
   * Whether a change in the world concerns the session now (IMAP: its selected mailbox). Only those reach the
   * machine, so a delivery costs the sessions that look at that mailbox, not every open session. Absent: all do.
   */
  wantsChange?(change: WorldChange, snapshot: SnapshotFrom<AnyStateMachine>): boolean;
  /**
   * A fresh count of bad commands for one session, where the server hangs up on a client that sends too many
   * (Postfix, Dovecot's POP3); absent where the machine counts them itself (IMAP).
   */
  errorCounter?(): ErrorCounter;
}

/** Counts one session's bad commands and says when the server ends the session. */
export interface ErrorCounter {
  /** After one client line: the farewell lines when the server hangs up now, else undefined. */
  observe(event: ClientEvent, replies: readonly string[], before: SnapshotFrom<AnyStateMachine>, after: SnapshotFrom<AnyStateMachine>): string[] | undefined;
}

const drivers = new Map<LineProtocolName, ProtocolDriver>();

/** Makes a protocol available to `openSession`; each protocol's driver module calls this once. */
export function registerDriver(driver: ProtocolDriver): void {
  drivers.set(driver.protocol, driver);
}

export { personalityFor, registerPersonality };

/** Options for a new session. */
export interface OpenOptions {
  /** Client address for Received headers (the lab passes the real one). */
  clientAddress?: string;
  /** Which server answers: another vendor's (Exchange Online) instead of the course's own. */
  server?: ServerPersonalityId;
}

/** The ports each protocol listens on in this course, derived from the data file through its profile (served-ports.ts). */
export const SESSION_PORTS: Readonly<Record<LineProtocolName, readonly number[]>> = SERVED_PORTS;

class MachineSession implements Session {
  readonly framingKind = 'line';
  readonly id: string;
  readonly greeting: TranscriptEntry[];
  internalErrors = 0;
  readonly #actor: AnyActorRef;
  readonly #driver: ProtocolDriver;
  readonly #security: SessionView['security'];
  readonly #pushListeners = new Set<(entries: TranscriptEntry[]) => void>();
  readonly #unwatch: (() => void) | undefined;
  readonly #errors: ErrorCounter | undefined;

  readonly protocol: LineProtocolName;
  readonly port: number;

  constructor(protocol: LineProtocolName, port: number, driver: ProtocolDriver, input: SessionInput, security: SessionView['security']) {
    this.protocol = protocol;
    this.port = port;
    this.id = input.sessionId;
    this.#driver = driver;
    this.#security = security;
    this.#actor = createActor(driver.machine, { input });
    // An action that throws puts the actor in its error state, which send() answers; without an observer XState
    // would also rethrow the error from a timer, outside any handler, and end the process.
    this.#actor.subscribe({ error: () => undefined });
    this.#actor.start();
    this.#errors = driver.errorCounter?.();
    const ctx = this.#context();
    this.greeting = [
      ...(input.implicitTls ? [tlsEvent('implicit')] : []),
      ...ctx.reply.map((text): TranscriptEntry => ({ kind: 'server', text, encrypted: ctx.tls })),
    ];
    this.#unwatch = driver.watchesWorld ? input.world.subscribe((change) => this.#onWorld(change)) : undefined;
  }

  #context(): SessionContextBase {
    const ctx = this.#actor.getSnapshot().context as SessionContextBase;
    return this.#failed ? { ...ctx, closed: true } : ctx;
  }

  prepare(line: string): Preparation | undefined {
    if (this.#context().closed) return undefined;
    try {
      return this.#driver.prepare?.(line, this.#actor.getSnapshot());
    } catch {
      // Preparing is only an optimisation: the command itself answers whatever went wrong.
      return undefined;
    }
  }

  send(line: string): SessionStep {
    const before = this.#context();
    const clientEntry: TranscriptEntry = { kind: 'client', text: line, encrypted: before.tls };
    if (before.closed) return { replies: [], entries: [clientEntry], startTls: false, closed: true };
    const snapshot = this.#actor.getSnapshot();
    let event: ClientEvent = { type: 'client.data', verb: '', args: '', line };
    let replies: string[];
    this.#stepFailed = false;
    try {
      const max = this.#driver.maxLineOctets(snapshot);
      // Over-long lines are cut before parsing, so no driver ever parses a 10 MB line.
      if (line.length > max) {
        event = this.#driver.toEvent(line.slice(0, max + 1), snapshot);
        replies = this.#driver.lineTooLong(event, snapshot);
      } else {
        event = this.#driver.toEvent(line, snapshot);
        const decided = this.#decided(event, snapshot);
        if (snapshot.can(decided)) replies = this.#dispatch(decided);
        else if (!decided.decision?.accepted) replies = decided.decision ? decided.decision.reply : this.#driver.outOfState(event, snapshot);
        else {
          // A move the step decided but the machine does not know is an engine fault, never a silent refusal.
          this.#stepFailed = true;
          throw new Error(`${this.protocol} machine has no transition for the decided move`);
        }
      }
    } catch {
      this.internalErrors += 1;
      replies = this.#driver.internalError(event);
      if (this.#actor.getSnapshot().status === 'error' || this.#stepFailed) return this.#fail(clientEntry, replies, before.tls);
    }
    const farewell = this.#errors?.observe(event, replies, snapshot, this.#actor.getSnapshot());
    if (farewell && !this.#context().closed) {
      replies = [...replies, ...farewell];
      this.#drop();
    }
    const after = this.#context();
    const startTls = after.startTls && !before.tls && after.tls;
    const lines = replies;
    let entries: TranscriptEntry[] | undefined;
    // Made when first read: the lab never reads them, and a FETCH of a full mailbox has half a million lines.
    const entriesOf = (): TranscriptEntry[] =>
      (entries ??= [clientEntry, ...lines.map((text): TranscriptEntry => ({ kind: 'server', text, encrypted: before.tls })), ...(startTls ? [tlsEvent('starttls')] : [])]);
    if (after.closed) this.#close(entriesOf());
    return {
      replies,
      get entries() {
        return entriesOf();
      },
      startTls,
      closed: after.closed,
    };
  }

  /** The event with its protocol's decision, made here once; the event as it is where the driver has no pure step. */
  #decided<E extends MachineEvent>(event: E, snapshot: SnapshotFrom<AnyStateMachine>): E & { decision?: Decision } {
    if (!this.#driver.decide) return event;
    return { ...event, decision: this.#failing(() => this.#driver.decide!(event, snapshot)) };
  }

  /** Sends a decided event, then performs its side effects once; gives the reply lines. */
  #dispatch(event: MachineEvent & { decision?: Decision }): string[] {
    this.#actor.send(event);
    // An action that throws leaves the actor in its error state instead of throwing here.
    if (this.#actor.getSnapshot().status === 'error') throw new Error('server machine failed');
    const reply = this.#context().reply;
    const { decision } = event;
    const more = decision && this.#driver.perform ? this.#failing(() => this.#driver.perform!(decision, this.#actor.getSnapshot())) : [];
    return more.length > 0 ? [...reply, ...more] : reply;
  }

  /** Set when the server's own step failed: the work the machine's actions once did, so it ends the session as they did. */
  #stepFailed = false;

  #failing<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      this.#stepFailed = true;
      throw error;
    }
  }

  /** The connection ends without a farewell of the client's: the machine records it and the protocol cleans up. */
  #drop(): void {
    try {
      this.#dispatch(this.#decided({ type: 'client.dropped' }, this.#actor.getSnapshot()));
    } catch {
      // A failure while closing leaves the session closed; the client has gone, so there is nobody to answer.
    }
  }

  /** After an internal failure the machine is gone: say so and close, rather than answer from a dead actor. */
  #fail(clientEntry: TranscriptEntry, replies: string[], tls: boolean): SessionStep {
    const entries: TranscriptEntry[] = [clientEntry, ...replies.map((text): TranscriptEntry => ({ kind: 'server', text, encrypted: tls }))];
    this.#failed = true;
    this.#close(entries);
    return { replies, entries, startTls: false, closed: true };
  }

  #failed = false;

  view(): SessionView {
    const snapshot = this.#actor.getSnapshot();
    const ctx = this.#context();
    const allowed = ctx.closed
      ? []
      : this.#driver.verbs.filter((verb) => {
          try {
            const probe: ClientEvent = { type: `client.${verb.toLowerCase()}`, verb, args: '', line: verb, tag: 'a' };
            const decision = this.#driver.preview?.(probe, snapshot);
            return snapshot.can(decision ? { ...probe, decision } : probe);
          } catch {
            return false;
          }
        });
    return {
      protocol: this.protocol,
      port: this.port,
      state: this.#driver.stateName(snapshot),
      tls: ctx.tls,
      security: this.#security,
      closed: ctx.closed,
      allowedCommands: allowed,
      expects: this.#driver.expects(snapshot),
      user: ctx.user,
    };
  }

  framing(): LineFraming {
    const snapshot = this.#actor.getSnapshot();
    if (this.#context().closed) return { maxLineOctets: 0, literalOctets: 0 };
    return { maxLineOctets: this.#driver.maxLineOctets(snapshot), literalOctets: this.#driver.literalOctets?.(snapshot) ?? 0 };
  }

  onPush(listener: (entries: TranscriptEntry[]) => void): () => void {
    this.#pushListeners.add(listener);
    return () => this.#pushListeners.delete(listener);
  }

  timeout(): SessionStep {
    const ctx = this.#context();
    if (ctx.closed) return { replies: [], entries: [], startTls: false, closed: true };
    const replies = this.#driver.timeoutReply(this.#actor.getSnapshot());
    this.#drop();
    const entries = replies.map((text): TranscriptEntry => ({ kind: 'server', text, encrypted: ctx.tls }));
    this.#close(entries);
    return { replies, entries, startTls: false, closed: true };
  }

  drop(): void {
    if (!this.#context().closed) this.#drop();
    this.#close([]);
  }

  #onWorld(change: WorldChange): void {
    // A session answers its own changes in its replies; only other sessions' changes are news.
    if (change.origin === this.id || this.#context().closed) return;
    if (this.#driver.wantsChange && !this.#driver.wantsChange(change, this.#actor.getSnapshot())) return;
    try {
      this.#dispatch(this.#decided({ type: 'world.changed', change }, this.#actor.getSnapshot()));
    } catch {
      this.internalErrors += 1;
      return;
    }
    const ctx = this.#context();
    if (ctx.reply.length === 0) return;
    const entries = ctx.reply.map((text): TranscriptEntry => ({ kind: 'server', text, encrypted: ctx.tls }));
    for (const l of [...this.#pushListeners]) l(entries);
  }

  #closed = false;
  #close(entries: TranscriptEntry[]): void {
    if (this.#closed) return;
    this.#closed = true;
    entries.push({ kind: 'event', event: 'closed', text: 'Connection closed' });
    this.#unwatch?.();
    this.#actor.stop();
  }
}

function tlsEvent(how: 'implicit' | 'starttls'): TranscriptEntry {
  return {
    kind: 'event',
    event: 'tls',
    text:
      how === 'implicit'
        ? 'TLS handshake before any mail protocol byte (implicit TLS); everything after this is encrypted'
        : 'TLS handshake on the same connection; everything after this is encrypted',
  };
}

/** A mail port's role for the server; an HTTP port is never taken for a mail access port (it has no line server). */
function mailRole(role: PortRole, port: number): SessionInput['role'] {
  if (role === 'http') throw new RangeError(`port ${port} is an HTTP port: open it with openHttpSession (src/machines/http-session.ts)`);
  return role;
}

/**
 * Opens a session with the server for `protocol` on `port`. The port decides the security at connection, as
 * on real servers: implicit TLS (465, 993, 995), STARTTLS with logins refused before TLS as a well-configured server
 * does (587, 110, 143), or relay with opportunistic STARTTLS and no AUTH (25). Throws a RangeError for a port the protocol does not use,
 * and an UnknownProtocolError (a RangeError) for a protocol no profile carries.
 */
export function openSession(world: MailWorld, protocol: LineProtocolName, port: number, options: OpenOptions = {}): Session {
  const profile = lineProfileOf(protocol);
  const driver = drivers.get(protocol);
  if (!driver) throw new RangeError(`no server for protocol "${protocol}" is registered (import src/machines/servers.ts)`);
  const fact = portFact(port);
  if (!SESSION_PORTS[protocol].includes(port) || !fact) {
    throw new RangeError(`${profile.label} is not served on port ${port}; use one of ${SESSION_PORTS[protocol].join(', ')}`);
  }
  const server = options.server === undefined ? undefined : personalityFor(options.server, world);
  const input: SessionInput = {
    world,
    port,
    sessionId: world.newSessionId(),
    implicitTls: fact.security === 'implicit-tls',
    // Refusing a login before TLS is the server's configuration, not the port's (RFC 2595 §2.3, RFC 3501 §6.2.3,
    // RFC 3207 §4). The simulated servers are configured as well-configured servers are, as RFC 8314 §4.1
    // recommends and Dovecot and Postfix submission (smtpd_tls_auth_only) do: wherever the port leaves it to
    // configuration (587, 110, 143) they refuse; on relay (25) TLS stays opportunistic, as a public MX must.
    tlsRequired: fact.security === 'starttls' && fact.tlsBeforeLogin === 'configuration',
    role: mailRole(fact.role, port),
    clientAddress: options.clientAddress ?? '192.0.2.10',
    ...(server ? { server } : {}),
  };
  return new MachineSession(protocol, port, driver, input, fact.security);
}
